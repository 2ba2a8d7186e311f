import CrosscheckCore

/// Reads the date formats that publishers put in metadata and bylines: ISO 8601, RFC 2822,
/// "6 July 2021", "July 6, 2021", "Tuesday, July 6, 2021", "06.07.2021", "July 2021".
///
/// Works on the string's UTF-8 words, no `Regex` (slow) and no locale-dependent `DateFormatter`.
public enum DateParser {
    /// Month names (lowercased, several languages, with common abbreviations) to month numbers.
    static let months: [String: Int] = {
        var table: [String: Int] = [:]
        let names: [[String]] = [
            ["january", "jan", "januar", "janvier", "enero", "gennaio", "jänner", "janeiro", "января", "январь", "січня", "styczeń", "stycznia"],
            ["february", "feb", "februar", "février", "fevrier", "febrero", "febbraio", "fevereiro", "февраля", "февраль", "лютого", "luty", "lutego"],
            ["march", "mar", "märz", "maerz", "mars", "marzo", "março", "марта", "март", "березня", "marca"],
            ["april", "apr", "avril", "abril", "aprile", "апреля", "апрель", "квітня", "kwietnia"],
            ["may", "mai", "mayo", "maggio", "maio", "мая", "травня", "maja"],
            ["june", "jun", "juni", "juin", "junio", "giugno", "junho", "июня", "июнь", "червня", "czerwca"],
            ["july", "jul", "juli", "juillet", "julio", "luglio", "julho", "июля", "июль", "липня", "lipca"],
            ["august", "aug", "août", "aout", "agosto", "августа", "август", "серпня", "sierpnia"],
            ["september", "sep", "sept", "septembre", "septiembre", "settembre", "setembro", "сентября", "сентябрь", "вересня", "września"],
            ["october", "oct", "oktober", "octobre", "octubre", "ottobre", "outubro", "okt", "октября", "октябрь", "жовтня", "października"],
            ["november", "nov", "novembre", "noviembre", "novembro", "ноября", "ноябрь", "листопада", "listopada"],
            ["december", "dec", "dezember", "décembre", "decembre", "diciembre", "dicembre", "dezembro", "dez", "декабря", "декабрь", "грудня", "grudnia"],
        ]
        for (i, group) in names.enumerated() {
            for name in group { table[name] = i + 1 }
        }
        // Abbreviations the three-letter prefix rule misses: non-ASCII or four-letter forms ("06. Mär. 2023",
        // "janv.", "juil.") and the Spanish and Italian short forms.
        let short: [String: Int] = ["mär": 3, "févr": 2, "fév": 2, "janv": 1, "avr": 4, "juil": 7, "déc": 12, "ene": 1, "abr": 4,
                                    "ago": 8, "dic": 12, "gen": 1, "mag": 5, "giu": 6, "lug": 7, "set": 9, "ott": 10]
        for (name, month) in short where table[name] == nil { table[name] = month }
        return table
    }()

    /// Earliest and latest years accepted as publication years.
    static let yearRange = 1990...2100

    /// Parses `string`; `from` is recorded as the evidence. `nil` when no date is recognised.
    /// `slashDayFirst`: read "02/10/2020" as 2 October (visible text of a page whose locale is not US English);
    /// machine-written fields keep the month first unless the day cannot be a month.
    public static func parse(_ string: String, from: String, slashDayFirst: Bool = false) -> PublishedDate? {
        // Every date this reads has a year, so two digits in a row: most strings tried (word starts of a
        // text) are rejected here without building tokens.
        guard hasTwoDigits(string) else { return nil }
        let trimmed = string.trimmingWhitespace(newlines: true)
        if let iso = parseISO(trimmed) { return PublishedDate(value: iso.0, precision: iso.1, from: from) }
        if let words = parseWords(trimmed, slashDayFirst: slashDayFirst) { return PublishedDate(value: words.0, precision: words.1, from: from) }
        return nil
    }

    @inline(__always)
    static func hasTwoDigits(_ string: String) -> Bool {
        var previous = false
        for b in string.utf8 {
            let digit = b >= 48 && b <= 57
            if digit && previous { return true }
            previous = digit
        }
        return false
    }

    /// Calls `body` with each byte offset of `bytes` (UTF-8) where a word starts, and whether it starts with a
    /// digit, until `body` returns false. Letters are ASCII letters and any non-ASCII scalar (Character
    /// properties cost more than the parses they guard); a digit right after a letter starts a word too:
    /// scrapers glue a byline to its date ("Karrasch3.11.2023").
    static func forEachWordStart(_ bytes: [UInt8], _ body: (_ offset: Int, _ isDigit: Bool) -> Bool) {
        var previousIsWordChar = false, previousIsLetter = false
        for (i, b) in bytes.enumerated() where b & 0xC0 != 0x80 {
            let isDigit = b >= 48 && b <= 57
            let isLetter = (b >= 65 && b <= 90) || (b >= 97 && b <= 122) || b >= 0xC0
            if isDigit || isLetter, !previousIsWordChar || (previousIsLetter && isDigit), !body(i, isDigit) { return }
            previousIsWordChar = isDigit || isLetter
            previousIsLetter = isLetter
        }
    }

    /// Finds a date inside a longer string ("Posted by Anna on 22 October 2019 at 10:15", "| 03.04.2020 |"):
    /// tries every position where a word starts, at most `maxEmbeddedStarts` of them; a 40-character
    /// window without two digits in a row is skipped unbuilt.
    public static func parseEmbedded(_ string: String, from: String, slashDayFirst: Bool = false) -> PublishedDate? {
        guard hasTwoDigits(string) else { return nil }
        if let whole = parse(string, from: from, slashDayFirst: slashDayFirst) { return whole }
        let bytes = Array(string.utf8)
        var starts = 0
        var found: PublishedDate?
        forEachWordStart(bytes) { i, _ in
            starts += 1
            var end = i, characters = 0
            while end < bytes.count, characters < 40 {
                end += 1
                while end < bytes.count, bytes[end] & 0xC0 == 0x80 { end += 1 }
                characters += 1
            }
            var twoDigits = false, previousDigit = false
            for k in i..<end {
                let digit = bytes[k] >= 48 && bytes[k] <= 57
                if digit && previousDigit { twoDigits = true; break }
                previousDigit = digit
            }
            if twoDigits, let date = parse(String(decoding: bytes[i..<end], as: UTF8.self), from: from, slashDayFirst: slashDayFirst),
               date.precision >= .day {
                found = date
                return false
            }
            return starts < maxEmbeddedStarts
        }
        return found
    }

    /// The month a word names ("July", "juil", "Mär"), or a four-letter-or-shorter form of one ("Sept").
    static func month(named word: String) -> Int? {
        months[word] ?? months[String(word.prefix(3))].flatMap { word.count <= 4 ? $0 : nil }
    }

    /// Every day-precise date written in `text` with its UTF-8 offset, in order (at most `limit`): dates are
    /// tried at word starts that are a number, a month or a weekday; a found date skips the next 8 bytes.
    public static func datesIn(_ text: String, limit: Int = .max, slashDayFirst: Bool = false) -> [(offset: Int, date: PublishedDate)] {
        var out: [(offset: Int, date: PublishedDate)] = []
        let bytes = Array(text.utf8)
        guard bytes.contains(where: { $0 >= 48 && $0 <= 57 }), limit > 0 else { return out }
        var skipUntil = 0
        forEachWordStart(bytes) { i, isDigit in
            guard i >= skipUntil else { return true }
            var cut = min(bytes.count, i + 40)
            while cut > i, cut < bytes.count, bytes[cut] & 0xC0 == 0x80 { cut -= 1 }
            let candidate = String(decoding: bytes[i..<cut], as: UTF8.self)
            // A date starts with its number, month or weekday, not with the words before it.
            let word = isDigit ? "" : candidate.prefix { $0.isLetter }.lowercased()
            let opens = isDigit || month(named: word) != nil || weekdayNames.contains(word) || weekdayNames.contains(String(word.prefix(3)))
            if opens, let date = parse(candidate, from: "", slashDayFirst: slashDayFirst), date.precision >= .day {
                out.append((i, date))
                skipUntil = i + 8
            }
            return out.count < limit
        }
        return out
    }

    /// The full dates (day, month, year) written in a text, as ISO days, except those ahead of the writer
    /// ("by September 11, 2021", "until …", "next …", "scheduled for …"). Only the words around a
    /// four-digit year are parsed, so a long text costs one byte scan.
    public static func datesWithYear(in text: String) -> [String] {
        let bytes = Array(text.utf8)
        var out: [String] = []
        var i = 0
        let n = bytes.count
        func isDigit(_ k: Int) -> Bool { k >= 0 && k < n && bytes[k] >= 48 && bytes[k] <= 57 }
        while i + 3 < n {
            // A year: 19xx or 20xx standing alone.
            guard (bytes[i] == 0x31 && bytes[i + 1] == 0x39) || (bytes[i] == 0x32 && bytes[i + 1] == 0x30),
                  isDigit(i + 2), isDigit(i + 3), !isDigit(i - 1), !isDigit(i + 4) else { i += 1; continue }
            let end = i + 4
            // Try the word starts of the 24 bytes before the year, nearest first window widest.
            var start = max(0, i - 24)
            while start < i, start > 0, bytes[start - 1] != 0x20, bytes[start - 1] != 0x0A { start += 1 }
            var found: String?
            var k = start
            while k < i {
                if k == 0 || bytes[k - 1] == 0x20 || bytes[k - 1] == 0x0A || bytes[k - 1] == 0x28 {
                    let candidate = String(decoding: bytes[k..<end], as: UTF8.self)
                    // The date starts with a number, a month or a weekday, not with the words before it.
                    let firstWord = candidate.prefix { $0.isLetter }.lowercased()
                    guard isDigit(k) || months[firstWord] != nil || weekdayNames.contains(firstWord) else { k += 1; continue }
                    if let date = parse(candidate, from: ""), date.precision >= .day {
                        let before = String(decoding: bytes[max(0, k - 24)..<k], as: UTF8.self).lowercased()
                        let lead = candidate.lowercased()
                        let ahead = ["by ", "until ", "till ", "before ", "next ", "scheduled for ", "deadline of ", "due on ", "expected on "]
                            .contains { before.hasSuffix($0) || before.hasSuffix($0 + "the ") || lead.hasPrefix($0) }
                        if !ahead { found = String(date.value.prefix(10)) }
                        break
                    }
                }
                k += 1
            }
            if let found { out.append(found) }
            i = end
        }
        return out
    }

    static let weekdayNames: Set<String> = ["monday", "tuesday", "wednesday", "thursday", "friday", "saturday", "sunday",
                                            "mon", "tue", "tues", "wed", "thu", "thurs", "fri", "sat", "sun"]

    /// Word starts tried by `parseEmbedded`.
    static let maxEmbeddedStarts = 40

    /// `2021-07-06`, `2021-07-06T12:36:00Z`, `2021-07-06 12:36:00+05:00`, `2021/07/06`, `20210706`.
    static func parseISO(_ s: String) -> (String, DatePrecision)? {
        let b = Array(s.utf8)
        func digits(_ at: Int, _ n: Int) -> Int? {
            guard at + n <= b.count else { return nil }
            var v = 0
            for i in at..<(at + n) {
                guard b[i] >= 48 && b[i] <= 57 else { return nil }
                v = v * 10 + Int(b[i] - 48)
            }
            return v
        }
        guard let year = digits(0, 4), yearRange.contains(year) else { return nil }
        var month: Int?
        var day: Int?
        var i = 4
        if b.count > 4, b[4] == UInt8(ascii: "-") || b[4] == UInt8(ascii: "/") || b[4] == UInt8(ascii: ".") {
            let sep = b[4]
            // Accept one- or two-digit month and day.
            var j = 5
            var m = 0, md = 0
            while j < b.count, b[j] >= 48, b[j] <= 57, md < 2 { m = m * 10 + Int(b[j] - 48); j += 1; md += 1 }
            guard md > 0, (1...12).contains(m) else { return nil }
            month = m
            i = j
            if j < b.count, b[j] == sep {
                var k = j + 1
                var d = 0, dd = 0
                while k < b.count, b[k] >= 48, b[k] <= 57, dd < 2 { d = d * 10 + Int(b[k] - 48); k += 1; dd += 1 }
                if dd > 0, (1...31).contains(d) { day = d; i = k }
            }
        } else if b.count >= 8, let m = digits(4, 2), let d = digits(6, 2), (1...12).contains(m), (1...31).contains(d),
                  b.count == 8 || !(b[8] >= 48 && b[8] <= 57) {
            month = m; day = d; i = 8
        } else if b.count == 4 {
            return (String(format4(year)), .year)
        } else {
            return nil
        }
        // Anything after must look like a time or be empty.
        guard let m = month else { return nil }
        guard let d = day else {
            return i == b.count ? ("\(format4(year))-\(pad2(m))", .month) : nil
        }
        guard isValidDay(year: year, month: m, day: d) else { return nil }
        let date = "\(format4(year))-\(pad2(m))-\(pad2(d))"
        if i == b.count { return (date, .day) }
        guard b[i] == UInt8(ascii: "T") || b[i] == UInt8(ascii: " ") else { return (date, .day) }
        let rest = String(decoding: b[(i + 1)...], as: UTF8.self)
        if let time = parseTime(rest) { return (date + "T" + time.0, time.1) }
        return (date, .day)
    }

    /// `12:36`, `12:36:05`, `12:36:05.123Z`, `12:36+05:00`, `12:36 pm`, `12:36 GMT`.
    static func parseTime(_ s: String) -> (String, DatePrecision)? {
        let b = Array(s.trimmingWhitespace().utf8)
        func two(_ at: Int) -> Int? {
            guard at + 2 <= b.count, b[at] >= 48, b[at] <= 57, b[at + 1] >= 48, b[at + 1] <= 57 else { return nil }
            return Int(b[at] - 48) * 10 + Int(b[at + 1] - 48)
        }
        var hour: Int
        var i: Int
        if let h = two(0) { hour = h; i = 2 } else if let first = b.first, first >= 48, first <= 57 {
            hour = Int(first - 48); i = 1
        } else { return nil }
        guard i < b.count, b[i] == UInt8(ascii: ":"), let minute = two(i + 1), minute < 60 else { return nil }
        i += 3
        var second: Int?
        if i < b.count, b[i] == UInt8(ascii: ":"), let s = two(i + 1), s < 61 { second = s; i += 3 }
        if i < b.count, b[i] == UInt8(ascii: ".") { i += 1; while i < b.count, b[i] >= 48, b[i] <= 57 { i += 1 } }
        while i < b.count, b[i] == 32 { i += 1 }
        let rest = String(decoding: b[i...], as: UTF8.self).lowercased()
        if rest.hasPrefix("pm"), hour < 12 { hour += 12 } else if rest.hasPrefix("am"), hour == 12 { hour = 0 }
        guard hour < 24 else { return nil }
        var zone = ""
        if rest.hasPrefix("z") || rest.hasPrefix("gmt") || rest.hasPrefix("utc") {
            zone = "Z"
        } else if let sign = rest.first, sign == "+" || sign == "-" {
            let digits = rest.dropFirst().filter(\.isNumber)
            if digits.count == 4 || digits.count == 2 {
                let hh = digits.prefix(2), mm = digits.count == 4 ? digits.suffix(2) : "00"
                zone = "\(sign)\(hh):\(mm)"
            }
        }
        if let second { return ("\(pad2(hour)):\(pad2(minute)):\(pad2(second))\(zone)", .second) }
        return ("\(pad2(hour)):\(pad2(minute))\(zone)", .minute)
    }

    /// Word forms: "6 July 2021", "July 6, 2021", "Tue, 06 Jul 2021 12:36:00 GMT", "06.07.2021",
    /// "July 2021", "6. Juli 2021".
    static func parseWords(_ s: String, slashDayFirst: Bool = false) -> (String, DatePrecision)? {
        // Tokenise into numbers and letter words.
        var tokens: [(text: String, isNumber: Bool, end: String.Index)] = []
        var current = ""
        var currentIsNumber = false
        var dotted: [Int] = []
        var index = s.startIndex
        func flush(at end: String.Index) {
            if !current.isEmpty { tokens.append((current, currentIsNumber, end)) }
            current = ""
        }
        if s.utf8.allSatisfy({ $0 < 0x80 }) {
            // ASCII (most dates): the same tokens from bytes, without Character properties.
            let utf8 = s.utf8
            var bytes: [UInt8] = []
            var i = utf8.startIndex
            func flushBytes(at end: String.Index) {
                if !bytes.isEmpty { tokens.append((String(decoding: bytes, as: UTF8.self), currentIsNumber, end)) }
                bytes.removeAll(keepingCapacity: true)
            }
            while i < utf8.endIndex {
                let b = utf8[i]
                if b >= 48 && b <= 57 {
                    if !currentIsNumber { flushBytes(at: i) }
                    currentIsNumber = true
                    bytes.append(b)
                } else if (b | 0x20) >= 97 && (b | 0x20) <= 122 {
                    if currentIsNumber { flushBytes(at: i) }
                    currentIsNumber = false
                    bytes.append(b | 0x20)
                } else {
                    flushBytes(at: i)
                }
                i = utf8.index(after: i)
                if tokens.count > 12 { break }
            }
            flushBytes(at: s.endIndex)
            index = s.endIndex
        }
        while index < s.endIndex {
            let c = s[index]
            if c.isNumber, c.isASCII {
                if !currentIsNumber { flush(at: index) }
                currentIsNumber = true
                current.append(c)
            } else if c.isLetter {
                if currentIsNumber { flush(at: index) }
                currentIsNumber = false
                current.append(contentsOf: c.lowercased())
            } else {
                flush(at: index)
            }
            index = s.index(after: index)
            if tokens.count > 12 { break }
        }
        flush(at: s.endIndex)
        // dd.mm.yyyy (day first, the European convention for dotted dates)
        let parts = s.split(whereSeparator: { $0 == "." || $0 == "/" })
        // A two-digit year only with dots ("30.10.23"): slashes with two-digit years are too ambiguous.
        let yearDigits = parts.count == 3 ? parts[2].prefix(while: \.isNumber) : ""
        let shortYear = yearDigits.count == 2 && s.contains(".") ? Int(yearDigits).map { $0 <= 40 ? 2000 + $0 : 1900 + $0 } : nil
        if parts.count == 3, let d = Int(parts[0]), let m = Int(parts[1]),
           let y = shortYear ?? Int(parts[2].prefix(4)), yearRange.contains(y) {
            let dayFirst = s.contains(".") || d > 12 || slashDayFirst
            let (day, month) = dayFirst ? (d, m) : (m, d)
            if (1...12).contains(month), isValidDay(year: y, month: month, day: day) {
                dotted = [y, month, day]
            }
        }
        if dotted.count != 3, let numeric = numericPrefix(s, slashDayFirst: slashDayFirst) { dotted = numeric }
        if dotted.count == 3 { return ("\(format4(dotted[0]))-\(pad2(dotted[1]))-\(pad2(dotted[2]))", .day) }

        var year: Int?, month: Int?
        var timeStart: String.Index?
        for (n, token) in tokens.enumerated() {
            if token.isNumber {
                guard let v = Int(token.text) else { continue }
                if token.text.count == 4, yearRange.contains(v), year == nil {
                    year = v
                    timeStart = token.end
                    if month != nil { break }
                }
            } else if let m = Self.month(named: token.text) {
                if month == nil { month = m }
            } else if n > 0 && month != nil && year != nil {
                break
            }
        }
        guard let y = year, let m = month else { return nil }
        guard let d = dayNextToMonth(tokens, s, month: m) else { return ("\(format4(y))-\(pad2(m))", .month) }
        guard isValidDay(year: y, month: m, day: d) else { return nil }
        let date = "\(format4(y))-\(pad2(m))-\(pad2(d))"
        if let timeStart, let time = parseTime(String(s[timeStart...]).trimmingCharacters(in: .whitespaces.union(.punctuationCharacters).subtracting(CharacterSet(charactersIn: "+-")))) {
            return (date + "T" + time.0, time.1)
        }
        return (date, .day)
    }

    /// A numeric date at the start of `s`, whatever follows: "30.01.2022 18:36 / sk", "4. 2. 2022.",
    /// "26 | 01 | 2022", "03/04/2020 10:16". Dots and bars are day first; slashes day first when the day cannot be a
    /// month or the page says so; a two-digit year only with dots.
    static func numericPrefix(_ s: String, slashDayFirst: Bool) -> [Int]? {
        let b = Array(s.utf8.prefix(24))
        var i = 0
        func skipSpaces() { while i < b.count, b[i] == 32 || b[i] == 9 { i += 1 } }
        func number(_ maxDigits: Int) -> (value: Int, digits: Int)? {
            var v = 0, n = 0
            while i < b.count, n < maxDigits, b[i] >= 48, b[i] <= 57 { v = v * 10 + Int(b[i] - 48); i += 1; n += 1 }
            if i < b.count, b[i] >= 48, b[i] <= 57 { return nil }
            return n > 0 ? (v, n) : nil
        }
        skipSpaces()
        guard let first = number(2) else { return nil }
        skipSpaces()
        guard i < b.count, b[i] == 46 || b[i] == 47 || b[i] == 124 else { return nil }
        let separator = b[i]
        i += 1
        skipSpaces()
        guard let second = number(2) else { return nil }
        skipSpaces()
        guard i < b.count, b[i] == separator else { return nil }
        i += 1
        skipSpaces()
        guard let third = number(4), third.digits == 4 || (third.digits == 2 && separator == 46) else { return nil }
        let year = third.digits == 4 ? third.value : (third.value <= 40 ? 2000 + third.value : 1900 + third.value)
        let dayFirst = separator != 47 || first.value > 12 || slashDayFirst
        let (day, month) = dayFirst ? (first.value, second.value) : (second.value, first.value)
        guard yearRange.contains(year), isValidDay(year: year, month: month, day: day) else { return nil }
        return [year, month, day]
    }

    /// The day of a worded date is the number written next to its month: before it ("29 June", "29. Juni",
    /// "29 de junio", the first day of a range "14. - 20. Januar") or right after it ("June 29"), not any
    /// number before the month ("Version 3, 29 June 2007" is 29 June).
    static func dayNextToMonth(_ tokens: [(text: String, isNumber: Bool, end: String.Index)], _ s: String, month: Int) -> Int? {
        guard let mi = tokens.firstIndex(where: { !$0.isNumber && Self.month(named: $0.text) == month }) else { return nil }
        func dayValue(_ k: Int) -> Int? {
            guard k >= 0, k < tokens.count, tokens[k].isNumber, tokens[k].text.count <= 2, let v = Int(tokens[k].text),
                  (1...31).contains(v) else { return nil }
            // A number right before a ':' is a time.
            if tokens[k].end < s.endIndex, s[tokens[k].end] == ":" { return nil }
            return v
        }
        // A range: "14. - 20. Januar 2022" is the 14th.
        if mi >= 2, let first = dayValue(mi - 2), dayValue(mi - 1) != nil {
            let start = tokens[mi - 2].end, end = s.index(tokens[mi - 1].end, offsetBy: -tokens[mi - 1].text.count)
            if start <= end {
                let between = s[start..<end].filter { !$0.isWhitespace }
                if between == "-" || between == ".-" || between == "–" || between == ".–" || between == "—" { return first }
            }
        }
        if let d = dayValue(mi - 1) { return d }
        if mi >= 2, ["de", "of", "du"].contains(tokens[mi - 1].text), let d = dayValue(mi - 2) { return d }
        return dayValue(mi + 1)
    }

    static func isValidDay(year: Int, month: Int, day: Int) -> Bool {
        guard (1...12).contains(month), day >= 1 else { return false }
        let leap = (year % 4 == 0 && year % 100 != 0) || year % 400 == 0
        let lengths = [31, leap ? 29 : 28, 31, 30, 31, 30, 31, 31, 30, 31, 30, 31]
        return day <= lengths[month - 1]
    }

    static func pad2(_ v: Int) -> String { v < 10 ? "0\(v)" : "\(v)" }
    static func format4(_ v: Int) -> String { String(v) }
}

import Foundation
