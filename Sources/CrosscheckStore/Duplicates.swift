import CrosscheckCore

/// Filters for `relations` and `sourceGroups`.
public struct RelationQuery: Sendable {
    /// Only relations touching this article (id prefix of at least 4 hex digits).
    public var article: String?
    /// Only these kinds (all when empty).
    public var kinds: Set<RelationKind>
    /// Groups: only those with at least this many articles.
    public var minGroupSize: Int
    public var limit: Int

    public init(article: String? = nil, kinds: Set<RelationKind> = [], minGroupSize: Int = 2, limit: Int = 1000) {
        self.article = article
        self.kinds = kinds
        self.minGroupSize = minGroupSize
        self.limit = limit
    }
}

/// An article as shown next to a relation.
public struct ArticleRef: Sendable, Codable, Hashable {
    public var id: ContentID
    public var title: String?
    public var outlet: String?
    public var published: String?
}

/// A passage pair of a relation, with the texts.
public struct AlignedText: Sendable, Codable, Hashable {
    public var similarity: Double
    public var article: TextRange
    public var other: TextRange
    public var articleText: String
    public var otherText: String
}

/// A relation as listed by `crosscheck duplicates`.
public struct RelationRecord: Sendable, Codable, Hashable {
    /// The source group (named by its first article).
    public var group: ContentID?
    public var kind: RelationKind
    public var score: Double
    /// For `contains` the container; otherwise the later article (the copy, the rewrite, the citing one).
    public var article: ArticleRef
    /// The other article; nil for `cites`.
    public var other: ArticleRef?
    /// The cited outlet, for `cites`.
    public var outlet: String?
    /// For `cites`: the attribution and its sentence.
    public var cue: String?
    public var sentence: String?
    public var sentenceRange: TextRange?
    /// Why the articles are linked.
    public var aligned: [AlignedText]
}

/// A source group: articles that are not independent of each other.
public struct SourceGroupRecord: Sendable, Codable, Hashable {
    public var group: ContentID
    public var size: Int
    /// Relation kinds inside the group, with counts.
    public var kinds: [String: Int]
    public var members: [ArticleRef]
}
