import CrosscheckCore
import Foundation

/// Turns a raw article into a cleaned `Article`, or a rejection with its reason. Stateless and
/// thread-safe: ingest runs one per core.
public struct ArticleCleaner: Sendable {
    /// Bumped whenever cleaning output changes, so `reanalyze` knows what is stale.
    public static let version = 2  // 2: "US" and a single "we/our/us" at an article's edge are no reader appeal

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
        case .warcRecord: cleanWARC(raw.bytes, id: raw.id)
        case .feedItem: cleanFeedItem(raw.bytes, id: raw.id)
        }
    }

    func cleanText(_ bytes: [UInt8], id: ContentID, rawBase: Int = 0) -> Result<Article, Rejection> {
        var body = bytes[...]
        var base = rawBase
        var string: String
        var remap: [Int]? = nil
        if let bad = UTF8Validation.firstInvalidOffset(bytes) {
            // Not UTF-8: a single-byte charset (windows-1252, windows-1251) when it reads as text, else rejected.
            guard let decoded = SingleByteText.decode(body) else { return .failure(.invalidUTF8(offset: bad + rawBase)) }
            string = decoded.text
            remap = decoded.rawOffset
        } else {
            if body.starts(with: [0xEF, 0xBB, 0xBF]) { body = body.dropFirst(3); base += 3 }
            string = String(decoding: body, as: UTF8.self)
        }
        // CRLF lines keep their offsets: the cleaner trims the CR. Only old Mac text (CR alone) is converted,
        // which keeps lengths equal too.
        if !string.contains("\n"), string.contains("\r") { string = string.replacingOccurrences(of: "\r", with: "\n") }
        var cleaned = text.clean(string, rawBase: remap == nil ? base : 0)
        if let remap {
            // Offsets into the decoded text → offsets into the raw bytes.
            cleaned.sourceMap = cleaned.sourceMap.map { s in
                let start = remap[min(s.rawStart, remap.count - 1)], end = remap[min(s.rawStart + s.rawLength, remap.count - 1)]
                return SourceSegment(cleanStart: s.cleanStart, length: s.length, rawStart: base + start, rawLength: end - start)
            }
        }
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
        if published == nil { published = Self.inferredDate(text: cleaned.text, removed: cleaned.removed) }
        let updated = (cleaned.metadata["updated"] ?? cleaned.metadata["last updated"])
            .flatMap { DateParser.parse($0, from: "text:metadata-line") }
        let authors = (cleaned.metadata["author"] ?? cleaned.metadata["by"])
            .map { $0.components(separatedBy: "; ") } ?? []
        return .success(Article(id: id, title: cleaned.title, published: published, updated: updated,
                                outlet: cleaned.metadata["outlet"] ?? Self.outletFromAppeals(cleaned.removed),
                                language: LanguageIdentifier.identify(cleaned.text), authors: authors,
                                text: cleaned.text, removed: cleaned.removed, sourceMap: cleaned.sourceMap,
                                cleanerVersion: Self.version))
    }

    /// For a text without a stated publication date: the latest full date (day, month and year) the
    /// article itself mentions in the past, in its text or in a caption of a current photo ("…, Afghanistan,
    /// July 5, 2021."): an article is written on or after the days it reports. Archive photos ("FILE – …"),
    /// boilerplate and dates ahead ("by September 11, 2021", "until", "next") do not count. Recorded as
    /// `inferred:latest-date-in-text` with day precision, so readers can tell it from a stated date.
    static func inferredDate(text: String, removed: [RemovedPiece]) -> PublishedDate? {
        var latest: String?
        func consider(_ s: String) {
            for date in DateParser.datesWithYear(in: s) where latest == nil || date > latest! { latest = date }
        }
        consider(text)
        for piece in removed where piece.reason == "photo-caption" && !piece.text.uppercased().hasPrefix("FILE") { consider(piece.text) }
        return latest.map { PublishedDate(value: $0, precision: .day, from: "inferred:latest-date-in-text") }
    }

    /// The outlet a scraped page's own appeals name: donation and newsletter blocks speak of the
    /// publisher ("A Message from The Moscow Times", "By supporting The Moscow Times…"). A name of two to
    /// five capitalised words (with "The") that recurs in three or more of them, the most frequent one.
    static func outletFromAppeals(_ removed: [RemovedPiece]) -> String? {
        let appeals: Set<String> = ["donation", "reader-appeal", "newsletter", "tail-heading", "subscription", "membership"]
        var counts: [String: Int] = [:]
        for piece in removed where appeals.contains(piece.reason) {
            var names = Set<String>()
            let words = piece.text.split(whereSeparator: { $0 == " " || $0 == "\n" || $0 == "\t" })
            var k = 0
            while k < words.count {
                var run: [Substring] = []
                var j = k
                while j < words.count, run.count < 5 {
                    let word = words[j].trimmingCharacters(in: CharacterSet(charactersIn: ",.:;!?\"“”()"))
                    guard let first = word.unicodeScalars.first, CharacterSet.uppercaseLetters.contains(first),
                          word.count > 1 || run.isEmpty == false else { break }
                    run.append(Substring(word))
                    // A name ends at punctuation after it.
                    if words[j].last.map({ ",.:;!?\"”)".contains($0) }) == true { j += 1; break }
                    j += 1
                }
                let core = run.first == "The" ? run.dropFirst() : run[...]
                if core.count >= (run.first == "The" ? 1 : 2), !(core.last?.hasSuffix("'s") ?? false) {
                    names.insert(run.joined(separator: " "))
                }
                k = max(j, k + 1)
            }
            for name in names { counts[name, default: 0] += 1 }
        }
        guard let best = counts.max(by: { ($0.value, $1.key) < ($1.value, $0.key) }), best.value >= 3 else { return nil }
        return best.key
    }

    func cleanHTML(_ bytes: [UInt8], id: ContentID, charset: String? = nil) -> Result<Article, Rejection> {
        html.extract(bytes, charset: charset).map { page in
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

    /// One WARC record: its payload read as the page it was (HTML with the charset it was served with, or text), the
    /// record's `WARC-Target-URI` as the article's address, and its `WARC-Date` as the date when the page gives none.
    /// Offsets point into the record's bytes when the payload is stored as sent.
    func cleanWARC(_ bytes: [UInt8], id: ContentID) -> Result<Article, Rejection> {
        guard let record = WARCRecord(bytes) else { return .failure(.corruptRecord("no WARC header")) }
        if let reason = record.notArticleReason { return .failure(.notText(detected: reason)) }
        let payload: (bytes: [UInt8], verbatim: Bool)
        switch WARCPayload.decode(record, bytes: bytes) {
        case .failure(let rejection): return .failure(rejection)
        case .success(let decoded): payload = decoded
        }
        guard !payload.bytes.allSatisfy(FormatSniffer.isSpace) else { return .failure(.empty) }
        let html = record.mediaType.map { $0.contains("html") } ?? (FormatSniffer.sniff(payload.bytes) == .html)
        let base = payload.verbatim ? record.payloadStart : 0
        let result = html ? cleanHTML(payload.bytes, id: id, charset: record.charset) : cleanText(payload.bytes, id: id, rawBase: base)
        return result.map { article in
            var article = article
            if html, base > 0 {
                article.sourceMap = article.sourceMap.map { SourceSegment(cleanStart: $0.cleanStart, length: $0.length,
                                                                          rawStart: $0.rawStart + base, rawLength: $0.rawLength) }
            }
            if let uri = record.targetURI { article.url = uri }
            if article.published == nil, let date = record["warc-date"].flatMap({ DateParser.parse($0, from: "warc:date") }) {
                article.published = date
            }
            if article.outlet == nil, let url = article.url { article.outlet = MetadataCollector.outlet(fromURL: url) }
            return article
        }
    }

    /// One feed item: its body (HTML or text), with the item's title, link, date and authors winning over what
    /// cleaning the body infers.
    func cleanFeedItem(_ bytes: [UInt8], id: ContentID) -> Result<Article, Rejection> {
        let item: FeedItem
        switch FeedItemParser.parse(bytes) {
        case .failure(let rejection): return .failure(rejection)
        case .success(let parsed): item = parsed
        }
        guard let body = item.body, !body.trimmingCharacters(in: .whitespacesAndNewlines).isEmpty else {
            return .failure(.missingField("content, description or summary in the item"))
        }
        let result = item.bodyIsHTML ? cleanHTML(Array(body.utf8), id: id) : cleanText(Array(body.utf8), id: id)
        return result.map { article in
            var article = article
            if let title = item.title.map(HTMLExtractor.collapse), !title.isEmpty { article.title = title }
            if let link = item.link, !link.isEmpty { article.url = link }
            if let published = item.published, let date = DateParser.parse(published, from: "feed:date") { article.published = date }
            if !item.authors.isEmpty { article.authors = item.authors }
            if article.outlet == nil, let url = article.url { article.outlet = MetadataCollector.outlet(fromURL: url) }
            return article
        }
    }
}
