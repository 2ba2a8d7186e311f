/// The format of one stored input, detected from its content (the file extension is only a hint).
public enum InputFormat: String, Codable, Sendable, CaseIterable {
    /// Plain text as a scraper hands it over.
    case text
    /// An HTML page.
    case html
    /// One JSON object (a line of a JSON-lines file) with `text` or `html`.
    case jsonRecord = "json"
}
