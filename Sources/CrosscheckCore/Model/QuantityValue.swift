/// A number read from text with what it counts and how exact it is.
public struct QuantityValue: Codable, Sendable, Hashable {
    /// The value as written (the lower end of a range; the midpoint of nothing).
    public var value: Double
    /// The range the text allows: "more than 1,000" → 1000…nil; "up to 50" → nil…50; "about 100" → 90…110.
    public var low: Double?
    public var high: Double?
    public var bound: QuantityBound
    /// The qualifier as written ("more than").
    public var qualifier: String?
    /// Unit when there is one: "%", "km", "USD", "year"…
    public var unit: String?
    /// The counted noun: "reservists", "border", "troops".
    public var noun: String?

    public init(value: Double, low: Double?, high: Double?, bound: QuantityBound, qualifier: String? = nil,
                unit: String? = nil, noun: String? = nil) {
        self.value = value
        self.low = low
        self.high = high
        self.bound = bound
        self.qualifier = qualifier
        self.unit = unit
        self.noun = noun
    }
}
