import CrosscheckCore
import CrosscheckDedup
import CrosscheckLanguage

/// Builds an article's `ArticleProfile` from what the language layer and the event extractor read in it.
public struct ArticleProfiler: Sendable {
    public var configuration: IncidentConfiguration

    public init(configuration: IncidentConfiguration = IncidentConfiguration()) { self.configuration = configuration }

    /// The profile of one article; `text` gives its distinctive words.
    public func profile(text: String, analysis: Analysis, events: [EventMention], published: CivilDay?) -> ArticleProfile {
        var tally = ProfileTally()
        for m in analysis.mentions {
            switch m.kind {
            case .person, .organization:
                if let entity = m.entity { tally.name(entity, m.kind) }
            case .place, .country, .nationality:
                if let p = m.place { tally.place(p) }
            case .time:
                guard let t = m.time, t.reference == .absolute, let year = Int(t.start.prefix(4)), !t.start.hasPrefix("XXXX") else { continue }
                tally.year(year)
                if t.granularity == .day, t.start == t.end, let day = CivilDay(iso: t.start) { tally.day(day) }
            case .quantity:
                guard let q = m.quantity, q.bound == .exact, q.unit == nil, let noun = EventGraph.nounClass(q.noun), q.value >= 2 else { continue }
                tally.figure(q.value, noun)
            }
        }
        for age in Self.ages(analysis.mentions, in: text) { tally.figure(Double(age), "age") }
        for e in events { tally.kind(e.type) }
        return tally.profile(words: Self.words(text, keep: configuration.maxWords, minLength: configuration.minWordLength),
                             published: published?.days, maxNames: configuration.maxNames, maxPlaces: configuration.maxPlaces)
    }

    /// The ages of people the text gives ("Benjamin Banky, 40, of Vancouver", "a 66-year-old woman"): local news
    /// tells who was shot by age as much as by name, and two reports giving the same ages tell of the same victims.
    static func ages(_ mentions: [Mention], in text: String) -> [Int] {
        let bytes = Array(text.utf8)
        func follows(_ at: Int, _ word: String) -> Bool {
            let w = Array(word.utf8)
            return at >= 0 && at + w.count <= bytes.count && Array(bytes[at..<(at + w.count)]) == w
        }
        var out: [Int] = []
        for (k, m) in mentions.enumerated() where m.kind == .quantity {
            guard let q = m.quantity, q.bound == .exact, q.value >= 1, q.value <= 110, q.value == q.value.rounded() else { continue }
            if q.unit == "year", ["-old", " old", "s old", "s-old"].contains(where: { follows(m.end, $0) }) {
                out.append(Int(q.value))
            } else if q.unit == nil, k > 0, mentions[k - 1].kind == .person, mentions[k - 1].end + 2 == m.start,
                      follows(mentions[k - 1].end, ", "), follows(m.end, ",") {
                out.append(Int(q.value))
            }
        }
        return out
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
