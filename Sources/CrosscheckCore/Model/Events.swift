/// Who an event mention's facts come from.
public struct Attribution: Codable, Sendable, Hashable {
    public var kind: AttributionKind
    public var name: String?
    public var entity: String?
    /// The words that attribute ("told RFE/RL", "according to Tajik state media").
    public var cue: String?

    public init(kind: AttributionKind, name: String? = nil, entity: String? = nil, cue: String? = nil) {
        self.kind = kind
        self.name = name
        self.entity = entity
        self.cue = cue
    }
}

/// A participant of an event: an entity mention's id and name.
public struct Participant: Codable, Sendable, Hashable {
    public var entity: String?
    public var name: String
    public var kind: MentionKind
    /// For a person introduced with a nationality and a title ("Tajik President Emomali Rahmon"): the
    /// country (`country:TJ`) they act for.
    public var country: String?

    public init(entity: String?, name: String, kind: MentionKind, country: String? = nil) {
        self.entity = entity
        self.name = name
        self.kind = kind
        self.country = country
    }
}

/// One event as one sentence of one article tells it.
public struct EventMention: Codable, Sendable, Hashable {
    /// Ontology type (`mobilize`, `flee`, `withdraw`…; see the events resource).
    public var type: String
    /// The trigger word or phrase and its UTF-8 span.
    public var trigger: String
    public var start: Int
    public var end: Int
    /// The evidence sentence and its UTF-8 span.
    public var sentence: String
    public var sentenceStart: Int
    public var sentenceEnd: Int
    public var actor: Participant?
    public var target: Participant?
    public var place: PlaceRef?
    public var placeName: String?
    public var time: TimeValue?
    public var timeText: String?
    /// True when no time was written and the publication date stands in.
    public var timeFromPublication: Bool
    public var quantity: QuantityValue?
    public var quantityText: String?
    public var attribution: Attribution
    /// reported, claimed, denied, planned, hypothetical, walked back.
    public var status: EventStatus
    /// Who denied it, when the status is denied.
    public var deniedBy: Participant?

    public init(type: String, trigger: String, start: Int, end: Int, sentence: String, sentenceStart: Int, sentenceEnd: Int,
                actor: Participant? = nil, target: Participant? = nil, place: PlaceRef? = nil, placeName: String? = nil,
                time: TimeValue? = nil, timeText: String? = nil, timeFromPublication: Bool = false,
                quantity: QuantityValue? = nil, quantityText: String? = nil,
                attribution: Attribution = Attribution(kind: .article), status: EventStatus = .reported, deniedBy: Participant? = nil) {
        self.type = type
        self.trigger = trigger
        self.start = start
        self.end = end
        self.sentence = sentence
        self.sentenceStart = sentenceStart
        self.sentenceEnd = sentenceEnd
        self.actor = actor
        self.target = target
        self.place = place
        self.placeName = placeName
        self.time = time
        self.timeText = timeText
        self.timeFromPublication = timeFromPublication
        self.quantity = quantity
        self.quantityText = quantityText
        self.attribution = attribution
        self.status = status
        self.deniedBy = deniedBy
    }
}

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

/// An event merged across articles, with its corroboration.
public struct MergedEvent: Codable, Sendable, Hashable {
    public var id: String
    public var type: String
    public var label: String
    public var plover: String
    public var cameo: String
    public var actor: Participant?
    public var target: Participant?
    public var place: PlaceRef?
    public var placeName: String?
    /// The best-known time: the most specific written time, else the earliest publication day.
    public var time: TimeValue?
    public var timeFromPublication: Bool
    /// The most precise quantity reported (exact beats a bound, a bound beats a vague count).
    public var quantity: QuantityValue?
    public var quantityText: String?
    /// reported, claimed, planned, denied, contested (reported by some, denied by others), hypothetical, walked back.
    public var status: EventStatus
    /// Independent source groups that report it (not counting denials).
    public var sources: Int
    /// Source groups that deny it.
    public var deniedBy: Int
    public var references: [EventReference]
    /// The incident (one real-world happening several articles report) of its earliest telling: a content id
    /// (`inc-` and 12 hex digits of the SHA-256 of the incident's sorted article ids), so the same articles give
    /// the same incident whatever the order they were stored in. Events of one incident are one story's
    /// developments; the brief and the timeline list them together.
    public var incident: String

    /// The sources of its references (`EventReference.source`), each once, in reference order.
    public var sourceNames: [String] {
        var seen = Set<String>()
        return references.map(\.source).filter { seen.insert($0).inserted }
    }

    public init(id: String, type: String, label: String, plover: String, cameo: String, actor: Participant?, target: Participant?,
                place: PlaceRef?, placeName: String?, time: TimeValue?, timeFromPublication: Bool, quantity: QuantityValue?,
                quantityText: String?, status: EventStatus, sources: Int, deniedBy: Int, references: [EventReference],
                incident: String = "") {
        self.id = id
        self.type = type
        self.label = label
        self.plover = plover
        self.cameo = cameo
        self.actor = actor
        self.target = target
        self.place = place
        self.placeName = placeName
        self.time = time
        self.timeFromPublication = timeFromPublication
        self.quantity = quantity
        self.quantityText = quantityText
        self.status = status
        self.sources = sources
        self.deniedBy = deniedBy
        self.references = references
        self.incident = incident
    }
}

/// Two or more incompatible tellings of one event: each side with its value and references.
public struct Contradiction: Codable, Sendable, Hashable {
    public struct Side: Codable, Sendable, Hashable {
        public var value: String
        public var references: [EventReference]
        public init(value: String, references: [EventReference]) {
            self.value = value
            self.references = references
        }
    }

    public var event: String
    /// denial, walk-back, date or quantity.
    public var kind: ContradictionKind
    public var summary: String
    public var sides: [Side]

    public init(event: String, kind: ContradictionKind, summary: String, sides: [Side]) {
        self.event = event
        self.kind = kind
        self.summary = summary
        self.sides = sides
    }
}

/// A developing situation: the articles and events that belong together, over time.
public struct Story: Codable, Sendable, Hashable {
    public var id: String
    /// The actors and places most mentioned in its events.
    public var title: String
    public var articles: [String]
    public var events: [String]
    /// Independent source groups among its articles.
    public var sources: Int
    public var start: String?
    public var end: String?

    public init(id: String, title: String, articles: [String], events: [String], sources: Int, start: String?, end: String?) {
        self.id = id
        self.title = title
        self.articles = articles
        self.events = events
        self.sources = sources
        self.start = start
        self.end = end
    }
}
