/// How one article depends on another: the relations the duplicate finder records.
public enum RelationKind: String, Codable, Sendable, CaseIterable, Comparable {
    /// The same text once whitespace, quotes, dashes and case are normalised.
    case exact
    /// Most of the text is shared (word-shingle Jaccard above the near threshold).
    case near
    /// One article holds most of the other: a reprint with an added lead, a truncated copy.
    case contains
    /// Several passages align closely while the wording differs: a rewrite or partial reuse.
    case rewrite
    /// The article attributes facts to another outlet ("told RFE/RL", "according to Reuters").
    case cites

    /// Strongest first: exact < near < contains < rewrite < cites.
    public static func < (lhs: RelationKind, rhs: RelationKind) -> Bool {
        allCases.firstIndex(of: lhs)! < allCases.firstIndex(of: rhs)!
    }
}

/// A byte range of an article's cleaned text (UTF-8 offsets, end exclusive).
public struct TextRange: Hashable, Codable, Sendable {
    public var start: Int
    public var end: Int
    public init(start: Int, end: Int) {
        precondition(start <= end, "range start after end")
        self.start = start
        self.end = end
    }
}

/// Two passages, one in each article of a relation, that say nearly the same thing.
public struct AlignedPassage: Hashable, Codable, Sendable {
    /// The passage in the relation's `article`.
    public var article: TextRange
    /// The passage in the relation's `other`.
    public var other: TextRange
    /// Jaccard similarity of the passages' content words, 0…1.
    public var similarity: Double

    public init(article: TextRange, other: TextRange, similarity: Double) {
        self.article = article
        self.other = other
        self.similarity = similarity
    }
}

/// A text relation between two stored articles, by their store row numbers.
///
/// Direction: for `contains`, `article` contains `other`; for the other kinds `article` is the copy
/// or the rewrite: the later published when both dates are known and differ, else the later arrival.
public struct TextRelation: Hashable, Codable, Sendable {
    public var article: Int64
    public var other: Int64
    public var kind: RelationKind
    /// Jaccard for exact and near, the share of the smaller article held by the larger for contains,
    /// the share of the shorter article's passages aligned for rewrite.
    public var score: Double
    /// Why the articles are linked: the passages that align, best first.
    public var aligned: [AlignedPassage]

    public init(article: Int64, other: Int64, kind: RelationKind, score: Double, aligned: [AlignedPassage] = []) {
        self.article = article
        self.other = other
        self.kind = kind
        self.score = score
        self.aligned = aligned
    }
}

/// An attribution of facts to an outlet found in an article's text.
public struct Citation: Hashable, Codable, Sendable {
    public var article: Int64
    /// The outlet's canonical name ("RFE/RL", "Reuters").
    public var outlet: String
    /// The sentence that carries the attribution.
    public var sentence: TextRange
    /// The attribution as written ("told RFE / RL", "according to Radio Liberty").
    public var cue: String

    public init(article: Int64, outlet: String, sentence: TextRange, cue: String) {
        self.article = article
        self.outlet = outlet
        self.sentence = sentence
        self.cue = cue
    }
}

/// What the duplicate finder did with an article.
public enum DedupStatus: String, Codable, Sendable {
    /// Compared and indexed: later articles are compared with it.
    case indexed
    /// An exact or near copy of an indexed article: linked, and not indexed itself, so a feed loop of
    /// identical copies does not grow the index.
    case copy
    /// Too short to compare by text (below the minimum word count); only exact copies are linked.
    case short
}

/// An article as the duplicate finder reads it.
public struct DedupDocument: Sendable, Hashable {
    /// The store's row number of the article: small, stable, and ordered by arrival.
    public var doc: Int64
    public var id: ContentID
    public var outlet: String?
    public var text: String
    /// ISO 639-1 code when known: chooses the stopword list.
    public var language: String?
    /// Publication date (ISO 8601) when known: who copied whom.
    public var published: String?

    public init(doc: Int64, id: ContentID, outlet: String?, text: String, language: String? = nil, published: String? = nil) {
        self.doc = doc
        self.id = id
        self.outlet = outlet
        self.text = text
        self.language = language
        self.published = published
    }
}

/// The results of one batch of the duplicate finder, written in one transaction.
public struct DedupBatch: Sendable {
    /// Every processed article with its status and final group.
    public var documents: [(doc: Int64, group: Int64, status: DedupStatus)] = []
    /// LSH keys to add: (key, doc).
    public var keys: [(key: Int32, doc: Int64)] = []
    public var relations: [TextRelation] = []
    public var citations: [Citation] = []
    /// Existing groups merged into another: every member of `from` moves to `into`.
    public var merges: [(from: Int64, into: Int64)] = []

    public init() {}
}

/// The persistent side of the duplicate finder: its LSH index, groups and relations.
///
/// The store implements it; all calls of one batch happen inside `dedupTransaction`, so two
/// processes never work on the same articles at once.
public protocol DedupIndex: Sendable {
    /// Runs `body` in one write transaction.
    func dedupTransaction<T>(_ body: (any DedupTransaction) throws -> T) throws -> T
    /// Forgets every relation, key and group, so the next pass compares everything again.
    func resetDedup() throws
}

/// What `DedupTransaction.documents(forKeys:perKey:)` found: each key's articles, contiguous in one
/// flat list. (A dictionary of small arrays cost the matching thread an allocation per key, a SipHash
/// per lookup and a reference count per read: a fifth of its time.)
public struct KeyHits: Sendable {
    /// Key (as `UInt32` bits) → its articles' place in `docs`: start << 32 | count.
    @usableFromInline var spans = HashedKeyMap<UInt64>()
    @usableFromInline var docs: [Int64] = []

    public init() {}

    /// Room for `keys` keys of about `perKey` articles each (a batch's lookups), without growing.
    public init(keys: Int, perKey: Int) {
        spans = HashedKeyMap(minimumCapacity: keys)
        docs.reserveCapacity(keys * perKey)
    }

    /// Adds the articles of `key`, which `fill` appends, earliest first. Each key is added once.
    public mutating func add(_ key: Int32, _ fill: (inout [Int64]) throws -> Void) rethrows {
        let start = docs.count
        try fill(&docs)
        if docs.count > start { spans[UInt64(UInt32(bitPattern: key))] = UInt64(start) << 32 | UInt64(docs.count - start) }
    }

    /// Calls `body` with each article under `key`, earliest first.
    @inlinable public func forEach(_ key: Int32, _ body: (Int64) throws -> Void) rethrows {
        guard let span = spans[UInt64(UInt32(bitPattern: key))] else { return }
        let start = Int(span >> 32)
        try docs.withUnsafeBufferPointer { d in
            for j in start..<(start + Int(span & 0xFFFF_FFFF)) { try body(d[j]) }
        }
    }

    /// The articles under `key`, earliest first.
    public subscript(key: Int32) -> [Int64] {
        var out: [Int64] = []
        forEach(key) { out.append($0) }
        return out
    }
}

/// The calls available inside one duplicate-finder transaction.
public protocol DedupTransaction {
    /// Up to `limit` articles not processed yet, in arrival order.
    func pendingDocuments(limit: Int) throws -> [DedupDocument]
    /// Up to `limit` articles not processed yet that arrived after article `doc`: the batch after the
    /// one being processed, read ahead so its sketches are computed while this one is matched.
    func pendingDocuments(after doc: Int64, limit: Int) throws -> [DedupDocument]
    /// The row numbers `pendingDocuments(limit:)` would return: whether the batch read ahead is still
    /// the next one (another worker may have taken it), without reading the texts again.
    func pendingDocumentIDs(limit: Int) throws -> [Int64]
    /// For each key, at most `perKey` indexed articles that hold it (the earliest ones).
    func documents(forKeys keys: [Int32], perKey: Int) throws -> KeyHits
    /// The articles with these row numbers.
    func documents(_ docs: [Int64]) throws -> [DedupDocument]
    /// The current group of each processed article among `docs`.
    func groups(of docs: [Int64]) throws -> [Int64: Int64]
    /// Writes the batch.
    func commit(_ batch: DedupBatch) throws
}

extension DedupTransaction {
    public func pendingDocumentIDs(limit: Int) throws -> [Int64] { try pendingDocuments(limit: limit).map(\.doc) }
}
