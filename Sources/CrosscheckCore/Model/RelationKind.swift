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
    /// Both are at the same address once normalised: a feed item and the page it links to, a page archived twice.
    case sameAddress = "same-url"
    /// The article attributes facts to another outlet ("told RFE/RL", "according to Reuters").
    case cites

    /// Strongest first: exact < near < contains < rewrite < same-url < cites.
    public static func < (lhs: RelationKind, rhs: RelationKind) -> Bool {
        allCases.firstIndex(of: lhs)! < allCases.firstIndex(of: rhs)!
    }
}
