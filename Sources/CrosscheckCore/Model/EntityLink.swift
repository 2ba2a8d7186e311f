/// One cross-document merge: `id` is the same entity as `canonical`, and why.
public struct EntityLink: Sendable, Hashable, Codable {
    public var id: String
    public var canonical: String
    public var evidence: String

    public init(id: String, canonical: String, evidence: String) {
        self.id = id
        self.canonical = canonical
        self.evidence = evidence
    }
}
