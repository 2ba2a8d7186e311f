/// The formats every listing can print.
public enum OutputFormat: String, CaseIterable, Sendable {
    /// Aligned columns for people.
    case table
    /// One JSON array (pretty-printed).
    case json
    /// One JSON object per line (for jq and streaming).
    case jsonl
    /// RFC 4180 CSV with a header row (for pandas and spreadsheets).
    case csv
}

/// A named column of a listing and how to render one row's cell as text.
public struct Column<Row>: Sendable {
    public let name: String
    /// Table cells longer than this are cut with an ellipsis (CSV and JSON are never cut).
    public let maxWidth: Int
    public let value: @Sendable (Row) -> String

    public init(_ name: String, maxWidth: Int = 60, _ value: @escaping @Sendable (Row) -> String) {
        self.name = name
        self.maxWidth = maxWidth
        self.value = value
    }
}
