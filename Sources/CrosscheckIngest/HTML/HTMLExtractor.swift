import CrosscheckCore
import Foundation

/// Settings for HTML main-text extraction.
public struct HTMLExtractorConfiguration: Sendable {
    /// Blocks shorter than this (in characters) do not vote for their container.
    public var minVotingBlockLength: Int
    /// Blocks whose link text exceeds this share of their text are navigation.
    public var maxLinkDensity: Double
    /// When the chosen container holds less than this many characters, all non-noise blocks are used.
    public var minMainTextLength: Int
    /// Score multiplier for `<article>`, `<main>` and `itemprop=articleBody` containers.
    public var semanticBonus: Double
    /// A soft-noise subtree (class/id hint, form, aside…) holding more than this share of the page's
    /// text is kept: it is the article's wrapper, not a widget.
    public var protectedShare: Double
    /// …but a subtree under this many bytes of text is never protected.
    public var minProtectedLength: Int
    /// A sibling of the best container joins the article when its score reaches this share of the best…
    public var siblingShare: Double
    /// …or when its blocks hold at least this many bytes of prose…
    public var minSiblingLength: Int
    /// …with a link density below this.
    public var maxSiblingLinkDensity: Double
    /// The article container is widened until it holds this share of the page's prose…
    public var coverageShare: Double
    /// …counting blocks of at least this many bytes as prose.
    public var minProseLength: Int
    /// When markup gives no date, this many leading blocks (of at most 300 bytes) are searched for one.
    public var leadBlocksForDate: Int
    /// A lead (standfirst, intro) between the headline and the chosen container joins the text when it has
    /// at least this many bytes…
    public var minLeadLength: Int
    /// …and a link density below this.
    public var maxLeadLinkDensity: Double
    /// Headings after the last paragraph of at least this many bytes are dropped (they head related
    /// stories, newsletter boxes, comments).
    public var minProseTailLength: Int
    /// Removed pieces longer than this are cut (the text stays in the raw bytes).
    public var maxRemovedPieceLength: Int
    /// At most this many removed pieces are recorded per page.
    public var maxRemovedPieces: Int

    public init(minVotingBlockLength: Int = 25, maxLinkDensity: Double = 0.5, minMainTextLength: Int = 200,
                semanticBonus: Double = 1.5, protectedShare: Double = 0.04, minProtectedLength: Int = 1500,
                siblingShare: Double = 0.2, minSiblingLength: Int = 80, maxSiblingLinkDensity: Double = 0.25,
                coverageShare: Double = 0.75, minProseLength: Int = 40,
                leadBlocksForDate: Int = 3, minLeadLength: Int = 80, maxLeadLinkDensity: Double = 0.25,
                minProseTailLength: Int = 300, maxRemovedPieceLength: Int = 500, maxRemovedPieces: Int = 200) {
        self.leadBlocksForDate = leadBlocksForDate
        self.minLeadLength = minLeadLength
        self.maxLeadLinkDensity = maxLeadLinkDensity
        self.minProseTailLength = minProseTailLength
        self.coverageShare = coverageShare
        self.minProseLength = minProseLength
        self.siblingShare = siblingShare
        self.minSiblingLength = minSiblingLength
        self.maxSiblingLinkDensity = maxSiblingLinkDensity
        self.protectedShare = protectedShare
        self.minProtectedLength = minProtectedLength
        self.minVotingBlockLength = minVotingBlockLength
        self.maxLinkDensity = maxLinkDensity
        self.minMainTextLength = minMainTextLength
        self.semanticBonus = semanticBonus
        self.maxRemovedPieceLength = maxRemovedPieceLength
        self.maxRemovedPieces = maxRemovedPieces
    }
}

/// What the extractor found in a page.
public struct ExtractedHTML: Sendable {
    public var title: String?
    public var text: String
    public var removed: [RemovedPiece]
    public var sourceMap: [SourceSegment]
    public var published: PublishedDate?
    public var updated: PublishedDate?
    public var outlet: String?
    public var url: String?
    public var authors: [String]
    public var language: String?
}

/// Main text and metadata out of an HTML page, on libxml2's HTML parser: noise subtrees (scripts,
/// navigation, comments, share bars, ads) are dropped, text blocks vote for their container, and the
/// best-scoring container's blocks form the article.
public struct HTMLExtractor: Sendable {
    public var configuration: HTMLExtractorConfiguration
    /// Reads the extracted blocks like scraped text: labels, reader appeals, "related" headings and
    /// date lines at the edges, phrase hits on short blocks.
    public var blockCleaner: TextCleaner

    public init(configuration: HTMLExtractorConfiguration = HTMLExtractorConfiguration(),
                blockCleaner: TextCleaner = TextCleaner(configuration: TextCleanerConfiguration(
                    addressShare: 0.12, detectTitle: false))) {
        self.configuration = configuration
        self.blockCleaner = blockCleaner
    }

    /// Tags whose whole subtree is never article text.
    static let hardDropTags: [String: String] = [
        "script": "script", "style": "script", "noscript": "script", "template": "script", "svg": "script",
        "iframe": "embed", "object": "embed", "embed": "embed", "canvas": "embed", "video": "embed", "audio": "embed",
        "button": "form", "select": "form", "textarea": "form", "input": "form", "label": "form",
        "figcaption": "photo-caption", "dialog": "popup",
    ]

    /// Tags that are usually page furniture but sometimes wrap the article (ASP.NET pages put the whole
    /// page in a `<form>`): dropped only when they do not hold most of the page's text.
    static let softDropTags: [String: String] = [
        "nav": "navigation", "aside": "sidebar", "footer": "footer", "form": "form", "menu": "navigation",
    ]

    /// class/id words that mark noise, with the reason recorded.
    static let noiseWords: [String: String] = [
        "comment": "comments", "comments": "comments", "respond": "comments", "reply": "comments", "disqus": "comments",
        "share": "share", "sharing": "share", "social": "share", "sharebar": "share", "addthis": "share",
        "related": "related", "recommended": "related", "recommend": "related", "more-stories": "related",
        "outbrain": "related", "taboola": "related", "popular": "related", "trending": "related", "teaser": "related",
        "cookie": "cookie-banner", "cookies": "cookie-banner", "consent": "cookie-banner", "gdpr": "cookie-banner",
        "newsletter": "newsletter", "subscribe": "newsletter", "subscription": "newsletter", "signup": "newsletter",
        "ad": "advertising", "ads": "advertising", "advert": "advertising", "advertisement": "advertising",
        "sponsor": "advertising", "sponsored": "advertising", "promo": "advertising", "banner": "advertising",
        "dfp": "advertising", "adslot": "advertising",
        "sidebar": "sidebar", "widget": "sidebar", "breadcrumb": "navigation", "breadcrumbs": "navigation",
        "menu": "navigation", "navbar": "navigation", "nav": "navigation", "pagination": "navigation",
        "footer": "footer", "copyright": "footer", "popup": "popup", "modal": "popup", "overlay": "popup",
        "donate": "donation", "donation": "donation", "paywall": "donation", "caption": "photo-caption",
        "credit": "photo-caption", "byline": "byline", "author-bio": "byline", "author": "byline", "tags": "tags", "tag-list": "tags",
        "hidden": "hidden", "sr-only": "hidden", "print-only": "hidden",
    ]

    /// Noise words trusted only as a whole class or id, never as part of a compound: Bootstrap's
    /// `hidden-xs` hides on phones only, and `blog_teaser_text` can be the article itself.
    static let wholeClassOnly: Set<String> = [
        "hidden", "teaser", "banner", "popular", "overlay", "modal", "menu", "promo", "trending", "recommended", "print",
        // Page builders and paywall plugins wrap the article itself in "elementor-widget-wrap",
        // "steady-paywall-container", "paywall-google article-body": only the whole class is a widget or a paywall.
        "widget", "paywall",
    ]

    /// Soft-noise reasons whose subtrees are dropped whatever their size (unless they hold the article):
    /// a long comment section is still comments.
    static let unprotectedReasons: Set<String> = ["comments", "cookie-banner", "newsletter", "share", "donation", "popup"]

    static let blockTags: Set<String> = [
        "p", "h1", "h2", "h3", "h4", "h5", "h6", "li", "blockquote", "pre", "td", "th", "dd", "dt", "div",
        "section", "article", "main", "header", "ul", "ol", "table", "tr", "figure", "br", "hr", "address", "center",
    ]

    static let headingTags: Set<String> = ["h1", "h2", "h3", "h4", "h5", "h6"]

    /// Extracts text and metadata; a typed rejection when the page has no HTML or no text. `charset` is the one the
    /// page was served with, if known (a WARC record's HTTP header).
    public func extract(_ bytes: [UInt8], charset: String? = nil) -> Result<ExtractedHTML, Rejection> {
        let encoding = CharsetSniffer.encoding(for: bytes, transport: charset)
        guard let document = HTMLTree(bytes: bytes, encoding: encoding) ?? HTMLTree(bytes: bytes, encoding: "UTF-8"),
              let root = document.root
        else { return .failure(.notHTML) }
        // The nodes below point into the tree: it must outlive their last use.
        defer { withExtendedLifetime(document) {} }
        var meta = MetadataCollector()
        meta.collect(root)
        var walker = BlockWalker(configuration: configuration)
        walker.walk(root)
        let lineOffsets = Self.lineOffsets(bytes)
        var (paragraphs, removed) = walker.mainText(title: meta.title)
        removed = Array(removed.prefix(configuration.maxRemovedPieces))
        // The headline usually repeats as the first block; keep it as the title only.
        let title = meta.title
        if let title, let first = paragraphs.first, Self.normalise(first.text) == Self.normalise(title) {
            paragraphs.removeFirst()
        }
        // Headings after the last paragraph of prose head what follows the article (related stories, the
        // newsletter box, the comments), not the article.
        if let last = paragraphs.lastIndex(where: { !Self.headingTags.contains($0.tag) && $0.text.utf8.count >= configuration.minProseTailLength }) {
            var k = paragraphs.count - 1
            while k > last {
                if Self.headingTags.contains(paragraphs[k].tag) {
                    removed.append(RemovedPiece(text: String(paragraphs[k].text.prefix(configuration.maxRemovedPieceLength)), reason: "trailing-heading"))
                    paragraphs.remove(at: k)
                }
                k -= 1
            }
        }
        // Blocks are single lines (collapsed), so the block cleaner's line indices are paragraph indices.
        let blockText = paragraphs.map(\.text).joined(separator: "\n")
        let cleanedBlocks = blockCleaner.clean(blockText)
        // A page that is all short lines (a list, a form-like page) keeps its blocks rather than nothing.
        if !cleanedBlocks.keptLines.isEmpty {
            removed += cleanedBlocks.removed
            paragraphs = cleanedBlocks.keptLines.map { paragraphs[$0] }
        }
        var text = ""
        var map: [SourceSegment] = []
        for paragraph in paragraphs {
            if !text.isEmpty { text += "\n\n" }
            let rawStart = paragraph.line > 0 && paragraph.line <= lineOffsets.count ? lineOffsets[paragraph.line - 1] : 0
            map.append(SourceSegment(cleanStart: text.utf8.count, length: paragraph.text.utf8.count,
                                     rawStart: rawStart, rawLength: 0))
            text += paragraph.text
        }
        guard !text.isEmpty else { return .failure(.emptyAfterCleaning) }
        var published = meta.published
        if published == nil {
            // Last resort: a full date in the article's first blocks (a dateline or byline kept as text).
            for paragraph in paragraphs.prefix(configuration.leadBlocksForDate) where paragraph.text.utf8.count <= 300 {
                if let date = DateParser.parseEmbedded(paragraph.text, from: "text:lead"), date.precision >= .day {
                    published = date
                    break
                }
            }
        }
        if published == nil { published = meta.textFallbackDates.first }
        if published == nil { published = meta.lateFallbackDate(lead: paragraphs.prefix(3).map(\.text), page: bytes) }
        return .success(ExtractedHTML(title: title, text: text, removed: removed, sourceMap: map,
                                      published: published, updated: meta.updated, outlet: meta.outlet,
                                      url: meta.url, authors: meta.authors, language: meta.language))
    }

    static func normalise(_ s: String) -> String {
        // ASCII text on bytes (the same result: ASCII letters lowercased, digits; nothing else is a letter or number).
        if s.utf8.allSatisfy({ $0 < 0x80 }) {
            var out: [UInt8] = []
            out.reserveCapacity(s.utf8.count)
            for b in s.utf8 {
                let lower = b | 0x20
                if lower >= 0x61 && lower <= 0x7A { out.append(lower) } else if b >= 0x30 && b <= 0x39 { out.append(b) }
            }
            return String(decoding: out, as: UTF8.self)
        }
        return s.lowercased().filter { $0.isLetter || $0.isNumber }
    }

    static func lineOffsets(_ bytes: [UInt8]) -> [Int] {
        var offsets = [0]
        bytes.withUnsafeBufferPointer { buffer in
            guard let base = buffer.baseAddress else { return }
            var i = 0
            while i < buffer.count, let hit = memchr(base + i, 0x0A, buffer.count - i) {
                let at = UnsafeRawPointer(hit).assumingMemoryBound(to: UInt8.self) - base
                offsets.append(at + 1)
                i = at + 1
            }
        }
        return offsets
    }

    /// Collapses runs of whitespace (ASCII and no-break space) to one space and trims. Works on UTF-8
    /// bytes: Unicode property lookups per character were the extractor's hottest spot.
    static func collapse(_ s: String) -> String {
        var s = s
        return s.withUTF8 { collapse($0) }
    }

    static func collapse(_ bytes: UnsafeBufferPointer<UInt8>) -> String {
        guard !bytes.isEmpty else { return "" }
        return String(unsafeUninitializedCapacity: bytes.count) { out in
            var n = 0
            var pendingSpace = false
            var previous: UInt8 = 0
            for b in bytes {
                if b == 0x20 || b == 0x0A || b == 0x09 || b == 0x0D || b == 0x0C {
                    pendingSpace = n > 0
                } else if b == 0xA0, previous == 0xC2 {
                    n -= 1 // the C2 lead byte already copied
                    pendingSpace = n > 0
                } else {
                    if pendingSpace { out[n] = 0x20; n += 1 }
                    pendingSpace = false
                    out[n] = b
                    n += 1
                }
                previous = b
            }
            return n
        }
    }
}
