/// One word of a text: its hash and where it is.
public struct Word: Sendable, Hashable {
    /// 64-bit hash of the lowercased word.
    public var hash: UInt64
    /// UTF-8 offsets in the text.
    public var start: Int32
    public var end: Int32
    /// What came between the previous word and this one.
    public var boundary: Boundary
    /// The word's first byte as written (before case folding): whether it is a figure or capitalised
    /// is known without reading the text again.
    public var lead: UInt8

    public enum Boundary: UInt8, Sendable {
        /// Same sentence.
        case none
        /// After `.`, `!` or `?` and a space: a likely sentence start.
        case sentence
        /// After a line break, or the first word of the text.
        case paragraph
    }
}

/// Splits text into words over its UTF-8 bytes without building strings: runs of letters and digits,
/// case folded, each CJK ideograph a word of its own. Quotes, dashes and other punctuation separate
/// words, so "Taliban’s" and "Taliban's" give the same words.
public enum WordScanner {
    /// The words of `text`; stops after `limit` words.
    public static func words(_ text: String, limit: Int = .max) -> [Word] {
        var text = text
        return text.withUTF8 { words(UnsafeBufferPointer(rebasing: $0[...]), limit: limit) }
    }

    /// The hash of one word as `words` computes it (for vocabularies).
    public static func hash(_ word: String) -> UInt64 {
        words(word).first?.hash ?? 0
    }

    static let fnvOffset: UInt64 = 0xcbf2_9ce4_8422_2325
    static let fnvPrime: UInt64 = 0x100_0000_01b3

    /// The scanner's state between bytes. Mutating methods on a local value (not nested functions
    /// capturing local variables, which the compiler boxes and checks for exclusive access per call).
    private struct State {
        var out: [Word] = []
        var hash = fnvOffset
        var wordStart = -1
        var boundary = Word.Boundary.paragraph
        var sawTerminal = false

        @inline(__always) mutating func finish(_ end: Int, _ bytes: UnsafeBufferPointer<UInt8>) {
            out.append(Word(hash: mix(hash), start: Int32(truncatingIfNeeded: wordStart), end: Int32(truncatingIfNeeded: end),
                            boundary: boundary, lead: bytes[wordStart]))
            wordStart = -1
            hash = fnvOffset
            boundary = .none
            sawTerminal = false
        }

        @inline(__always) mutating func separator(_ byte: UInt8) {
            switch byte {
            case 0x0A, 0x0D: boundary = .paragraph
            case 0x2E, 0x21, 0x3F: sawTerminal = true
            case 0x20, 0x09: if sawTerminal, boundary == .none { boundary = .sentence }
            default: break
            }
        }
    }

    static func words(_ bytes: UnsafeBufferPointer<UInt8>, limit: Int) -> [Word] {
        var s = State()
        s.out.reserveCapacity(bytes.count / 4)
        var i = 0
        let n = bytes.count

        while i < n {
            let b = bytes[i]
            if b < 0x80 {
                let lower = b | 0x20
                let isLetter = lower >= 0x61 && lower <= 0x7A
                let isDigit = b >= 0x30 && b <= 0x39
                if isLetter || isDigit {
                    if s.wordStart < 0 { s.wordStart = i }
                    // The common case in a tight loop: a run of ASCII letters and digits.
                    var h = (s.hash ^ UInt64(isLetter ? lower : b)) &* fnvPrime
                    var j = i + 1
                    while j < n {
                        let c = bytes[j]
                        let cl = c | 0x20
                        if cl &- 0x61 < 26 {
                            h = (h ^ UInt64(cl)) &* fnvPrime
                        } else if c &- 0x30 < 10 {
                            h = (h ^ UInt64(c)) &* fnvPrime
                        } else {
                            break
                        }
                        j += 1
                    }
                    s.hash = h
                    i = j
                    continue
                } else {
                    if s.wordStart >= 0 {
                        s.finish(i, bytes)
                        if s.out.count >= limit { return s.out }
                    }
                    s.separator(b)
                }
                i += 1
                continue
            }
            // Non-ASCII: decode one scalar.
            let (scalar, length) = decode(bytes, at: i)
            let properties = scalar.properties
            if properties.isIdeographic {
                if s.wordStart >= 0 {
                    s.finish(i, bytes)
                    if s.out.count >= limit { return s.out }
                }
                s.wordStart = i
                for k in 0..<length { s.hash = (s.hash ^ UInt64(bytes[i + k])) &* fnvPrime }
                s.finish(i + length, bytes)
                if s.out.count >= limit { return s.out }
            } else if properties.isAlphabetic || properties.numericType != nil
                        || properties.generalCategory == .nonspacingMark || properties.generalCategory == .spacingMark {
                if s.wordStart < 0 { s.wordStart = i }
                if properties.isUppercase, let lower = properties.lowercaseMapping.unicodeScalars.first {
                    for unit in UTF8.encode(lower)! { s.hash = (s.hash ^ UInt64(unit)) &* fnvPrime }
                } else {
                    for k in 0..<length { s.hash = (s.hash ^ UInt64(bytes[i + k])) &* fnvPrime }
                }
            } else {
                if s.wordStart >= 0 {
                    s.finish(i, bytes)
                    if s.out.count >= limit { return s.out }
                }
                // Unicode line and paragraph separators, ellipsis as a terminal, spaces.
                switch scalar.value {
                case 0x2028, 0x2029, 0x85: s.boundary = .paragraph
                case 0x2026, 0x3002: s.sawTerminal = true
                default: if properties.isWhitespace { s.separator(0x20) }
                }
            }
            i += length
        }
        if s.wordStart >= 0 { s.finish(n, bytes) }
        return s.out
    }

    /// Decodes the scalar at `i`; invalid bytes decode as U+FFFD of length 1.
    @inline(__always)
    static func decode(_ bytes: UnsafeBufferPointer<UInt8>, at i: Int) -> (Unicode.Scalar, Int) {
        let b0 = UInt32(bytes[i])
        let n = bytes.count
        func cont(_ k: Int) -> UInt32? {
            guard i + k < n else { return nil }
            let b = bytes[i + k]
            return b & 0xC0 == 0x80 ? UInt32(b & 0x3F) : nil
        }
        var value: UInt32?
        var length = 1
        if b0 & 0xE0 == 0xC0, let c1 = cont(1) {
            value = (b0 & 0x1F) << 6 | c1; length = 2
        } else if b0 & 0xF0 == 0xE0, let c1 = cont(1), let c2 = cont(2) {
            value = (b0 & 0x0F) << 12 | c1 << 6 | c2; length = 3
        } else if b0 & 0xF8 == 0xF0, let c1 = cont(1), let c2 = cont(2), let c3 = cont(3) {
            value = (b0 & 0x07) << 18 | c1 << 12 | c2 << 6 | c3; length = 4
        }
        if let value, let scalar = Unicode.Scalar(value) { return (scalar, length) }
        return ("\u{FFFD}", 1)
    }

    /// splitmix64's finaliser: spreads FNV's weak low bits over the whole word.
    @inline(__always)
    public static func mix(_ x: UInt64) -> UInt64 {
        var z = x &+ 0x9E37_79B9_7F4A_7C15
        z = (z ^ (z >> 30)) &* 0xBF58_476D_1CE4_E5B9
        z = (z ^ (z >> 27)) &* 0x94D0_49BB_1331_11EB
        return z ^ (z >> 31)
    }
}
