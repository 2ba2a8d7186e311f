import Foundation

/// The boilerplate phrase vocabulary, loaded from the `boilerplate-phrases.txt` resource.
///
/// Matching is by words: each phrase is a word sequence indexed by the first four characters of its
/// first word, so a line costs one dictionary lookup per word instead of one substring search per phrase.
public struct BoilerplateVocabulary: Sendable {
    /// (phrase, category) pairs, lowercase.
    public let phrases: [(phrase: String, category: String)]
    private let index: [Substring: [(words: [Substring], category: String)]]
    /// One bit per hash of the first four bytes of a phrase's first word: a text word whose bit is clear starts
    /// no phrase, and most words are passed over without hashing a Substring for the dictionary.
    private let firstBytes: [UInt64]

    /// Phrases whose last word has at least this many characters may run on ("subscribe" matches
    /// "subscribers"); shorter last words must match whole.
    static let minPrefixLength = 6

    public init(phrases: [(phrase: String, category: String)]) {
        self.phrases = phrases
        var index: [Substring: [(words: [Substring], category: String)]] = [:]
        for (phrase, category) in phrases {
            let words = Self.words(phrase)
            guard let first = words.first else { continue }
            index[Self.key(first), default: []].append((words, category))
        }
        self.index = index
        var bits = [UInt64](repeating: 0, count: 1 << 10)
        for key in index.keys {
            let h = Self.firstBytesHash(key)
            bits[h >> 6] |= 1 << UInt64(h & 63)
        }
        firstBytes = bits
    }

    /// A 16-bit hash of a word's first four UTF-8 bytes (words that share their `key` share these bytes).
    @inline(__always)
    static func firstBytesHash(_ word: Substring) -> Int {
        var packed: UInt64 = 0
        var n: UInt64 = 0
        for b in word.utf8.prefix(4) {
            packed |= UInt64(b) << (8 * n)
            n += 1
        }
        return Int(truncatingIfNeeded: ((packed | n << 32) &* 0x9E37_79B9_7F4A_7C15) >> 48)
    }

    /// Parses the data file format: `category<TAB>phrase`, `#` comments.
    public init(fileContents: String) {
        var out: [(String, String)] = []
        for line in fileContents.split(separator: "\n") {
            if line.hasPrefix("#") { continue }
            let parts = line.split(separator: "\t", maxSplits: 1)
            guard parts.count == 2 else { continue }
            out.append((String(parts[1]).lowercased(), String(parts[0])))
        }
        self.init(phrases: out)
    }

    /// The bundled vocabulary.
    public static let bundled: BoilerplateVocabulary = {
        guard let url = Bundle.module.url(forResource: "boilerplate-phrases", withExtension: "txt"),
              let text = try? String(contentsOf: url, encoding: .utf8)
        else { return BoilerplateVocabulary(phrases: []) }
        return BoilerplateVocabulary(fileContents: text)
    }()

    /// Categories of the phrases found in `lowercased` (a line already lowercased), in line order.
    public func matches(in lowercased: String) -> [String] {
        let words = Self.words(lowercased)
        var found: [String] = []
        for i in words.indices {
            let h = Self.firstBytesHash(words[i])
            guard firstBytes[h >> 6] & (1 << UInt64(h & 63)) != 0, let candidates = index[Self.key(words[i])] else { continue }
            for (phrase, category) in candidates where Self.matches(phrase, words, at: i) {
                found.append(category)
            }
        }
        return found
    }

    static func matches(_ phrase: [Substring], _ words: [Substring], at start: Int) -> Bool {
        guard start + phrase.count <= words.count else { return false }
        for (k, word) in phrase.enumerated() {
            let candidate = words[start + k]
            if k == phrase.count - 1, word.count >= minPrefixLength {
                if !candidate.hasPrefix(word) { return false }
            } else if candidate != word {
                return false
            }
        }
        return true
    }

    @inline(__always)
    static func key(_ word: Substring) -> Substring { word.prefix(4) }

    /// Words of a lowercased line: runs of letters, digits, apostrophes and hyphens; other symbols
    /// (©) stand alone.
    static func words(_ text: String) -> [Substring] {
        if text.utf8.allSatisfy({ $0 < 0x80 }) { return asciiWords(text) }
        var out: [Substring] = []
        var start: String.Index?
        var i = text.startIndex
        while i < text.endIndex {
            let c = text[i]
            if c.isLetter || c.isNumber || c == "'" || c == "’" || c == "-" {
                if start == nil { start = i }
            } else {
                if let s = start { out.append(text[s..<i]); start = nil }
                if !c.isWhitespace && !c.isPunctuation { out.append(text[i...i]) }
            }
            i = text.index(after: i)
        }
        if let s = start { out.append(text[s...]) }
        return out
    }

    /// `words` for ASCII text, on bytes: letters, digits, `'` and `-` make words; whitespace and punctuation
    /// (`!"#%&()*,./:;?@[\]_{}`) separate them; the other symbols (`$+<=>^`|~`) stand alone.
    static func asciiWords(_ text: String) -> [Substring] {
        var out: [Substring] = []
        let utf8 = text.utf8
        var start: String.Index?
        var i = utf8.startIndex
        while i < utf8.endIndex {
            let b = utf8[i]
            let lower = b | 0x20
            if (lower >= 0x61 && lower <= 0x7A) || (b >= 0x30 && b <= 0x39) || b == 0x27 || b == 0x2D {
                if start == nil { start = i }
            } else {
                if let s = start { out.append(text[s..<i]); start = nil }
                if asciiStandalone[Int(b)] { out.append(text[i..<utf8.index(after: i)]) }
            }
            i = utf8.index(after: i)
        }
        if let s = start { out.append(text[s...]) }
        return out
    }

    /// ASCII bytes that are neither word characters, whitespace nor punctuation: symbols that are words alone.
    static let asciiStandalone: [Bool] = (0..<256).map { b in
        guard b < 0x80, let scalar = Unicode.Scalar(b) else { return false }
        let c = Character(scalar)
        return !(c.isLetter || c.isNumber || c == "'" || c == "-" || c.isWhitespace || c.isPunctuation)
    }
}
