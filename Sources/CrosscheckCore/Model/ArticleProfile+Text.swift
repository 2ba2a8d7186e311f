/// The stored form of a profile: one fact per line, fields separated by tabs, parsed without a JSON decoder
/// (100,000 profiles decoded with Foundation's `JSONDecoder` took about as long as reading every event mention).
///
///     p	18813              publication day
///     n	person	3	person:eml rhmn
///     l	locality	2	AF	geonames:1135689
///     d	18813	2          day, count
///     y	2021
///     f	20000|personnel
///     k	mobilize	2
///     w	9f3a01:2 77e0c2:1   word hashes (hex) with counts
extension ArticleProfile {
    public var storedText: String {
        var out = "v1\n"
        if let published { out += "p\t\(published)\n" }
        for n in names { out += "n\t\(n.kind.rawValue)\t\(n.count)\t\(n.entity)\n" }
        for p in places { out += "l\t\(p.precision)\t\(p.count)\t\(p.country)\t\(p.id)\n" }
        for (day, count) in days.sorted(by: { $0.key < $1.key }) { out += "d\t\(day)\t\(count)\n" }
        for y in years { out += "y\t\(y)\n" }
        for f in figures { out += "f\t\(f)\n" }
        for (kind, count) in kinds.sorted(by: { $0.key < $1.key }) { out += "k\t\(kind)\t\(count)\n" }
        out += "w\t" + words.sorted { $0.key < $1.key }.map { String($0.key, radix: 16) + ":" + String($0.value) }.joined(separator: " ") + "\n"
        return out
    }

    /// Parses `storedText`; nil when it is not a profile. Reads UTF-8 bytes (String and Substring splitting went
    /// character by character: 185 µs a profile, as long as reading all of an article's event mentions).
    public init?(storedText: String) {
        var text = storedText
        guard let parsed = text.withUTF8({ Self.parse($0) }) else { return nil }
        self = parsed
    }

    static func parse(_ bytes: UnsafeBufferPointer<UInt8>) -> ArticleProfile? {
        guard bytes.count >= 3, bytes[0] == 0x76, bytes[1] == 0x31, bytes[2] == 0x0A else { return nil }  // "v1\n"
        var profile = ArticleProfile()
        var lineStart = 3
        while lineStart < bytes.count {
            var lineEnd = lineStart
            while lineEnd < bytes.count && bytes[lineEnd] != 0x0A { lineEnd += 1 }
            // Fields of the line (tab-separated), as byte ranges.
            var fields: [Range<Int>] = []
            var fieldStart = lineStart
            var k = lineStart
            while k <= lineEnd {
                if k == lineEnd || bytes[k] == 0x09 {
                    fields.append(fieldStart..<k)
                    fieldStart = k + 1
                    if k == lineEnd { break }
                    // The fifth field is the rest of the line (a place id may hold anything but a line break).
                    if fields.count == 4 { fields.append(fieldStart..<lineEnd); break }
                }
                k += 1
            }
            func string(_ r: Range<Int>) -> String { String(decoding: UnsafeBufferPointer(rebasing: bytes[r]), as: UTF8.self) }
            func int(_ r: Range<Int>) -> Int? {
                var value = 0, negative = false, any = false
                for k in r {
                    let b = bytes[k]
                    if b == 0x2D && k == r.lowerBound { negative = true; continue }
                    guard b >= 0x30 && b <= 0x39 else { return nil }
                    value = value &* 10 &+ Int(b - 0x30); any = true
                }
                return any ? (negative ? -value : value) : nil
            }
            if let tag = fields.first, tag.count == 1 {
                switch bytes[tag.lowerBound] {
                case 0x70: if fields.count > 1 { profile.published = int(fields[1]) }                       // p
                case 0x6E:                                                                                     // n
                    if fields.count >= 4, let kind = MentionKind(rawValue: string(fields[1])), let count = int(fields[2]) {
                        profile.names.append(Name(entity: string(fields[3]), kind: kind, count: count))
                    }
                case 0x6C:                                                                                     // l
                    if fields.count >= 5, let count = int(fields[2]), let precision = PlacePrecision(rawValue: string(fields[1])) {
                        profile.places.append(Place(id: string(fields[4]), country: string(fields[3]), precision: precision, count: count))
                    }
                case 0x64: if fields.count >= 3, let day = int(fields[1]), let count = int(fields[2]) { profile.days[day] = count }  // d
                case 0x79: if fields.count >= 2, let year = int(fields[1]) { profile.years.append(year) }                           // y
                case 0x66: if fields.count >= 2 { profile.figures.append(string(fields[1])) }                                       // f
                case 0x6B: if fields.count >= 3, let count = int(fields[2]) { profile.kinds[string(fields[1])] = count }            // k
                case 0x77: if fields.count >= 2 { parseWords(bytes, fields[1].lowerBound..<lineEnd, into: &profile.words) }         // w
                default: break
                }
            }
            lineStart = lineEnd + 1
        }
        return profile
    }

    /// "9f3a01:2 77e0c2:1" → hashes with counts.
    static func parseWords(_ bytes: UnsafeBufferPointer<UInt8>, _ range: Range<Int>, into words: inout [UInt64: Int]) {
        words.reserveCapacity(96)
        var hash: UInt64 = 0, count = 0, inCount = false, any = false
        for k in range.lowerBound...range.upperBound {
            let b = k < range.upperBound ? bytes[k] : 0x20
            switch b {
            case 0x20:
                if any && inCount { words[hash] = count }
                hash = 0; count = 0; inCount = false; any = false
            case 0x3A: inCount = true
            case 0x30...0x39:
                if inCount { count = count * 10 + Int(b - 0x30) } else { hash = hash << 4 | UInt64(b - 0x30); any = true }
            case 0x61...0x66: if !inCount { hash = hash << 4 | UInt64(b - 0x61 + 10); any = true }
            default: break
            }
        }
    }
}
