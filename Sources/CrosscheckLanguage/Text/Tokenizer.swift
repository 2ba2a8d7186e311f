/// A token of a text: a word, a number, or one punctuation mark or symbol, as UTF-8 offsets.
public struct Token: Sendable, Hashable {
    public enum Kind: UInt8, Sendable { case word, number, punctuation }

    public struct Flags: OptionSet, Sendable, Hashable {
        public let rawValue: UInt16
        public init(rawValue: UInt16) { self.rawValue = rawValue }
        /// The first letter is upper case ("Rahmon", "CSTO", "U.S.").
        public static let capitalized = Flags(rawValue: 1)
        /// Two or more letters, all upper case ("CSTO", "U.S.").
        public static let allCaps = Flags(rawValue: 2)
        /// White space before the token.
        public static let spaceBefore = Flags(rawValue: 4)
        /// A line break before the token.
        public static let lineBefore = Flags(rawValue: 8)
        /// An empty line (or more) before the token: a new paragraph.
        public static let paragraphBefore = Flags(rawValue: 16)
        /// Holds digits ("1,357", "5th", "12:36").
        public static let digits = Flags(rawValue: 32)
        /// Holds letters.
        public static let letters = Flags(rawValue: 64)
        /// A word with inner periods or a final period of an abbreviation ("U.S.", "a.m.").
        public static let dotted = Flags(rawValue: 128)
        /// Letters outside ASCII.
        public static let nonASCII = Flags(rawValue: 256)
        /// The first letter is lower case ("may", "said"); scripts without case have neither flag.
        public static let lowerInitial = Flags(rawValue: 512)
    }

    public var start: Int32
    public var end: Int32
    public var kind: Kind
    public var flags: Flags
    /// FNV-1a hash of the token in lower case: equal words hash equal, whatever their case.
    public var hash: UInt64

    @inline(__always) public var length: Int { Int(end - start) }
    @inline(__always) public func has(_ f: Flags) -> Bool { flags.contains(f) }
}

/// Splits UTF-8 text into tokens in one pass, without allocating per token.
///
/// - Words: letters and digits of any script, inner apostrophes ("don't", "O'Brien"); a final
///   "'s"/"’s" is its own token. Dotted abbreviations of short parts are one token with their
///   final period ("U.S.", "a.m.", "N.V."); "Turkmen.News" and "gazeta.uz" (a top-level domain
///   after the period) are one token. Hyphens are tokens of their own ("Mazar-i-Sharif" is five
///   tokens with no space between them), so a name matches however it is hyphenated.
/// - Numbers: digits with thousands separators and decimals ("1,357", "3.5"), times and slashed
///   dates ("12:36", "05/07/2021"), ordinals ("5th"). A period followed by a letter ends the number:
///   scrapers glue sentences ("2021.The").
/// - Everything else is one token per character; white space and control characters only set flags.
public enum Tokenizer {
    static let fnvOffset: UInt64 = 0xcbf2_9ce4_8422_2325
    static let fnvPrime: UInt64 = 0x0000_0100_0000_01b3

    /// The lower-case hash of a string, as a token of it would have.
    public static func hash(_ s: String) -> UInt64 {
        var h = fnvOffset
        for scalar in s.unicodeScalars { h = hashScalar(h, lowered(scalar)) }
        return h
    }

    @inline(__always) static func hashByte(_ h: UInt64, _ b: UInt8) -> UInt64 { (h ^ UInt64(b)) &* fnvPrime }

    @inline(__always) static func hashScalar(_ h: UInt64, _ s: Unicode.Scalar) -> UInt64 {
        var h = h
        for b in UTF8.encode(s)! { h = hashByte(h, b) }
        return h
    }

    @inline(__always) static func lowered(_ s: Unicode.Scalar) -> Unicode.Scalar {
        if s.value < 0x80 { return (s.value >= 0x41 && s.value <= 0x5A) ? Unicode.Scalar(s.value | 0x20)! : s }
        guard s.properties.isUppercase else { return s }
        return s.properties.lowercaseMapping.unicodeScalars.first ?? s
    }

    /// Decodes the scalar at `i`; returns it and its length (1 for invalid bytes, read as U+FFFD).
    @inline(__always)
    static func decode(_ bytes: UnsafeBufferPointer<UInt8>, _ i: Int) -> (Unicode.Scalar, Int) {
        let b0 = bytes[i]
        if b0 < 0x80 { return (Unicode.Scalar(b0), 1) }
        let n = bytes.count
        if b0 & 0xE0 == 0xC0, i + 1 < n, bytes[i + 1] & 0xC0 == 0x80 {
            return (Unicode.Scalar((UInt32(b0 & 0x1F) << 6) | UInt32(bytes[i + 1] & 0x3F)) ?? "\u{FFFD}", 2)
        }
        if b0 & 0xF0 == 0xE0, i + 2 < n, bytes[i + 1] & 0xC0 == 0x80, bytes[i + 2] & 0xC0 == 0x80 {
            let v = (UInt32(b0 & 0x0F) << 12) | (UInt32(bytes[i + 1] & 0x3F) << 6) | UInt32(bytes[i + 2] & 0x3F)
            return (Unicode.Scalar(v) ?? "\u{FFFD}", 3)
        }
        if b0 & 0xF8 == 0xF0, i + 3 < n, bytes[i + 1] & 0xC0 == 0x80, bytes[i + 2] & 0xC0 == 0x80, bytes[i + 3] & 0xC0 == 0x80 {
            let v = (UInt32(b0 & 0x07) << 18) | (UInt32(bytes[i + 1] & 0x3F) << 12)
                | (UInt32(bytes[i + 2] & 0x3F) << 6) | UInt32(bytes[i + 3] & 0x3F)
            return (Unicode.Scalar(v) ?? "\u{FFFD}", 4)
        }
        return ("\u{FFFD}", 1)
    }

    @inline(__always) static func isASCIILetter(_ b: UInt8) -> Bool { (b | 0x20) >= 0x61 && (b | 0x20) <= 0x7A }
    @inline(__always) static func isDigit(_ b: UInt8) -> Bool { b >= 0x30 && b <= 0x39 }

    static func isSpace(_ s: Unicode.Scalar) -> Bool {
        s.value <= 0x20 || s.value == 0x7F || (s.value >= 0x80 && s.value <= 0x9F) || s.value == 0xA0
            || s.value == 0x1680 || (s.value >= 0x2000 && s.value <= 0x200D) || s.value == 0x2028 || s.value == 0x2029
            || s.value == 0x202F || s.value == 0x205F || s.value == 0x3000 || s.value == 0xFEFF || s.value == 0x2060
    }

    @inline(__always) static func isWordScalar(_ s: Unicode.Scalar) -> Bool {
        let p = s.properties
        return p.isAlphabetic || p.generalCategory == .nonspacingMark || p.generalCategory == .spacingMark
            || p.numericType == .decimal
    }

    /// Top-level domains that keep "Turkmen.News" or "gazeta.uz" one token.
    static let domains: Set<String> = [
        "com", "org", "net", "news", "info", "gov", "edu", "io", "co", "uk", "ru", "uz", "tj", "kz", "kg", "tm",
        "af", "ir", "pk", "in", "cn", "de", "fr", "ua", "by", "az", "am", "ge", "tr", "eu", "us", "tv", "fm", "me",
    ]

    @usableFromInline static let hyphenHash = hash("-")
    /// The hash of the possessive token "'s".
    public static let possessive = hashByte(hashByte(fnvOffset, 0x27), 0x73)

    public static func tokenize(_ text: String) -> [Token] {
        var copy = text
        return copy.withUTF8 { tokenize($0) }
    }

    public static func tokenize(_ bytes: UnsafeBufferPointer<UInt8>) -> [Token] {
        var tokens: [Token] = []
        tokens.reserveCapacity(bytes.count / 5 + 4)
        let n = bytes.count
        var i = 0
        var space = false, lines = 0
        while i < n {
            let b = bytes[i]
            if b == 0x0A { lines += 1; space = true; i += 1; continue }
            if b <= 0x20 || b == 0x7F { space = true; i += 1; continue }
            var flags: Token.Flags = []
            if space { flags.insert(.spaceBefore) }
            if lines >= 1 { flags.insert(.lineBefore) }
            if lines >= 2 { flags.insert(.paragraphBefore) }
            let start = i
            if isDigit(b) {
                var h = fnvOffset
                var j = i
                flags.formUnion([.digits])
                while j < n {
                    let c = bytes[j]
                    if isDigit(c) { h = hashByte(h, c); j += 1; continue }
                    if (c == 0x2C || c == 0x2E || c == 0x3A || c == 0x2F) && j + 1 < n && isDigit(bytes[j + 1]) {
                        h = hashByte(h, c); j += 1; continue
                    }
                    if isASCIILetter(c) {
                        // Ordinals and units glued to digits: "5th", "20km".
                        flags.insert(.letters)
                        h = hashByte(h, c | 0x20); j += 1; continue
                    }
                    break
                }
                tokens.append(Token(start: Int32(start), end: Int32(j), kind: .number, flags: flags, hash: h))
                space = false; lines = 0
                i = j
                continue
            }
            let (scalar, len) = decode(bytes, i)
            if b >= 0x80 && isSpace(scalar) { space = true; if scalar.value == 0x2028 || scalar.value == 0x2029 { lines += 2 }; i += len; continue }
            if isASCIILetter(b) || (b >= 0x80 && isWordScalar(scalar)) {
                i = scanWord(bytes, start, flags, &tokens)
                space = false; lines = 0
                continue
            }
            // One punctuation mark or symbol.
            let h = hashScalar(fnvOffset, scalar)
            tokens.append(Token(start: Int32(start), end: Int32(i + len), kind: .punctuation, flags: flags, hash: h))
            space = false; lines = 0
            i += len
        }
        return tokens
    }

    /// Scans a word from `start`; appends it (and a split-off "'s") and returns the next offset.
    @inline(__always)
    static func scanWord(_ bytes: UnsafeBufferPointer<UInt8>, _ start: Int, _ initial: Token.Flags,
                         _ tokens: inout [Token]) -> Int {
        let n = bytes.count
        var flags = initial
        flags.insert(.letters)
        var h = fnvOffset
        var j = start
        var letters = 0, uppers = 0, segment = 0, dots = 0
        var first = true
        while j < n {
            let c = bytes[j]
            if c < 0x80 {
                if isASCIILetter(c) {
                    let upper = c <= 0x5A
                    if upper { uppers += 1; if first { flags.insert(.capitalized) } } else if first { flags.insert(.lowerInitial) }
                    letters += 1; segment += 1; first = false
                    h = hashByte(h, c | 0x20); j += 1; continue
                }
                if isDigit(c) { flags.insert(.digits); h = hashByte(h, c); j += 1; first = false; segment += 1; continue }
                if c == 0x27, j + 1 < n, isASCIILetter(bytes[j + 1]) {
                    // "'s" at the end is its own token; "don't", "O'Brien" stay whole.
                    if (bytes[j + 1] | 0x20) == 0x73 && (j + 2 >= n || !isASCIILetter(bytes[j + 2])) { break }
                    h = hashByte(h, c); j += 1; continue
                }
                if c == 0x2E, j + 1 < n {
                    let next = bytes[j + 1]
                    // Dotted abbreviation: "U.S.", "a.m.", "N.V.", "Ph.D."
                    if isASCIILetter(next), segment <= 2, j + 2 >= n || !isASCIILetter(bytes[j + 2]) || (j + 2 < n && bytes[j + 2] == 0x2E) {
                        dots += 1; segment = 0; h = hashByte(h, c); j += 1; continue
                    }
                    // A domain: "Turkmen.News", "gazeta.uz".
                    if isASCIILetter(next) {
                        var k = j + 1
                        var tld: [UInt8] = []
                        while k < n, isASCIILetter(bytes[k]), tld.count < 8 { tld.append(bytes[k] | 0x20); k += 1 }
                        if (k >= n || !isASCIILetter(bytes[k])), domains.contains(String(decoding: tld, as: UTF8.self)) {
                            for t in [c] + tld { h = hashByte(h, t) }
                            letters += tld.count
                            j = k; continue
                        }
                    }
                }
                if c == 0x2E, dots > 0, segment <= 2 {
                    // The final period of "U.S." belongs to it.
                    dots += 1; h = hashByte(h, c); j += 1
                }
                break
            }
            let (s, len) = decode(bytes, j)
            if s.value == 0x2019, j + len < n, isASCIILetter(bytes[j + len]) {
                if (bytes[j + len] | 0x20) == 0x73 && (j + len + 1 >= n || !isASCIILetter(bytes[j + len + 1])) { break }
                h = hashByte(h, 0x27); j += len; continue
            }
            guard isWordScalar(s) else { break }
            flags.insert(.nonASCII)
            if s.properties.isUppercase { uppers += 1; if first { flags.insert(.capitalized) } }
            else if first && s.properties.isLowercase { flags.insert(.lowerInitial) }
            if s.properties.isAlphabetic { letters += 1 }
            first = false; segment += 1
            h = hashScalar(h, lowered(s)); j += len
        }
        if dots > 0 { flags.insert(.dotted) }
        if uppers >= 2 && uppers == letters { flags.insert(.allCaps) }
        tokens.append(Token(start: Int32(start), end: Int32(j), kind: .word, flags: flags, hash: h))
        let quoteLength = j < n && bytes[j] == 0x27 ? 1
            : (j + 2 < n && bytes[j] == 0xE2 && bytes[j + 1] == 0x80 && bytes[j + 2] == 0x99 ? 3 : 0)
        if quoteLength > 0, j + quoteLength < n, bytes[j + quoteLength] | 0x20 == 0x73,
           j + quoteLength + 1 >= n || !isASCIILetter(bytes[j + quoteLength + 1]) {
            let sEnd = j + quoteLength + 1
            // The possessive: one token "'s" with the hash of "'s" whichever apostrophe it used.
            tokens.append(Token(start: Int32(j), end: Int32(sEnd), kind: .word, flags: [.letters],
                                hash: possessive))
            return sEnd
        }
        return j
    }
}
