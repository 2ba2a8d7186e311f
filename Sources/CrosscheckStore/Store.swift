import CrosscheckCore
import Foundation

/// An article as listed: its metadata, where it came from, and its size.
public struct ArticleSummary: Sendable, Codable, Hashable {
    public var id: ContentID
    public var title: String?
    public var published: PublishedDate?
    public var outlet: String?
    public var url: String?
    public var language: String?
    public var words: Int
    public var origin: Origin
    public var format: InputFormat
    public var receivedAt: Date
    /// The article's source group, named by its first article; nil until the duplicate finder ran.
    public var group: ContentID?
    /// Articles in that group (1: independent of every other stored article).
    public var groupSize: Int
    /// What the duplicate finder did with it: `indexed`, `copy` (an exact or near copy, linked and not
    /// indexed), `short` (too short to compare except as an exact copy); nil until it ran.
    public var dedupStatus: String?

    public init(id: ContentID, title: String?, published: PublishedDate?, outlet: String?, url: String?, language: String?,
                words: Int, origin: Origin, format: InputFormat, receivedAt: Date, group: ContentID? = nil, groupSize: Int = 0,
                dedupStatus: String? = nil) {
        self.id = id
        self.title = title
        self.published = published
        self.outlet = outlet
        self.url = url
        self.language = language
        self.words = words
        self.origin = origin
        self.format = format
        self.receivedAt = receivedAt
        self.group = group
        self.groupSize = groupSize
        self.dedupStatus = dedupStatus
    }
}

/// A full stored article with its provenance.
public struct StoredArticle: Sendable, Codable, Hashable {
    public var article: Article
    public var origin: Origin
    public var format: InputFormat
    public var receivedAt: Date
    /// Size of the raw bytes.
    public var rawSize: Int
}

/// A full-text search hit.
public struct SearchHit: Sendable, Codable, Hashable {
    public var id: ContentID
    public var title: String?
    public var outlet: String?
    public var published: PublishedDate?
    /// The matching passage with each match wrapped in the highlight markers given to `search`.
    public var snippet: String
    /// Relevance, higher is better; comparable only within one result list (each backend ranks its own way: SQLite
    /// gives bm25 negated).
    public var score: Double
}

/// One entry of the rejection log.
public struct RejectionRecord: Sendable, Codable, Hashable {
    public var origin: String
    public var code: String
    public var reason: String
    public var firstSeen: Date
    public var lastSeen: Date
    /// How many ingest runs met this rejection.
    public var attempts: Int
}

/// Markers placed around each match in a search snippet.
public struct Highlight: Sendable {
    public var open: String
    public var close: String
    public init(open: String, close: String) {
        self.open = open
        self.close = close
    }

    /// `**match**`: readable in a terminal, in JSON and in Markdown.
    public static let markdown = Highlight(open: "**", close: "**")
    /// Bold yellow on an ANSI terminal.
    public static let ansi = Highlight(open: "\u{1B}[1;33m", close: "\u{1B}[0m")
}

/// Errors of the store: a struct over a private enum, with a one-line message.
public struct StoreError: Error, CustomStringConvertible, Equatable {
    private enum Kind: Equatable {
        case notFound(String)
        case ambiguous(String, Int)
        case badQuery(String, String)
        case unsupported(String)
        case outdated(String)
    }

    private let kind: Kind

    public static func notFound(_ id: String) -> StoreError { StoreError(kind: .notFound(id)) }
    public static func ambiguous(_ id: String, matches: Int) -> StoreError { StoreError(kind: .ambiguous(id, matches)) }
    public static func badQuery(_ query: String, _ detail: String) -> StoreError { StoreError(kind: .badQuery(query, detail)) }
    public static func unsupported(_ what: String) -> StoreError { StoreError(kind: .unsupported(what)) }
    /// A store opened read-only whose schema an older version wrote (it cannot be upgraded without writing).
    public static func outdated(_ path: String) -> StoreError { StoreError(kind: .outdated(path)) }

    public var description: String {
        switch kind {
        case .notFound(let id): "no article with id \(id)"
        case .ambiguous(let id, let n): "id prefix \(id) matches \(n) articles; give more digits"
        case .badQuery(let q, let detail): "cannot search for \(q): \(detail)"
        case .unsupported(let what): "unsupported: \(what)"
        case .outdated(let path): "the store at \(path) was written by an older crosscheck; run `crosscheck reanalyze --db \(path)` to bring it up to date"
        }
    }
}

/// Filters and order for listing articles.
public struct ArticleQuery: Sendable {
    public var limit: Int
    public var offset: Int
    public var outlet: String?

    public init(limit: Int = 1000, offset: Int = 0, outlet: String? = nil) {
        self.limit = limit
        self.offset = offset
        self.outlet = outlet
    }
}

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
public protocol Store: IngestSink, DedupIndex, AnnotationIndex, SituationIndex {
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
    /// Replaces the cleaned articles (same ids) after re-analysis.
    func updateArticles(_ articles: [Article]) throws
    /// Every article's id, outlet and origin, for grouping articles by source.
    func articleSources() throws -> [(id: ContentID, outlet: String?, origin: String)]
    /// The cleaned articles with these ids (missing ids are skipped).
    func articles(ids: [ContentID]) throws -> [Article]
    /// Streams every article's id, outlet, origin (only for articles without an outlet), text and the
    /// texts it lost as outlet template, in storage order, without holding the store in memory.
    func forEachArticleText(_ body: (_ id: ContentID, _ outlet: String?, _ origin: String?, _ text: String,
                                     _ templates: [String]) throws -> Void) throws
    /// Text relations and citations found by the duplicate finder, by group.
    func relations(_ query: RelationQuery) throws -> [RelationRecord]
    /// Source groups with their members, largest first.
    func sourceGroups(_ query: RelationQuery) throws -> [SourceGroupRecord]
    /// How many articles the duplicate finder has not processed yet.
    func pendingDedupCount() throws -> Int
}
