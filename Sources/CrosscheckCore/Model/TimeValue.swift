/// A time expression resolved against the article's publication date.
public struct TimeValue: Codable, Sendable, Hashable {
    /// Normalised value: `2021-07-05` (day), `2021-W27` (week), `2021-07` (month), `2021` (year),
    /// `2021-07-01/2021-07-10` (part of a month or any other interval).
    public var value: String
    /// First and last day the expression allows (ISO dates).
    public var start: String
    public var end: String
    public var granularity: TimeGranularity
    public var direction: TimeDirection
    public var reference: TimeReference
    /// The date relative expressions were resolved against (the publication date).
    public var anchor: String?

    public init(value: String, start: String, end: String, granularity: TimeGranularity, direction: TimeDirection,
                reference: TimeReference, anchor: String?) {
        self.value = value
        self.start = start
        self.end = end
        self.granularity = granularity
        self.direction = direction
        self.reference = reference
        self.anchor = anchor
    }
}
