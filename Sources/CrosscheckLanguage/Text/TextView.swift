/// The text under analysis: its bytes, tokens and sentences, and which tokens a recogniser has
/// already claimed (times first, then entities, then quantities), so no two mentions overlap.
struct TextView {
    let bytes: UnsafeBufferPointer<UInt8>
    let tokens: UnsafeBufferPointer<Token>
    let sentences: [Sentence]
    /// Sentence index of each token.
    var sentenceOf: [Int32]
    var claimed: [Bool]

    init(bytes: UnsafeBufferPointer<UInt8>, tokens: UnsafeBufferPointer<Token>, sentences: [Sentence]) {
        self.bytes = bytes
        self.tokens = tokens
        self.sentences = sentences
        sentenceOf = [Int32](repeating: 0, count: tokens.count)
        for (k, s) in sentences.enumerated() { for i in s.tokens { sentenceOf[i] = Int32(k) } }
        claimed = [Bool](repeating: false, count: tokens.count)
    }

    var count: Int { tokens.count }

    @inline(__always) func hash(_ i: Int) -> UInt64 { i >= 0 && i < tokens.count ? tokens[i].hash : 0 }

    @inline(__always) func string(_ i: Int) -> String {
        String(decoding: UnsafeBufferPointer(rebasing: bytes[Int(tokens[i].start)..<Int(tokens[i].end)]), as: UTF8.self)
    }

    /// The text from token `a` to token `b - 1`, as written.
    func string(_ a: Int, _ b: Int) -> String {
        String(decoding: UnsafeBufferPointer(rebasing: bytes[Int(tokens[a].start)..<Int(tokens[b - 1].end)]), as: UTF8.self)
    }

    /// The sentence range of token `i`.
    @inline(__always) func sentence(_ i: Int) -> Range<Int> { sentences[Int(sentenceOf[i])].tokens }

    /// Whether tokens a..<b are free.
    func free(_ a: Int, _ b: Int) -> Bool {
        guard a >= 0, b <= tokens.count else { return false }
        for k in a..<b where claimed[k] { return false }
        return true
    }

    mutating func claim(_ a: Int, _ b: Int) { for k in a..<b { claimed[k] = true } }

    /// Whether token `i` is glued to the one before it (no space), e.g. the parts of "mid-July".
    @inline(__always) func glued(_ i: Int) -> Bool { i > 0 && i < tokens.count && !tokens[i].has(.spaceBefore) }

    /// The integer value of a plain number token ("5", "2021", "5th" → 5), nil otherwise.
    func integer(_ i: Int) -> Int? {
        guard i >= 0, i < tokens.count, tokens[i].kind == .number else { return nil }
        var v = 0
        var k = Int(tokens[i].start)
        let e = Int(tokens[i].end)
        var digits = 0
        while k < e, bytes[k] >= 0x30 && bytes[k] <= 0x39 { v = v * 10 + Int(bytes[k] - 0x30); k += 1; digits += 1; if digits > 9 { return nil } }
        guard digits > 0 else { return nil }
        if k == e { return v }
        // Ordinal suffixes only.
        let rest = String(decoding: UnsafeBufferPointer(rebasing: bytes[k..<e]), as: UTF8.self).lowercased()
        return ["st", "nd", "rd", "th"].contains(rest) ? v : nil
    }
}
