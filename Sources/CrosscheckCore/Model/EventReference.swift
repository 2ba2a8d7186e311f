/// One article's telling of a merged event.
public struct EventReference: Codable, Sendable, Hashable {
    /// Article id (hex) and its row in the store.
    public var article: String
    public var doc: Int64
    public var outlet: String?
    public var title: String?
    public var published: String?
    /// The article's source group: corroboration counts groups.
    public var group: Int64
    /// The mention lives in a shared box (copied on write): a merged event holds copies of its references, and a
    /// mention inline is ~700 bytes and a dozen reference counts per copy; a million of them was a gigabyte.
    public var mention: EventMention {
        @inlinable _read { yield box.value }
        @inlinable _modify {
            if !isKnownUniquelyReferenced(&box) { box = MentionBox(box.value) }
            yield &box.value
        }
    }
    @usableFromInline var box: MentionBox

    @usableFromInline final class MentionBox: @unchecked Sendable {
        // Written only through `_modify`, after a copy when shared: never mutated while another value sees it.
        @usableFromInline var value: EventMention
        @usableFromInline init(_ value: EventMention) { self.value = value }
    }

    /// Who to name as the source in listings: the outlet, else the article id's first 12 hex digits.
    public var source: String { outlet ?? String(article.prefix(12)) }

    public init(article: String, doc: Int64, outlet: String?, title: String?, published: String?, group: Int64, mention: EventMention) {
        self.article = article
        self.doc = doc
        self.outlet = outlet
        self.title = title
        self.published = published
        self.group = group
        self.box = MentionBox(mention)
    }

    enum CodingKeys: String, CodingKey { case article, doc, outlet, title, published, group, mention }

    public init(from decoder: any Decoder) throws {
        let c = try decoder.container(keyedBy: CodingKeys.self)
        self.init(article: try c.decode(String.self, forKey: .article), doc: try c.decodeIfPresent(Int64.self, forKey: .doc) ?? 0,
                  outlet: try c.decodeIfPresent(String.self, forKey: .outlet), title: try c.decodeIfPresent(String.self, forKey: .title),
                  published: try c.decodeIfPresent(String.self, forKey: .published), group: try c.decodeIfPresent(Int64.self, forKey: .group) ?? 0,
                  mention: try c.decode(EventMention.self, forKey: .mention))
    }

    /// Encoded without `doc` and `group`: they are row numbers of one store (they depend on the order articles
    /// arrived in), not content; the article id says which article, and `crosscheck articles` its source group.
    public func encode(to encoder: any Encoder) throws {
        var c = encoder.container(keyedBy: CodingKeys.self)
        try c.encode(article, forKey: .article)
        try c.encodeIfPresent(outlet, forKey: .outlet)
        try c.encodeIfPresent(title, forKey: .title)
        try c.encodeIfPresent(published, forKey: .published)
        try c.encode(mention, forKey: .mention)
    }

    public static func == (a: EventReference, b: EventReference) -> Bool {
        a.doc == b.doc && a.group == b.group && a.article == b.article && a.outlet == b.outlet && a.title == b.title
            && a.published == b.published && (a.box === b.box || a.mention == b.mention)
    }

    public func hash(into hasher: inout Hasher) {
        hasher.combine(article)
        hasher.combine(doc)
        hasher.combine(group)
        hasher.combine(mention)
    }
}
