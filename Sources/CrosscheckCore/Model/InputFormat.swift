/// The format of one stored input, detected from its content (the file extension is only a hint).
public enum InputFormat: String, Codable, Sendable, CaseIterable {
    /// Plain text as a scraper hands it over.
    case text
    /// An HTML page.
    case html
    /// One JSON object (a line of a JSON-lines file) with `text` or `html`.
    case jsonRecord = "json"
    /// One WARC record (its WARC headers and block: an HTTP response or a resource) from a web archive.
    case warcRecord = "warc"
    /// One item of an RSS 2.0 or RSS 1.0 feed, or one entry of an Atom feed, as the feed's XML bytes.
    case feedItem = "feed"
}
