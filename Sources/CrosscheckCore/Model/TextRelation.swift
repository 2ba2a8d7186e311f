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
