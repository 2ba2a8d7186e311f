/// Which entities to list.
public struct EntityQuery: Sendable {
    public var kind: MentionKind?
    /// Case-insensitive substring of the name or an alias.
    public var name: String?
    public var limit: Int

    public init(kind: MentionKind? = nil, name: String? = nil, limit: Int = 100) {
        self.kind = kind
        self.name = name
        self.limit = limit
    }
}
