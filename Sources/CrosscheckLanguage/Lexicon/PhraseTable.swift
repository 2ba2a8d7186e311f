import CrosscheckCore

/// Phrases (sequences of token hashes) to values, looked up at a token position without allocating.
///
/// A phrase is keyed by the running combination of its tokens' lower-case hashes, so the table
/// matches "Mazar-i-Sharif", "mazar-i-sharif" and "MAZAR-I-SHARIF" alike. The longest phrase
/// starting at a position wins.
public struct PhraseTable<Value: Sendable>: Sendable {
    @usableFromInline var entries = HashedKeyMap<Value>()
    /// The longest phrase in tokens.
    public private(set) var maxLength = 0
    /// Prefix keys of phrases longer than one token, so a lookup stops early.
    @usableFromInline var prefixes = HashedKeySet()

    public init() {}

    @inlinable @inline(__always)
    public static func combine(_ h: UInt64, _ token: UInt64) -> UInt64 {
        var x = (h ^ token) &* 0x9E37_79B9_7F4A_7C15
        x ^= x >> 29
        return x
    }

    @inlinable public static var seed: UInt64 { 0x243F_6A88_85A3_08D3 }

    /// The key of a phrase written as text, tokenized as texts are.
    public static func key(_ phrase: String) -> (key: UInt64, length: Int)? {
        let tokens = Tokenizer.tokenize(phrase)
        guard !tokens.isEmpty else { return nil }
        var h = seed
        for t in tokens { h = combine(h, t.hash) }
        return (h, tokens.count)
    }

    public var count: Int { entries.count }

    /// Adds a phrase; an existing value for the same phrase is kept unless `replace`.
    public mutating func insert(_ phrase: String, _ value: Value, replace: Bool = false) {
        guard let key = register(Tokenizer.tokenize(phrase)) else { return }
        if replace || entries[key] == nil { entries[key] = value }
    }

    /// Records the prefixes of a tokenized phrase and returns its key (nil when empty).
    public mutating func register(_ tokens: [Token]) -> UInt64? {
        guard !tokens.isEmpty else { return nil }
        var h = Self.seed
        for (k, t) in tokens.enumerated() {
            h = Self.combine(h, t.hash)
            if k < tokens.count - 1 { prefixes.insert(h) }
        }
        maxLength = max(maxLength, tokens.count)
        return h
    }

    /// Sets the value of a key returned by `register`.
    public mutating func set(key: UInt64, _ value: Value) { entries[key] = value }
    public func value(key: UInt64) -> Value? { entries[key] }

    /// The value of the one-token phrase with this hash.
    @inlinable @inline(__always)
    public func value(token hash: UInt64) -> Value? { entries[Self.combine(Self.seed, hash)] }

    /// The longest phrase starting at `i` and ending before `limit`: its value and length in tokens.
    /// Inlinable, so callers in other modules get it specialized for their value type.
    @inlinable @inline(__always)
    public func longest(_ tokens: UnsafeBufferPointer<Token>, at i: Int, limit: Int) -> (value: Value, length: Int)? {
        var h = Self.seed
        var best: (Value, Int)? = nil
        var k = i
        let end = min(limit, i + maxLength)
        while k < end {
            if k > i, tokens[k].has(.spaceBefore) && tokens[k - 1].kind == .punctuation && tokens[k - 1].hash == Self.hyphen {
                break
            }
            h = Self.combine(h, tokens[k].hash)
            if let v = entries[h] { best = (v, k - i + 1) }
            if !prefixes.contains(h) { break }
            k += 1
        }
        return best
    }

    @inlinable static var hyphen: UInt64 { Tokenizer.hyphenHash }
}
