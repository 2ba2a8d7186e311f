import CrosscheckCore
import Foundation

/// Reads title, dates, outlet, authors, canonical URL and language from a page's markup:
/// JSON-LD first (publishers write it for search engines, so it is the most careful), then Open Graph
/// and article meta tags, then `<time>` and `<title>`. Never from comments or "related" blocks,
/// which the caller has not yet removed, so `<time>` is only read inside `<article>` or a byline.
struct MetadataCollector {
    var title: String?
    var published: PublishedDate?
    var updated: PublishedDate?
    var outlet: String?
    var url: String?
    var authors: [String] = []
    var language: String?

    private var ogTitle: String?
    var titleTag: String?
    /// The `og:title` or `twitter:title` as written (not the JSON-LD headline).
    var ogTitleMeta: String?
    private var h1: String?
    private var articleH1: String?
    private var jsonLD: [[String: Any]] = []
    /// Dates of every JSON-LD object (published, modified, created, uploaded): support for a headline date.
    var jsonLDDates: [String] = []
    /// (evidence, key, value) of meta tags that name a publication date.
    var metaDates: [(String, String, String)] = []
    /// Every meta tag with content, key lowercased.
    var metaAll: [(String, String)] = []
    var descriptions: [String] = []
    var timeDates: [(from: String, value: String, text: String, inArticle: Bool)] = []
    var itempropDates: [(String, String)] = []
    /// The `lang` attribute of the root as written ("en-GB") and the locale meta ("de_DE").
    var fullLanguage: String? { didSet { slashDayFirst = Self.slashDayFirst(locale: fullLanguage ?? localeMeta) } }
    var localeMeta: String? { didSet { slashDayFirst = Self.slashDayFirst(locale: fullLanguage ?? localeMeta) } }
    /// Slashed dates in visible text are day first unless the page is US English (or says nothing).
    var slashDayFirst = false
    /// Visible text nodes in document order (outside navigation, footers, forms, scripts, related and comment
    /// blocks), `<h1>`s and `<time>`s by their position in it.
    var stream: [HTMLNodePtr] = []
    struct HeadingMark { var node: HTMLNodePtr; var start: Int; var text: String; var inArticle: Bool }
    var h1s: [HeadingMark] = []
    var streamTimes: [(index: Int, node: HTMLNodePtr, datetime: String?, inNoise: Bool)] = []
    /// Day-precise dates of date-hinted elements, in document order (elements without one take no slot).
    var hintDates: [PublishedDate] = []
    var weakHintDates: [PublishedDate] = []
    /// `<time>` outside any article or byline: the very last resort (it may date a teaser).
    var looseTimeDates: [(String, String)] = []
    var otherJSONLDDate: PublishedDate?
    private var cueTextsSeen = 0
    private var publishCueDate: PublishedDate?
    private var weakCueDate: PublishedDate?

    /// Elements whose class or id says "date" or "byline" are read only when their text is this short
    /// (a byline, not a whole teaser list)…
    static let maxHintTextLength = 200
    /// class/id fragments of elements that hold a date or byline.
    static let dateHints: HintSet = ["date", "byline", "posted", "published", "pubdate", "timestamp",
                                            "entry-meta", "post-meta", "article-meta"]

    /// …and only the first few that hold a date.
    static let maxHintDates = 8
    /// Weaker class/id fragments (post info, article header, author line, "Stand", "Datum"): read
    /// only when nothing better dates the page, and only their first dozen.
    static let weakDateHints: HintSet = ["meta", "info", "header", "time", "author", "autor", "datum", "created",
                                                "submitted", "stand", "fecha", "data"]
    static let maxWeakHintDates = 12

    static let publishedMetaKeys: [String] = [
        "article:published_time", "og:article:published_time", "datepublished", "publishdate", "pubdate",
        "publish-date", "publish_date", "dc.date", "dc.date.issued", "dcterms.date", "dcterms.created", "date",
        "sailthru.date", "parsely-pub-date", "article.published", "published_time", "originalpublicationdate",
        "publication_date", "article:published", "pub_date", "prism.publicationdate", "og:pubdate", "dcterms.issued",
    ]
    static let updatedMetaKeys: [String] = [
        "article:modified_time", "og:updated_time", "datemodified", "dcterms.modified", "last-modified", "modified_time",
    ]

    mutating func collect(_ root: HTMLNodePtr) {
        if let lang = Node.attribute(root, "lang"), !lang.isEmpty {
            language = String(lang.lowercased().prefix(2))
            fullLanguage = lang
        }
        var stack: [(HTMLNodePtr, Bool, Bool)] = [(root, false, false)]
        while let (node, inArticle, inNoise) = stack.popLast() {
            if Node.isText(node) {
                if !inNoise {
                    readVisibleText(node.pointee.text)
                    if stream.count < Self.maxStreamNodes { stream.append(node) }
                }
                continue
            }
            guard Node.isElement(node) else { continue }
            let tag = node.pointee.tag
            let noiseHere = inNoise || tag.isMetadataNoise
            var articleHere = inArticle || tag == .article
            switch tag {
            case .meta: readMeta(node)
            case .title: if titleTag == nil { titleTag = HTMLExtractor.collapse(Node.textContent(node)) }
            case .h1:
                let text = HTMLExtractor.collapse(Node.textContent(node))
                if !text.isEmpty {
                    if h1 == nil { h1 = text }
                    if inArticle, articleH1 == nil { articleH1 = text }
                    h1s.append(HeadingMark(node: node, start: stream.count, text: text, inArticle: inArticle))
                }
            case .link:
                if Node.attribute(node, "rel")?.lowercased() == "canonical", let href = Node.attribute(node, "href") {
                    url = url ?? href
                }
            case .script:
                if Node.attribute(node, "type")?.lowercased().contains("ld+json") == true {
                    readJSONLD(Node.textContent(node))
                }
                continue
            case .time:
                let datetime = Node.attribute(node, "datetime")
                streamTimes.append((stream.count, node, datetime, inNoise))
                if inArticle || Self.looksLikeByline(node) {
                    let text = Node.textContent(node)
                    timeDates.append(("html:time", datetime ?? text, datetime == nil ? "" : text, inArticle))
                } else if looseTimeDates.count < Self.maxHintDates {
                    let value = datetime ?? Node.textContent(node)
                    looseTimeDates.append(("html:time(outside article)", value))
                }
            default:
                break
            }
            let attributes = NodeAttributes(node)
            // Every class hint below from one pass over the class value (and one over the id when asked).
            let classMask = attributes.cls.map(Self.elementHints.mask) ?? 0
            if classMask & Self.relatedBits != 0 { continue }
            if classMask & Self.commentBits != 0, let cls = attributes.cls, Self.namesCommentBlock(cls) { continue }
            var idMaskCache: UInt32?
            func idMask() -> UInt32 {
                if let idMaskCache { return idMaskCache }
                let mask = attributes.id.map(Self.elementHints.mask) ?? 0
                idMaskCache = mask
                return mask
            }
            if tag != .meta, let itemprop = attributes.itemprop,
               itemprop.equalsIgnoringCase("datepublished") || itemprop.equalsIgnoringCase("datecreated") {
                let prop = itemprop.string.lowercased()
                let value = Node.attribute(node, "content") ?? Node.attribute(node, "datetime") ?? Node.textContent(node)
                itempropDates.append(("html:itemprop[\(prop)]", value))
            } else if tag != .time, hintDates.count < Self.maxHintDates, (classMask | idMask()) & Self.dateBits != 0 {
                if let date = Self.shortTextDate(node, from: "html:date-element", slashDayFirst: slashDayFirst) { hintDates.append(date) }
            } else if tag != .time, weakHintDates.count < Self.maxWeakHintDates, (classMask | idMask()) & Self.weakDateBits != 0 {
                if let date = Self.shortTextDate(node, from: "html:meta-element", slashDayFirst: slashDayFirst) { weakHintDates.append(date) }
            }
            if tag == .main { articleHere = true }
            var child = node.pointee.children
            var children: [HTMLNodePtr] = []
            while let c = child { children.append(c); child = c.pointee.next }
            for c in children.reversed() { stack.append((c, articleHere, noiseHere)) }
        }
        resolve()
    }

    /// Elements whose text is never the article's date line.
    static let noiseElements: Set<String> = ["nav", "aside", "footer", "form", "select", "button", "noscript", "style", "script"]
    /// Visible text read after the first `<h1>`, beyond the h1's own text.
    static let afterH1Length = 150
    /// Phrases that introduce a publication date, lowercase; then weaker ones (a page's "Stand" or
    /// "Updated" line dates the page as shown).
    static let publishCues = ["veröffentlicht am", "veröffentlicht:", "erschienen am", "erstellt am", "publiziert am",
                              "pressemitteilung vom", "posted on", "published on", "published:", "publié le",
                              "mis en ligne le", "mise en ligne", "publicado", "pubblicato il", "gepubliceerd op"]
    static let weakCues = ["datum:", "datum ", "date:", "stand:", "aktualisiert", "letzte änderung", "updated", "last edited"]
    /// Short text nodes with a digit examined for cues, at most.
    static let maxCueTexts = 60

    /// Visible text of the page in document order: cue lines. Works on the node's bytes and makes a string
    /// only for the few text nodes that may matter.
    private mutating func readVisibleText(_ bytes: XMLBytes) {
        let length = bytes.count
        guard cueTextsSeen < Self.maxCueTexts, length <= 300, publishCueDate == nil || weakCueDate == nil else { return }
        guard bytes.contains(where: { $0 >= 48 && $0 <= 57 }) else { return }
        cueTextsSeen += 1
        for (cues, strong) in [(Self.publishCueBytes, true), (Self.weakCueBytes, false)] {
            if strong ? publishCueDate != nil : weakCueDate != nil { continue }
            for cue in cues {
                guard let end = Self.find(cue, in: bytes) else { continue }
                let after = String(decoding: bytes[end...].prefix(48), as: UTF8.self)
                if let date = DateParser.parseEmbedded(after, from: strong ? "html:cue" : "html:cue(weak)"), date.precision >= .day {
                    if strong { publishCueDate = date } else { weakCueDate = date }
                    break
                }
            }
        }
    }

    static let publishCueBytes = publishCues.map { Array($0.utf8) }
    static let weakCueBytes = weakCues.map { Array($0.utf8) }

    /// The end of the first occurrence of `needle` (lowercase) in `hay`, ASCII case folded.
    static func find(_ needle: [UInt8], in hay: UnsafeBufferPointer<UInt8>) -> Int? {
        guard !needle.isEmpty, hay.count >= needle.count else { return nil }
        let first = needle[0]
        outer: for start in 0...(hay.count - needle.count) {
            var c = hay[start]
            if c >= 65 && c <= 90 { c += 32 }
            guard c == first else { continue }
            for k in 1..<needle.count {
                var h = hay[start + k]
                if h >= 65 && h <= 90 { h += 32 }
                if h != needle[k] { continue outer }
            }
            return start + needle.count
        }
        return nil
    }

    /// Dates from visible text, for the extractor's last fallbacks: after a publication cue, in the
    /// text right after the headline, after a weaker cue ("Stand:", "Updated").
    var textFallbackDates: [PublishedDate] {
        // The visible text right after the first <h1>, as written (no separators added), from the stream.
        var headline: PublishedDate?
        if let first = h1s.first {
            var k = streamEnd(of: first)
            var window = ""
            while k < stream.count, window.utf8.count < Self.afterH1Length { window += Node.content(ofText: stream[k]); k += 1 }
            headline = DateParser.parseEmbedded(String(decoding: window.utf8.prefix(Self.afterH1Length), as: UTF8.self), from: "html:after-h1")
                .flatMap { $0.precision >= .day ? $0 : nil }
        }
        return [publishCueDate, headline, weakCueDate].compactMap { $0 }
    }

    static let relatedHint: HintSet = ["related"]
    static let commentHint: HintSet = ["comment"]
    /// `relatedHint`, `commentHint`, `dateHints` and `weakDateHints` in one set, told apart by bit masks.
    static let elementHints = HintSet(needles: relatedHint.strings + commentHint.strings + dateHints.strings + weakDateHints.strings)
    static let relatedBits: UInt32 = 1
    static let commentBits: UInt32 = 1 << 1
    static let dateBits: UInt32 = ((1 << UInt32(dateHints.strings.count)) - 1) << 2
    static let weakDateBits: UInt32 = ((1 << UInt32(weakDateHints.strings.count)) - 1) << UInt32(2 + dateHints.strings.count)
    static let bylineHints: HintSet = ["byline", "date", "meta", "posted"]

    /// The day-precise date in a short element's text ("Von Christian am 03.05.2013, 11:51"), if any.
    /// The element's text nodes are joined with spaces ("Mai<span>06</span>2018"), scripts and styles left out.
    static func shortTextDate(_ node: HTMLNodePtr, from: String, slashDayFirst: Bool = false) -> PublishedDate? {
        // Every date read here has two digits in a row inside one text node (text nodes are joined with spaces):
        // most date- and meta-classed elements have none and are passed over without building their text.
        var length = 0
        var twoDigits = false
        var stack: [HTMLNodePtr] = [node]
        while let n = stack.popLast() {
            if Node.isText(n) {
                let bytes = n.pointee.text
                length += bytes.count
                if length > maxHintTextLength * 4 { return nil }
                if !twoDigits {
                    var previous = false
                    for b in bytes {
                        let digit = b >= 48 && b <= 57
                        if digit && previous { twoDigits = true; break }
                        previous = digit
                    }
                }
                continue
            }
            guard Node.isElement(n) else { continue }
            var child = n.pointee.children
            while let c = child { stack.append(c); child = c.pointee.next }
        }
        guard twoDigits else { return nil }
        let text = HTMLExtractor.collapse(spacedText(node))
        guard !text.isEmpty, text.utf8.count <= maxHintTextLength,
              let date = DateParser.parseEmbedded(text, from: from, slashDayFirst: slashDayFirst), date.precision >= .day else { return nil }
        return date
    }

    /// The text of `node`'s descendants, one space between text nodes, without scripts and styles.
    static func spacedText(_ node: HTMLNodePtr) -> String {
        var out = ""
        var stack: [HTMLNodePtr] = []
        var child = node.pointee.children
        while let c = child { stack.append(c); child = c.pointee.next }
        stack.reverse()
        while let n = stack.popLast(), out.utf8.count < maxHintTextLength * 4 {
            if Node.isText(n) {
                out += " " + n.pointee.text.string
                continue
            }
            guard Node.isElement(n) else { continue }
            let tag = n.pointee.tag
            if tag == .script || tag == .style { continue }
            var kids: [HTMLNodePtr] = []
            var k = n.pointee.children
            while let c = k { kids.append(c); k = c.pointee.next }
            stack.append(contentsOf: kids.reversed())
        }
        return out
    }

    /// Whether a class names a comment block as a whole word ("comments", "comment-list",
    /// "commentlist"), not merely containing it ("ArticleHeaderComment_publishDate" is a headline's
    /// date; "commentary" is an article).
    static func namesCommentBlock(_ value: XMLBytes) -> Bool {
        guard commentHint.matches(value) else { return false }
        for token in value.split(whereSeparator: { $0 == 32 || $0 == 45 || $0 == 95 }) {
            let token = XMLBytes(rebasing: token)
            if token.equalsIgnoringCase("comment") || token.equalsIgnoringCase("comments") || token.equalsIgnoringCase("commentlist") {
                return true
            }
        }
        return false
    }

    /// Whole days between two calendar dates.
    static func daysApart(_ a: (year: Int, month: Int, day: Int), _ b: (year: Int, month: Int, day: Int)) -> Int {
        abs(CivilCalendar.days(year: a.year, month: a.month, day: a.day) - CivilCalendar.days(year: b.year, month: b.month, day: b.day))
    }

    /// The host of `url` without a leading `www.`: the outlet when nothing names it.
    static func outlet(fromURL url: String) -> String? {
        guard let host = URL(string: url)?.host, !host.isEmpty else { return nil }
        return host.hasPrefix("www.") ? String(host.dropFirst(4)) : host
    }

    /// A day-precise date in a URL path: `/YYYY/MM/DD/`, `/YYYY-MM-DD`, `YYYYMMDD` between separators, `DD.MM.YYYY`.
    static func urlDate(_ url: String) -> PublishedDate? {
        let b = Array(url.utf8)
        func num(_ i: Int, _ n: Int) -> Int? {
            guard i >= 0, i + n <= b.count else { return nil }
            var v = 0
            for k in i..<(i + n) {
                guard b[k] >= 48, b[k] <= 57 else { return nil }
                v = v * 10 + Int(b[k] - 48)
            }
            return v
        }
        func isSep(_ i: Int) -> Bool { i < 0 || i >= b.count || b[i] == 47 || b[i] == 45 || b[i] == 95 || b[i] == 46 }
        func make(_ y: Int, _ m: Int, _ d: Int) -> PublishedDate? {
            guard DateParser.yearRange.contains(y), DateParser.isValidDay(year: y, month: m, day: d) else { return nil }
            return PublishedDate(value: "\(y)-\(DateParser.pad2(m))-\(DateParser.pad2(d))", precision: .day, from: "url")
        }
        var i = 0
        while i + 8 <= b.count {
            if isSep(i - 1), let y = num(i, 4), DateParser.yearRange.contains(y) {
                // YYYY/MM/DD or YYYY-MM-DD
                if i + 10 <= b.count, b[i + 4] == b[i + 7], b[i + 4] == 47 || b[i + 4] == 45 || b[i + 4] == 95,
                   let m = num(i + 5, 2), let d = num(i + 8, 2), isSep(i + 10), let date = make(y, m, d) {
                    return date
                }
                // YYYYMMDD
                if let m = num(i + 4, 2), let d = num(i + 6, 2), isSep(i + 8), let date = make(y, m, d) { return date }
            }
            // DD.MM.YYYY or DD-MM-YYYY
            if isSep(i - 1), i + 10 <= b.count, b[i + 2] == b[i + 5], b[i + 2] == 46 || b[i + 2] == 45,
               let d = num(i, 2), let m = num(i + 3, 2), let y = num(i + 6, 4), isSep(i + 10), let date = make(y, m, d) {
                return date
            }
            // DDMMYYYY (a whole 8-digit segment that is no YYYYMMDD)
            if isSep(i - 1), isSep(i + 8), num(i, 8) != nil, let d = num(i, 2), let m = num(i + 2, 2), let y = num(i + 4, 4),
               make(num(i, 4) ?? 0, num(i + 4, 2) ?? 0, num(i + 6, 2) ?? 0) == nil, let date = make(y, m, d) {
                return date
            }
            i += 1
        }
        return nil
    }

    static func looksLikeByline(_ node: HTMLNodePtr) -> Bool {
        var parent = node.pointee.parent
        var depth = 0
        while let p = parent, p.pointee.kind == .element, depth < 4 {
            // The needles hold no space, so matching class and id one after the other is matching "class id".
            let attributes = NodeAttributes(p)
            if attributes.cls.map(bylineHints.matches) == true || attributes.id.map(bylineHints.matches) == true {
                return true
            }
            parent = p.pointee.parent
            depth += 1
        }
        return false
    }

    private mutating func readMeta(_ node: HTMLNodePtr) {
        // One pass over the attributes (a meta tag's key is its property, else name, itemprop, http-equiv).
        var keys: [XMLBytes?] = [nil, nil, nil, nil]
        var contentBytes: XMLBytes?
        for a in node.pointee.attributeList {
            let name = a.name
            let slot = name.equalsIgnoringCase("property") ? 0 : name.equalsIgnoringCase("name") ? 1
                : name.equalsIgnoringCase("itemprop") ? 2 : name.equalsIgnoringCase("http-equiv") ? 3
                : name.equalsIgnoringCase("content") ? 4 : -1
            guard slot >= 0 else { continue }
            // Entities already decoded; empty when the attribute has no value.
            let value = a.value
            if slot == 4 {
                if contentBytes == nil { contentBytes = value }
            } else if keys[slot] == nil {
                keys[slot] = value
            }
        }
        guard let keyBytes = keys.first(where: { $0 != nil }) ?? nil, let contentView = contentBytes else { return }
        let key = keyBytes.string.lowercased()
        let content = contentView.string.trimmingWhitespace()
        guard !content.isEmpty else { return }
        metaAll.append((key, content))
        switch key {
        case "og:title", "twitter:title":
            ogTitle = ogTitle ?? content
            ogTitleMeta = ogTitleMeta ?? content
        case "description", "og:description": descriptions.append(content)
        case "og:site_name", "application-name", "publisher", "cre", "twitter:site":
            if outlet == nil || key == "og:site_name" {
                outlet = key == "twitter:site" ? (outlet ?? content.replacingOccurrences(of: "@", with: "")) : content
            }
        case "og:url": url = url ?? content
        case "author", "article:author", "byl", "sailthru.author", "dc.creator":
            if !content.hasPrefix("http") {
                authors.append(content.hasPrefix("By ") ? String(content.dropFirst(3)) : content)
            }
        case "content-language", "og:locale", "language":
            language = language ?? String(content.lowercased().prefix(2))
            localeMeta = localeMeta ?? content
        default:
            if Self.publishedMetaKeys.contains(key) { metaDates.append(("html:meta[\(key)]", key, content)) }
            if Self.updatedMetaKeys.contains(key), updated == nil {
                updated = DateParser.parse(content, from: "html:meta[\(key)]")
            }
        }
    }

    private mutating func readJSONLD(_ text: String) {
        guard let data = text.data(using: .utf8),
              let json = try? JSONSerialization.jsonObject(with: data, options: [.fragmentsAllowed]) else { return }
        var queue: [Any] = [json]
        while let item = queue.popLast() {
            if let array = item as? [Any] { queue.append(contentsOf: array); continue }
            guard let object = item as? [String: Any] else { continue }
            if let graph = object["@graph"] { queue.append(graph) }
            for key in ["datePublished", "dateModified", "dateCreated", "uploadDate"] {
                if let value = object[key] as? String { jsonLDDates.append(value) }
            }
            let type = (object["@type"] as? String) ?? ((object["@type"] as? [String])?.first ?? "")
            if type.contains("Article") || type.contains("Posting") || type == "WebPage" || type.contains("Report") {
                jsonLD.append(object)
            } else if otherJSONLDDate == nil, let value = object["datePublished"] as? String {
                // Another creative work (a HowTo, a CreativeWork) dates the page when no article does.
                otherJSONLDDate = DateParser.parse(value, from: "json-ld:datePublished(\(type.isEmpty ? "untyped" : type))")
            }
        }
    }

    private mutating func resolve() {
        // JSON-LD article objects first, a NewsArticle before a WebPage.
        let articles = jsonLD.sorted { (($0["@type"] as? String) == "WebPage" ? 1 : 0) < (($1["@type"] as? String) == "WebPage" ? 1 : 0) }
        for object in articles {
            if updated == nil, let value = object["dateModified"] as? String {
                updated = DateParser.parse(value, from: "json-ld:dateModified")
            }
            if ogTitle == nil, let headline = object["headline"] as? String { ogTitle = headline }
            if outlet == nil, let publisher = object["publisher"] as? [String: Any], let name = publisher["name"] as? String {
                outlet = name
            }
            if authors.isEmpty {
                let list: [Any] = (object["author"] as? [Any]) ?? (object["author"].map { [$0] } ?? [])
                for author in list {
                    if let a = author as? [String: Any], let name = a["name"] as? String { authors.append(name) }
                    else if let name = author as? String { authors.append(name) }
                }
            }
        }
        published = choosePublished(articles: articles)
        // Soft hyphens are invisible hyphenation hints ("Mes\u{AD}sen\u{AD}ger"), not part of the words.
        title = chooseTitle()?.replacingOccurrences(of: "\u{AD}", with: "")
        if let t = title, t.isEmpty { title = nil }
        if outlet == nil, let url { outlet = Self.outlet(fromURL: url) }
        var seen = Set<String>()
        authors = authors.map(HTMLExtractor.collapse).filter { !$0.isEmpty && seen.insert($0).inserted }
    }

    /// The headline: the `<h1>` of the article when there is one; else the page's `<h1>` that the
    /// `og:title` or `<title>` names as its headline (a blog's first `<h1>` is often the site's name, which the
    /// `<title>` repeats after the post's: "Scherenschnitt (3) | gnaddrig ad libitum"); else that headline.
    private func chooseTitle() -> String? {
        let og = ogTitle.map(HTMLExtractor.collapse)
        let tag = titleTag.map(HTMLExtractor.collapse)
        if let articleH1 { return articleH1 }
        let headline = og.map(headlinePart) ?? tag.map(headlinePart)
        if let headline {
            let key = HTMLExtractor.normalise(headline.part)
            for h in h1s {
                let k = HTMLExtractor.normalise(h.text)
                guard !k.isEmpty else { continue }
                if k == key || (k.count >= 8 && key.contains(k)) { return h.text }
            }
            // An h1 the titles repeat whole, unless it is a part that names the site (in either title: an og:title
            // without the site's name beside a "Headline | Site" <title>).
            let others = Set((headline.others + (tag.map { headlinePart($0).others } ?? [])).map(HTMLExtractor.normalise))
            for h in h1s {
                let k = HTMLExtractor.normalise(h.text)
                guard !k.isEmpty, !others.contains(k) else { continue }
                if [og, tag].contains(where: { $0.map { HTMLExtractor.normalise($0).contains(k) } == true }) { return h.text }
            }
            return headline.part
        }
        return h1
    }

    /// Title separators between a headline and the site's name.
    static let titleSeparators = [" | ", " – ", " — ", " - ", " :: ", " · ", " // ", " » ", " « ", " : "]

    /// The headline part of a page title: "Headline | Outlet" → "Headline"; breadcrumbs ("Site » Archive »
    /// Post") end with it; a first part that names the site (its `og:site_name`, or the host) is skipped.
    private func headlinePart(_ title: String) -> (part: String, others: [String]) {
        for separator in Self.titleSeparators {
            let parts = title.components(separatedBy: separator).map { $0.trimmingWhitespace() }.filter { !$0.isEmpty }
            guard parts.count >= 2 else { continue }
            func chosen(_ part: String) -> (part: String, others: [String]) { (part, parts.filter { $0 != part }) }
            if separator == " » " || separator == " « " { return chosen(separator == " » " ? parts.last! : parts.first!) }
            let siteKeys = [outlet, url.flatMap(Self.outlet(fromURL:))].compactMap { $0 }.map(HTMLExtractor.normalise).filter { !$0.isEmpty }
            let isSite: (String) -> Bool = { part in
                let k = HTMLExtractor.normalise(part)
                return !k.isEmpty && siteKeys.contains { $0 == k || $0.hasPrefix(k) || k.hasPrefix($0) }
            }
            let candidates = parts.filter { !isSite($0) }
            let longest = (candidates.isEmpty ? parts : candidates).max { $0.count < $1.count } ?? title
            // The first part, unless it is a short kicker ("Neu - …", "Aktuelles | …") beside a longer one.
            if let first = candidates.first, first.count >= 12 || first.count * 2 >= longest.count { return chosen(first) }
            return chosen(longest)
        }
        return (title, [])
    }
}

/// Lowercase ASCII fragments looked for in class and id values, indexed by first byte: one pass over the value
/// instead of one per fragment (class hints were 5 % of extraction time).
struct HintSet: ExpressibleByArrayLiteral, Sendable {
    let needles: [[UInt8]]
    let byFirst: [UInt32]

    init(arrayLiteral elements: String...) { self.init(needles: elements) }

    /// The needles as given.
    var strings: [String] { needles.map { String(decoding: $0, as: UTF8.self) } }

    init(needles elements: [String]) {
        precondition(elements.count <= 32)
        needles = elements.map { Array($0.utf8) }
        var table = [UInt32](repeating: 0, count: 256)
        for (n, needle) in needles.enumerated() where !needle.isEmpty { table[Int(needle[0])] |= 1 << UInt32(n) }
        byFirst = table
    }

    /// Bit n set when needle n occurs in `hay` (ASCII case folded): every needle in one pass.
    func mask(_ hay: XMLBytes) -> UInt32 { scan(hay, firstOnly: false) }

    /// Whether any needle occurs in `hay` (ASCII case folded); stops at the first.
    func matches(_ hay: XMLBytes) -> Bool { scan(hay, firstOnly: true) != 0 }

    @inline(__always)
    private func scan(_ hay: XMLBytes, firstOnly: Bool) -> UInt32 {
        var found: UInt32 = 0
        var start = 0
        while start < hay.count {
            var c = hay[start]
            if c >= 65 && c <= 90 { c += 32 }
            var candidates = byFirst[Int(c)] & ~found
            while candidates != 0 {
                let n = candidates.trailingZeroBitCount
                candidates &= candidates - 1
                let needle = needles[n]
                guard start + needle.count <= hay.count else { continue }
                var k = 1
                while k < needle.count {
                    var h = hay[start + k]
                    if h >= 65 && h <= 90 { h += 32 }
                    if h != needle[k] { break }
                    k += 1
                }
                if k == needle.count {
                    found |= 1 << UInt32(n)
                    if firstOnly { return found }
                }
            }
            start += 1
        }
        return found
    }
}
