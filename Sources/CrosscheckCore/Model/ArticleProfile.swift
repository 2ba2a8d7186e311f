/// What one article is about, in the terms that tell one happening from another: its named people and
/// organisations, its places (with their precision), the days and years it writes, the figures it counts,
/// its distinctive words and the kinds of events it tells. The incident clusterer compares articles by it;
/// events merge across articles only inside one incident.
public struct ArticleProfile: Sendable, Hashable {
    /// A named participant: an entity id as read in the article (cross-document links apply at merge time).
    public struct Name: Sendable, Hashable {
        public var entity: String
        public var kind: MentionKind
        public var count: Int
        public init(entity: String, kind: MentionKind, count: Int) {
            self.entity = entity
            self.kind = kind
            self.count = count
        }
    }

    /// A place the article names, with its precision.
    public struct Place: Sendable, Hashable {
        public var id: String
        public var country: String
        public var precision: PlacePrecision
        public var count: Int
        public init(id: String, country: String, precision: PlacePrecision, count: Int) {
            self.id = id
            self.country = country
            self.precision = precision
            self.count = count
        }
    }

    public var names: [Name]
    public var places: [Place]
    /// Days written in full (with a year, not taken from the publication date), as day numbers, with counts.
    public var days: [Int: Int]
    /// Years the article writes ("in 2008", "March 3, 2011").
    public var years: [Int]
    /// Exact figures with what they count ("23|pirates"), and the ages of people ("40|age"), each once.
    public var figures: [String]
    /// Distinctive words (lower-cased word hashes, function words left out) with their counts.
    public var words: [UInt64: Int]
    /// Event types the article tells, with counts.
    public var kinds: [String: Int]
    /// Publication day number, when known.
    public var published: Int?

    public init(names: [Name] = [], places: [Place] = [], days: [Int: Int] = [:], years: [Int] = [], figures: [String] = [],
                words: [UInt64: Int] = [:], kinds: [String: Int] = [:], published: Int? = nil) {
        self.names = names
        self.places = places
        self.days = days
        self.years = years
        self.figures = figures
        self.words = words
        self.kinds = kinds
        self.published = published
    }
}
