import CrosscheckCore
import CrosscheckReport

/// One merged event: what, who, where, when, how many, its status and corroboration, and every telling.
struct EventDetailPage {
    let event: MergedEvent
    let contradictions: [Contradiction]

    func html() -> String {
        func e(_ s: String) -> String { HTMLText.escape(s) }
        let ev = event
        var body = "<h1>\(e(Brief.headline(ev)))</h1>\n<dl class=\"facts\">"
        func fact(_ label: String, _ value: String?) { if let value, !value.isEmpty { body += "<dt>\(label)</dt><dd>\(e(value))</dd>" } }
        fact("Type", "\(ev.label) (\(ev.type); PLOVER \(ev.plover), CAMEO \(ev.cameo))")
        fact("Status", ev.status.rawValue)
        fact("Independent sources", "\(ev.sources)" + (ev.deniedBy > 0 ? "; denied by \(ev.deniedBy)" : ""))
        fact("Actor", ev.actor?.name)
        fact("Target", ev.target?.name)
        fact("Place", ev.placeName.map { $0 + (ev.place.map { " (\($0.precision.rawValue), \($0.country))" } ?? "") })
        fact("When", ev.time.map { $0.value + (ev.timeFromPublication ? " (publication date)" : "") })
        fact("Figure", ev.quantityText.map { $0 + (ev.quantity?.noun.map { " " + $0 } ?? "") })
        fact("Incident", ev.incident)
        fact("Id", ev.id)
        body += "</dl>\n"
        for c in contradictions {
            body += "<p class=\"warn\"><span class=\"badge against\">\(e(c.kind.rawValue))</span> \(e(c.summary)) — "
                + c.sides.map { "<strong>\(e($0.value))</strong>" }.joined(separator: " vs ") + " (<a href=\"/contested\">contested claims</a>)</p>\n"
        }
        body += "<h2>Tellings <small>(\(ev.references.count))</small></h2>\n" + Tellings.table(ev.references)
        return PageShell.page(title: Brief.headline(ev), section: nil, body: body)
    }
}
