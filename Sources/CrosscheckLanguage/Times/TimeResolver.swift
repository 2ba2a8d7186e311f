import Foundation
import CrosscheckCore

/// Finds time expressions and resolves them against the publication date.
///
/// Absolute dates ("July 5", "6 July 2021", "2021-07-05", "05.07.2021", "July 2021", "in 2021"),
/// weekdays ("Sunday", "on Monday", "last Friday"), relative expressions ("yesterday",
/// "overnight", "last week", "earlier this month", "next year", "three days ago"), parts of months
/// ("early July", "mid-July", "by the beginning of September", "the end of August") and clock
/// times ("7 a.m.", "12:36 pm"). A month or weekday must be capitalised, so "may", "march" and
/// "sun" are verbs and nouns; "May" and "March" alone need a cue ("in May", "May 5"). Durations
/// ("20 years of war", "two days after") are left to quantities.
///
/// Direction comes from the sentence: future cues ("will", "next", "plans to", "would", "is due
/// to") make a bare weekday or month the next one, "by" makes a deadline; otherwise news reports
/// the past, so "Sunday" is the last Sunday on or before the publication day.
struct TimeResolver {
    let lexicon: Lexicon

    static let months: [UInt64: Int] = {
        var table: [UInt64: Int] = [:]
        let names = ["january", "february", "march", "april", "may", "june", "july", "august", "september", "october",
                     "november", "december"]
        for (k, name) in names.enumerated() {
            table[Tokenizer.hash(name)] = k + 1
            table[Tokenizer.hash(String(name.prefix(3)))] = k + 1
        }
        table[Tokenizer.hash("sept")] = 9
        return table
    }()
    /// Month words that are also common words or names: they need a cue or a number.
    static let ambiguousMonths: HashedKeySet = HashedKeySet(["may", "march", "june", "august", "jan", "mar", "apr", "jun", "aug",
                                                   "sep", "oct", "nov", "dec", "feb", "jul", "sept"].map(Tokenizer.hash))
    static let weekdays: [UInt64: Int] = {
        var table: [UInt64: Int] = [:]
        for (k, name) in ["sunday", "monday", "tuesday", "wednesday", "thursday", "friday", "saturday"].enumerated() {
            table[Tokenizer.hash(name)] = k
        }
        return table
    }()
    static let monthCues: HashedKeySet = HashedKeySet(["in", "since", "by", "until", "till", "through", "from", "during", "of",
                                             "early", "mid", "late", "last", "next", "this", "before", "after", "on",
                                             "end", "beginning", "start", "middle", "throughout", "between", "and", "to"].map(Tokenizer.hash))
    static let yearCues: HashedKeySet = HashedKeySet(["in", "since", "by", "until", "till", "through", "from", "during", "of",
                                            "before", "after", "early", "mid", "late", "between", "and", "to", "around"].map(Tokenizer.hash))
    static let futureCues: HashedKeySet = HashedKeySet(["will", "'ll", "shall", "would", "plans", "plan", "planned", "planning",
                                              "scheduled", "expected", "upcoming", "due", "intends", "aims", "going",
                                              "to-be", "wo", "soon", "may", "might", "intend", "intend", "expect", "expects", "set"].map(Tokenizer.hash))

    static let h = Tokenizer.hash
    static let the = h("the"), of = h("of"), on = h("on"), by = h("by"), last = h("last"), next = h("next")
    static let this = h("this"), early = h("early"), mid = h("mid"), late = h("late"), earlier = h("earlier")
    static let later = h("later"), end = h("end"), beginning = h("beginning"), start = h("start"), middle = h("middle")
    static let week = h("week"), month = h("month"), year = h("year"), weekend = h("weekend"), ago = h("ago")
    static let today = h("today"), yesterday = h("yesterday"), tomorrow = h("tomorrow"), tonight = h("tonight")
    static let overnight = h("overnight"), night = h("night"), morning = h("morning"), evening = h("evening")
    static let afternoon = h("afternoon"), hyphen = h("-"), comma = h(","), past = h("past"), previous = h("previous")
    static let am = h("a.m."), pm = h("p.m."), amPlain = h("am"), pmPlain = h("pm"), days = h("days"), day = h("day")
    static let weeks = h("weeks"), months_ = h("months"), years = h("years"), in_ = h("in"), at = h("at"), first = h("first")
    static let dot = h(".")

    /// Without a publication date, dates without a year are computed in this year and printed as
    /// `XXXX-07-05`; relative expressions are found (so they are not read as quantities or names)
    /// but stay unresolved.
    static let floatingYear = 4
    static let floating = CivilDay(year: 4, month: 6, day: 15)!

    struct Found {
        var a: Int, b: Int
        var startDay: CivilDay, endDay: CivilDay
        var granularity: TimeGranularity
        var relative: Bool
    }

    func resolve(_ view: inout TextView, published: CivilDay?) -> [Mention] {
        var mentions: [Mention] = []
        let tokens = view.tokens
        var i = 0
        var futureSentence = -1, futureFlag = false
        while i < view.count {
            let t = tokens[i]
            guard t.kind != .punctuation, !view.claimed[i] else { i += 1; continue }
            let s = Int(view.sentenceOf[i])
            if s != futureSentence {
                futureSentence = s
                futureFlag = view.sentences[s].tokens.contains { Self.futureCues.contains(tokens[$0].hash) }
            }
            if futureFlag { futureFlag = nearestTense(view, i) }
            // "by August 31": a deadline lies ahead unless the sentence clearly speaks of the past.
            if !futureFlag, i > 0, view.hash(i - 1) == Self.by || (i > 1 && view.hash(i - 2) == Self.by && view.hash(i - 1) == Self.the) {
                futureFlag = view.sentences[s].tokens.contains { Self.futureCues.contains(tokens[$0].hash) }
            }
            if let found = match(view, at: i, published: published, future: futureFlag) {
                // "by August 31", "by the end of the year": a deadline.
                var direction: TimeDirection = found.relative || found.granularity != .time ? (futureFlag ? .future : .past) : .present
                let a = found.a
                if a > 0, view.hash(a - 1) == Self.by || (a > 1 && view.hash(a - 1) == Self.the && view.hash(a - 2) == Self.by) {
                    direction = .deadline
                }
                if let p = published, found.granularity != .time {
                    if found.startDay > p && !futureFlag && direction != .deadline && !found.relative { direction = .future }
                    if found.endDay < p && direction == .future { direction = .past }
                }
                if found.granularity == .time { direction = .present }
                var value: String
                switch found.granularity {
                case .day, .night: value = found.startDay.iso
                case .week: value = found.startDay.isoWeek
                case .month: value = String(found.startDay.iso.prefix(7))
                case .year: value = String(found.startDay.iso.prefix(4))
                case .time: value = view.string(found.a, found.b)
                default: value = found.startDay.iso + "/" + found.endDay.iso
                }
                let text = view.string(found.a, found.b)
                var (startISO, endISO) = (found.startDay.iso, found.endDay.iso)
                if published == nil && found.relative {
                    let floatingDate = found.startDay.civil.year == Self.floatingYear && found.endDay.civil.year == Self.floatingYear
                    let calendar = floatingDate && (found.granularity == .day || found.granularity == .month || found.granularity == .partOfMonth)
                        && !(Self.weekdays[view.hash(found.a)] != nil || Self.weekdays[view.hash(found.a + 1)] != nil)
                        // Only a month written out ("July 5", "early July") floats; "last month" needs the publication date.
                        && (found.a..<found.b).contains { Self.months[view.hash($0)] != nil }
                    value = calendar ? "XXXX" + value.dropFirst(4).replacingOccurrences(of: "/0004", with: "/XXXX") : "unresolved"
                    startISO = calendar ? "XXXX" + startISO.dropFirst(4) : ""
                    endISO = calendar ? "XXXX" + endISO.dropFirst(4) : ""
                }
                if found.granularity == .time { (startISO, endISO) = published.map { ($0.iso, $0.iso) } ?? ("", "") }
                let time = TimeValue(value: value, start: startISO, end: endISO,
                                     granularity: found.granularity, direction: direction,
                                     reference: found.relative ? .relative : .absolute, anchor: published?.iso)
                mentions.append(Mention(start: Int(tokens[found.a].start), end: Int(tokens[found.b - 1].end), text: text,
                                        kind: .time, value: value, time: time))
                view.claim(found.a, found.b)
                i = found.b
                continue
            }
            i += 1
        }
        return mentions
    }

    /// Chooses the year of a month-day without one: the publication year, moved back a year when that
    /// puts a past event after publication, forward when it puts a future one long before it.
    func year(month: Int, day: Int?, published: CivilDay?, future: Bool) -> Int? {
        guard let p = published else { return Self.floatingYear }
        let y = p.civil.year
        guard let candidate = CivilDay(year: y, month: month, day: day ?? 1) else { return y }
        let monthsAhead = (month - p.civil.month + 12) % 12
        if !future, candidate.days > p.days + 2, monthsAhead > 0 { return y - 1 }
        if future, candidate.days + (day == nil ? 31 : 0) < p.days - 31 { return y + 1 }
        return y
    }

    func isMonth(_ view: TextView, _ i: Int) -> Int? {
        guard i >= 0, i < view.count, view.tokens[i].has(.capitalized), view.tokens[i].kind == .word,
              let m = Self.months[view.tokens[i].hash] else { return nil }
        return m
    }

    func match(_ view: TextView, at i: Int, published: CivilDay?, future: Bool) -> Found? {
        let t = view.tokens[i]
        let hash = t.hash
        // ISO date 2021-07-05 and dotted/slashed dates.
        if t.kind == .number {
            if let y = view.integer(i), y >= 1900, y <= 2100, t.length == 4,
               view.hash(i + 1) == Self.hyphen, view.glued(i + 1), view.glued(i + 2), let m = view.integer(i + 2),
               view.hash(i + 3) == Self.hyphen, view.glued(i + 3), view.glued(i + 4), let d = view.integer(i + 4),
               let day = CivilDay(year: y, month: m, day: d) {
                return Found(a: i, b: i + 5, startDay: day, endDay: day, granularity: .day, relative: false)
            }
            if let day = separatedDate(view.string(i)) {
                return Found(a: i, b: i + 1, startDay: day, endDay: day, granularity: .day, relative: false)
            }
            // "5 July 2021", "5th of July"
            if let d = view.integer(i), d >= 1, d <= 31, t.length <= 4 {
                var k = i + 1
                if view.hash(k) == Self.of { k += 1 }
                if let m = isMonth(view, k) {
                    var b = k + 1
                    if view.hash(b) == Self.dot, view.glued(b) { b += 1 }
                    var y: Int? = nil
                    if let yy = view.integer(b), yy >= 1900, yy <= 2100, view.tokens[b].length == 4 { y = yy; b += 1 }
                    if let year = y ?? year(month: m, day: d, published: published, future: future),
                       let day = CivilDay(year: year, month: m, day: d) {
                        return Found(a: i, b: b, startDay: day, endDay: day, granularity: .day, relative: y == nil)
                    }
                }
            }
            // A year after a cue: "in 2021", "since 2001".
            if let y = view.integer(i), t.length == 4, y >= 1900, y <= 2100, !t.has(.letters),
               i > 0, Self.yearCues.contains(view.hash(i - 1)) || isMonthWord(view, i - 1),
               !(view.hash(i + 1) == Self.hyphen && view.glued(i + 1)) {
                let s = CivilDay(year: y, month: 1, day: 1)!, e = CivilDay(year: y, month: 12, day: 31)!
                return Found(a: i, b: i + 1, startDay: s, endDay: e, granularity: .year, relative: false)
            }
            // Clock time: "7 a.m.", "12:36 pm", "10:30".
            let str = view.string(i)
            if str.contains(":"), !str.contains("/"), str.split(separator: ":").count == 2,
               let hh = Int(str.split(separator: ":")[0]), hh < 24 {
                var b = i + 1
                if view.hash(b) == Self.am || view.hash(b) == Self.pm || view.hash(b) == Self.amPlain || view.hash(b) == Self.pmPlain { b += 1 }
                let p = published ?? CivilDay(days: 0)
                return Found(a: i, b: b, startDay: p, endDay: p, granularity: .time, relative: true)
            }
            if let hh = view.integer(i), hh >= 1, hh <= 12, t.length <= 2,
               view.hash(i + 1) == Self.am || view.hash(i + 1) == Self.pm || (view.glued(i + 1) && (view.hash(i + 1) == Self.amPlain || view.hash(i + 1) == Self.pmPlain)) {
                let p = published ?? CivilDay(days: 0)
                return Found(a: i, b: i + 2, startDay: p, endDay: p, granularity: .time, relative: true)
            }
            return nil
        }
        guard t.kind == .word else { return nil }

        // Month-led: "July 5", "July 5, 2021", "July 2021", "July".
        if let m = isMonth(view, i) {
            var b = i + 1
            if view.hash(b) == Self.dot, view.glued(b) { b += 1 }
            if let d = view.integer(b), d >= 1, d <= 31, view.tokens[b].length <= 4, view.tokens[b].kind == .number {
                var e = b + 1
                var y: Int? = nil
                var k = e
                if view.hash(k) == Self.comma { k += 1 }
                if let yy = view.integer(k), yy >= 1900, yy <= 2100, view.tokens[k].length == 4 { y = yy; e = k + 1 }
                if let year = y ?? year(month: m, day: d, published: published, future: future),
                   let day = CivilDay(year: year, month: m, day: d) {
                    return Found(a: i, b: e, startDay: day, endDay: day, granularity: .day, relative: y == nil)
                }
            }
            if let yy = view.integer(b), yy >= 1900, yy <= 2100, view.tokens[b].length == 4 {
                let s = CivilDay(year: yy, month: m, day: 1)!
                return Found(a: i, b: b + 1, startDay: s, endDay: s + (CivilDay.length(year: yy, month: m) - 1),
                             granularity: .month, relative: false)
            }
            // A bare month needs a cue when the word has another reading.
            let cued = i > 0 && Self.monthCues.contains(view.hash(i - 1))
            guard cued || !Self.ambiguousMonths.contains(hash), !(i > 0 && view.tokens[i - 1].has(.capitalized) && !cued && view.tokens[i - 1].kind == .word && !view.glued(i)) else { return nil }
            guard let yr = year(month: m, day: nil, published: published, future: future) else { return nil }
            var s = CivilDay(year: yr, month: m, day: 1)!
            var e = s + (CivilDay.length(year: yr, month: m) - 1)
            var a = i
            var granularity = TimeGranularity.month
            // "early July", "mid-July", "late July", "the beginning/end/middle of July".
            if i > 0 {
                let before = view.hash(i - 1)
                if before == Self.early { a = i - 1; e = s + 9; granularity = .partOfMonth }
                else if before == Self.late { a = i - 1; s = s + 20; granularity = .partOfMonth }
                else if before == Self.hyphen, view.glued(i), view.hash(i - 2) == Self.mid { a = i - 2; s = s + 10; e = s + 9; granularity = .partOfMonth }
                else if before == Self.mid { a = i - 1; s = s + 10; e = s + 9; granularity = .partOfMonth }
                else if before == Self.of, i > 1 {
                    let what = view.hash(i - 2)
                    let theBefore = i > 2 && view.hash(i - 3) == Self.the ? 1 : 0
                    if what == Self.beginning || what == Self.start { a = i - 2 - theBefore; e = s + 9; granularity = .partOfMonth }
                    else if what == Self.end { a = i - 2 - theBefore; s = s + 20; granularity = .partOfMonth }
                    else if what == Self.middle { a = i - 2 - theBefore; s = s + 10; e = s + 9; granularity = .partOfMonth }
                }
            }
            if !view.free(a, i) { a = i }
            return Found(a: a, b: i + 1, startDay: s, endDay: e, granularity: granularity, relative: true)
        }

        // Weekdays: "Sunday", "on Monday", "last Friday", "next Tuesday".
        if t.has(.capitalized), let w = Self.weekdays[hash] {
            let p = published ?? Self.floating
            var a = i
            var forward = future
            var strict = false
            if i > 0 {
                let before = view.hash(i - 1)
                if before == Self.last { a = i - 1; forward = false; strict = true }
                else if before == Self.next { a = i - 1; forward = true; strict = true }
                else if before == Self.this { a = i - 1 }
            }
            let offset = forward ? (w - p.weekday + 7) % 7 : (p.weekday - w + 7) % 7
            let delta = offset == 0 && (strict || forward) ? 7 : offset
            let day = forward ? p + delta : p - delta
            var b = i + 1
            var granularity = TimeGranularity.day
            let after = view.hash(b)
            if after == Self.night || after == Self.morning || after == Self.evening || after == Self.afternoon {
                b += 1
                if after == Self.night { granularity = .night }
            }
            return Found(a: a, b: b, startDay: day, endDay: day, granularity: granularity, relative: true)
        }

        let p = published ?? Self.floating
        // Deictic days.
        if hash == Self.today { return Found(a: i, b: i + 1, startDay: p, endDay: p, granularity: .day, relative: true) }
        if hash == Self.yesterday { return Found(a: i, b: i + 1, startDay: p - 1, endDay: p - 1, granularity: .day, relative: true) }
        if hash == Self.tomorrow { return Found(a: i, b: i + 1, startDay: p + 1, endDay: p + 1, granularity: .day, relative: true) }
        if hash == Self.tonight { return Found(a: i, b: i + 1, startDay: p, endDay: p, granularity: .night, relative: true) }
        if hash == Self.overnight {
            return Found(a: i, b: i + 1, startDay: p - 1, endDay: p, granularity: .night, relative: true)
        }
        if hash == Self.last, view.hash(i + 1) == Self.night {
            return Found(a: i, b: i + 2, startDay: p - 1, endDay: p, granularity: .night, relative: true)
        }
        // "last/this/next week|month|year", "earlier/later this week|month|year".
        var k = i
        var shift = 0
        var part = 0 // -1 earlier (start…publication), +1 later (publication…end)
        if hash == Self.earlier || hash == Self.later {
            guard view.hash(i + 1) == Self.this else { return nil }
            part = hash == Self.earlier ? -1 : 1
            k = i + 2
        } else if hash == Self.last || hash == Self.previous || hash == Self.past {
            shift = -1; k = i + 1
        } else if hash == Self.next { shift = 1; k = i + 1 }
        else if hash == Self.this { k = i + 1 }
        else if let n = view.integer(i - 0) ?? numberWord(hash), view.hash(i + 2) == Self.ago, i + 1 < view.count {
            // "three days ago", "two weeks ago"
            let unit = view.hash(i + 1)
            if unit == Self.days || unit == Self.day { let d = p - n; return Found(a: i, b: i + 3, startDay: d, endDay: d, granularity: .day, relative: true) }
            if unit == Self.weeks || unit == Self.week { let d = (p - 7 * n).monday; return Found(a: i, b: i + 3, startDay: d, endDay: d + 6, granularity: .week, relative: true) }
            if unit == Self.months_ || unit == Self.month {
                let c = p.civil
                let total = c.year * 12 + (c.month - 1) - n
                let s = CivilDay(year: total / 12, month: total % 12 + 1, day: 1)!
                return Found(a: i, b: i + 3, startDay: s, endDay: s + (CivilDay.length(year: total / 12, month: total % 12 + 1) - 1), granularity: .month, relative: true)
            }
            if unit == Self.years || unit == Self.year {
                let y = p.civil.year - n
                return Found(a: i, b: i + 3, startDay: CivilDay(year: y, month: 1, day: 1)!, endDay: CivilDay(year: y, month: 12, day: 31)!, granularity: .year, relative: true)
            }
            return nil
        } else { return nil }
        guard k < view.count else { return nil }
        let unit = view.hash(k)
        // "the past week" is a duration, not a calendar week; so is "the last 24 hours".
        if (hash == Self.past || hash == Self.previous || hash == Self.last) && i > 0 && view.hash(i - 1) == Self.the { return nil }
        var s: CivilDay, e: CivilDay, granularity: TimeGranularity
        if unit == Self.week {
            s = p.monday + 7 * shift; e = s + 6; granularity = .week
        } else if unit == Self.weekend {
            let saturday = p.monday + 5 + 7 * (shift < 0 && p.weekday != 0 && p.weekday != 6 ? -1 : shift)
            s = saturday; e = saturday + 1; granularity = .weekend
        } else if unit == Self.month {
            let c = p.civil
            let total = c.year * 12 + (c.month - 1) + shift
            let y = total / 12, m = total % 12 + 1
            s = CivilDay(year: y, month: m, day: 1)!; e = s + (CivilDay.length(year: y, month: m) - 1); granularity = .month
        } else if unit == Self.year {
            let y = p.civil.year + shift
            s = CivilDay(year: y, month: 1, day: 1)!; e = CivilDay(year: y, month: 12, day: 31)!; granularity = .year
        } else { return nil }
        if part != 0, let partial = granularity.part { granularity = partial }
        if part < 0 { e = p }
        if part > 0 { s = p }
        return Found(a: i, b: k + 1, startDay: s, endDay: e, granularity: granularity, relative: true)
    }

    func isMonthWord(_ view: TextView, _ i: Int) -> Bool { isMonth(view, i) != nil }

    static let passiveAuxiliaries: HashedKeySet = HashedKeySet(["be", "been", "being"].map(h))
    static let pastForms: HashedKeySet = HashedKeySet(["was", "were", "had", "did", "said", "told", "fled", "met", "spoke", "took", "sent",
        "left", "began", "came", "made", "went", "held", "gave", "saw", "won", "lost", "fell", "ran", "struck", "hit", "shot",
        "fought", "brought", "bought", "sold", "led", "got", "became", "drew", "flew", "knew", "rose", "broke", "chose", "wrote",
        "since", "ago", "earlier", "previously", "last"].map(h))

    /// Whether the verb nearest to token `i` in its sentence speaks of the future ("will", "plans
    /// to") rather than the past ("announced", "fled"): "Biden in April announced troops would
    /// withdraw" is a past April.
    func nearestTense(_ view: TextView, _ i: Int) -> Bool {
        let range = view.sentence(i)
        var d = 1
        while i - d >= range.lowerBound || i + d < range.upperBound {
            for k in [i - d, i + d] where k >= range.lowerBound && k < range.upperBound && !view.claimed[k] {
                let t = view.tokens[k]
                guard t.kind == .word else { continue }
                if Self.futureCues.contains(t.hash) { return true }
                if Self.pastForms.contains(t.hash) { return false }
                if t.has(.lowerInitial), t.length > 4 {
                    let e = Int(t.end)
                    // "announced" is past; "will be completed" is a passive whose tense is the auxiliary's.
                    if view.bytes[e - 2] == 0x65 && view.bytes[e - 1] == 0x64 && !Self.passiveAuxiliaries.contains(view.hash(k - 1)) {
                        return false
                    }
                }
            }
            d += 1
        }
        return true
    }

    static let numberWords: HashedKeyMap<Int> = {
        var t = HashedKeyMap<Int>()
        for (k, w) in ["one", "two", "three", "four", "five", "six", "seven", "eight", "nine", "ten", "eleven", "twelve"].enumerated() {
            t[Tokenizer.hash(w)] = k + 1
        }
        t[Tokenizer.hash("a")] = 1
        return t
    }()
    func numberWord(_ hash: UInt64) -> Int? { Self.numberWords[hash] }

    /// "05.07.2021" (day first), "07/05/2021" (month first unless the first part exceeds 12).
    func separatedDate(_ s: String) -> CivilDay? {
        let dotted = s.contains(".")
        let parts = s.split(whereSeparator: { $0 == "." || $0 == "/" }).compactMap { Int($0) }
        guard parts.count == 3, s.split(whereSeparator: { $0 == "." || $0 == "/" }).count == 3 else { return nil }
        var y = parts[2]
        if y < 100 { y += 2000 }
        guard y >= 1900, y <= 2100 else { return nil }
        if parts[0] > 31 { return CivilDay(year: parts[0], month: parts[1], day: parts[2]) }
        if dotted || parts[0] > 12 { return CivilDay(year: y, month: parts[1], day: parts[0]) }
        return CivilDay(year: y, month: parts[0], day: parts[1])
    }
}
