/// What one feed item or entry says about its article, as `FeedItemParser` reads it.
struct FeedItem: Sendable, Equatable {
    var title: String?
    /// The article's address: RSS `link` (else a permalink `guid`), Atom `link` (rel alternate or none).
    var link: String?
    /// Publication date as written: RSS `pubDate`, `dc:date`, Atom `published` (else `updated`).
    var published: String?
    var authors: [String] = []
    /// The body: `content:encoded` or Atom `content`, else the `description` or `summary`.
    var body: String?
    /// Whether `body` is HTML (escaped HTML or CDATA in RSS, Atom `type="html"` or `"xhtml"`) rather than plain text.
    var bodyIsHTML = false
}
