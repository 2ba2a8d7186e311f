/// How much time a time expression spans. The raw values are the stable codes of JSON and CSV (`time_precision`;
/// `docs/LANGUAGE.md`, times).
public enum TimeGranularity: String, Codable, Sendable, Hashable, CaseIterable, CustomStringConvertible {
    /// "July 5", "yesterday", "three days ago".
    case day
    /// "tonight", "last night": the night that ends on the day.
    case night
    /// "last week".
    case week
    /// "this weekend".
    case weekend
    /// "July", "next month".
    case month
    /// "2021", "last year".
    case year
    /// "early July", "mid-July", "the end of July".
    case partOfMonth = "part-of-month"
    /// "earlier this week" (up to the publication day), "later this week" (from it).
    case partOfWeek = "part-of-week"
    case partOfWeekend = "part-of-weekend"
    /// "earlier this year", "later this year".
    case partOfYear = "part-of-year"
    /// "now", "at present": the time of writing, not a calendar period.
    case time

    /// The part of this period before or after a day ("earlier this month"), when there is one.
    public var part: TimeGranularity? {
        switch self {
        case .week: .partOfWeek
        case .weekend: .partOfWeekend
        case .month: .partOfMonth
        case .year: .partOfYear
        default: nil
        }
    }

    public var description: String { rawValue }
}
