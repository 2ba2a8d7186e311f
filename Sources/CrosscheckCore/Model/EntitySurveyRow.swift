/// An entity id as stored, with what the store knows of it (for cross-document linking).
public struct EntitySurveyRow: Sendable, Hashable {
    public var id: String
    public var kind: MentionKind
    /// The most frequent normalised name of its mentions.
    public var name: String
    public var mentions: Int

    public init(id: String, kind: MentionKind, name: String, mentions: Int) {
        self.id = id
        self.kind = kind
        self.name = name
        self.mentions = mentions
    }
}
