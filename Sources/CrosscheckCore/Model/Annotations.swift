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

extension AnnotationIndex {
    public func pendingAnnotations(limit: Int) throws -> [PendingAnnotation] { try pendingAnnotations(after: nil, limit: limit) }
}

/// Where the language layer's results live.
public protocol AnnotationIndex: Sendable {
    /// Up to `limit` articles the language layer has not read, in arrival order; with `after`, only
    /// articles after that one (so the next batch can be read while the previous one is being saved).
    func pendingAnnotations(after doc: Int64?, limit: Int) throws -> [PendingAnnotation]
    /// Stores a batch of annotations (replacing any earlier ones of the same articles).
    func saveAnnotations(_ batch: [ArticleAnnotations]) throws
    /// Every entity id with its kind, commonest name and mention count.
    func entitySurvey() throws -> [EntitySurveyRow]
    /// Replaces the cross-document links.
    func saveEntityLinks(_ links: [EntityLink]) throws
    /// Entities merged across documents, most mentioned first.
    func entities(_ query: EntityQuery) throws -> [EntityRecord]
    /// The names each entity is written with (cross-document links followed), for the entities one of whose names
    /// contains `word` as a whole word (any case): one list per entity, most used first.
    func entityNames(containing word: String) throws -> [[String]]
    /// Forgets every annotation, so the next pass reads everything again.
    func resetAnnotations() throws
    /// Every stored event mention with its article's outlet, date and source group.
    func eventReferences() throws -> [EventReference]
    /// Cross-document entity merges: id → canonical id.
    func entityLinks() throws -> [String: String]
    /// The stored profiles of the articles that have event mentions, in row order.
    func articleProfiles() throws -> [ProfiledArticle]
}
