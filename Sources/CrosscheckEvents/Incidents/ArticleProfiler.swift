import CrosscheckCore
import CrosscheckDedup
import CrosscheckLanguage

/// Builds an article's `ArticleProfile` from what the language layer and the event extractor read in it.
public struct ArticleProfiler: Sendable {
    public var configuration: IncidentConfiguration

    public init(configuration: IncidentConfiguration = IncidentConfiguration()) { self.configuration = configuration }

    /// The profile of one article; `text` gives its distinctive words.
    public func profile(text: String, analysis: Analysis, events: [EventMention], published: CivilDay?) -> ArticleProfile {
        var profile = ArticleProfile(published: published?.days)
        var names: [String: (kind: MentionKind, count: Int)] = [:]
        var places: [String: ArticleProfile.Place] = [:]
        var years = Set<Int>()
        var figures = Set<String>()
        for m in analysis.mentions {
            switch m.kind {
            case .person, .organization:
                guard let entity = m.entity else { continue }
                names[entity] = (m.kind, (names[entity]?.count ?? 0) + 1)
            case .place, .country, .nationality:
                guard let p = m.place else { continue }
                places[p.id, default: .init(id: p.id, country: p.country, precision: p.precision, count: 0)].count += 1
            case .time:
                guard let t = m.time, t.reference == "absolute", let year = Int(t.start.prefix(4)), !t.start.hasPrefix("XXXX") else { continue }
                years.insert(year)
                if t.granularity == "day", t.start == t.end, let day = CivilDay(iso: t.start) { profile.days[day.days, default: 0] += 1 }
            case .quantity:
                guard let q = m.quantity, q.bound == "exact", q.unit == nil, let noun = EventGraph.nounClass(q.noun), q.value >= 2 else { continue }
                figures.insert(String(Int(q.value)) + "|" + noun)
            }
        }
        profile.names = names.map { .init(entity: $0.key, kind: $0.value.kind, count: $0.value.count) }
            .sorted { ($0.count, $1.entity) > ($1.count, $0.entity) }.prefix(configuration.maxNames).map { $0 }
        profile.places = places.values.sorted { ($0.count, $1.id) > ($1.count, $0.id) }.prefix(configuration.maxPlaces).map { $0 }
        profile.years = years.sorted()
        profile.figures = figures.sorted()
        for e in events { profile.kinds[e.type, default: 0] += 1 }
        profile.words = Self.words(text, keep: configuration.maxWords, minLength: configuration.minWordLength)
        return profile
    }

    /// The most frequent words (the duplicate finder's word hashes) of at least `minLength` bytes that are
    /// not function words and do not start with a figure, at most `keep`.
    static func words(_ text: String, keep: Int, minLength: Int) -> [UInt64: Int] {
        // Counted in an open-addressing table keyed by the word hash (a `Dictionary` re-hashed every word with SipHash).
        var counts = HashedKeyMap<Int>(minimumCapacity: 512)
        for w in WordScanner.words(text) where Int(w.end - w.start) >= minLength && !(0x30...0x39).contains(w.lead)
            && !stopwords.contains(w.hash) {
            counts[w.hash] = (counts[w.hash] ?? 0) + 1
        }
        var pairs = counts.pairs
        if pairs.count > keep {
            pairs.sort { ($0.value, $1.key) > ($1.value, $0.key) }
            pairs.removeLast(pairs.count - keep)
        }
        return Dictionary(uniqueKeysWithValues: pairs.map { ($0.key, $0.value) })
    }

    static let stopwords = Stopwords.bundled.forLanguage("en")
}
