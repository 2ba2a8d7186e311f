import Foundation
import CrosscheckCore

/// The situation brief in Markdown: key developments in date order with their corroboration and
/// numbered citations (outlet, date, the sentence), the contested points with both sides, the
/// actors, the places, and the sources with their independence groups.
public struct Brief: Sendable {
    public var title: String
    public var events: [MergedEvent]
    public var contradictions: [Contradiction]
    /// At most this many key developments.
    public var limit: Int

    public init(title: String = "Situation brief", events: [MergedEvent], contradictions: [Contradiction], limit: Int = 15) {
        self.title = title
        self.events = events
        self.contradictions = contradictions
        self.limit = limit
    }

    /// The events worth a line: named actor, not hypothetical, most corroborated first, then by date.
    public var keyDevelopments: [MergedEvent] {
        let candidates = events.filter { ($0.actor != nil || $0.place != nil) && $0.status != "hypothetical" && $0.type != "deny" && $0.type != "statement" }
        let ranked = candidates.sorted {
            ($0.sources + ($0.quantity != nil ? 1 : 0) + ($0.timeFromPublication ? 0 : 1), $1.id)
                > ($1.sources + ($1.quantity != nil ? 1 : 0) + ($1.timeFromPublication ? 0 : 1), $0.id)
        }
        return Array(ranked.prefix(limit)).sorted { Self.date($0) < Self.date($1) }
    }

    static func date(_ e: MergedEvent) -> String { e.time?.start.isEmpty == false ? e.time!.start : "9999" }

    static func when(_ e: MergedEvent) -> String {
        guard let t = e.time, t.value != "unresolved" else { return "undated" }
        if e.timeFromPublication { return "by " + t.value + " (publication)" }
        return t.direction == "deadline" ? "by " + t.value : t.value
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
        func cites(_ refs: [EventReference]) -> String {
            var seen = Set<String>()
            return refs.filter { seen.insert($0.article).inserted }.map(cite).joined()
        }
        var out = "# \(title)\n\n"
        let articles = Set(events.flatMap { $0.references.map(\.article) })
        let groups = Set(events.flatMap { $0.references.map(\.group) })
        out += "\(articles.count) articles from \(groups.count) independent sources.\n\n## Key developments\n\n"
        let key = keyDevelopments
        if key.isEmpty { out += "No events found.\n" }
        for (k, e) in key.enumerated() {
            var line = "\(k + 1). **\(Self.when(e))** — " + (e.actor.map { $0.name + " " } ?? "") + e.label
            if let place = e.placeName { line += " (\(place))" }
            if let q = e.quantityText { line += ": \(q)" + (e.quantity?.noun.map { " " + $0 } ?? "") }
            line += " — \(e.sources) independent source\(e.sources == 1 ? "" : "s")"
            if e.status != "reported" { line += ", \(e.status)" }
            line += " " + cites(e.references) + "\n"
            out += line
            if let r = e.references.first(where: { $0.mention.status == "reported" }) ?? e.references.first {
                let who = r.mention.attribution.name.map { " — " + $0 } ?? ""
                out += "   > \(r.mention.sentence.replacingOccurrences(of: "\n", with: " "))\(who) \(cite(r))\n"
            }
        }
        out += "\n## Contested\n\n"
        if contradictions.isEmpty { out += "No contradictions found.\n" }
        let byID = Dictionary(events.map { ($0.id, $0) }, uniquingKeysWith: { a, _ in a })
        for c in contradictions {
            let sides = c.sides.map { side -> String in
                let who = side.references.compactMap { $0.mention.attribution.name }.first.map { " (" + $0 + ")" } ?? ""
                return "**\(side.value)**\(who) \(cites(side.references))"
            }.joined(separator: " vs ")
            let title = byID[c.event].map { ($0.actor.map { $0.name + " " } ?? "") + $0.label + ($0.placeName.map { " (\($0))" } ?? "") } ?? c.event
            out += "- \(title) — \(c.kind): \(sides)\n"
        }
        var actors: [String: Int] = [:], places: [String: Int] = [:]
        for e in events {
            if let a = e.actor?.name { actors[a, default: 0] += e.references.count }
            if let p = e.placeName { places[p, default: 0] += e.references.count }
        }
        out += "\n## Actors\n\n" + actors.sorted { ($0.value, $1.key) > ($1.value, $0.key) }.prefix(15).map { "\($0.key) (\($0.value))" }.joined(separator: ", ") + "\n"
        out += "\n## Places\n\n" + places.sorted { ($0.value, $1.key) > ($1.value, $0.key) }.prefix(15).map { "\($0.key) (\($0.value))" }.joined(separator: ", ") + "\n"
        out += "\n## Sources\n\n"
        for (k, r) in cited.enumerated() {
            out += "\(k + 1). \(r.outlet ?? "unknown outlet"), \(r.published.map { String($0.prefix(10)) } ?? "undated") — \(r.title ?? r.article.prefix(12).description) (source group \(r.group))\n"
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
