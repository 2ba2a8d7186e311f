import CrosscheckCore
import Foundation

/// A full stored article with its provenance.
public struct StoredArticle: Sendable, Codable, Hashable {
    public var article: Article
    public var origin: Origin
    public var format: InputFormat
    public var receivedAt: Date
    /// Size of the raw bytes.
    public var rawSize: Int
}
