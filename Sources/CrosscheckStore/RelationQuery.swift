import CrosscheckCore

/// Filters for `relations` and `sourceGroups`.
public struct RelationQuery: Sendable {
    /// Only relations touching this article (id prefix of at least 4 hex digits).
    public var article: String?
    /// Only these kinds (all when empty).
    public var kinds: Set<RelationKind>
    /// Groups: only those with at least this many articles.
    public var minGroupSize: Int
    public var limit: Int

    public init(article: String? = nil, kinds: Set<RelationKind> = [], minGroupSize: Int = 2, limit: Int = 1000) {
        self.article = article
        self.kinds = kinds
        self.minGroupSize = minGroupSize
        self.limit = limit
    }
}
