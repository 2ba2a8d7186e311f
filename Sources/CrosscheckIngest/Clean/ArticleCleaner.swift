import CrosscheckCore
import Foundation

/// Turns a raw article into a cleaned `Article`, or a rejection with its reason. Stateless and
/// thread-safe: ingest runs one per core.
public struct ArticleCleaner: Sendable {
    /// Bumped whenever cleaning output changes, so `reanalyze` knows what is stale.
    public static let version = 1

    public var text: TextCleaner
    public var html: HTMLExtractor

    public init(text: TextCleaner = TextCleaner(), html: HTMLExtractor = HTMLExtractor()) {
        self.text = text
        self.html = html
    }

    public func clean(_ raw: RawArticle) -> Result<Article, Rejection> {
        switch raw.format {
        case .text: cleanText(raw.bytes, id: raw.id)
        case .html: cleanHTML(raw.bytes, id: raw.id)
        case .jsonRecord: cleanRecord(raw.bytes, id: raw.id)
        }
    }

    func cleanText(_ bytes: [UInt8], id: ContentID, rawBase: Int = 0) -> Result<Article, Rejection> {
        if let bad = UTF8Validation.firstInvalidOffset(bytes) { return .failure(.invalidUTF8(offset: bad + rawBase)) }
        var body = bytes[...]
        var base = rawBase
        if body.starts(with: [0xEF, 0xBB, 0xBF]) { body = body.dropFirst(3); base += 3 }
        var string = String(decoding: body, as: UTF8.self)
        // CRLF lines keep their offsets: the cleaner trims the CR. Only old Mac text (CR alone) is converted,
        // which keeps lengths equal too.
        if !string.contains("\n"), string.contains("\r") { string = string.replacingOccurrences(of: "\r", with: "\n") }
        let cleaned = text.clean(string, rawBase: base)
        guard !cleaned.text.isEmpty else { return .failure(.emptyAfterCleaning) }
        var published: PublishedDate?
        for key in ["publish", "published", "date", "posted"] {
            guard let value = cleaned.metadata[key] else { continue }
            let withTime = cleaned.metadata["time"].map { "\(value) \($0)" } ?? value
            if let date = DateParser.parse(withTime, from: "text:metadata-line") ?? DateParser.parse(value, from: "text:metadata-line") {
                published = date
                break
            }
        }
        let updated = (cleaned.metadata["updated"] ?? cleaned.metadata["last updated"])
            .flatMap { DateParser.parse($0, from: "text:metadata-line") }
        let authors = (cleaned.metadata["author"] ?? cleaned.metadata["by"])
            .map { $0.components(separatedBy: "; ") } ?? []
        return .success(Article(id: id, title: cleaned.title, published: published, updated: updated,
                                outlet: cleaned.metadata["outlet"],
                                language: LanguageIdentifier.identify(cleaned.text), authors: authors,
                                text: cleaned.text, removed: cleaned.removed, sourceMap: cleaned.sourceMap,
                                cleanerVersion: Self.version))
    }

    func cleanHTML(_ bytes: [UInt8], id: ContentID) -> Result<Article, Rejection> {
        html.extract(bytes).map { page in
            Article(id: id, title: page.title, published: page.published, updated: page.updated, outlet: page.outlet,
                    url: page.url, language: LanguageIdentifier.identify(page.text) ?? page.language,
                    authors: page.authors, text: page.text, removed: page.removed, sourceMap: page.sourceMap,
                    cleanerVersion: Self.version)
        }
    }

    /// One JSON-lines record: `text` or `html`, optional `title`, `url`, `published`, `outlet`,
    /// `authors`, `language`. Values given in the record win over what cleaning infers.
    func cleanRecord(_ bytes: [UInt8], id: ContentID) -> Result<Article, Rejection> {
        let object: [String: Any]
        do {
            guard let parsed = try JSONSerialization.jsonObject(with: Data(bytes)) as? [String: Any] else {
                return .failure(.invalidJSON("a JSON value but not an object"))
            }
            object = parsed
        } catch {
            let detail = (error as NSError).userInfo[NSDebugDescriptionErrorKey] as? String ?? "malformed JSON"
            return .failure(.invalidJSON(detail))
        }
        var result: Result<Article, Rejection>
        if let html = object["html"] as? String, !html.isEmpty {
            result = cleanHTML(Array(html.utf8), id: id)
        } else if let text = object["text"] as? String, !text.isEmpty {
            result = cleanText(Array(text.utf8), id: id)
            // Offsets of a record's text are relative to the decoded `text` field, not the JSON line.
        } else {
            return .failure(.missingField("text or html"))
        }
        return result.map { article in
            var article = article
            if let title = (object["title"] as? String).map(HTMLExtractor.collapse), !title.isEmpty {
                // A text body may have been read as starting with its headline; the record's title decides.
                article.title = title
            }
            if let url = object["url"] as? String, !url.isEmpty { article.url = url }
            if let outlet = object["outlet"] as? String, !outlet.isEmpty { article.outlet = outlet }
            if let published = object["published"] as? String,
               let date = DateParser.parse(published, from: "json:published") {
                article.published = date
            }
            if let authors = object["authors"] as? [String] { article.authors = authors }
            else if let author = object["author"] as? String { article.authors = [author] }
            if let language = object["language"] as? String, !language.isEmpty { article.language = language }
            if article.outlet == nil, let url = article.url { article.outlet = MetadataCollector.outlet(fromURL: url) }
            return article
        }
    }
}
