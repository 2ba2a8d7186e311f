import CrosscheckCore
import CrosscheckLanguage

extension EventGraph {
    /// Who an event mention is about, for merging: a head of state or minister acting for a country ("Tajik
    /// President Emomali Rahmon ordered…") is that country for the acts of states; talks and agreements have no
    /// direction ("Rahmon spoke with Ghani" is "Ghani spoke to Rakhmon"); without an actor, what befell a person
    /// or organisation ("X was arrested") is keyed by whom it befell.
    func actorKey(_ m: EventMention) -> String? {
        let actor = (Self.actsOfState.contains(m.type) ? m.actor?.country : nil) ?? canonical(m.actor?.entity)
        if Self.symmetric.contains(m.type), let actor, let other = canonical(m.target?.entity), other != actor {
            return [actor, other].sorted().joined(separator: "+")
        }
        if actor == nil, Self.byTarget.contains(m.type), let patient = canonical(m.target?.entity) { return "target:" + patient }
        return actor
    }

    /// The incidents of stored articles (`AnnotationIndex.articleProfiles`).
    public func incidents(of articles: [IncidentClusterer.Member], configuration: IncidentConfiguration = IncidentConfiguration()) -> IncidentMap {
        var map = IncidentMap()
        for (k, group) in IncidentClusterer(configuration: configuration, links: links).cluster(articles).enumerated() {
            for doc in group { map.incidents[doc] = k }
        }
        for m in articles {
            if let country = IncidentClusterer.mainCountry(m.profile.places) { map.focus[m.doc] = "country:" + country }
        }
        return map
    }

    /// The incidents of the articles of `references`: their profiles, else profiles read from their own mentions.
    func incidents(_ references: [EventReference], profiles: [Int64: ArticleProfile], configuration: IncidentConfiguration) -> IncidentMap {
        var byDoc: [Int64: (article: String, refs: [Int])] = [:]
        for (k, r) in references.enumerated() { byDoc[r.doc, default: (r.article, [])].refs.append(k) }
        let members = byDoc.map { doc, entry in
            IncidentClusterer.Member(doc: doc, article: entry.article,
                                     profile: profiles[doc] ?? Self.profile(from: entry.refs.map { references[$0] }))
        }
        return incidents(of: members, configuration: configuration)
    }

    /// A profile read from an article's own event mentions, for stores written before profiles were kept:
    /// participants, places, written days and figures of its events, and the words of their sentences.
    static func profile(from refs: [EventReference]) -> ArticleProfile {
        var tally = ProfileTally()
        var sentences: [Int: String] = [:]
        for r in refs {
            let m = r.mention
            for p in [m.actor, m.target].compactMap({ $0 }) where p.kind == .person || p.kind == .organization {
                if let entity = p.entity { tally.name(entity, p.kind) }
            }
            if let p = m.place { tally.place(p) }
            if let t = m.time, !m.timeFromPublication, t.reference == .absolute, !t.start.hasPrefix("XXXX"), let year = Int(t.start.prefix(4)) {
                tally.year(year)
                if t.granularity == .day, let day = CivilDay(iso: t.start) { tally.day(day) }
            }
            if let q = m.quantity, q.bound == .exact, let noun = nounClass(q.noun) { tally.figure(q.value, noun) }
            tally.kind(m.type)
            sentences[m.sentenceStart] = m.sentence
        }
        let configuration = IncidentConfiguration()
        let words = ArticleProfiler.words(sentences.sorted { $0.key < $1.key }.map(\.value).joined(separator: "\n"),
                                          keep: configuration.maxWords, minLength: configuration.minWordLength)
        return tally.profile(words: words, published: refs.first?.published.flatMap { CivilDay(iso: String($0.prefix(10))) }?.days)
    }

    /// Joins clusters of different incidents that tell one happening with the same specific facts: the same kind
    /// and actor, and the same figure of the same kind of thing ("20,000 reservists"), the same written day or the
    /// same town, with nothing known that disagrees. An article about Russia's aid that recalls Tajikistan's
    /// mobilisation of 20,000 reservists corroborates the reports of that mobilisation; two shootings by unnamed
    /// gunmen in two towns share nothing of the kind.
    ///
    /// Clusters published more than `window` days apart never join: a plan or a figure repeated months later
    /// ("forces killed 10") is another happening, and chains of them made month-long blobs.
    func joinAcrossIncidents(_ clusters: [Cluster], _ references: [EventReference], window: Int = 30) -> [Cluster] {
        // A cluster's first and last publication day (nil when none of its articles is dated), for the few
        // clusters that share a fact with another.
        func span(_ c: Int) -> (Int, Int)? {
            let days = clusters[c].members.compactMap { references[$0].published.flatMap { CivilDay(iso: String($0.prefix(10)))?.days } }
            return days.min().map { ($0, days.max()!) }
        }
        var byKey: [UInt64: [Int]] = [:]
        for (c, cluster) in clusters.enumerated() {
            for key in specificKeys(cluster, references) { byKey[key, default: []].append(c) }
        }
        // Evidence per pair of clusters: a figure or a deadline plan is enough alone; a day or a town needs another.
        var evidence: [Int: Int] = [:]
        let n = clusters.count
        for (key, list) in byKey.sorted(by: { $0.key < $1.key }) {
            // The low bit says whether the fact is strong alone (a figure, a deadline plan).
            let weight = key & 1 == 1 ? 2 : 1
            let pairs = list.count <= 64 ? list.indices.flatMap { i in list.indices.filter { $0 > i }.map { (list[i], list[$0]) } }
                                         : list.dropFirst().map { (list[0], $0) }
            for (a, b) in pairs { evidence[min(a, b) * n + max(a, b), default: 0] += weight }
        }
        var root = Array(clusters.indices)
        func find(_ x: Int) -> Int { var x = x; while root[x] != x { root[x] = root[root[x]]; x = root[x] }; return x }
        for (pair, weight) in evidence.sorted(by: { $0.key < $1.key }) where weight >= 2 {
            let a = find(pair / n), b = find(pair % n)
            let crossing = Self.crossBorder.contains(references[clusters[a].members[0]].mention.type)
            guard a != b, Self.agree(clusters[a], clusters[b], crossing: crossing) else { continue }
            if let x = span(a), let y = span(b), x.0 - window > y.1 || y.0 - window > x.1 { continue }
            root[max(a, b)] = min(a, b)
        }
        var out: [Int: Cluster] = [:]
        for c in clusters.indices {
            let r = find(c)
            if out[r] == nil { out[r] = clusters[c] } else if r != c { out[r]!.members += clusters[c].members }
        }
        return out.keys.sorted().map { out[$0]! }
    }

    /// The specific facts a cluster's tellings state, each with the kind of event and the actor, as hashes (no
    /// string is built per telling: a million tellings are read here); the low bit marks a fact strong alone.
    func specificKeys(_ cluster: Cluster, _ references: [EventReference]) -> Set<UInt64> {
        var keys = Set<UInt64>()
        for k in cluster.members {
            let m = references[k].mention
            // Only an actor the sentence names: an article's focus standing in for a missing one is too weak here.
            guard !m.status.isAgainst, m.type != "statement", let actor = actorKey(m) else { continue }
            // Only the cluster's own participant's facts: a cluster gathers tellings of other people of its incident too.
            if let n = cluster.named, Self.participant(actor) != Self.participant(n) { continue }
            let head = IncidentClusterer.key("t:", (Self.family[m.type] ?? m.type) + "|" + actor)
            func fact(_ tag: StaticString, _ value: String, strong: Bool) -> UInt64 {
                (IncidentClusterer.key(tag, value) ^ (head &* 0x9E37_79B9_7F4A_7C15)) & ~1 | (strong ? 1 : 0)
            }
            if let q = m.quantity, q.bound != .vague, let noun = Self.nounClass(q.noun), q.value >= 2 {
                keys.insert(fact("n:", String(q.value) + "|" + noun, strong: true))
            }
            // By month and day, so "July 5" in an article without a year meets "2021-07-05"; `agree` checks the years.
            // A deadline ("by May 12") is not the day something happened.
            if let t = m.time, !m.timeFromPublication, t.granularity == .day, t.start == t.end, t.start.utf8.count == 10, t.direction != .deadline {
                keys.insert(fact("d:", String(t.start.suffix(5)), strong: false))
            }
            // Plans of one actor with deadlines: the deadline is what sources disagree on ("by August 31", "by September 11").
            if m.status == .planned, m.time?.direction == .deadline, !m.timeFromPublication { keys.insert(fact("plan", "", strong: true)) }
            if let p = m.place, p.precision == .locality { keys.insert(fact("l:", p.id, strong: false)) }
        }
        return keys
    }

    /// Whether two clusters can be one happening: nothing known disagrees (days, plans, counted things, town, country).
    /// Crossings and flights span two countries (`crossing`): where one source puts them says little.
    static func agree(_ a: Cluster, _ b: Cluster, crossing: Bool = false) -> Bool {
        guard a.planned == b.planned else { return false }
        if let x = a.counts, let y = b.counts, x != y { return false }
        if let x = a.locality, let y = b.locality, x != y { return false }
        if !crossing, let x = a.country, let y = b.country, x != y, !x.isEmpty, !y.isEmpty { return false }
        let unknown = Int.min / 4
        guard !a.planned, a.start != unknown, b.start != unknown else { return true }
        var (aStart, aEnd) = (a.start, a.end)
        if a.yearless != b.yearless {
            // A day without a year is read in the other side's year ("July 5" beside "2021-07-04").
            let (shifted, dated) = a.yearless ? (a, b) : (b, a)
            let day = CivilDay(days: shifted.start).civil
            guard let moved = CivilDay(year: CivilDay(days: dated.start).civil.year, month: day.month, day: day.day) else { return false }
            let offset = moved.days - shifted.start
            if a.yearless { aStart += offset; aEnd += offset } else { return !(a.start - 1 > b.end + offset || b.start + offset - 1 > a.end) }
        }
        return !(aStart - 1 > b.end || b.start - 1 > aEnd)
    }
}
