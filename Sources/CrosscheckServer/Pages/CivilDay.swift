/// A calendar day as a day number (days since 1970-01-01, proleptic Gregorian), for placing dates on an axis.
struct CivilDay: Hashable, Comparable, Sendable {
    let number: Int

    /// "2021-07-05", "2021-07" (its first day) or "2021" (January 1st); nil for anything else or a year 0000.
    init?(iso text: String) {
        let parts = text.prefix(10).split(separator: "-")
        guard let y = parts.first.flatMap({ Int($0) }), y > 0, parts[0].count == 4 else { return nil }
        let m = parts.count > 1 ? Int(parts[1]) ?? 0 : 1, d = parts.count > 2 ? Int(parts[2]) ?? 0 : 1
        guard (1...12).contains(m), (1...31).contains(d) else { return nil }
        self.number = Self.days(y, m, d)
    }

    init(number: Int) { self.number = number }

    /// Days from 1970-01-01 to y-m-d (Howard Hinnant's civil-days algorithm).
    static func days(_ y: Int, _ m: Int, _ d: Int) -> Int {
        let yy = m <= 2 ? y - 1 : y
        let era = (yy >= 0 ? yy : yy - 399) / 400
        let yoe = yy - era * 400
        let doy = (153 * (m + (m > 2 ? -3 : 9)) + 2) / 5 + d - 1
        let doe = yoe * 365 + yoe / 4 - yoe / 100 + doy
        return era * 146_097 + doe - 719_468
    }

    /// (year, month, day) of this day.
    var date: (year: Int, month: Int, day: Int) {
        let z = number + 719_468
        let era = (z >= 0 ? z : z - 146_096) / 146_097
        let doe = z - era * 146_097
        let yoe = (doe - doe / 1460 + doe / 36_524 - doe / 146_096) / 365
        let doy = doe - (365 * yoe + yoe / 4 - yoe / 100)
        let mp = (5 * doy + 2) / 153
        let d = doy - (153 * mp + 2) / 5 + 1
        let m = mp < 10 ? mp + 3 : mp - 9
        return (yoe + era * 400 + (m <= 2 ? 1 : 0), m, d)
    }

    static func < (a: CivilDay, b: CivilDay) -> Bool { a.number < b.number }
}
