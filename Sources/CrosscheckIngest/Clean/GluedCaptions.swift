import CrosscheckCore

/// Finds photo captions that a scraper glued into the running text without a space:
/// "…at the Kremlin, Moscow.Putin assured Rakhmon…", "…Parwan province, Afghanistan, July 5, 2021.The Taliban…".
///
/// A glue point is a sentence end with no space before the next capitalised word. The sentence
/// before it is a caption when it is marked as one ("FILE –", "FILE PHOTO:") or ends with a dateline
/// date ("July 5, 2021"). Names like "Turkmen.News" have a glue point too, but the sentence before
/// them is neither, so they stay.
enum GluedCaptions {
    /// Byte ranges (in `text.utf8`) of captions to remove, in order, each including the space before it.
    static func ranges(in text: String) -> [Range<Int>] {
        let b = Array(text.utf8)
        guard b.count > 4 else { return [] }
        var out: [Range<Int>] = []
        var i = 1
        while i + 2 < b.count {
            defer { i += 1 }
            guard b[i] == UInt8(ascii: "."), isAlnum(b[i - 1]), isUpper(b[i + 1]), isLower(b[i + 2]) else { continue }
            // The glued sentence starts after the previous sentence end (". ", "? ", "! ", "” ") or a caption marker.
            let start = sentenceStart(b, before: i)
            if let last = out.last, start < last.upperBound { continue }
            let sentence = String(decoding: b[start...i], as: UTF8.self)
            if isCaption(sentence) {
                // Take the space before the caption with it, keep the glued sentence that follows.
                var from = start
                if from > 0, b[from - 1] == 0x20 { from -= 1 } else if from > 1, b[from - 1] == 0xA0, b[from - 2] == 0xC2 { from -= 2 }
                out.append(from..<(i + 1))
            }
        }
        return out
    }

    static func sentenceStart(_ b: [UInt8], before end: Int) -> Int {
        var j = end - 1
        var start = 0
        while j > 0 {
            // A space is 0x20 or a no-break space (C2 A0); `p` is the byte before it.
            var p = -1
            if b[j] == 0x20 { p = j - 1 } else if b[j] == 0xA0, j >= 2, b[j - 1] == 0xC2 { p = j - 2 }
            if p >= 0 {
                let c = b[p]
                let ends = c == UInt8(ascii: ".") || c == UInt8(ascii: "?") || c == UInt8(ascii: "!")
                    || c == 0x9D /* last byte of ” */ || c == 0x99 /* last byte of ’ */ || c == UInt8(ascii: "\"")
                // "U.S. air base": a single capital between periods is an abbreviation, not a sentence end.
                let abbreviation = c == UInt8(ascii: ".") && p >= 2 && isUpper(b[p - 1]) && b[p - 2] == UInt8(ascii: ".")
                if ends && !abbreviation {
                    start = j + 1
                    break
                }
            }
            j -= 1
        }
        if let marker = fileMarker(b, from: start, to: end) { return marker }
        return start
    }

    /// Position of a "FILE –" / "FILE PHOTO" marker between `from` and `to`, if any.
    static func fileMarker(_ b: [UInt8], from: Int, to: Int) -> Int? {
        let needle = Array("FILE".utf8)
        var k = from
        while k + needle.count < to {
            if b[k] == needle[0], Array(b[k..<(k + needle.count)]) == needle,
               k == from || b[k - 1] == 0x20 || b[k - 1] == 0xA0 {
                return k
            }
            k += 1
        }
        return nil
    }

    static func isCaption(_ sentence: String) -> Bool {
        if sentence.hasPrefix("FILE") { return true }
        // Ends with a dateline date: "…, July 5, 2021." or "…, June 29, 2021."
        let trimmed = sentence.dropLast() // the period
        let parts = trimmed.split(separator: " ").suffix(3)
        guard parts.count == 3, let year = Int(parts.last!), DateParser.yearRange.contains(year),
              DateParser.months[parts.first!.lowercased()] != nil else { return false }
        return parts.dropFirst().first.map { $0.hasSuffix(",") && Int($0.dropLast()) != nil } ?? false
    }

    @inline(__always) static func isAlnum(_ c: UInt8) -> Bool { isUpper(c) || isLower(c) || (c >= 48 && c <= 57) }
    @inline(__always) static func isUpper(_ c: UInt8) -> Bool { c >= 65 && c <= 90 }
    @inline(__always) static func isLower(_ c: UInt8) -> Bool { c >= 97 && c <= 122 }
}
