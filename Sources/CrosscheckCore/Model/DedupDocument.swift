/// An article as the duplicate finder reads it.
public struct DedupDocument: Sendable, Hashable {
    /// The store's row number of the article: small, stable, and ordered by arrival.
    public var doc: Int64
    public var id: ContentID
    public var outlet: String?
    public var text: String
    /// ISO 639-1 code when known: chooses the stopword list.
    public var language: String?
    /// Publication date (ISO 8601) when known: who copied whom.
    public var published: String?
    /// The article's address (URL) when known: two articles at one address are one article told twice.
    public var url: String?

    public init(doc: Int64, id: ContentID, outlet: String?, text: String, language: String? = nil, published: String? = nil,
                url: String? = nil) {
        self.url = url
        self.doc = doc
        self.id = id
        self.outlet = outlet
        self.text = text
        self.language = language
        self.published = published
    }
}
