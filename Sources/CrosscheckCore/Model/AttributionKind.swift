/// Who an event mention is attributed to. The raw values are the stable codes of JSON and CSV (`docs/EVENTS.md`,
/// "Event mentions").
public enum AttributionKind: String, Codable, Sendable, Hashable, CaseIterable, CustomStringConvertible {
    /// A named person ("Rahmon said").
    case person
    /// An organization or government ("the Tajik border guard service said").
    case institution
    /// A news outlet ("told RFE/RL", "according to Reuters").
    case outlet
    /// A source the text does not name ("a senior official who was not authorized to speak").
    case anonymous
    /// No source named: the outlet's own reporting.
    case article
    /// A pronoun ("he said") while extraction resolves it to the sentence's or the previous sentence's speaker;
    /// never stored (an unresolved pronoun becomes `article`).
    case pronoun

    public var description: String { rawValue }
}
