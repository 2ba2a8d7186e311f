import CrosscheckCore
import Foundation

/// The key developments of a situation, as the brief lists them and the timeline dates them: one entry per
/// happening, not per mention. Events of one incident that tell one happening (an attack and its casualties on
/// one day in one town: `EventOntology.oneHappening`) are folded into the best-told of them; entries are ranked
/// by the independent corroboration of the event, the coverage of its incident, and its specificity (a written
/// day, a place, a figure, an actor), and every further entry of an incident pays a penalty, so one story does
/// not fill the list.
public struct DevelopmentRanking: Sendable {
    /// One development: the event that stands for the happening, the events folded into it, and its score.
    public struct Entry: Sendable, Encodable {
        /// 1 for the best development.
        public var rank: Int
        public var event: MergedEvent
        /// Ids of other events of the same incident that tell the same happening.
        public var folded: [String]
        public var score: Double
        /// Independent source groups that report anything of the event's incident.
        public var incidentSources: Int

        public init(rank: Int, event: MergedEvent, folded: [String], score: Double, incidentSources: Int) {
            self.rank = rank
            self.event = event
            self.folded = folded
            self.score = score
            self.incidentSources = incidentSources
        }
    }

    public var configuration: DevelopmentConfiguration
    public var ontology: EventOntology

    public init(configuration: DevelopmentConfiguration = DevelopmentConfiguration(), ontology: EventOntology = .bundled) {
        self.configuration = configuration
        self.ontology = ontology
    }

    /// Types that are context rather than developments: statements, denials (shown as the status of what they
    /// deny) and figures rising or falling.
    public static let background: Set<String> = ["statement", "deny", "change"]

    /// Whether an event can be a development: an actor or a place, not hypothetical, not background.
    public static func isCandidate(_ e: MergedEvent) -> Bool {
        (e.actor != nil || e.place != nil) && e.status != .hypothetical && !background.contains(e.type)
    }

    /// The best `limit` developments among the events with at least `minSources` independent sources, best first (ties
    /// by event id, so the order is deterministic).
    public func rank(_ events: [MergedEvent], limit: Int, minSources: Int = 0) -> [Entry] {
        guard limit > 0 else { return [] }
        let candidates = events.indices.filter { events[$0].sources >= minSources && Self.isCandidate(events[$0]) }
        let coverage = incidentSources(events, candidates)
        // Incidents as numbers: the greedy loop below looks an entry's incident up for every candidate it passes.
        var incidentNumbers: [String: Int] = [:]
        func number(_ incident: String) -> Int {
            if let n = incidentNumbers[incident] { return n }
            incidentNumbers[incident] = incidentNumbers.count
            return incidentNumbers.count - 1
        }
        let pending = candidates.map { k in
            (index: k, score: score(events[k]) + configuration.salience * log2(1 + Double(coverage[events[k].incident] ?? 0)),
             incident: number(events[k].incident))
        }.sorted { ($0.score, events[$1.index].id) > ($1.score, events[$0.index].id) }
        var chosen: [Entry] = []
        // The entries taken from each incident so far.
        var perIncident = [[Int]](repeating: [], count: incidentNumbers.count + 1)
        // Greedy: the best remaining entry after the penalty of its incident's entries so far. Scores only fall, so
        // an entry whose penalised score still beats the next raw score is the best one.
        // Taken entries are marked, not removed: a removal moved the rest of a list as long as the store's events.
        var taken = [Bool](repeating: false, count: pending.count)
        var first = 0
        while first < pending.count && chosen.count < limit {
            var best = first
            var bestScore = -Double.infinity
            for i in first..<pending.count where !taken[i] {
                let p = pending[i]
                if p.score <= bestScore { break }
                let earlier = Double(perIncident[p.incident].count)
                let s = p.score - configuration.perIncidentEntry * earlier
                if s > bestScore || (s == bestScore && events[p.index].id < events[pending[best].index].id) { best = i; bestScore = s }
            }
            taken[best] = true
            while first < pending.count && taken[first] { first += 1 }
            let e = events[pending[best].index], incident = pending[best].incident
            if let host = perIncident[incident].first(where: { sameHappening(chosen[$0].event, e) }) {
                chosen[host].folded.append(e.id)
                continue
            }
            perIncident[incident].append(chosen.count)
            chosen.append(Entry(rank: chosen.count + 1, event: e, folded: [], score: bestScore, incidentSources: coverage[e.incident] ?? 0))
        }
        return chosen
    }

    /// Entries as a timeline: events with a time in order of it (a day without a year read in `year`), then
    /// the undated ones by rank.
    public static func chronological(_ entries: [Entry], year: String? = nil) -> [Entry] {
        func key(_ d: Entry) -> (Int, String, Int) {
            guard d.event.time?.value != "unresolved", let start = start(d.event, year: year) else { return (1, "", d.rank) }
            return (0, start, d.rank)
        }
        return entries.sorted { key($0) < key($1) }
    }

    /// An event's start for ordering, a day written without a year read in `year` (in year 0000 without one);
    /// nil when it has no time.
    public static func start(_ e: MergedEvent, year: String?) -> String? {
        guard let start = e.time?.start, !start.isEmpty else { return nil }
        return start.hasPrefix("XXXX") ? (year ?? "0000") + start.dropFirst(4) : start
    }

    /// A time value written without a year ("XXXX-07-05", "XXXX-07-09/XXXX-07-10") read in `year`; nil when the
    /// value has its year.
    public static func value(_ value: String, inYear year: String) -> String? {
        guard value.hasPrefix("XXXX") else { return nil }
        return year + value.dropFirst(4).replacingOccurrences(of: "/XXXX", with: "/" + year)
    }

    /// The one year every dated telling and publication date of `events` (those with at least `minSources` independent
    /// sources) falls in, if there is one: dates written without a year ("July 5" in an undated article) are read in it.
    public static func storyYear(_ events: [MergedEvent], minSources: Int = 0) -> String? {
        var years = Set<Substring>()
        for e in events where e.sources >= minSources {
            // By index: binding each telling (`for r in`) would copy it and retain all its strings.
            let refs = e.references
            for k in refs.indices {
                if let p = refs[k].published, p.count >= 4 { years.insert(p.prefix(4)) }
                if !refs[k].mention.timeFromPublication, let t = refs[k].mention.time, !t.start.isEmpty, !t.start.hasPrefix("XXXX") {
                    years.insert(t.start.prefix(4))
                }
                if years.count > 1 { return nil }
            }
        }
        return years.first.map(String.init)
    }

    /// The event's own merit: its corroboration, its specificity, and a dispute.
    public func score(_ e: MergedEvent) -> Double {
        let c = configuration
        var s = c.corroboration * log2(1 + Double(e.sources))
        if let t = e.time, !e.timeFromPublication, t.value != "unresolved", !t.start.isEmpty {
            s += t.granularity == .day ? c.writtenDay : c.writtenPeriod
        }
        switch e.place?.precision {
        case .locality: s += c.locality
        case .admin1: s += c.region
        // A continent or a region of several countries says where, but no more than a country does.
        case .country, .macroRegion: s += c.country
        case nil: break
        }
        if let q = e.quantity, q.bound != .vague { s += c.figure }
        if e.actor != nil { s += c.actor }
        if e.deniedBy > 0 || e.status == .walkedBack { s += c.disputed }
        return s
    }

    /// Independent source groups per incident, over its candidate events' tellings that report (not deny).
    func incidentSources(_ events: [MergedEvent], _ candidates: [Int]) -> [String: Int] {
        var groups: [String: Set<Int64>] = [:]
        for k in candidates {
            let refs = events[k].references
            for r in refs.indices where !refs[r].mention.status.isAgainst {
                groups[events[k].incident, default: []].insert(refs[r].group)
            }
        }
        return groups.mapValues(\.count)
    }

    /// Two events of one incident that tell one happening: types that go together, the same day (or neither
    /// dated), no two different places and no two different actors.
    func sameHappening(_ a: MergedEvent, _ b: MergedEvent) -> Bool {
        guard ontology.oneHappening(a.type, b.type) else { return false }
        if let x = a.actor?.entity ?? a.actor?.name, let y = b.actor?.entity ?? b.actor?.name, x != y { return false }
        if let x = a.place?.id, let y = b.place?.id, x != y { return false }
        switch (Self.day(a), Self.day(b)) {
        case (nil, nil): return true
        case let (x?, y?): return x == y
        default: return false
        }
    }

    /// The written day of an event ("2021-07-05"), nil when it has none of its own.
    static func day(_ e: MergedEvent) -> String? {
        guard let t = e.time, !e.timeFromPublication, t.granularity == .day, !t.start.isEmpty else { return nil }
        return String(t.start.prefix(10))
    }
}
