import Foundation

/// One write token as `token list` shows it.
public struct TokenRecord: Sendable, Codable, Equatable {
    public var name: String
    public var created: Date
    public var lastUsed: Date?

    public init(name: String, created: Date, lastUsed: Date?) {
        self.name = name
        self.created = created
        self.lastUsed = lastUsed
    }
}
