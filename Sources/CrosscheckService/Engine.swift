import CrosscheckCore
import CrosscheckDedup
import CrosscheckEvents
import CrosscheckIngest
import CrosscheckLanguage
import CrosscheckStore
import Foundation

/// The pipeline after ingest, in its one order: outlet templates → duplicates and source groups → language and
/// events → the merged situation, stored. `ingest`, `reanalyze` and the demo run it (and, later, the server); reading
/// commands only read what it stored.
public struct Engine: Sendable {
    public var dedup: DedupConfiguration
    public var language: LanguagePass

    public init(dedup: DedupConfiguration = DedupConfiguration(), language: LanguagePass = .withEvents()) {
        self.dedup = dedup
        self.language = language
    }

    /// What one run did.
    public struct Summary: Sendable {
        /// Articles whose outlet templates were removed.
        public var templated = 0
        public var dedup: DedupSummary?
        public var language: LanguageSummary?
        /// Whether the situation was merged again and stored (false when the stored one was up to date).
        public var situationStored = false
    }

    /// Runs every step on `store`. With `templates: false` the outlet-template pass is skipped (nothing new was stored).
    @discardableResult
    public func analyze(_ store: any Store, templates: Bool = true) throws -> Summary {
        var summary = Summary()
        if templates { summary.templated = try TemplatePass.run(on: store) }
        summary.dedup = try Deduplicator(configuration: dedup).run(on: store)
        summary.language = try language.run(on: store)
        summary.situationStored = try Self.storeSituation(of: store)
        return summary
    }

    /// What `reanalyze` did: raw articles cleaned again, how many came out different, how many failed (their previous
    /// cleaning is kept, each reported to `onFailure`), and the analysis that followed.
    public struct Reanalysis: Sendable {
        public var total = 0, changed = 0, failed = 0
        public var analysis = Summary()
    }

    /// Cleans every stored raw article again with the current code, then analyses the whole store anew: templates,
    /// duplicates and annotations are reset, since texts may have changed.
    public func reanalyze(_ store: any Store, ingestor: Ingestor = Ingestor(), onFailure: (RawArticle, Rejection) -> Void = { _, _ in }) throws -> Reanalysis {
        var out = Reanalysis()
        var after: ContentID?
        while true {
            let batch = try store.rawArticles(after: after, limit: 256)
            guard let last = batch.last else { break }
            after = last.id
            var updates: [Article] = []
            for (raw, result) in zip(batch, ingestor.cleanInParallel(batch)) {
                out.total += 1
                switch result {
                case .success(let article): updates.append(article)
                case .failure(let rejection):
                    out.failed += 1
                    onFailure(raw, rejection)
                }
            }
            // One query per batch for the stored versions (not one lookup per article).
            let before = Dictionary(uniqueKeysWithValues: try store.articles(ids: updates.map(\.id)).map { ($0.id, $0) })
            out.changed += updates.filter { before[$0.id] != $0 }.count
            try store.updateArticles(updates)
        }
        try store.resetTemplates()
        try store.resetDedup()
        try store.resetAnnotations()
        out.analysis = try analyze(store)
        return out
    }

    /// Merges the analysed articles' events and stores the situation, unless the stored one is up to date (or `force`).
    @discardableResult
    public static func storeSituation(of store: any Store, force: Bool = false) throws -> Bool {
        let now = try store.currentSituationStamp()
        if !force, try store.situationStamp() == now { return false }
        let situation = try Situation.read(from: store)
        try store.saveSituation(situation, views: try SituationViews.make(situation, store: store).stored, stamp: now)
        return true
    }
}
