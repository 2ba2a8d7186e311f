import CrosscheckCore
import CrosscheckReport
import CrosscheckStore

/// Outlets, source groups (articles that are not independent of one another) and why each link was made.
struct SourcesPage {
    /// Articles per outlet ("unknown outlet" for none), most first.
    let outlets: [(name: String, articles: Int)]
    let groups: [SourceGroupRecord]
    let relations: [RelationRecord]
    let articleCount: Int

    static func outletCounts(_ sources: [(id: ContentID, outlet: String?, origin: String)]) -> [(name: String, articles: Int)] {
        var counts: [String: Int] = [:]
        for s in sources { counts[s.outlet ?? "unknown outlet", default: 0] += 1 }
        return counts.map { ($0.key, $0.value) }.sorted { ($0.articles, $1.name) > ($1.articles, $0.name) }
    }

    func html() -> String {
        func e(_ s: String) -> String { HTMLText.escape(s) }
        var body = "<h1>Sources</h1>\n<p class=\"note\">\(articleCount) articles from \(outlets.count) outlets. A source group holds articles that are "
            + "not independent (copies, rewrites, the same address, one citing another); corroboration counts each group once.</p>\n"
        body += "<h2>Outlets</h2>\n<table class=\"outlets\"><thead><tr><th>Outlet</th><th class=\"n\">Articles</th></tr></thead><tbody>\n"
        for o in outlets.prefix(200) {
            body += "<tr><td>\(e(o.name))</td><td class=\"n\">\(o.articles)</td></tr>\n"
        }
        body += "</tbody></table>\n" + (outlets.count > 200 ? "<p class=\"note\">… and \(outlets.count - 200) more outlets.</p>\n" : "")
        body += "<h2>Source groups <small>(\(groups.count) shown, largest first)</small></h2>\n"
        if groups.isEmpty { body += "<p class=\"note\">Every article is independent of every other.</p>\n" }
        for g in groups {
            let kinds = g.kinds.sorted { $0.key < $1.key }.map { "\(e($0.key)) \($0.value)" }.joined(separator: ", ")
            body += "<section class=\"group\"><h3>\(g.size) articles <span class=\"meta\">\(kinds)</span></h3><ul>"
            for m in g.members {
                body += "<li><a href=\"\(PageLinks.article(m.id.hex))\">\(e(m.title ?? String(m.id.hex.prefix(12))))</a>"
                    + ([m.outlet, m.published].compactMap { $0 }.isEmpty ? "" : " <span class=\"meta\">" + [m.outlet, m.published].compactMap { $0 }.map(e).joined(separator: " · ") + "</span>")
                    + "</li>"
            }
            body += "</ul></section>\n"
        }
        body += "<h2>Why articles are linked <small>(\(relations.count) shown)</small></h2>\n<ul class=\"relations\">\n"
        for r in relations { body += "<li>" + RelationLine.html(r) + "</li>\n" }
        return PageShell.page(title: "Sources", section: .sources, body: body + "</ul>\n")
    }
}
