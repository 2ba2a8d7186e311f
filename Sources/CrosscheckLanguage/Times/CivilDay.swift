import CrosscheckCore

/// A calendar day as days since 1970-01-01 (proleptic Gregorian), with the arithmetic the time
/// resolver needs. Civil-from-days after Howard Hinnant's public-domain algorithms.
public struct CivilDay: Sendable, Hashable, Comparable {
    public var days: Int

    public init(days: Int) { self.days = days }

    public init?(year: Int, month: Int, day: Int) {
        guard (1...12).contains(month), day >= 1, day <= CivilDay.length(year: year, month: month) else { return nil }
        days = CivilCalendar.days(year: year, month: month, day: day)
    }

    public var civil: (year: Int, month: Int, day: Int) {
        let z = days + 719_468
        let era = (z >= 0 ? z : z - 146_096) / 146_097
        let doe = z - era * 146_097
        let yoe = (doe - doe / 1460 + doe / 36524 - doe / 146_096) / 365
        let doy = doe - (365 * yoe + yoe / 4 - yoe / 100)
        let mp = (5 * doy + 2) / 153
        let d = doy - (153 * mp + 2) / 5 + 1
        let m = mp < 10 ? mp + 3 : mp - 9
        return (yoe + era * 400 + (m <= 2 ? 1 : 0), m, d)
    }

    /// 0 = Sunday … 6 = Saturday.
    public var weekday: Int { ((days % 7) + 11) % 7 }
    /// Monday of this day's week.
    public var monday: CivilDay { CivilDay(days: days - (weekday + 6) % 7) }

    public static func length(year: Int, month: Int) -> Int {
        switch month {
        case 2: (year % 4 == 0 && year % 100 != 0) || year % 400 == 0 ? 29 : 28
        case 4, 6, 9, 11: 30
        default: 31
        }
    }

    public static func + (d: CivilDay, n: Int) -> CivilDay { CivilDay(days: d.days + n) }
    public static func - (d: CivilDay, n: Int) -> CivilDay { CivilDay(days: d.days - n) }
    public static func < (a: CivilDay, b: CivilDay) -> Bool { a.days < b.days }

    /// `2021-07-05`.
    public var iso: String {
        let c = civil
        return Self.pad(c.year, 4) + "-" + Self.pad(c.month, 2) + "-" + Self.pad(c.day, 2)
    }

    /// ISO week: `2021-W27`.
    public var isoWeek: String {
        let thursday = monday + 3
        let year = thursday.civil.year
        let firstThursday = CivilDay(year: year, month: 1, day: 4)!.monday + 3
        return Self.pad(year, 4) + "-W" + Self.pad((thursday.days - firstThursday.days) / 7 + 1, 2)
    }

    static func pad(_ n: Int, _ width: Int) -> String {
        let s = String(n)
        return s.count >= width ? s : String(repeating: "0", count: width - s.count) + s
    }

    /// Parses `YYYY-MM-DD` (a longer ISO timestamp is cut to its day).
    public init?(iso: String) {
        let parts = iso.prefix(10).split(separator: "-")
        guard parts.count == 3, let y = Int(parts[0]), let m = Int(parts[1]), let d = Int(parts[2]) else { return nil }
        self.init(year: y, month: m, day: d)
    }
}
