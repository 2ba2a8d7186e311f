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
            else { value = String(value.dropFirst(5)) }
        }
        if e.timeFromPublication { return "by " + value + " (publication)" }
        return (t.direction == "deadline" ? "by " + value : value) + (inferred ? " (year inferred)" : "")
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

    public func markdown() -> String {
        // Number the articles in order of first citation.
        var numbers: [String: Int] = [:]
        var cited: [EventReference] = []
        func cite(_ r: EventReference) -> String {
            if let n = numbers[r.article] { return "[\(n)]" }
            cited.append(r)
            numbers[r.article] = cited.count
            return "[\(cited.count)]"
        }
        // At most `citationsPerLine` citations a line, one per independent source first, so a story told by
        // 10,000 articles still reads in a minute ("[1][4][9] +9,997 more").
        func cites(_ refs: [EventReference], where include: (EventReference) -> Bool = { _ in true }) -> String {
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
            let more = total.count - picked.count
            return picked.map { cite(refs[$0]) }.joined() + (more > 0 ? " +\(more) more" : "")
        }
        let year = storyYear
        var out = "# \(title)\n\n"
        var articles = Set<Int64>(), groups = Set<Int64>()
        for e in events { let refs = e.references; for k in refs.indices { articles.insert(refs[k].doc); groups.insert(refs[k].group) } }
        out += "\(articles.count) articles from \(groups.count) independent sources (copies, rewrites and articles citing one another count once)."
        if let year { out += " Dates written without a year are read in \(year)." }
        out += "\n"
        let key = keyDevelopments(year: year)
        // One name per entity: the one its tellings use most.
        var nameCounts: [String: [String: Int]] = [:]
        for e in events {
            let refs = e.references
            for k in refs.indices {
                if let a = refs[k].mention.actor, let id = a.entity { nameCounts[id, default: [:]][a.name, default: 0] += 1 }
                if let t = refs[k].mention.target, let id = t.entity { nameCounts[id, default: [:]][t.name, default: 0] += 1 }
            }
        }
        var names = nameCounts.compactMapValues { $0.max { ($0.value, $1.key) < ($1.value, $0.key) }?.key }
        // Merged events carry canonical ids: name them like the ids they stand for.
        for e in events {
            for p in [e.actor, e.target].compactMap({ $0 }) {
                guard let id = p.entity, names[id] == nil else { continue }
                names[id] = p.name
            }
        }
        let dated = key.filter(Self.isDated), undated = key.filter { !Self.isDated($0) }
        func line(_ k: Int, _ e: MergedEvent) {
            var line = "\(k). **\(when(e, year: year))** — " + Self.headline(e, names: names)
            let denied = e.references.filter { $0.mention.status == .denied }
            let walked = e.references.filter { $0.mention.status == .walkedBack }
            line += " — \(e.sources) independent source\(e.sources == 1 ? "" : "s") "
                + cites(e.references) { !$0.mention.status.isAgainst }
            switch e.status {
            case .reported: break
            case .contested, .denied:
                let who = denied.compactMap { $0.mention.deniedBy?.name }.first ?? "a source"
                let on = denied.compactMap { r in r.mention.time.flatMap { t in t.value == "unresolved" || r.mention.timeFromPublication ? nil : t.value } }.first
                    .map { v in " on " + (v.hasPrefix("XXXX") ? (year.map { $0 + v.dropFirst(4) } ?? String(v.dropFirst(5))) : v) } ?? ""
                line += "; **denied** by \(who)\(on) " + cites(denied)
            case .walkedBack:
                let who = walked.compactMap { $0.mention.deniedBy?.name }.first ?? "its source"
                line += "; **walked back** by \(who) " + cites(walked)
            default: line += "; \(e.status)"
            }
            if let anonymous = e.references.first(where: { $0.mention.attribution.kind == "anonymous" }), e.references.allSatisfy({ $0.mention.attribution.kind == "anonymous" || $0.mention.attribution.kind == "article" }) {
                line += " (anonymous: \(anonymous.mention.attribution.name ?? "unnamed source"))"
            }
            out += line + "\n"
            if let r = e.evidence {
                let who = r.mention.attribution.name.map { " — " + $0 } ?? ""
                out += "   > \(r.mention.sentence.replacingOccurrences(of: "\n", with: " "))\(who) \(cite(r))\n"
            }
        }
        out += "\n## Key developments\n\n"
        if dated.isEmpty { out += "No dated events found.\n" }
        for (k, e) in dated.enumerated() { line(k + 1, e) }
        if !undated.isEmpty {
            out += "\n## Also reported (no date in the text)\n\n"
            for (k, e) in undated.enumerated() { line(dated.count + k + 1, e) }
        }
        out += "\n## Contested\n\n"
        if contradictions.isEmpty { out += "No contradictions found.\n" }
        // The contested points most sources take part in first.
        func weight(_ c: Contradiction) -> Int {
            var groups = Set<Int64>()
            for side in c.sides { let refs = side.references; for k in refs.indices { groups.insert(refs[k].group) } }
            return groups.count
        }
        let contested = contradictions.map { ($0, weight($0)) }.sorted { ($0.1, $1.0.event) > ($1.1, $0.0.event) }.map(\.0)
        // Only the shown contradictions need their event: one scan finds them (a dictionary of every event
        // copied each of them, 1 % of the 100k pipeline).
        let shownIDs = Set(contested.prefix(contestedLimit).map(\.event))
        var byID: [String: Int] = [:]
        if !shownIDs.isEmpty {
            for k in events.indices where shownIDs.contains(events[k].id) && byID[events[k].id] == nil { byID[events[k].id] = k }
        }
        for c in contested.prefix(contestedLimit) {
            let sides = c.sides.map { side -> String in
                let who = side.references.compactMap { $0.mention.attribution.name }.first.map { " (" + $0 + ")" } ?? ""
                var value = side.value
                if let year, let read = DevelopmentRanking.value(value, inYear: year) { value = read }
                return "**\(value)**\(who) \(cites(side.references))"
            }.joined(separator: " vs ")
            let title = byID[c.event].map { Self.headline(events[$0], names: names) } ?? c.event
            out += "- \(title) — \(c.kind): \(sides)\n"
        }
        // Actors and places by entity, so "Rahmon" and "Rakhmon" count as one, named as most tellings name them.
        if contested.count > contestedLimit {
            out += "- … and \(contested.count - contestedLimit) more (`crosscheck contradictions`)\n"
        }
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
        func listing(_ table: [String: [String: Int]]) -> String {
            let rows = table.values.map { names -> (String, Int) in
                let sorted = names.sorted { ($0.value, $1.key) > ($1.value, $0.key) }
                let others = sorted.dropFirst().map(\.key)
                return (sorted[0].key + (others.isEmpty ? "" : " (also " + others.joined(separator: ", ") + ")"), names.values.reduce(0, +))
            }
            // Two entities shown under one name ("CoES" as acronym and as organization) are one row.
            var merged: [String: Int] = [:]
            for (name, count) in rows { merged[name, default: 0] += count }
            return merged.sorted { ($0.value, $1.key) > ($1.value, $0.key) }.prefix(15).map { "\($0.key): \($0.value)" }.joined(separator: "; ")
        }
        out += "\n## Actors\n\n" + listing(actorNames) + "\n"
        out += "\n## Places\n\n" + listing(placeNames) + "\n"
        out += "\n## Sources\n\n"
        // Source groups numbered in order of first citation.
        var groupNumbers: [Int64: Int] = [:]
        for r in cited where groupNumbers[r.group] == nil { groupNumbers[r.group] = groupNumbers.count + 1 }
        var membersOf: [Int64: [Int]] = [:]
        for (k, r) in cited.enumerated() { membersOf[r.group, default: []].append(k + 1) }
        for (k, r) in cited.enumerated() {
            let note = notes[r.article]
            var date = r.published.map { String($0.prefix(10)) } ?? "undated"
            if note?.publishedFrom?.hasPrefix("inferred") == true { date += " (inferred from the text)" }
            var line = "\(k + 1). \(r.outlet ?? "outlet not stated"), \(date) — \(r.title ?? "untitled (" + r.article.prefix(12) + ")")"
            let members = membersOf[r.group] ?? []
            line += members.count > 1 ? " (source \(groupNumbers[r.group]!), with \(members.filter { $0 != k + 1 }.map { "[\($0)]" }.joined()))"
                : " (source \(groupNumbers[r.group]!))"
            if let citesOutlets = note?.cites, !citesOutlets.isEmpty { line += "; cites " + citesOutlets.joined(separator: ", ") }
            out += line + "\n"
        }
        return out
    }

    /// The brief as a standalone HTML page (the Markdown's structure; text escaped).
    public func html() -> String {
        func escape(_ s: String) -> String {
            s.replacingOccurrences(of: "&", with: "&amp;").replacingOccurrences(of: "<", with: "&lt;").replacingOccurrences(of: ">", with: "&gt;")
        }
        func inline(_ s: String) -> String {
            var out = escape(s)
            while let open = out.range(of: "**"), let close = out.range(of: "**", range: open.upperBound..<out.endIndex) {
                out.replaceSubrange(close, with: "</strong>")
                out.replaceSubrange(open, with: "<strong>")
            }
            return out
        }
        var body = ""
        var list: String? = nil
        func closeList() { if let l = list { body += "</\(l)>\n"; list = nil } }
        for line in markdown().split(separator: "\n", omittingEmptySubsequences: false).map(String.init) {
            if line.hasPrefix("# ") { closeList(); body += "<h1>\(inline(String(line.dropFirst(2))))</h1>\n" }
            else if line.hasPrefix("## ") { closeList(); body += "<h2>\(inline(String(line.dropFirst(3))))</h2>\n" }
            else if line.hasPrefix("   > ") { body += "<blockquote>\(inline(String(line.dropFirst(5))))</blockquote>\n" }
            else if line.hasPrefix("- ") {
                if list != "ul" { closeList(); body += "<ul>\n"; list = "ul" }
                body += "<li>\(inline(String(line.dropFirst(2))))</li>\n"
            } else if let dot = line.firstIndex(of: "."), line[..<dot].allSatisfy(\.isNumber), !line[..<dot].isEmpty {
                if list != "ol" { closeList(); body += "<ol>\n"; list = "ol" }
                body += "<li>\(inline(String(line[line.index(after: dot)...]).trimmingCharacters(in: .whitespaces)))</li>\n"
            } else if !line.isEmpty { closeList(); body += "<p>\(inline(line))</p>\n" }
        }
        closeList()
        return """
            <!doctype html>
            <html lang="en"><head><meta charset="utf-8"><title>\(escape(title))</title>
            <style>body{font:16px/1.5 system-ui,sans-serif;max-width:52rem;margin:2rem auto;padding:0 1rem}blockquote{color:#444;border-left:3px solid #ccc;margin:.3rem 0 .8rem;padding-left:.8rem}</style>
            </head><body>
            \(body)</body></html>

            """
    }
}
