import CrosscheckCore

/// A passage pair of a relation, with the texts.
public struct AlignedText: Sendable, Codable, Hashable {
    public var similarity: Double
    public var article: TextRange
    public var other: TextRange
    public var articleText: String
    public var otherText: String
}
