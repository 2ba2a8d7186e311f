import CrosscheckCore

extension BriefModel {
    /// The brief as a standalone HTML page, rendered from the model (every text escaped: articles are hostile input);
    /// citations link to the numbered sources.
    public func html() -> String {
        var body = "<h1>\(Self.escape(title))</h1>\n"
        body += "<p>\(articles) articles from \(independentSources) independent sources (copies, rewrites and articles citing one another count once)."
        if let year { body += " Dates written without a year are read in \(Self.escape(year))." }
        body += "</p>\n<h2>Key developments</h2>\n"
        let dated = developments.filter(\.dated), undated = developments.filter { !$0.dated }
        body += dated.isEmpty ? "<p>No dated events found.</p>\n" : Self.list(dated)
        if !undated.isEmpty { body += "<h2>Also reported (no date in the text)</h2>\n" + Self.list(undated) }
        body += "<h2>Contested</h2>\n"
        if contested.isEmpty { body += "<p>No contradictions found.</p>\n" } else {
            body += "<ul>\n"
            for c in contested {
                let sides = c.sides.map { side in
                    "<strong>\(Self.escape(side.value))</strong>" + (side.who.map { " (" + Self.escape($0) + ")" } ?? "") + " " + Self.html(side.citations)
                }
                body += "<li>\(Self.escape(c.title)) — \(Self.escape("\(c.kind)")): " + sides.joined(separator: " vs ") + "</li>\n"
            }
            if moreContested > 0 { body += "<li>… and \(moreContested) more (<code>crosscheck contradictions</code>)</li>\n" }
            body += "</ul>\n"
        }
        body += "<h2>Actors</h2>\n<p>" + actors.map { Self.escape("\($0.name): \($0.count)") }.joined(separator: "; ") + "</p>\n"
        body += "<h2>Places</h2>\n<p>" + places.map { Self.escape("\($0.name): \($0.count)") }.joined(separator: "; ") + "</p>\n"
        body += "<h2>Sources</h2>\n<ol>\n"
        for s in sources {
            body += "<li id=\"source-\(s.number)\">" + Self.escape(String(Self.markdown(s).drop { $0 != " " }.dropFirst())) + "</li>\n"
        }
        body += "</ol>\n"
        return """
            <!doctype html>
            <html lang="en"><head><meta charset="utf-8"><title>\(Self.escape(title))</title>
            <meta http-equiv="Content-Security-Policy" content="default-src 'none'; style-src 'unsafe-inline'">
            <meta name="viewport" content="width=device-width, initial-scale=1">
            <style>body{font:16px/1.5 system-ui,sans-serif;max-width:52rem;margin:2rem auto;padding:0 1rem}blockquote{color:#444;border-left:3px solid #ccc;margin:.3rem 0 .8rem;padding-left:.8rem}</style>
            </head><body>
            \(body)</body></html>

            """
    }

    static func escape(_ s: String) -> String { HTMLText.escape(s) }

    /// Citations as links to the numbered sources.
    static func html(_ c: Citations) -> String {
        c.numbers.map { "<a href=\"#source-\($0)\">[\($0)]</a>" }.joined() + (c.more > 0 ? " +\(c.more) more" : "")
    }

    static func list(_ developments: [Development]) -> String {
        var out = "<ol>\n"
        for d in developments {
            out += "<li value=\"\(d.number)\"><strong>\(escape(d.when))</strong> — \(escape(d.headline)) — \(d.sources) independent source"
                + (d.sources == 1 ? "" : "s") + " " + html(d.citations)
            if let dispute = d.dispute {
                out += dispute.kind == .walkedBack ? "; <strong>walked back</strong> by \(escape(dispute.by)) "
                    : "; <strong>denied</strong> by \(escape(dispute.by))" + (dispute.on.map { " on " + escape($0) } ?? "") + " "
                out += html(dispute.citations)
            } else if d.status != .reported {
                out += "; " + escape("\(d.status)")
            }
            if let anonymous = d.anonymous { out += " (anonymous: \(escape(anonymous)))" }
            if let e = d.evidence {
                out += "\n<blockquote>\(escape(e.sentence))" + (e.attribution.map { " — " + escape($0) } ?? "")
                    + " <a href=\"#source-\(e.citation)\">[\(e.citation)]</a></blockquote>"
            }
            out += "</li>\n"
        }
        return out + "</ol>\n"
    }
}
