import Foundation
import CrosscheckCore
import CrosscheckEvents

/// The situation brief in Markdown: key developments in date order with their corroboration and
/// numbered citations (outlet, date, the sentence), the contested points with both sides, the
/// actors, the places, and the sources with their independence groups.
public struct Brief: Sendable {
    /// What the brief says about an article in its source list beyond the event references.
    public struct SourceNote: Sendable, Hashable {
        /// Where the publication date came from (`inferred:latest-date-in-text` is flagged).
        public var publishedFrom: String?
        /// Outlets the article attributes its facts to ("told RFE/RL", "according to Reuters").
        public var cites: [String]
        public init(publishedFrom: String? = nil, cites: [String] = []) {
            self.publishedFrom = publishedFrom
            self.cites = cites
        }
    }

    public var title: String
    public var events: [MergedEvent]
    public var contradictions: [Contradiction]
    /// At most this many developments (dated and undated together).
    public var limit: Int
    /// Per article id (hex): how its date was found and which outlets it cites.
    public var notes: [String: SourceNote]
    /// At most this many citations on a line, and contested points listed.
    public var citationsPerLine = 6
    public var contestedLimit = 12
    /// How developments are chosen (also the timeline's).
    public var ranking = DevelopmentRanking()

    public init(title: String = "Situation brief", events: [MergedEvent], contradictions: [Contradiction], limit: Int = 20,
                notes: [String: SourceNote] = [:]) {
        self.title = title
        self.events = events
        self.contradictions = contradictions
        self.limit = limit
        self.notes = notes
    }

    /// The developments worth a line, in date order: one per happening, ranked by `DevelopmentRanking`
    /// (corroboration, coverage of the incident, a written day, a place, a figure; a dispute), the best `limit`.
    public var keyDevelopments: [MergedEvent] { keyDevelopments(year: storyYear) }

    func keyDevelopments(year: String?) -> [MergedEvent] {
        ranking.rank(events, limit: limit).map(\.event)
            .sorted { (Self.date($0, year: year), $0.id) < (Self.date($1, year: year), $1.id) }
    }

    static func isDated(_ e: MergedEvent) -> Bool {
        guard let t = e.time, t.value != "unresolved", !t.start.isEmpty else { return false }
        return !e.timeFromPublication
    }

    /// Dates without a year sort within the year they are read in; events without a time last.
    static func date(_ e: MergedEvent, year: String?) -> String { DevelopmentRanking.start(e, year: year) ?? "9999" }

    /// The one year every dated telling and publication date of the brief falls in, if there is one:
    /// dates written without a year ("July 5" in an undated article) are shown in it.
    var storyYear: String? { DevelopmentRanking.storyYear(events) }

    func when(_ e: MergedEvent, year: String?) -> String {
        guard let t = e.time, t.value != "unresolved", !t.value.isEmpty else { return "undated" }
        var value = t.value
        var inferred = false
        if value.hasPrefix("XXXX") {
            if let year { value = DevelopmentRanking.value(value, inYear: year)!; inferred = true }
            else { value = Self.yearless(value) }
        }
        if e.timeFromPublication { return "by " + value + " (publication)" }
        return (t.direction == .deadline ? "by " + value : value) + (inferred ? " (year inferred)" : "")
    }

    static let monthNames = ["January", "February", "March", "April", "May", "June", "July", "August", "September", "October",
                             "November", "December"]

    /// A time written without a year, for readers: "XXXX-05-12" → "May 12 (year not stated)", "XXXX-05" → "May (year not
    /// stated)"; other shapes (ranges, weeks) keep their digits.
    static func yearless(_ value: String) -> String {
        let parts = value.split(separator: "-").map(String.init)
        guard parts.count >= 2, parts.count <= 3, parts[0] == "XXXX", let m = Int(parts[1]), (1...12).contains(m),
              parts.count == 2 || Int(parts[2]) != nil else { return String(value.dropFirst(5)) + " (year not stated)" }
        return Self.monthNames[m - 1] + (parts.count == 3 ? " \(Int(parts[2])!)" : "") + " (year not stated)"
    }

    /// The event as a line: "Tajikistan mobilized forces (Afghanistan): 20,000 troops".
    /// `names` gives one name per entity id, so "Rahmon" and "Rakhmon" read alike across lines.
    public static func headline(_ e: MergedEvent, names: [String: String] = [:]) -> String {
        func name(_ p: Participant) -> String { p.entity.flatMap { names[$0] } ?? p.name }
        var line = (e.actor.map { name($0) + " " } ?? "") + e.label
        if let target = e.target, target.name != e.actor?.name {
            line += (e.type == "support" || e.type == "aid" ? " to " : e.type == "meet" ? " with " : " — ") + name(target)
        }
        if let place = e.placeName, place != e.actor?.name, place != e.target?.name { line += " (\(place))" }
        if let q = e.quantityText { line += ": \(q)" + (e.quantity?.noun.map { " " + $0 } ?? "") }
        return line
    }

    /// The span of the sentence a telling was read from.
    static func sentenceRange(_ r: EventReference) -> TextRange {
        TextRange(start: r.mention.sentenceStart, end: max(r.mention.sentenceStart, r.mention.sentenceEnd))
    }

    /// The brief as data (what Markdown, HTML and JSON render).
    public func model() -> BriefModel {
        // Number the articles in order of first citation.
        var numbers: [String: Int] = [:]
        var cited: [EventReference] = []
        func cite(_ r: EventReference) -> Int {
            if let n = numbers[r.article] { return n }
            cited.append(r)
            numbers[r.article] = cited.count
            return cited.count
        }
        // At most `citationsPerLine` citations a line, one per independent source first, so a story told by
        // 10,000 articles still reads in a minute ("[1][4][9] +9,997 more").
        func cites(_ refs: [EventReference], where include: (EventReference) -> Bool = { _ in true }) -> BriefModel.Citations {
            var seenGroups = Set<Int64>(), seenDocs = Set<Int64>(), total = Set<Int64>()
            var picked: [Int] = []
            for k in refs.indices where include(refs[k]) {
                total.insert(refs[k].doc)
                if picked.count < citationsPerLine && seenGroups.insert(refs[k].group).inserted {
                    seenDocs.insert(refs[k].doc)
                    picked.append(k)
                }
            }
            if picked.count < citationsPerLine {
                for k in refs.indices where picked.count < citationsPerLine && include(refs[k]) && seenDocs.insert(refs[k].doc).inserted {
                    picked.append(k)
                }
            }
            return BriefModel.Citations(numbers: picked.map { cite(refs[$0]) }, sentences: picked.map { Self.sentenceRange(refs[$0]) },
                                        more: total.count - picked.count)
        }
        let year = storyYear
        var articles = Set<Int64>(), groups = Set<Int64>()
        for e in events { let refs = e.references; for k in refs.indices { articles.insert(refs[k].doc); groups.insert(refs[k].group) } }
        let names = entityNames()
        let key = keyDevelopments(year: year)
        let ordered = key.filter(Self.isDated) + key.filter { !Self.isDated($0) }
        var developments: [BriefModel.Development] = []
        for (k, e) in ordered.enumerated() {
            developments.append(development(k + 1, e, year: year, names: names, cite: cite, cites: cites))
        }
        let contested = contestedPoints(year: year, names: names, cites: cites)
        let tally = tallies()
        return BriefModel(title: title, articles: articles.count, independentSources: groups.count, year: year,
                          developments: developments, contested: contested, moreContested: max(0, contradictions.count - contestedLimit),
                          actors: tally.actors, places: tally.places, sources: sourceList(cited))
    }

    /// One name per entity: the one its tellings use most (merged events carry canonical ids: named like the ids they
    /// stand for).
    func entityNames() -> [String: String] {
        var nameCounts: [String: [String: Int]] = [:]
        for e in events {
            let refs = e.references
            for k in refs.indices {
                if let a = refs[k].mention.actor, let id = a.entity { nameCounts[id, default: [:]][a.name, default: 0] += 1 }
                if let t = refs[k].mention.target, let id = t.entity { nameCounts[id, default: [:]][t.name, default: 0] += 1 }
            }
        }
        var names = nameCounts.compactMapValues { $0.max { ($0.value, $1.key) < ($1.value, $0.key) }?.key }
        for e in events {
            for p in [e.actor, e.target].compactMap({ $0 }) {
                guard let id = p.entity, names[id] == nil else { continue }
                names[id] = p.name
            }
        }
        return names
    }

    /// A development's line: its corroboration, a denial or walk-back with its citations, and its evidence (cited in
    /// that order, so the numbers follow the reading order).
    func development(_ number: Int, _ e: MergedEvent, year: String?, names: [String: String], cite: (EventReference) -> Int,
                     cites: ([EventReference], (EventReference) -> Bool) -> BriefModel.Citations) -> BriefModel.Development {
        let citations = cites(e.references) { !$0.mention.status.isAgainst }
        var dispute: BriefModel.Dispute?
        switch e.status {
        case .contested, .denied:
            let denied = e.references.filter { $0.mention.status == .denied }
            let who = denied.compactMap { $0.mention.deniedBy?.name }.first ?? "a source"
            let on = denied.compactMap { r in r.mention.time.flatMap { t in t.value == "unresolved" || r.mention.timeFromPublication ? nil : t.value } }.first
                .map { v in v.hasPrefix("XXXX") ? (year.map { $0 + v.dropFirst(4) } ?? Self.yearless(v)) : v }
            dispute = BriefModel.Dispute(kind: .denied, by: who, on: on, citations: cites(denied) { _ in true })
        case .walkedBack:
            let walked = e.references.filter { $0.mention.status == .walkedBack }
            let who = walked.compactMap { $0.mention.deniedBy?.name }.first ?? "its source"
            dispute = BriefModel.Dispute(kind: .walkedBack, by: who, on: nil, citations: cites(walked) { _ in true })
        default: break
        }
        var anonymous: String?
        if let a = e.references.first(where: { $0.mention.attribution.kind == .anonymous }),
           e.references.allSatisfy({ $0.mention.attribution.kind == .anonymous || $0.mention.attribution.kind == .article }) {
            anonymous = a.mention.attribution.name ?? "unnamed source"
        }
        let evidence = e.evidence.map { r in
            BriefModel.Evidence(sentence: r.mention.sentence.replacingOccurrences(of: "\n", with: " "), range: Self.sentenceRange(r),
                                attribution: r.mention.attribution.name,
                                citation: cite(r))
        }
        return BriefModel.Development(number: number, dated: Self.isDated(e), when: when(e, year: year), headline: Self.headline(e, names: names),
                                      event: e.id, incident: e.incident, sources: e.sources, citations: citations, status: e.status,
                                      dispute: dispute, anonymous: anonymous, evidence: evidence)
    }

    /// The contested points most sources take part in first, at most `contestedLimit`.
    func contestedPoints(year: String?, names: [String: String],
                         cites: ([EventReference], (EventReference) -> Bool) -> BriefModel.Citations) -> [BriefModel.Contested] {
        func weight(_ c: Contradiction) -> Int {
            var groups = Set<Int64>()
            for side in c.sides { let refs = side.references; for k in refs.indices { groups.insert(refs[k].group) } }
            return groups.count
        }
        let shown = contradictions.map { ($0, weight($0)) }.sorted { ($0.1, $1.0.event) > ($1.1, $0.0.event) }.map(\.0).prefix(contestedLimit)
        // Only the shown contradictions need their event: one scan finds them (a dictionary of every event
        // copied each of them, 1 % of the 100k pipeline).
        let shownIDs = Set(shown.map(\.event))
        var byID: [String: Int] = [:]
        if !shownIDs.isEmpty {
            for k in events.indices where shownIDs.contains(events[k].id) && byID[events[k].id] == nil { byID[events[k].id] = k }
        }
        return shown.map { c in
            let sides = c.sides.map { side -> BriefModel.Contested.Side in
                var value = side.value
                if let year, let read = DevelopmentRanking.value(value, inYear: year) { value = read }
                return .init(value: value, who: side.references.compactMap { $0.mention.attribution.name }.first,
                             citations: cites(side.references) { _ in true })
            }
            let title = byID[c.event].map { Self.headline(events[$0], names: names) } ?? c.event
            return BriefModel.Contested(event: c.event, title: title, kind: c.kind, sides: sides)
        }
    }

    /// Actors and places by entity, so "Rahmon" and "Rakhmon" count as one, named as most tellings name them.
    func tallies() -> (actors: [BriefModel.NameCount], places: [BriefModel.NameCount]) {
        var actorNames: [String: [String: Int]] = [:], placeNames: [String: [String: Int]] = [:]
        for e in events {
            // Tellings that name the event's own actor or place count in bulk; only the others one by one.
            var sameActor = 0, samePlace = 0
            let eventActor = e.actor?.name, eventPlace = e.placeName
            let refs = e.references
            for k in refs.indices {
                if let a = refs[k].mention.actor {
                    if a.name == eventActor { sameActor += 1 }
                    else { actorNames[e.actor?.entity == a.entity || a.entity == nil ? (e.actor?.entity ?? a.name) : a.entity!, default: [:]][a.name, default: 0] += 1 }
                }
                if let p = refs[k].mention.placeName {
                    if p == eventPlace { samePlace += 1 } else { placeNames[refs[k].mention.place?.id ?? p, default: [:]][p, default: 0] += 1 }
                }
            }
            if let a = e.actor, sameActor > 0 { actorNames[a.entity ?? a.name, default: [:]][a.name, default: 0] += sameActor }
            if let p = eventPlace, samePlace > 0 { placeNames[e.place?.id ?? p, default: [:]][p, default: 0] += samePlace }
        }
        func listing(_ table: [String: [String: Int]]) -> [BriefModel.NameCount] {
            let rows = table.values.map { names -> (String, Int) in
                let sorted = names.sorted { ($0.value, $1.key) > ($1.value, $0.key) }
                let others = sorted.dropFirst().map(\.key)
                return (sorted[0].key + (others.isEmpty ? "" : " (also " + others.joined(separator: ", ") + ")"), names.values.reduce(0, +))
            }
            // Two entities shown under one name ("CoES" as acronym and as organization) are one row.
            var merged: [String: Int] = [:]
            for (name, count) in rows { merged[name, default: 0] += count }
            return merged.sorted { ($0.value, $1.key) > ($1.value, $0.key) }.prefix(15).map { BriefModel.NameCount(name: $0.key, count: $0.value) }
        }
        return (listing(actorNames), listing(placeNames))
    }

    /// The cited articles, with their independent sources numbered in order of first citation.
    func sourceList(_ cited: [EventReference]) -> [BriefModel.Source] {
        var groupNumbers: [Int64: Int] = [:]
        for r in cited where groupNumbers[r.group] == nil { groupNumbers[r.group] = groupNumbers.count + 1 }
        var membersOf: [Int64: [Int]] = [:]
        for (k, r) in cited.enumerated() { membersOf[r.group, default: []].append(k + 1) }
        return cited.enumerated().map { k, r in
            let note = notes[r.article]
            return BriefModel.Source(number: k + 1, article: r.article, outlet: r.outlet, date: r.published.map { String($0.prefix(10)) },
                                     dateInferred: note?.publishedFrom?.hasPrefix("inferred") == true, title: r.title,
                                     source: groupNumbers[r.group] ?? 0, with: (membersOf[r.group] ?? []).filter { $0 != k + 1 },
                                     cites: note?.cites ?? [])
        }
    }

    public func markdown() -> String { model().markdown() }

    public func html() -> String { model().html() }
}
