import CrosscheckCore

/// An article as shown next to a relation.
public struct ArticleRef: Sendable, Codable, Hashable {
    public var id: ContentID
    public var title: String?
    public var outlet: String?
    public var published: String?
}
