import CrosscheckCore
import Foundation

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
