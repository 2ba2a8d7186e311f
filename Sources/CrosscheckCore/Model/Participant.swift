/// A participant of an event: an entity mention's id and name.
public struct Participant: Codable, Sendable, Hashable {
    public var entity: String?
    public var name: String
    public var kind: MentionKind
    /// For a person introduced with a nationality and a title ("Tajik President Emomali Rahmon"): the
    /// country (`country:TJ`) they act for.
    public var country: String?

    public init(entity: String?, name: String, kind: MentionKind, country: String? = nil) {
        self.entity = entity
        self.name = name
        self.kind = kind
        self.country = country
    }
}
