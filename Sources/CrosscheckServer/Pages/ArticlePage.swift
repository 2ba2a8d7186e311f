import CrosscheckCore
import CrosscheckReport
import CrosscheckStore

/// One article: its metadata, its cleaned text with a cited sentence highlighted (and scrolled to: the mark is the
/// `#cited` fragment), what cleaning removed and why, and the articles it is linked to.
struct ArticlePage {
    let stored: StoredArticle
    /// The cited sentence (UTF-8 span of the cleaned text), if the page was opened from a citation.
    let cited: TextRange?
    let relations: [RelationRecord]

    private func e(_ s: String) -> String { HTMLText.escape(s) }

    func html() -> String {
        let a = stored.article
        var body = "<h1>\(e(a.title ?? "Article \(a.id.hex.prefix(12))"))</h1>\n<dl class=\"facts\">"
        func fact(_ label: String, _ value: String?) { if let value { body += "<dt>\(label)</dt><dd>\(value)</dd>" } }
        fact("Outlet", a.outlet.map(e))
        fact("Published", a.published.map { e($0.value) })
        fact("Authors", a.authors.isEmpty ? nil : e(a.authors.joined(separator: ", ")))
        fact("Address", PageLinks.external(a.url) ?? a.url.map(e))
        fact("Language", a.language.map(e))
        fact("Origin", e(stored.origin.description) + " (\(e(stored.format.rawValue)), \(stored.rawSize) bytes; "
             + "<a href=\"/api/v1/articles/\(a.id.hex)/raw\">raw bytes</a>)")
        fact("Id", "<code>\(a.id.hex)</code>")
        body += "</dl>\n"
        if cited != nil { body += "<p class=\"note\">The cited sentence is <mark>highlighted</mark>.</p>\n" }
        body += "<article class=\"text\">\n" + paragraphs(a.text) + "</article>\n"
        body += removed(a.removed) + linked()
        return PageShell.page(title: a.title ?? "Article", section: nil, body: body)
    }

    /// The text's paragraphs (blank-line separated), the cited span marked inside each one it touches.
    func paragraphs(_ text: String) -> String {
        let bytes = Array(text.utf8)
        var out = "", start = 0, marked = false
        func flush(_ end: Int) {
            var s = start
            while s < end, bytes[s] == 10 { s += 1 }
            guard s < end else { return }
            out += "<p>" + piece(bytes, s, end, marked: &marked) + "</p>\n"
        }
        var k = 0
        while k + 1 < bytes.count {
            if bytes[k] == 10, bytes[k + 1] == 10 { flush(k); start = k + 2; k += 2 } else { k += 1 }
        }
        flush(bytes.count)
        return out
    }

    /// One paragraph's bytes `s..<end`, escaped, with its part of the cited span in a `<mark>` (the first one carries
    /// the `cited` id). Span ends inside a character are moved to the character's start.
    private func piece(_ bytes: [UInt8], _ s: Int, _ end: Int, marked: inout Bool) -> String {
        func text(_ a: Int, _ b: Int) -> String { e(String(decoding: bytes[a..<b], as: UTF8.self)) }
        func boundary(_ i: Int) -> Int { var i = i; while i > s, i < end, bytes[i] & 0xC0 == 0x80 { i -= 1 }; return i }
        guard let c = cited, c.start < end, c.end > s else { return text(s, end) }
        let from = boundary(max(c.start, s)), to = boundary(min(c.end, end))
        guard from < to else { return text(s, end) }
        let id = marked ? "" : " id=\"cited\" tabindex=\"-1\""
        marked = true
        return text(s, from) + "<mark\(id)>" + text(from, to) + "</mark>" + text(to, end)
    }

    private func removed(_ pieces: [RemovedPiece]) -> String {
        guard !pieces.isEmpty else { return "<h2>What cleaning removed</h2>\n<p class=\"note\">Nothing.</p>\n" }
        var out = "<details class=\"removed\"><summary><h2>What cleaning removed <small>(\(pieces.count))</small></h2></summary>\n<table><thead><tr><th>Why</th><th>Text</th></tr></thead><tbody>\n"
        for p in pieces { out += "<tr><td><code>\(e(p.reason))</code></td><td>\(e(p.text))</td></tr>\n" }
        return out + "</tbody></table></details>\n"
    }

    private func linked() -> String {
        guard !relations.isEmpty else { return "" }
        var out = "<h2>Linked articles</h2>\n<ul class=\"relations\">\n"
        for r in relations { out += "<li>" + RelationLine.html(r) + "</li>\n" }
        return out + "</ul>\n"
    }
}
