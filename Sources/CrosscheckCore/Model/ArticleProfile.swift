/// What one article is about, in the terms that tell one happening from another: its named people and
/// organisations, its places (with their precision), the days and years it writes, the figures it counts,
/// its distinctive words and the kinds of events it tells. The incident clusterer compares articles by it;
/// events merge across articles only inside one incident.
public struct ArticleProfile: Codable, Sendable, Hashable {
    /// A named participant: an entity id as read in the article (cross-document links apply at merge time).
    public struct Name: Codable, Sendable, Hashable {
        public var entity: String
        public var kind: MentionKind
        public var count: Int
        public init(entity: String, kind: MentionKind, count: Int) {
            self.entity = entity
            self.kind = kind
            self.count = count
        }
    }

    /// A place the article names, with the gazetteer's precision (`locality`, `region`, `country`).
    public struct Place: Codable, Sendable, Hashable {
        public var id: String
        public var country: String
        public var precision: String
        public var count: Int
        public init(id: String, country: String, precision: String, count: Int) {
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
    /// Exact figures with what they count ("23|pirates"), each once.
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

    enum CodingKeys: String, CodingKey { case names, places, days, years, figures, words, kinds, published }

    /// Word hashes are written as hexadecimal strings ("9f3a…:2"): a JSON number loses 64-bit integers in many readers.
    public init(from decoder: any Decoder) throws {
        let c = try decoder.container(keyedBy: CodingKeys.self)
        names = try c.decode([Name].self, forKey: .names)
        places = try c.decode([Place].self, forKey: .places)
        days = try c.decode([Int: Int].self, forKey: .days)
        years = try c.decode([Int].self, forKey: .years)
        figures = try c.decode([String].self, forKey: .figures)
        kinds = try c.decode([String: Int].self, forKey: .kinds)
        published = try c.decodeIfPresent(Int.self, forKey: .published)
        words = [:]
        for entry in try c.decode([String].self, forKey: .words) {
            let parts = entry.split(separator: ":")
            guard parts.count == 2, let hash = UInt64(parts[0], radix: 16), let count = Int(parts[1]) else { continue }
            words[hash] = count
        }
    }

    public func encode(to encoder: any Encoder) throws {
        var c = encoder.container(keyedBy: CodingKeys.self)
        try c.encode(names, forKey: .names)
        try c.encode(places, forKey: .places)
        try c.encode(days, forKey: .days)
        try c.encode(years, forKey: .years)
        try c.encode(figures, forKey: .figures)
        try c.encode(kinds, forKey: .kinds)
        try c.encodeIfPresent(published, forKey: .published)
        try c.encode(words.sorted { $0.key < $1.key }.map { String($0.key, radix: 16) + ":" + String($0.value) }, forKey: .words)
    }
}

