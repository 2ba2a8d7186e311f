import CrosscheckCore
import CrosscheckReport

/// Links between pages, built in one place: an article opened at a cited sentence, an event.
enum PageLinks {
    /// The article page with `sentence` (a UTF-8 span of its cleaned text) highlighted and scrolled into view.
    static func article(_ id: String, sentence: TextRange? = nil) -> String {
        guard let s = sentence, s.end > s.start else { return "/articles/\(HTMLText.escape(id))" }
        return "/articles/\(HTMLText.escape(id))?from=\(s.start)&amp;to=\(s.end)#cited"
    }

    static func event(_ id: String) -> String { "/events/\(HTMLText.escape(id))" }

    /// A numbered citation: "[3]" opening its article at the cited sentence.
    static func citation(_ number: Int, article: String?, sentence: TextRange?) -> String {
        guard let article else { return "[\(number)]" }
        return "<a class=\"cite\" href=\"\(Self.article(article, sentence: sentence))\" title=\"Source \(number): open the cited sentence\">[\(number)]</a>"
    }

    /// A link out of the tool, only for web addresses (an article's url is hostile input: no `javascript:`).
    static func external(_ url: String?) -> String? {
        guard let url, let scheme = url.split(separator: ":", maxSplits: 1).first?.lowercased(), scheme == "http" || scheme == "https" else { return nil }
        return "<a href=\"\(HTMLText.escape(url))\" rel=\"noopener noreferrer nofollow\">\(HTMLText.escape(url))</a>"
    }
}
