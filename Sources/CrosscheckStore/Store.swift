import CrosscheckCore
import Foundation

/// The persistent store: raw bytes, cleaned articles, full-text index, the rejection log, duplicates and source groups,
/// annotations, event mentions and the stored situation.
///
/// The async boundary: every requirement is synchronous and blocking, and a store is `Sendable` — it may be called
/// from any thread at once (readers see whole write batches; one writer at a time, others wait). An async caller (the
/// server) runs store calls on its own blocking-work threads, never on an event loop. `StoreConformanceTests` holds
/// what every backend must do; each backend runs it unchanged.
///
/// ```swift
/// let store = try SQLiteStore(path: "crosscheck.sqlite")
/// let summary = try Ingestor().ingest(["articles/"], into: store)
/// try Engine().analyze(store)            // CrosscheckService
/// let hits = try store.search(["Taliban"], raw: false, limit: 10, highlight: .markdown)
/// ```
public protocol Store: IngestSink, DedupIndex, AnnotationIndex, SituationIndex, TemplateIndex, TokenIndex {
    /// Number of stored articles.
    func articleCount() throws -> Int
    /// Articles ordered by publication date (undated last), then id.
    func articles(_ query: ArticleQuery) throws -> [ArticleSummary]
    /// The article whose id starts with `idPrefix` (at least 4 hex digits).
    func article(idPrefix: String) throws -> StoredArticle
    /// Full-text search ranked by bm25. `query` is a list of terms (all must match); a term with
    /// spaces is a phrase. `raw` passes SQLite FTS5 syntax through unchanged.
    func search(_ terms: [String], raw: Bool, limit: Int, highlight: Highlight) throws -> [SearchHit]
    /// Full-text search where every group must match and a group matches when any of its phrases does (an entity's
    /// spellings: `[["Rahmon", "Rakhmon"], ["border"]]`); ranked and highlighted as `search`.
    func search(anyOf groups: [[String]], limit: Int, highlight: Highlight) throws -> [SearchHit]
    /// The rejection log, newest first.
    func rejections(limit: Int) throws -> [RejectionRecord]
    /// Up to `limit` raw articles with ids after `after` (all when `nil`), in id order: page through
    /// the store without holding it in memory.
    func rawArticles(after: ContentID?, limit: Int) throws -> [RawArticle]
    /// The raw article with this id, bytes as received (a WARC record, a feed item, a file), or nil.
    func rawArticle(id: ContentID) throws -> RawArticle?
    /// Replaces the cleaned articles (same ids) after re-analysis.
    func updateArticles(_ articles: [Article]) throws
    /// Every article's id, outlet and origin, for grouping articles by source.
    func articleSources() throws -> [(id: ContentID, outlet: String?, origin: String)]
    /// The cleaned articles with these ids (missing ids are skipped).
    func articles(ids: [ContentID]) throws -> [Article]
    /// Text relations and citations found by the duplicate finder, by group.
    func relations(_ query: RelationQuery) throws -> [RelationRecord]
    /// Source groups with their members, largest first.
    func sourceGroups(_ query: RelationQuery) throws -> [SourceGroupRecord]
    /// How many articles the duplicate finder has not processed yet.
    func pendingDedupCount() throws -> Int
}
