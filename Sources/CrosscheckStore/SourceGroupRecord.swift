import CrosscheckCore

/// A source group: articles that are not independent of each other.
public struct SourceGroupRecord: Sendable, Codable, Hashable {
    public var group: ContentID
    public var size: Int
    /// Relation kinds inside the group, with counts.
    public var kinds: [String: Int]
    public var members: [ArticleRef]
}
