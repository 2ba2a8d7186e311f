import CrosscheckCore
import Foundation

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
