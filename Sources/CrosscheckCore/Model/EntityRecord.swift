/// A stored entity, merged across documents.
public struct EntityRecord: Sendable, Codable, Hashable {
    public var id: String
    /// person, organization, place or country (nationalities count as their country).
    public var kind: MentionKind
    public var name: String
    /// Surface forms with how often each was written.
    public var aliases: [String: Int]
    public var mentions: Int
    public var articles: Int
    public var latitude: Double?
    public var longitude: Double?
    public var country: String?
    public var precision: PlacePrecision?
    /// Ids merged into this one, with the evidence for each merge.
    public var merged: [EntityLink]

    public init(id: String, kind: MentionKind, name: String, aliases: [String: Int], mentions: Int, articles: Int,
                latitude: Double? = nil, longitude: Double? = nil, country: String? = nil, precision: PlacePrecision? = nil,
                merged: [EntityLink] = []) {
        self.id = id
        self.kind = kind
        self.name = name
        self.aliases = aliases
        self.mentions = mentions
        self.articles = articles
        self.latitude = latitude
        self.longitude = longitude
        self.country = country
        self.precision = precision
        self.merged = merged
    }
}
