import CrosscheckCore
import CrosscheckReport
import CrosscheckStore

/// Full-text search over the articles, every spelling of an entity included; matches highlighted.
struct SearchPage {
    let query: String
    let hits: [SearchHit]
    let alternatives: [String: [String]]

    /// Markers around matches that no article text holds, turned into `<mark>` after escaping.
    static let highlight = Highlight(open: "\u{E000}", close: "\u{E001}")

    func html() -> String {
        func e(_ s: String) -> String { HTMLText.escape(s) }
        var body = "<h1>Search</h1>\n<form class=\"search\" action=\"/search\" role=\"search\"><label for=\"q\">Words to find</label>"
            + "<input id=\"q\" type=\"search\" name=\"q\" value=\"\(e(query))\" autofocus><button>Search</button></form>\n"
        guard !query.isEmpty else { return PageShell.page(title: "Search", section: .search, body: body) }
        if !alternatives.isEmpty {
            body += "<p class=\"note\">Also searched: " + alternatives.sorted { $0.key < $1.key }
                .map { "\(e($0.key)) → \(e($0.value.joined(separator: ", ")))" }.joined(separator: "; ") + "</p>\n"
        }
        body += "<p class=\"note\">\(hits.count) article\(hits.count == 1 ? "" : "s") found\(hits.count >= 50 ? " (the best 50)" : "").</p>\n<ol class=\"hits\">\n"
        for h in hits {
            let snippet = e(h.snippet).replacingOccurrences(of: "\u{E000}", with: "<mark>").replacingOccurrences(of: "\u{E001}", with: "</mark>")
            let meta = [h.outlet, h.published?.value].compactMap { $0 }.map(e).joined(separator: " · ")
            body += "<li><a href=\"\(PageLinks.article(h.id.hex))\">\(e(h.title ?? String(h.id.hex.prefix(12))))</a>"
                + (meta.isEmpty ? "" : " <span class=\"meta\">\(meta)</span>") + "<p>\(snippet)</p></li>\n"
        }
        return PageShell.page(title: "Search: \(query)", section: .search, body: body + "</ol>\n")
    }
}
