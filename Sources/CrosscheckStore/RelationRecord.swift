import CrosscheckCore

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
