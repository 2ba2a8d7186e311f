/// Where a time expression lies relative to the text's moment. The raw values are the stable codes of JSON
/// (`docs/LANGUAGE.md`, times).
public enum TimeDirection: String, Codable, Sendable, Hashable, CaseIterable, CustomStringConvertible {
    case past
    /// The time of writing ("now").
    case present
    case future
    /// A limit something must happen by ("by August 31", "by the end of the year").
    case deadline

    public var description: String { rawValue }
}
