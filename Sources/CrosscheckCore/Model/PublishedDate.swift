import Foundation

/// How precisely a date is known. A date read as "July 2021" is not claimed to be a day.
public enum DatePrecision: String, Codable, Sendable, Comparable, CaseIterable {
    case year, month, day, minute, second

    private var rank: Int {
        switch self {
        case .year: 0
        case .month: 1
        case .day: 2
        case .minute: 3
        case .second: 4
        }
    }

    public static func < (lhs: DatePrecision, rhs: DatePrecision) -> Bool { lhs.rank < rhs.rank }
}

/// A publication (or update) date with its precision and the evidence it was read from.
public struct PublishedDate: Hashable, Codable, Sendable {
    /// ISO 8601, truncated to the precision: `2021`, `2021-07`, `2021-07-06`, `2021-07-06T12:36Z`,
    /// or with seconds and offset when known.
    public var value: String
    /// How much of `value` is known.
    public var precision: DatePrecision
    /// Where it was read: `json:published`, `html:meta[article:published_time]`, `text:metadata-line`…
    public var from: String

    public init(value: String, precision: DatePrecision, from: String) {
        self.value = value
        self.precision = precision
        self.from = from
    }

    /// The year, month and day parts that `value` states (month and day are 1 when unknown).
    public var components: (year: Int, month: Int, day: Int)? {
        let parts = value.prefix(10).split(separator: "-").compactMap { Int($0) }
        guard let year = parts.first else { return nil }
        return (year, parts.count > 1 ? parts[1] : 1, parts.count > 2 ? parts[2] : 1)
    }

    /// The day it names (`YYYY-MM-DD`), or less when the precision is coarser.
    public var dayString: String { String(value.prefix(precision >= .day ? 10 : (precision == .month ? 7 : 4))) }
}
