import CrosscheckCore
import CrosscheckDedup
import CrosscheckEvents
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
