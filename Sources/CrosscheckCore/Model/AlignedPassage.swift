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
