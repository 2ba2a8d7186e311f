import CrosscheckCore
import CrosscheckReport

/// Tellings of an event as rows: who says it (the attributed source, else the outlet), when the article appeared,
/// its status, and the sentence, linked to the article at that sentence.
enum Tellings {
    static func who(_ r: EventReference) -> String {
        let m = r.mention
        if let d = m.deniedBy, m.status.isAgainst { return d.name }
        return m.attribution.name ?? r.source
    }

    /// The telling's sentence, linked to its article at that sentence.
    static func sentenceLink(_ r: EventReference) -> String {
        let m = r.mention
        let range = TextRange(start: m.sentenceStart, end: max(m.sentenceStart, m.sentenceEnd))
        return "<a href=\"\(PageLinks.article(r.article, sentence: range))\">\(HTMLText.escape(m.sentence))</a>"
    }

    static func table(_ refs: [EventReference], limit: Int = 200) -> String {
        func e(_ s: String) -> String { HTMLText.escape(s) }
        var out = "<table class=\"tellings\"><thead><tr><th>Who says</th><th>Outlet</th><th>Published</th><th>Status</th><th>Sentence</th></tr></thead><tbody>\n"
        for k in refs.indices.prefix(limit) {
            let r = refs[k], m = r.mention
            out += "<tr><td>\(e(who(r)))</td><td>\(e(r.outlet ?? "—"))</td><td>\(e(r.published.map { String($0.prefix(10)) } ?? "—"))</td>"
                + "<td><span class=\"badge status-\(e(m.status.rawValue))\">\(e(m.status.rawValue))</span></td>"
                + "<td>\(sentenceLink(r))</td></tr>\n"
        }
        out += "</tbody></table>\n"
        if refs.count > limit { out += "<p class=\"note\">… and \(refs.count - limit) more tellings (<code>/api/v1/events/…</code> lists them all).</p>\n" }
        return out
    }

    /// The same as a list, for narrow columns (the sides of a contested claim): who, outlet and day above the sentence.
    static func list(_ refs: [EventReference], limit: Int = 20) -> String {
        func e(_ s: String) -> String { HTMLText.escape(s) }
        var out = "<ul class=\"tellings\">\n"
        for k in refs.indices.prefix(limit) {
            let r = refs[k], m = r.mention
            let meta = [who(r), r.outlet.flatMap { $0 == who(r) ? nil : $0 }, r.published.map { String($0.prefix(10)) }].compactMap { $0 }
            out += "<li><span class=\"who\">\(meta.map(e).joined(separator: " · "))</span> <span class=\"badge status-\(e(m.status.rawValue))\">\(e(m.status.rawValue))</span>"
                + "<blockquote>\(sentenceLink(r))</blockquote></li>\n"
        }
        out += "</ul>\n"
        if refs.count > limit { out += "<p class=\"note\">… and \(refs.count - limit) more.</p>\n" }
        return out
    }
}
