import CrosscheckCore
import CrosscheckStore
import Foundation

/// Reading answers kept until the stored situation changes: each entry carries the stamp of the situation it was
/// made from, and a request first reads the current stamp (one row), so an ingest — through the API or by the CLI
/// on the same file — makes every older answer miss. Bounded in entries and in body size.
final class ResponseCache: @unchecked Sendable {
    static let maxEntries = 512
    static let maxBodyBytes = 1 << 20

    private let lock = NSLock()
    private var entries: [String: (stamp: SituationStamp?, payload: Payload)] = [:]
    private var order: [String] = []

    /// The cached answer to `key` made under `stamp`, or a new one from `make` (kept when small enough).
    func payload(for key: String, stamp: SituationStamp?, make: () async throws -> Payload) async throws -> Payload {
        if let hit = lock.withLock({ entries[key] }), hit.stamp == stamp { return hit.payload }
        let made = try await make()
        guard made.status == .ok, made.body.readableBytes <= Self.maxBodyBytes else { return made }
        lock.withLock {
            if entries.updateValue((stamp, made), forKey: key) == nil { order.append(key) }
            if order.count > Self.maxEntries { entries[order.removeFirst()] = nil }
        }
        return made
    }
}
