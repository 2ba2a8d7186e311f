/// An article the language layer has not read yet.
public struct PendingAnnotation: Sendable {
    /// The article's row in the store.
    public var doc: Int64
    public var id: ContentID
    public var text: String
    /// Publication date (ISO), which anchors relative dates.
    public var published: String?
    /// ISO 639-1 language identified at ingest, if any: event triggers are English words, so other
    /// languages get no events ("die" is German for "the").
    public var language: String?

    public init(doc: Int64, id: ContentID, text: String, published: String?, language: String? = nil) {
        self.doc = doc
        self.id = id
        self.text = text
        self.published = published
        self.language = language
    }
}
