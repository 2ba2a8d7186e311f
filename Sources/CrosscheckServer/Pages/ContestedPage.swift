import CrosscheckCore
import CrosscheckReport

/// Contested claims: for each, both sides — what each says, who says it, in which articles and when.
struct ContestedPage {
    let contradictions: [Contradiction]
    /// The event headline of each contradiction's event, when known.
    let headlines: [String: String]

    func html() -> String {
        func e(_ s: String) -> String { HTMLText.escape(s) }
        var body = "<h1>Contested claims</h1>\n<p class=\"note\">Tellings of one happening that cannot all be true: a denial, a walk-back, "
            + "different dates or incompatible figures. Raised only between statements about the same event.</p>\n"
        if contradictions.isEmpty { body += "<p class=\"note\">No contradictions found.</p>\n" }
        for c in contradictions {
            body += "<section class=\"contradiction\"><h2><a href=\"\(PageLinks.event(c.event))\">\(e(headlines[c.event] ?? c.summary))</a> "
                + "<span class=\"badge against\">\(e(c.kind.rawValue))</span></h2>\n<p>\(e(c.summary))</p>\n<div class=\"sides\">"
            for side in c.sides {
                let groups = Set(side.references.map(\.group)).count
                body += "<div class=\"side\"><h3>\(e(side.value)) <span class=\"meta\">\(groups) independent source\(groups == 1 ? "" : "s")</span></h3>"
                    + Tellings.list(side.references) + "</div>"
            }
            body += "</div></section>\n"
        }
        return PageShell.page(title: "Contested", section: .contested, body: body)
    }
}
