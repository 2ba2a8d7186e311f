import CrosscheckCore
import CrosscheckLanguage
import Dispatch

/// Merges event mentions across articles, counts independent corroboration and finds contradictions.
///
/// Mentions fall into buckets by incident (the articles that tell one happening, `IncidentClusterer`) and type
/// family. Within a bucket, tellings join unless a hard fact separates them: a plan with a deadline and a report;
/// two towns; two countries; days more than a day apart (a day taken from the publication date is compatible with
/// any written day up to 3 days before it); different counted things; different states or organisations in the
/// same role; for talks, agreements, statements and denials, different parties or speakers. People do not separate
/// tellings (a victim or an official read as the doer is the commonest error of roles). Clusters of different
/// incidents join only on shared specific facts (`joinAcrossIncidents`). Each mention is compared with the clusters
/// of its bucket, not with every mention, so 10,000 mentions of one event cost 10,000 comparisons.
///
/// Corroboration counts source groups (`dedup`), not articles; denials are counted apart.
/// Contradictions: denial (reported by some, denied by others), date (planned dates more than a
/// day apart), quantity (intervals their qualifiers allow do not overlap; "more than 1,000" and
/// "1,037" agree, 20,000 and 10,000 do not).
public struct EventGraph: Sendable {
    public let ontology: EventOntology
    public var links: [String: String]
    public var configuration: EventGraphConfiguration

    public init(ontology: EventOntology = .bundled, links: [String: String] = [:],
                configuration: EventGraphConfiguration = EventGraphConfiguration()) {
        self.ontology = ontology
        self.links = links
        self.configuration = configuration
    }

    static let symmetric: Set<String> = ["meet", "agree"]
    static let states: Set<String> = ["country"]
    /// What befalls without a doer (floods, death tolls, failures): no article's main country stands in for their doer.
    static let actorless: Set<String> = ["disaster", "casualties", "failure", "refugees", "flee", "evacuate", "change", "economic"]
    /// Statements and denials: who speaks is what they are; two speakers' words are two happenings, and one without
    /// a named speaker is the incident's statement of that kind.
    static let spoken: Set<String> = ["statement", "deny"]
    static let crossBorder: Set<String> = ["flee", "refugees"]
    static let byTarget: Set<String> = ["arrest", "attack", "legal", "personnel", "sanction", "accuse", "threaten", "failure"]
    /// Types told of one happening in different words merge: "sending 20,000 troops to the border" (mobilize)
    /// and "relocated 20,000 troops to the border" (deploy). The merged event takes its tellings' usual type.
    static let family: [String: String] = ["deploy": "mobilize"]

    static let actsOfState: Set<String> = ["mobilize", "deploy", "withdraw", "support", "exercise", "prepare", "refugees",
                                           "suspend", "sanction", "agree"]

    /// "Support the Pamir Ledger" in an article of the Pamir Ledger: the outlet's appeal to its readers, not news of
    /// support (it would corroborate a real pledge of the same story).
    static func isAppeal(_ r: EventReference) -> Bool {
        guard r.mention.type == "support" || r.mention.type == "aid", let target = r.mention.target?.name, let outlet = r.outlet else { return false }
        func bare(_ s: String) -> String {
            let l = s.lowercased()
            return l.hasPrefix("the ") ? String(l.dropFirst(4)) : l
        }
        return bare(target) == bare(outlet)
    }

    struct Cluster {
        var members: [Int]
        var start: Int, end: Int
        var disputed = false
        /// What the first counted telling counts ("personnel", "districts"): tellings counting another kind of
        /// thing are other events ("captured 26 of 28 districts" and "captured dozens of personnel").
        var counts: String? = nil
        var country: String?
        var planned: Bool
        /// The first participant a telling names (its actor, or its patient as `target:X`), and the first town named:
        /// tellings naming another state or organisation in the same role, or another town, are other happenings (a
        /// shooting in one town is not one in the next).
        var named: String? = nil
        /// The first doer a telling names or, for what has a doer, the article's main country standing in for one
        /// (`country:XX`): "the transfer of heavy weapons" in an article about Turkmenistan is Turkmenistan's, not
        /// Tajikistan's deployment told in the same article.
        var doer: String? = nil
        var locality: String? = nil
        /// The first dated telling's year is unknown ("July 5" in an article without a date): compared by month and day.
        var yearless = false
        /// Whether a telling denies or walks back the happening, and whether one reports it (a claim does neither).
        var against = false, reporting = false

        /// Whether an undated telling of this standing contradicts the cluster's undated tellings: a report and a
        /// denial or walk-back stay apart; a claim (hedged, or from an unnamed source) meets either.
        func opposes(_ status: EventStatus) -> Bool {
            status.isAgainst ? reporting : (status != .claimed && against)
        }

        mutating func add(_ status: EventStatus) {
            if status.isAgainst { against = true } else if status != .claimed { reporting = true }
        }
    }

    func canonical(_ id: String?) -> String? { id.map { links[$0] ?? $0 } }

    /// An actor key without its role: "X was arrested" (keyed by its patient, `target:X`) and a telling that reads X
    /// as the doer name the same participant.
    static func participant(_ key: String) -> Substring { key.hasPrefix("target:") ? key.dropFirst(7) : Substring(key) }

    /// Whether two named participants of tellings make two happenings: different participants in the same role (two
    /// doers, or two patients), both of a separating kind (the entity id's prefix: `country`, `org`). Talks and
    /// agreements are defined by who takes part, and statements and denials by who speaks (`parties`), people too:
    /// Rahmon's call with Ghani is not his call with Putin, nor Tokayev's call; only one party of a pair ("Rahmon spoke
    /// by phone") can be that pair's.
    static func separate(_ a: String, _ b: String, kinds: Set<String>, parties: Bool = false) -> Bool {
        let x = participant(a), y = participant(b)
        guard x != y, a.hasPrefix("target:") == b.hasPrefix("target:") else { return false }
        if parties { return !partOf(x, y) && !partOf(y, x) }
        return kinds.contains(String(x.prefix { $0 != ":" })) && kinds.contains(String(y.prefix { $0 != ":" }))
    }

    /// Whether `single` is one party of the pair `pair` ("A+B").
    static func partOf(_ single: Substring, _ pair: Substring) -> Bool {
        !single.contains("+") && pair.split(separator: "+").contains(single)
    }

    /// The first and last day of a time; a date without a year ("XXXX-08-31", no publication date)
    /// is placed in a leap year so month-days still compare.
    static func days(_ t: TimeValue?, year: Int = 2000) -> (Int, Int)? {
        guard let t else { return nil }
        func day(_ s: String) -> CivilDay? { CivilDay(iso: s.hasPrefix("XXXX") ? String(year) + s.dropFirst(4) : s) }
        guard let s = day(t.start), let e = day(t.end) else { return nil }
        return (s.days, e.days)
    }

    /// Merges event mentions: across articles only inside one incident. `map` gives the incidents (from the
    /// stored profiles); without it they are computed here from `profiles`, and an article without one is
    /// profiled from its own event mentions.
    public func merge(_ references: [EventReference], profiles: [Int64: ArticleProfile] = [:], map given: IncidentMap? = nil,
                      incidents configuration: IncidentConfiguration = IncidentConfiguration()) -> [MergedEvent] {
        let map = given ?? incidents(references, profiles: profiles, configuration: configuration)
        var buckets: [String: [Int]] = [:]
        for (k, r) in references.enumerated() where !Self.isAppeal(r) {
            buckets["\(map.incident(of: r.doc))|" + (Self.family[r.mention.type] ?? r.mention.type), default: []].append(k)
        }
        // Buckets never share a cluster: they are clustered on all cores (the largest first, so one big bucket
        // does not finish last), and their clusters concatenated in key order, so the result does not depend on
        // the schedule.
        // Members in content order (article id, offset), not arrival order: the same articles stored in another
        // order give the same clusters.
        // Each article once: its content id (for this order) and its date (for the tellings' order below).
        var articles: [Int64: (id: String, published: String)] = [:]
        for r in references where articles[r.doc] == nil { articles[r.doc] = (r.article, r.published ?? "~") }
        var articleRank: [Int64: Int] = [:]
        for (rank, doc) in articles.sorted(by: { $0.value.id < $1.value.id }).enumerated() { articleRank[doc.key] = rank }
        let rank = references.map { articleRank[$0.doc]! << 32 | max(0, $0.mention.start) }
        let bucketList = buckets.sorted(by: { $0.key < $1.key }).map { $0.value.sorted { rank[$0] < rank[$1] } }
        let bySize = bucketList.indices.sorted { bucketList[$0].count > bucketList[$1].count }
        var perBucket = [[Cluster]](repeating: [], count: bucketList.count)
        perBucket.withUnsafeMutableBufferPointer { buffer in
            // Each slot is written by exactly one iteration, and the buffer outlives concurrentPerform.
            nonisolated(unsafe) let slots = buffer
            DispatchQueue.concurrentPerform(iterations: bySize.count) { i in
                let b = bySize[i]
                slots[b] = cluster(bucketList[b], references, focus: map.focus, separating: configuration.separatingParticipants)
            }
        }
        let clusters = joinAcrossIncidents(perBucket.flatMap { $0 }, references, window: configuration.joinWindow)
        // Tellings in publication order (then article, then position): one sort of the articles, then
        // integer keys, instead of comparing date strings inside every cluster.
        var docRank: [Int64: UInt64] = [:]
        for (rank, doc) in articles.sorted(by: { ($0.value.published, $0.value.id) < ($1.value.published, $1.value.id) }).enumerated() {
            docRank[doc.key] = UInt64(rank)
        }
        let order = references.map { docRank[$0.doc]! << 32 | UInt64(UInt32(truncatingIfNeeded: max(0, $0.mention.start))) }
        let incidentIDs = Self.incidentIDs(articles.mapValues(\.id), map: map)
        // Built in place on all cores: every slot is initialized by exactly one worker before the count is set
        // (an optional array and its unwrapped copy were two more passes over ~300 bytes per event).
        return [MergedEvent](unsafeUninitializedCapacity: clusters.count) { buffer, count in
            nonisolated(unsafe) let slots = buffer
            let workers = min(64, max(1, clusters.count / 64))
            DispatchQueue.concurrentPerform(iterations: workers) { worker in
                var c = worker
                while c < clusters.count {
                    (slots.baseAddress! + c).initialize(to: event(clusters[c].members.sorted { order[$0] < order[$1] }.map { references[$0] },
                                                                      incidents: incidentIDs))
                    c += workers
                }
            }
            count = clusters.count
        }
    }

    /// The clusters of one bucket (the mentions of one type family in one incident). Inside an incident, tellings that
    /// name different participants of a `separating` kind in the same role stay apart ("Russia deployed" and
    /// "Tajikistan deployed"); a person does not separate them (a victim, a witness or an official read as the doer is
    /// the commonest error of roles). `focus` is each article's main country: it stands for the doer of a telling that
    /// names none, against a telling that names a state ("the transfer of heavy weapons" in an article about
    /// Turkmenistan is not Tajikistan's deployment).
    func cluster(_ members: [Int], _ references: [EventReference], focus: [Int64: String] = [:],
                 separating: Set<String> = IncidentConfiguration().separatingParticipants) -> [Cluster] {
        var clusters: [Cluster] = []
        // A claim, denial or walk-back is disputed: undated, it first seeks a cluster that is disputed too ("the Taliban
        // claims to control 90% of the borders" — "dismissed as a lie"), and an undated report never meets an undated
        // denial (`Cluster.opposes`).
        func standing(_ k: Int) -> Bool { [EventStatus.claimed, .denied, .walkedBack].contains(references[k].mention.status) }
        // Dated clusters in day order (searched back from the newest, two months at most) and
        // undated ones (compatible with any day), so each mention meets few clusters.
        var dated: [Int] = [], undated: [Int] = []
        // A date without a year (an article without a publication date) is read in the year most
        // dated tellings of this bucket use.
        var years: [Int: Int] = [:]
        for k in members { if let t = references[k].mention.time, !t.start.hasPrefix("XXXX"), let y = Int(t.start.prefix(4)) { years[y, default: 0] += 1 } }
        let year = years.max { $0.value != $1.value ? $0.value < $1.value : $0.key > $1.key }?.key ?? 2000  // ties: the earlier year
        // A day taken from the publication date only says the event happened by then: the month before it.
        let spans = Dictionary(uniqueKeysWithValues: members.map { k -> (Int, (Int, Int)?) in
            let m = references[k].mention
            guard let d = Self.days(m.time, year: year) else { return (k, nil) }
            return (k, m.timeFromPublication ? (d.1 - 30, d.1) : d)
        })
        // Dated tellings first, in day order; undated ones after them.
        let ordered = members.sorted { (spans[$0]!?.0 ?? Int.max) < (spans[$1]!?.0 ?? Int.max) }
        for k in ordered {
            let m = references[k].mention
            // Plans with a deadline cluster apart (their date is what sources disagree on); other plans
            // ("will reinforce its border with 20,000 troops") join the reports of the same happening.
            let planned = m.status == .planned && m.time?.direction == .deadline
            let span = spans[k]!
            let (s, e) = span ?? (Int.min / 4, Int.max / 4)
            let slack = m.timeFromPublication ? 3 : 1
            let country = m.place?.country
            let disputed = standing(k)
            // Only a type whose figure counts one thing is split by what it counts (a flood's homes and its missing
            // people are one flood; "captured 26 districts" and "captured dozens of personnel" are two captures).
            let counts = ontology.countedTypes.contains(m.type)
                ? m.quantity.flatMap { $0.bound == .vague ? nil : Self.nounClass($0.noun) } : nil
            let named = actorKey(m)
            let doer = named ?? (Self.actorless.contains(m.type) ? nil : focus[references[k].doc])
            let parties = Self.symmetric.contains(m.type) || Self.spoken.contains(m.type)
            let givenBy = ontology.givenTypes.contains(m.type)
            let locality = m.place?.precision == .locality ? m.place?.id : nil
            func fits(_ c: Int) -> Bool {
                let cl = clusters[c]
                guard cl.planned == planned else { return false }
                if let a = named, let b = cl.named, Self.separate(a, b, kinds: separating, parties: parties) { return false }
                if (named == nil) != (cl.named == nil), let a = doer, let b = cl.doer, Self.separate(a, b, kinds: Self.states) { return false }
                // Who gives is what aid is: helicopters delivering water are not the embassy's pledge (`givenTypes`); one
                // article's own tellings of a convoy, with and without its sender, stay one.
                if givenBy, (named == nil) != (cl.named == nil), !cl.members.contains(where: { references[$0].doc == references[k].doc }) {
                    return false
                }
                if let a = locality, let b = cl.locality, a != b, !Self.crossBorder.contains(m.type) { return false }
                if span == nil && cl.start == Int.min / 4 && cl.opposes(m.status) { return false }
                if let a = counts, let b = cl.counts, a != b { return false }
                // Crossings and flights span two countries: where one source puts them says little.
                if let a = country, let b = cl.country, a != b, !a.isEmpty, !b.isEmpty, !Self.crossBorder.contains(m.type) { return false }
                if !planned && (s - slack > cl.end || e < cl.start - slack) { return false }
                return true
            }
            var target: Int? = nil
            if span != nil || planned {
                for c in dated.reversed() {
                    if !planned && clusters[c].start < s - 62 { break }
                    if fits(c) { target = c; break }
                }
            }
            // An undated telling joins the best-corroborated cluster it fits, dated or not (a disputed telling: one that
            // is disputed too); else, like a dated telling without a dated cluster, the first undated cluster it fits.
            if target == nil, span == nil, !planned {
                for list in [undated, dated] { for c in list where fits(c) && (!disputed || clusters[c].disputed) {
                    if target == nil || clusters[c].members.count > clusters[target!].members.count
                        || (clusters[c].members.count == clusters[target!].members.count && c < target!) { target = c }
                } }
            }
            if target == nil { target = undated.first(where: fits) }
            if let c = target {
                // Compared with the cluster's first telling, so a chain of near dates does not drift.
                clusters[c].members.append(k)
                clusters[c].add(m.status)
                if disputed && span != nil { clusters[c].disputed = true }
                if clusters[c].counts == nil { clusters[c].counts = counts }
                if clusters[c].country == nil { clusters[c].country = country }
                // A pair of parties is more specific than one of them: the cluster is that pair's from now on.
                if clusters[c].named == nil || (parties && named?.contains("+") == true) { clusters[c].named = named }
                if clusters[c].doer == nil { clusters[c].doer = doer }
                if clusters[c].locality == nil { clusters[c].locality = locality }
            } else {
                (span == nil && !planned ? { undated.append(clusters.count) } : { dated.append(clusters.count) })()
                var cluster = Cluster(members: [k], start: s, end: e, disputed: disputed, counts: counts, country: country, planned: planned,
                                      named: named, doer: doer, locality: locality, yearless: m.time?.start.hasPrefix("XXXX") ?? false)
                cluster.add(m.status)
                clusters.append(cluster)
            }
        }
        return clusters
    }

    /// Each article's incident as a content id: `inc-` and 12 hex digits of the SHA-256 of the sorted ids of the
    /// incident's articles (an article without an incident is one of its own).
    static func incidentIDs(_ articles: [Int64: String], map: IncidentMap) -> [Int64: String] {
        var members: [Int: [String]] = [:]
        for (doc, id) in articles { members[map.incident(of: doc), default: []].append(id) }
        var idOf: [Int: String] = [:]
        for (incident, ids) in members { idOf[incident] = "inc-" + ContentID(ofText: ids.sorted().joined(separator: "\n")).short }
        var out: [Int64: String] = [:]
        for doc in articles.keys { out[doc] = idOf[map.incident(of: doc)] }
        return out
    }

    /// One merged event from its tellings (in publication order), in one pass over them; `incidents` gives each
    /// article's incident id (the event's is its earliest telling's).
    func event(_ refs: [EventReference], incidents: [Int64: String] = [:]) -> MergedEvent {
        var typeCounts: [String: Int] = [:]
        var reporting = Set<Int64>(), denying = Set<Int64>()
        var walkedBack = false, anyReported = false, anyClaimed = false, anyPlanned = false
        // The most specific written time, a date with its year before one without ("2021-07-05" over
        // "XXXX-07-05"), not the date of a walk-back or a denial; else the earliest time of a telling.
        var best: (index: Int, key: (Int, Int))? = nil
        var earliest: (index: Int, start: String)? = nil
        // How many tellings report it, how many write a time of their own, and the earliest day taken from a publication.
        var told = 0, written = 0
        var fromPublication: (index: Int, start: String)? = nil
        var quantity: (index: Int, rank: Int)? = nil
        // The actor, target and place most tellings name (ties: the earliest telling).
        var actorVotes: [String: (count: Int, first: Int)] = [:], placeVotes: [String: (count: Int, first: Int)] = [:]
        var targetVotes: [String: (count: Int, first: Int)] = [:]
        func vote(_ table: inout [String: (count: Int, first: Int)], _ key: String?, _ k: Int) {
            guard let key else { return }
            table[key] = (table[key]?.count ?? 0) + 1 == 1 ? (1, k) : (table[key]!.count + 1, table[key]!.first)
        }
        func winner(_ table: [String: (count: Int, first: Int)]) -> Int? {
            table.values.max { ($0.count, -$0.first) < ($1.count, -$1.first) }?.first
        }
        var anyActor: Participant?
        // The id comes from content: the earliest telling by article id (a SHA-256) and offset, so the same articles
        // give the same ids whatever the order they were stored in (row numbers depend on it).
        var idKey: (article: String, start: Int, doc: Int64)? = nil
        for (k, r) in refs.enumerated() {
            let m = r.mention
            let against = m.status.isAgainst
            if idKey == nil || (r.article, m.start) < (idKey!.article, idKey!.start) { idKey = (r.article, m.start, r.doc) }
            switch m.status {
            case .denied: denying.insert(r.group)
            case .walkedBack: walkedBack = true
            case .reported: anyReported = true
            case .claimed: anyClaimed = true
            case .planned: anyPlanned = true
            default: break
            }
            if !against {
                reporting.insert(r.group)
                typeCounts[m.type, default: 0] += 1
                vote(&actorVotes, m.actor.map { canonical($0.entity) ?? $0.name }, k)
                vote(&targetVotes, m.target.map { canonical($0.entity) ?? $0.name }, k)
                vote(&placeVotes, m.place.map(\.id) ?? m.placeName, k)
                told += 1
                if let t = m.time {
                    if m.timeFromPublication, fromPublication == nil || t.start < fromPublication!.start { fromPublication = (k, t.start) }
                    if !m.timeFromPublication, !t.start.isEmpty {
                        written += 1
                        let width = Self.days(t).map { $0.1 - $0.0 } ?? .max
                        let key = (t.start.hasPrefix("XXXX") ? 1 : 0, width)
                        if best == nil || key < best!.key { best = (k, key) }
                    }
                    if earliest == nil || t.start < earliest!.start { earliest = (k, t.start) }
                } else if earliest == nil || "~" < earliest!.start {
                    earliest = (k, "~")
                }
            }
            if anyActor == nil { anyActor = m.actor }
            if let q = m.quantity, q.unit != "fraction" {
                let rank = q.bound.precisionRank
                if quantity == nil || rank < quantity!.rank { quantity = (k, rank) }
            }
        }
        var typeName = refs[0].mention.type
        if let usual = typeCounts.max(by: { ($0.value, $1.key) < ($1.value, $0.key) })?.key { typeName = usual }
        let type = ontology.type(named: typeName)
        var timed = (best?.index ?? earliest?.index).map { refs[$0].mention }
        // A year or more written by few of many tellings ("prior convictions spanning 1990 to 1991" among a dozen
        // undated tellings of a charge) is background, not when it happened.
        if let b = best, b.key.1 >= configuration.backgroundSpan, told >= 3, written * 2 < told {
            timed = fromPublication.map { refs[$0.index].mention }
        }
        let status: EventStatus
        if walkedBack { status = .walkedBack }
        else if !denying.isEmpty && !reporting.isEmpty { status = .contested }
        else if !denying.isEmpty { status = .denied }
        else if anyReported { status = .reported }
        else if anyClaimed { status = .claimed }
        else { status = anyPlanned ? .planned : refs[0].mention.status }
        let q = quantity.map { refs[$0.index].mention }
        let actor = winner(actorVotes).flatMap { refs[$0].mention.actor }
        let target = winner(targetVotes).flatMap { refs[$0].mention.target }
        let placed = winner(placeVotes).map { refs[$0].mention }
        let place = placed?.place, placeName = placed?.placeName
        let id = typeName + "-" + (idKey.map { String($0.article.prefix(12)) + "-" + String($0.start, radix: 36) } ?? "0")
        return MergedEvent(id: id, type: typeName, label: type?.label ?? typeName, plover: type?.plover ?? "",
                           cameo: type?.cameo ?? "", actor: (actor ?? anyActor).map { a in var a = a; a.entity = canonical(a.entity); return a },
                           target: target, place: place, placeName: placeName,
                           time: timed?.time, timeFromPublication: timed?.timeFromPublication ?? true,
                           quantity: q?.quantity, quantityText: q?.quantityText, status: status,
                           sources: reporting.count, deniedBy: denying.count, references: refs,
                           incident: idKey.flatMap { incidents[$0.doc] } ?? "")
    }

    /// The contradictions inside merged events.
    public func contradictions(_ events: [MergedEvent]) -> [Contradiction] {
        var out: [Contradiction] = []
        for e in events {
            let what = describe(e)
            let denied = e.references.filter { $0.mention.status == .denied }
            let reported = e.references.filter { !$0.mention.status.isAgainst }
            let walkedBack = e.references.filter { $0.mention.status == .walkedBack }
            if !walkedBack.isEmpty && !reported.isEmpty {
                let who = walkedBack.compactMap { $0.mention.deniedBy?.name }.first ?? "its source"
                out.append(Contradiction(event: e.id, kind: .walkBack, summary: "\(what): stated, then walked back by \(who)",
                                         sides: [.init(value: "stated", references: reported), .init(value: "walked back by \(who)", references: walkedBack)]))
            }
            if !denied.isEmpty && !reported.isEmpty {
                let who = denied.compactMap { $0.mention.deniedBy?.name }.first ?? "a source"
                // A claim ("the Taliban claims to control 90%") against its denial reads as such.
                let side = reported.allSatisfy { $0.mention.status == .claimed } ? "claimed" : "reported"
                out.append(Contradiction(event: e.id, kind: .denial, summary: "\(what): \(side), but denied by \(who)",
                                         sides: [.init(value: side, references: reported), .init(value: "denied by \(who)", references: denied)]))
            }
            // Dates of planned events.
            // Deadlines ("by August 31" vs "by September 11"), not the day a plan was announced.
            let planned = e.references.filter {
                $0.mention.status == .planned && !$0.mention.timeFromPublication && $0.mention.time?.direction == .deadline
            }
            var byDate: [String: [EventReference]] = [:]
            for r in planned { byDate[r.mention.time!.value, default: []].append(r) }
            if byDate.count > 1 {
                let spans = byDate.keys.compactMap { v in byDate[v]!.first.flatMap { Self.days($0.mention.time) }.map { (v, $0) } }
                var conflict = false
                for x in spans { for y in spans where x.0 < y.0 && (x.1.0 - 1 > y.1.1 || y.1.0 - 1 > x.1.1) { conflict = true } }
                if conflict {
                    out.append(Contradiction(event: e.id, kind: .date, summary: "\(what): sources give different dates",
                                             sides: byDate.sorted { $0.key < $1.key }.map { .init(value: $0.key, references: $0.value) }))
                }
            }
            // Quantities with the same unit whose allowed intervals do not overlap.
            // Precise figures only (a vague "hundreds" conflicts with nothing), of the same unit and kind of thing, of a
            // type whose figure has one role (a flood's "30,000 people moved" and "four people missing" agree).
            guard ontology.figureTypes.contains(e.type) else { continue }
            let counted = e.references.filter {
                $0.mention.quantity != nil && $0.mention.quantity?.unit != "fraction" && $0.mention.quantity?.bound != .vague
                    && !($0.mention.quantity?.noun?.lowercased().hasPrefix("other ") ?? false)  // "two other victims": more, not all
                    && !$0.mention.status.isAgainst
            }
            var byUnit: [String: [EventReference]] = [:]
            for r in counted {
                let q = r.mention.quantity!
                guard let noun = Self.nounClass(q.noun) else { continue }
                byUnit[(q.unit ?? "count") + "|" + noun + "|" + Self.casualtyRole(r.mention), default: []].append(r)
            }
            for (_, refs) in byUnit.sorted(by: { $0.key < $1.key }) where refs.count > 1 {
                var groups: [(QuantityValue, [EventReference])] = []
                for r in refs {
                    let q = r.mention.quantity!
                    if let g = groups.firstIndex(where: { Self.compatible($0.0, q) }) { groups[g].1.append(r) } else { groups.append((q, [r])) }
                }
                // Figures far from the one most tellings give count something else (`maxFigureRatio`).
                if let main = groups.indices.max(by: { groups[$0].1.count != groups[$1].1.count ? groups[$0].1.count < groups[$1].1.count : $0 > $1 }) {
                    let figure = groups[main].0.value
                    groups = groups.filter { Self.near($0.0.value, figure, ratio: configuration.maxFigureRatio) }
                }
                if groups.count > 1 {
                    out.append(Contradiction(event: e.id, kind: .quantity, summary: "\(what): sources give incompatible figures",
                                             sides: groups.map { .init(value: $0.1.first?.mention.quantityText ?? String($0.0.value), references: $0.1) }))
                }
            }
        }
        return out
    }

    /// What a toll counts: the dead, the injured, the missing or all the victims ("1 dead", "three wounded" and
    /// "three victims" do not contradict one another); empty for other types.
    static func casualtyRole(_ m: EventMention) -> String {
        guard m.type == "casualties" else { return "" }
        let words = (m.trigger + " " + (m.quantity?.noun ?? "")).lowercased().split(whereSeparator: { !$0.isLetter })
        if words.contains(where: { injuredWords.contains(String($0)) }) { return "injured" }
        if words.contains("missing") { return "missing" }
        if words.contains(where: { deadWords.contains(String($0)) }) { return "dead" }
        return "affected"  // "three victims", "casualties": the dead and the injured together
    }

    static let injuredWords: Set<String> = ["injured", "wounded", "hurt", "injuries", "injury", "wounds", "wounding", "injuring"]
    static let deadWords: Set<String> = ["killed", "kill", "kills", "killing", "dead", "died", "die", "dies", "death", "deaths",
                                         "fatalities", "fatality", "bodies", "lives", "toll"]

    static let personnel: Set<String> = ["troops", "soldiers", "servicemen", "personnel", "reservists", "officers", "forces",
                                         "members", "fighters", "guards", "military", "men", "troop", "soldier", "reserve"]

    static let people: Set<String> = ["people", "persons", "person", "dead", "killed", "victims", "bodies", "lives", "residents",
                                      "civilians", "inhabitants", "deaths", "injured", "wounded", "missing"]

    /// What a counted noun counts: military personnel share one class; other nouns are their last word.
    static func nounClass(_ noun: String?) -> String? {
        guard let noun, !noun.isEmpty else { return nil }
        let words = noun.lowercased().split(separator: " ").map(String.init)
        if words.contains(where: { personnel.contains($0) }) { return "personnel" }
        if words.contains(where: { people.contains($0) }) { return "people" }
        return words.last
    }

    /// Whether two figures lie within `ratio` of each other (a zero is near nothing but zero).
    static func near(_ a: Double, _ b: Double, ratio: Double) -> Bool {
        let (low, high) = (min(abs(a), abs(b)), max(abs(a), abs(b)))
        return high == 0 || (low > 0 && high / low <= ratio)
    }

    /// Whether two quantities can describe the same figure given their bounds.
    static func compatible(_ a: QuantityValue, _ b: QuantityValue) -> Bool {
        let aLow = a.low ?? 0, aHigh = a.high ?? .infinity, bLow = b.low ?? 0, bHigh = b.high ?? .infinity
        return aLow <= bHigh * 1.001 && bLow <= aHigh * 1.001
    }

    public func describe(_ e: MergedEvent) -> String {
        var s = (e.actor.map { $0.name + " — " } ?? "") + e.label
        if let place = e.placeName { s += " (" + place + ")" }
        return s
    }
}

extension EventGraph {
    /// Stories: articles joined when they tell the same merged event (an event told by one article
    /// joins nothing), so two situations in one country stay apart unless an event links them.
    public func stories(_ events: [MergedEvent]) -> [Story] {
        // Union-find over article rows (integers); each article's id string is looked up once at the end.
        var parent: [Int64: Int64] = [:]
        var articleID: [Int64: String] = [:]
        func find(_ x: Int64) -> Int64 {
            var x = x
            while let p = parent[x], p != x { parent[x] = parent[p] ?? p; x = p }
            return x
        }
        func union(_ a: Int64, _ b: Int64) {
            let ra = find(a), rb = find(b)
            if ra != rb { if ra < rb { parent[rb] = ra } else { parent[ra] = rb } }
        }
        var docsOf: [[Int64]] = []
        docsOf.reserveCapacity(events.count)
        for e in events {
            let refs = e.references
            var docs = Set<Int64>()
            for k in refs.indices where docs.insert(refs[k].doc).inserted {
                if articleID[refs[k].doc] == nil { articleID[refs[k].doc] = refs[k].article }
            }
            let sorted = docs.sorted()
            docsOf.append(sorted)
            for d in sorted where parent[d] == nil { parent[d] = d }
            // Statements and undated single-actor events are too generic to tie stories.
            guard e.type != "statement", sorted.count > 1, e.actor != nil || e.place != nil else { continue }
            for d in sorted.dropFirst() { union(sorted[0], d) }
        }
        var members: [Int64: [Int]] = [:]
        for (k, docs) in docsOf.enumerated() {
            guard let d = docs.first else { continue }
            members[find(d), default: []].append(k)
        }
        var out: [Story] = []
        for (root, indices) in members {
            // A story's articles are its component's: an event that did not tie its articles (a statement) belongs to
            // the story of its first article, and its other articles stay in theirs, so every article is in one story
            // and story ids (named by their first article) are unique.
            var docs = Set<Int64>(), groups = Set<Int64>()
            var names: [String: Int] = [:]
            var days: [String] = []
            for k in indices {
                let e = events[k]
                for d in docsOf[k] where find(d) == root { docs.insert(d) }
                let refs = e.references
                for r in refs.indices { groups.insert(refs[r].group) }
                if let a = e.actor?.name { names[a, default: 0] += refs.count }
                if let p = e.placeName { names[p, default: 0] += refs.count }
                if !e.timeFromPublication, let start = e.time?.start, !start.isEmpty, !start.hasPrefix("XXXX") { days.append(start) }
            }
            let articles = docs.compactMap { articleID[$0] }.sorted()
            days.sort()
            let title = names.sorted { ($0.value, $1.key) > ($1.value, $0.key) }.prefix(4).map(\.key).joined(separator: ", ")
            out.append(Story(id: "story-" + String(articles.first?.prefix(12) ?? "empty"), title: title.isEmpty ? "(untitled)" : title,
                             articles: articles, events: indices.map { events[$0].id }, sources: groups.count, start: days.first, end: days.last))
        }
        return out.sorted { ($0.articles.count, $1.id) > ($1.articles.count, $0.id) }
    }
}
