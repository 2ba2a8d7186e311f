import CrosscheckCore
import CrosscheckLanguage

/// Counts what an article names while its profile is built — from the article's own mentions (`ArticleProfiler`)
/// or, for a store without profiles, from its event mentions (`EventGraph.profile(from:)`): one place decides how
/// names and places are counted and ordered and how a figure is written. Callers choose what to count.
struct ProfileTally {
    private var names: [String: ArticleProfile.Name] = [:]
    private var places: [String: ArticleProfile.Place] = [:]
    private var years = Set<Int>()
    private var figures = Set<String>()
    private var days: [Int: Int] = [:]
    private var kinds: [String: Int] = [:]

    mutating func name(_ entity: String, _ kind: MentionKind) {
        names[entity, default: .init(entity: entity, kind: kind, count: 0)].count += 1
    }

    mutating func place(_ p: PlaceRef) {
        places[p.id, default: .init(id: p.id, country: p.country, precision: p.precision, count: 0)].count += 1
    }

    mutating func year(_ year: Int) { years.insert(year) }
    mutating func day(_ day: CivilDay) { days[day.days, default: 0] += 1 }
    /// An exact figure and the class of what it counts ("23|pirates").
    mutating func figure(_ value: Double, _ nounClass: String) { figures.insert(String(Int(value)) + "|" + nounClass) }
    mutating func kind(_ type: String) { kinds[type, default: 0] += 1 }

    /// The profile: names and places most counted first (ties by id), at most `maxNames` and `maxPlaces`.
    func profile(words: [UInt64: Int], published: Int?, maxNames: Int = .max, maxPlaces: Int = .max) -> ArticleProfile {
        ArticleProfile(names: Array(names.values.sorted { ($0.count, $1.entity) > ($1.count, $0.entity) }.prefix(maxNames)),
                       places: Array(places.values.sorted { ($0.count, $1.id) > ($1.count, $0.id) }.prefix(maxPlaces)),
                       days: days, years: years.sorted(), figures: figures.sorted(), words: words, kinds: kinds, published: published)
    }
}
