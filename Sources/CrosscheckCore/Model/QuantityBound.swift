/// How a figure bounds the count it gives. The raw values are the stable codes of JSON and CSV (`docs/LANGUAGE.md`,
/// quantities).
public enum QuantityBound: String, Codable, Sendable, Hashable, CaseIterable, CustomStringConvertible {
    /// "1,037 servicemen".
    case exact
    /// "more than 1,000", "at least 300".
    case lower
    /// "up to 50", "less than 20".
    case upper
    /// "about 100", "some 230,000".
    case approximate
    /// "nearly 300", "almost 500": just under, roughly.
    case upperApproximate = "upper-approximate"
    /// "5,000-7,000", "between 5 and 10".
    case range
    /// "hundreds", "dozens", "several hundred".
    case vague

    /// How precise the figure is, 0 for the most precise: a merged event shows its most precise figure.
    public var precisionRank: Int {
        switch self {
        case .exact: 0
        case .range: 1
        case .lower, .upper: 2
        case .approximate, .upperApproximate: 3
        case .vague: 4
        }
    }

    public var description: String { rawValue }
}
