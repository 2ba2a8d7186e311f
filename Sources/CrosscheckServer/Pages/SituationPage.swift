import CrosscheckCore
import CrosscheckReport

/// The situation page: the brief with numbered citations, each opening its article at the cited sentence.
struct SituationPage {
    let brief: BriefModel

    private func e(_ s: String) -> String { HTMLText.escape(s) }

    /// Article id of each source number.
    private var articles: [Int: String] { Dictionary(brief.sources.map { ($0.number, $0.article) }, uniquingKeysWith: { a, _ in a }) }

    func html() -> String {
        var body = "<h1>\(e(brief.title))</h1>\n<dl class=\"stats\">"
            + stat("articles", brief.articles) + stat("independent sources", brief.independentSources)
            + stat("key developments", brief.developments.count) + stat("contested points", brief.contested.count + brief.moreContested)
            + "</dl>\n<p class=\"note\">Copies, rewrites and articles citing one another count as one source."
        if let year = brief.year { body += " Dates written without a year are read in \(e(year))." }
        body += " Every citation opens its article at the sentence it cites.</p>\n"
        let dated = brief.developments.filter(\.dated), undated = brief.developments.filter { !$0.dated }
        body += "<h2>Key developments</h2>\n" + (dated.isEmpty ? "<p class=\"note\">No dated events found.</p>\n" : list(dated))
        if !undated.isEmpty { body += "<h2>Also reported <small>(no date in the text)</small></h2>\n" + list(undated) }
        body += contested() + names("Actors", brief.actors) + names("Places", brief.places) + sources()
        return PageShell.page(title: brief.title, section: .situation, body: body)
    }

    private func stat(_ label: String, _ n: Int) -> String { "<div><dt>\(e(label))</dt><dd>\(n)</dd></div>" }

    private func cites(_ c: BriefModel.Citations) -> String {
        c.cited.map { PageLinks.citation($0.number, article: articles[$0.number], sentence: $0.sentence) }.joined()
            + (c.more > 0 ? " <span class=\"more\">+\(c.more) more</span>" : "")
    }

    private func list(_ developments: [BriefModel.Development]) -> String {
        var out = "<ol class=\"developments\">\n"
        for d in developments {
            out += "<li value=\"\(d.number)\"><div class=\"line\"><time>\(e(d.when))</time> "
                + "<a class=\"headline\" href=\"\(PageLinks.event(d.event))\">\(e(d.headline))</a> "
                + "<span class=\"badge sources\" title=\"independent sources\">\(d.sources) source\(d.sources == 1 ? "" : "s")</span>"
            if let dispute = d.dispute {
                out += " <span class=\"badge against\">\(dispute.kind == .walkedBack ? "walked back" : "denied") by \(e(dispute.by))"
                    + (dispute.on.map { " on " + e($0) } ?? "") + "</span> " + cites(dispute.citations)
            } else if d.status != .reported {
                out += " <span class=\"badge status\">\(e(d.status.rawValue))</span>"
            }
            if let anonymous = d.anonymous { out += " <span class=\"badge anonymous\">anonymous: \(e(anonymous))</span>" }
            out += " <span class=\"cites\">" + cites(d.citations) + "</span></div>"
            if let evidence = d.evidence {
                let link = PageLinks.citation(evidence.citation, article: articles[evidence.citation], sentence: evidence.range)
                out += "\n<blockquote>\(e(evidence.sentence))" + (evidence.attribution.map { " <cite>— " + e($0) + "</cite>" } ?? "") + " \(link)</blockquote>"
            }
            out += "</li>\n"
        }
        return out + "</ol>\n"
    }

    private func contested() -> String {
        var out = "<h2>Contested</h2>\n"
        guard !brief.contested.isEmpty else { return out + "<p class=\"note\">No contradictions found.</p>\n" }
        out += "<ul class=\"contested\">\n"
        for c in brief.contested {
            let sides = c.sides.map { side in
                "<strong>\(e(side.value))</strong>" + (side.who.map { " (" + e($0) + ")" } ?? "") + " " + cites(side.citations)
            }
            out += "<li><a href=\"\(PageLinks.event(c.event))\">\(e(c.title))</a> <span class=\"badge against\">\(e(c.kind.rawValue))</span>: "
                + sides.joined(separator: " <em>vs</em> ") + "</li>\n"
        }
        if brief.moreContested > 0 { out += "<li><a href=\"/contested\">… and \(brief.moreContested) more</a></li>\n" }
        return out + "</ul>\n"
    }

    private func names(_ title: String, _ counts: [BriefModel.NameCount]) -> String {
        guard !counts.isEmpty else { return "" }
        return "<h2>\(e(title))</h2>\n<p class=\"chips\">" + counts.map { "<span>\(e($0.name)) <b>\($0.count)</b></span>" }.joined() + "</p>\n"
    }

    private func sources() -> String {
        var out = "<h2>Sources</h2>\n<ol class=\"sources\">\n"
        for s in brief.sources {
            let meta = [s.outlet, s.date.map { $0 + (s.dateInferred ? " (date inferred)" : "") }].compactMap { $0 }.map(e).joined(separator: " · ")
            out += "<li id=\"source-\(s.number)\"><a href=\"\(PageLinks.article(s.article))\">\(e(s.title ?? String(s.article.prefix(12))))</a>"
                + (meta.isEmpty ? "" : " <span class=\"meta\">\(meta)</span>")
                + " <span class=\"meta\">independent source \(s.source)" + (s.with.isEmpty ? "" : ", with " + s.with.map { "[\($0)]" }.joined()) + "</span>"
                + (s.cites.isEmpty ? "" : " <span class=\"meta\">cites \(e(s.cites.joined(separator: ", ")))</span>") + "</li>\n"
        }
        return out + "</ol>\n"
    }
}
