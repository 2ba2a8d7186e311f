/// What a time value was read from. The raw values are the stable codes of JSON (`docs/LANGUAGE.md`, times).
public enum TimeReference: String, Codable, Sendable, Hashable, CaseIterable, CustomStringConvertible {
    /// The text names the date ("July 5, 2021").
    case absolute
    /// Resolved against the anchor, the publication date ("on Monday", "last week").
    case relative
    /// No time in the text: the event takes its article's publication day.
    case publication

    public var description: String { rawValue }
}
