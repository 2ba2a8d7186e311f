import CrosscheckCore

extension BriefModel {
    /// The brief in Markdown: key developments (dated, then those with no date in the text) with their corroboration
    /// and numbered citations, the contested points with both sides, actors, places, and the cited sources.
    public func markdown() -> String {
        var out = "# \(title)\n\n"
        out += "\(articles) articles from \(independentSources) independent sources (copies, rewrites and articles citing one another count once)."
        if let year { out += " Dates written without a year are read in \(year)." }
        out += "\n"
        out += "\n## Key developments\n\n"
        let dated = developments.filter(\.dated), undated = developments.filter { !$0.dated }
        if dated.isEmpty { out += "No dated events found.\n" }
        for d in dated { out += Self.markdown(d) }
        if !undated.isEmpty {
            out += "\n## Also reported (no date in the text)\n\n"
            for d in undated { out += Self.markdown(d) }
        }
        out += "\n## Contested\n\n"
        if contested.isEmpty { out += "No contradictions found.\n" }
        for c in contested {
            let sides = c.sides.map { "**\($0.value)**" + ($0.who.map { " (" + $0 + ")" } ?? "") + " " + Self.markdown($0.citations) }
            out += "- \(c.title) — \(c.kind): " + sides.joined(separator: " vs ") + "\n"
        }
        if moreContested > 0 { out += "- … and \(moreContested) more (`crosscheck contradictions`)\n" }
        out += "\n## Actors\n\n" + actors.map { "\($0.name): \($0.count)" }.joined(separator: "; ") + "\n"
        out += "\n## Places\n\n" + places.map { "\($0.name): \($0.count)" }.joined(separator: "; ") + "\n"
        out += "\n## Sources\n\n"
        for s in sources { out += Self.markdown(s) + "\n" }
        return out
    }

    /// "[1][4][9] +12 more".
    static func markdown(_ c: Citations) -> String {
        c.numbers.map { "[\($0)]" }.joined() + (c.more > 0 ? " +\(c.more) more" : "")
    }

    static func markdown(_ d: Development) -> String {
        var line = "\(d.number). **\(d.when)** — \(d.headline) — \(d.sources) independent source\(d.sources == 1 ? "" : "s") "
            + markdown(d.citations)
        if let dispute = d.dispute {
            line += dispute.kind == .walkedBack ? "; **walked back** by \(dispute.by) " : "; **denied** by \(dispute.by)" + (dispute.on.map { " on " + $0 } ?? "") + " "
            line += markdown(dispute.citations)
        } else if d.status != .reported {
            line += "; \(d.status)"
        }
        if let anonymous = d.anonymous { line += " (anonymous: \(anonymous))" }
        line += "\n"
        if let e = d.evidence { line += "   > \(e.sentence)" + (e.attribution.map { " — " + $0 } ?? "") + " [\(e.citation)]\n" }
        return line
    }

    static func markdown(_ s: Source) -> String {
        var date = s.date ?? "undated"
        if s.dateInferred { date += " (inferred from the text)" }
        var line = "\(s.number). \(s.outlet ?? "outlet not stated"), \(date) — \(s.title ?? "untitled (" + s.article.prefix(12) + ")")"
        line += s.with.isEmpty ? " (source \(s.source))" : " (source \(s.source), with \(s.with.map { "[\($0)]" }.joined()))"
        if !s.cites.isEmpty { line += "; cites " + s.cites.joined(separator: ", ") }
        return line
    }
}
