import CrosscheckDedup
import CrosscheckStore

/// Runs the duplicate finder over the articles it has not seen yet (after ingest and the template pass).
enum DedupPass {
    @discardableResult
    static func run(on store: any Store, configuration: DedupConfiguration = DedupConfiguration()) throws -> DedupSummary {
        try Deduplicator(configuration: configuration).run(on: store)
    }
}
