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
///
/// A word's hash reads its case-folded UTF-8 bytes eight at a time (`WordHasher`). Runs of ASCII
/// letters and digits, most words of most texts, are found and folded eight bytes at once: no branch
/// per byte, and no per-byte multiply chain (the byte-at-a-time FNV hash this replaced spent a
/// mispredicted branch at the end of every word and four cycles on every byte).
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

    /// The high bit of each byte of a word.
    static let highBits: UInt64 = 0x8080_8080_8080_8080
    /// Bit 5 of each byte: lowercases an ASCII letter, leaves a digit as it is.
    static let caseBits: UInt64 = 0x2020_2020_2020_2020

    /// The high bit set in each byte of `x` (little-endian) that is an ASCII letter or digit.
    @inline(__always)
    static func alnumBytes(_ x: UInt64) -> UInt64 {
        let low7 = x & ~highBits
        let folded = low7 | caseBits
        // Per byte, adding 0x80 - bound sets the high bit when the byte is at least bound; no byte
        // carries into the next (all are below 0x80 and the addends below 0x60).
        let letter = (folded &+ 0x1F1F_1F1F_1F1F_1F1F) & ~(folded &+ 0x0505_0505_0505_0505)  // 0x61...0x7A
        let digit = (low7 &+ 0x5050_5050_5050_5050) & ~(low7 &+ 0x4646_4646_4646_4646)      // 0x30...0x39
        return (letter | digit) & ~x & highBits
    }

    static func words(_ bytes: UnsafeBufferPointer<UInt8>, limit: Int) -> [Word] {
        guard limit > 0, bytes.count > 0 else { return [] }
        // A word takes a byte and a separator at least: the output never outgrows this.
        let capacity = min(limit, bytes.count / 2 + 1)
        return [Word](unsafeUninitializedCapacity: capacity) { out, count in
            var scanner = Scanner(bytes: bytes, out: out.baseAddress!, capacity: capacity)
            scanner.run()
            count = scanner.count
        }
    }

    /// One pass over a text, writing words into memory sized for the most a text can hold.
    private struct Scanner {
        let bytes: UnsafeBufferPointer<UInt8>
        let out: UnsafeMutablePointer<Word>
        let capacity: Int
        var count = 0
        var hasher = WordHasher()
        var wordStart = -1
        var boundary = Word.Boundary.paragraph
        var sawTerminal = false

        init(bytes: UnsafeBufferPointer<UInt8>, out: UnsafeMutablePointer<Word>, capacity: Int) {
            self.bytes = bytes
            self.out = out
            self.capacity = capacity
        }

        /// Writes the word that started at `wordStart`; true when the output is full.
        @inline(__always) mutating func emit(_ end: Int, _ hash: UInt64) -> Bool {
            (out + count).initialize(to: Word(hash: hash, start: Int32(truncatingIfNeeded: wordStart), end: Int32(truncatingIfNeeded: end),
                                              boundary: boundary, lead: bytes[wordStart]))
            count += 1
            wordStart = -1
            boundary = .none
            sawTerminal = false
            return count >= capacity
        }

        /// What a separator byte says about the next word: a paragraph or, after `.`, `!` or `?` and a
        /// space, a sentence starts.
        @inline(__always) mutating func separator(_ byte: UInt8) {
            switch byte {
            case 0x0A, 0x0D: boundary = .paragraph
            case 0x2E, 0x21, 0x3F: sawTerminal = true
            case 0x20, 0x09: if sawTerminal, boundary == .none { boundary = .sentence }
            default: break
            }
        }

        @inline(__always) mutating func emitHashed(_ end: Int) -> Bool {
            let hash = hasher.value
            hasher = WordHasher()
            return emit(end, hash)
        }

        mutating func run() {
            let base = bytes.baseAddress!
            let n = bytes.count
            var i = 0
            while i < n {
                let b = bytes[i]
                if b < 0x80 {
                    let lower = b | 0x20
                    if lower &- 0x61 < 26 || b &- 0x30 < 10 {
                        if wordStart >= 0 {
                            // A word begun with non-ASCII letters goes on.
                            hasher.add(lower)
                            i += 1
                            continue
                        }
                        // A word starts: eight bytes at a time while they are all letters and digits.
                        wordStart = i
                        var h = WordHasher.seed
                        var j = i
                        var done = false
                        while j + 8 <= n {
                            let x = UInt64(littleEndian: UnsafeRawPointer(base + j).loadUnaligned(as: UInt64.self))
                            let stops = ~alnumBytes(x) & highBits
                            if stops == 0 {
                                h = WordHasher.absorb(h, x | caseBits)
                                j += 8
                                continue
                            }
                            let r = stops.trailingZeroBitCount >> 3
                            let chunk = (x | caseBits) & ((1 &<< UInt64(r &* 8)) &- 1)
                            j += r
                            if bytes[j] >= 0x80 {
                                // Non-ASCII next ("café"): byte by byte from here, same hash.
                                hasher = WordHasher(state: h, chunk: chunk, filled: r, length: j - i)
                            } else {
                                if r > 0 { h = WordHasher.absorb(h, chunk) }
                                if emit(j, WordHasher.finish(h, length: j - i)) { return }
                            }
                            done = true
                            break
                        }
                        // Fewer than eight bytes left: byte by byte.
                        if !done { hasher = WordHasher(state: h, chunk: 0, filled: 0, length: j - i) }
                        i = j
                        continue
                    }
                    if wordStart >= 0, emitHashed(i) { return }
                    separator(b)
                    i += 1
                    continue
                }
                // Non-ASCII: decode one scalar.
                let (scalar, length) = decode(bytes, at: i)
                let properties = scalar.properties
                if properties.isIdeographic {
                    if wordStart >= 0, emitHashed(i) { return }
                    wordStart = i
                    for k in 0..<length { hasher.add(bytes[i + k]) }
                    if emitHashed(i + length) { return }
                } else if properties.isAlphabetic || properties.numericType != nil
                            || properties.generalCategory == .nonspacingMark || properties.generalCategory == .spacingMark {
                    if wordStart < 0 { wordStart = i }
                    if properties.isUppercase, let lower = properties.lowercaseMapping.unicodeScalars.first {
                        for unit in UTF8.encode(lower)! { hasher.add(unit) }
                    } else {
                        for k in 0..<length { hasher.add(bytes[i + k]) }
                    }
                } else {
                    if wordStart >= 0, emitHashed(i) { return }
                    // Unicode line and paragraph separators, ellipsis as a terminal, spaces.
                    switch scalar.value {
                    case 0x2028, 0x2029, 0x85: boundary = .paragraph
                    case 0x2026, 0x3002: sawTerminal = true
                    default: if properties.isWhitespace { separator(0x20) }
                    }
                }
                i += length
            }
            if wordStart >= 0 { _ = emitHashed(n) }
        }
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

/// The hash of a word's case-folded UTF-8 bytes: read as little-endian 64-bit chunks (the last one
/// zero-padded), each xored in and multiplied by an odd constant (a bijection per chunk), then the
/// length mixed in and the whole finalised by `WordScanner.mix`. Bytes can come one at a time (`add`)
/// or eight at a time (`absorb`): the same bytes give the same hash either way.
struct WordHasher {
    static let seed: UInt64 = 0x4528_21E6_38D0_1377
    static let multiplier: UInt64 = 0x9FB2_1C65_1E98_DF25

    /// The chunks absorbed so far.
    var state = seed
    /// Bytes of the chunk being filled, and how many.
    var chunk: UInt64 = 0
    var filled = 0
    var length = 0

    @inline(__always) static func absorb(_ h: UInt64, _ chunk: UInt64) -> UInt64 { (h ^ chunk) &* multiplier }

    @inline(__always) static func finish(_ h: UInt64, length: Int) -> UInt64 { WordScanner.mix(h ^ UInt64(truncatingIfNeeded: length)) }

    @inline(__always) mutating func add(_ byte: UInt8) {
        chunk |= UInt64(byte) &<< UInt64(filled &* 8)
        filled += 1
        length += 1
        if filled == 8 {
            state = Self.absorb(state, chunk)
            chunk = 0
            filled = 0
        }
    }

    var value: UInt64 { Self.finish(filled > 0 ? Self.absorb(state, chunk) : state, length: length) }
}
