/// What the language layer read in one article, ready to store.
public struct ArticleAnnotations: Sendable {
    public var doc: Int64
    /// Sentences (UTF-8 offsets); each mention is stored with the sentence that holds it.
    public var sentences: [(start: Int, end: Int)]
    public var mentions: [Mention]
    public var words: Int
    public var events: [EventMention]
    /// What the article is about, for grouping articles by incident (nil when no events layer ran).
    public var profile: ArticleProfile?

    public init(doc: Int64, sentences: [(start: Int, end: Int)], mentions: [Mention], words: Int, events: [EventMention] = [],
                profile: ArticleProfile? = nil) {
        self.doc = doc
        self.sentences = sentences
        self.mentions = mentions
        self.words = words
        self.events = events
        self.profile = profile
    }
}
