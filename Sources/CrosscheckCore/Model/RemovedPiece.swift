import Foundation

/// A piece of input that cleaning removed, with the reason, so a user can audit what was dropped.
public struct RemovedPiece: Hashable, Codable, Sendable {
    /// The removed text (trimmed; long pieces are kept whole).
    public var text: String
    /// Why: `boilerplate-phrase`, `navigation`, `metadata-line`, `photo-caption`, `script`…
    public var reason: String

    public init(text: String, reason: String) {
        self.text = text
        self.reason = reason
    }
}
