/// A sentence as a range of tokens and of UTF-8 bytes.
public struct Sentence: Sendable, Hashable {
    /// Index of the first token and one past the last.
    public var tokens: Range<Int>
    /// UTF-8 offsets of the first and one past the last byte.
    public var start: Int
    public var end: Int
}

/// Finds sentence boundaries over tokens.
///
/// A sentence ends after ".", "!", "?" or "…" (with the closing quotes and brackets that follow)
/// when the next token starts a sentence: a capital, a digit, an opening quote, or a line break.
/// A period does not end a sentence after an abbreviation ("Gen.", "Jan.") or an initial ("J.")
/// before a name, nor inside "U.S." unless a sentence starter follows ("…in the U.S. The army…").
/// Scrapers glue sentences ("2021.The", "Moscow.Putin"): a period with no space before a
/// capitalised word ends the sentence too. An empty line always ends one; a single line break
/// does unless the line runs on (no final punctuation and the next line starts in lower case).
/// Sentences longer than `maxTokens` are cut, so a megabyte without a period stays bounded.
public struct SentenceSplitter: Sendable {
    public var lexicon: Lexicon
    public var maxTokens: Int

    public init(lexicon: Lexicon = .bundled, maxTokens: Int = 400) {
        self.lexicon = lexicon
        self.maxTokens = maxTokens
    }

    static let period = Tokenizer.hash("."), bang = Tokenizer.hash("!"), question = Tokenizer.hash("?")
    static let ellipsis = Tokenizer.hash("…"), fullStop = Tokenizer.hash("。"), comma = Tokenizer.hash(","), colon = Tokenizer.hash(":")
    static let closers: Set<UInt64> = Set(["\"", "”", "’", "'", ")", "]", "»", "›"].map(Tokenizer.hash))
    static let openers: Set<UInt64> = Set(["\"", "“", "‘", "(", "[", "«", "‹", "—", "–", "-", "•", "*"].map(Tokenizer.hash))

    public func split(_ tokens: UnsafeBufferPointer<Token>, _ bytes: UnsafeBufferPointer<UInt8>) -> [Sentence] {
        var sentences: [Sentence] = []
        var first = 0
        let n = tokens.count
        func close(_ end: Int) {
            guard end > first else { return }
            sentences.append(Sentence(tokens: first..<end, start: Int(tokens[first].start), end: Int(tokens[end - 1].end)))
            first = end
        }
        var i = 0
        while i < n {
            let t = tokens[i]
            if i > first {
                if t.has(.paragraphBefore) || i - first >= maxTokens { close(i) }
                else if t.has(.lineBefore) && !runsOn(tokens, i) { close(i) }
            }
            if t.kind == .punctuation, t.hash == Self.period || t.hash == Self.bang || t.hash == Self.question || t.hash == Self.ellipsis || t.hash == Self.fullStop {
                var end = i + 1
                while end < n, tokens[end].kind == .punctuation, !tokens[end].has(.spaceBefore) || Self.closers.contains(tokens[end].hash),
                      Self.closers.contains(tokens[end].hash) || tokens[end].hash == Self.period || tokens[end].hash == Self.bang
                        || tokens[end].hash == Self.question {
                    // A closing quote after a space opens the next sentence when a word follows it.
                    if tokens[end].has(.spaceBefore) && end + 1 < n && !tokens[end + 1].has(.spaceBefore) && tokens[end + 1].kind == .word { break }
                    end += 1
                }
                if end >= n { i = end; continue }
                if t.hash == Self.period && !endsSentence(tokens, period: i, next: end) { i = end; continue }
                if startsSentence(tokens[end], afterGlued: !tokens[end].has(.spaceBefore)) { close(end) }
                i = end
                continue
            }
            if t.kind == .word && t.has(.dotted) && i + 1 < n && tokens[i + 1].has(.spaceBefore)
                && tokens[i + 1].has(.capitalized) && lexicon.isSentenceStarter(tokens[i + 1].hash)
                && bytes[Int(t.end) - 1] == 0x2E {
                close(i + 1)
            }
            i += 1
        }
        close(n)
        return sentences
    }

    /// Whether the line before token `i` continues into it (a wrapped line).
    func runsOn(_ tokens: UnsafeBufferPointer<Token>, _ i: Int) -> Bool {
        let prev = tokens[i - 1], next = tokens[i]
        let prevOpen = prev.kind != .punctuation || prev.hash == Self.comma
        return prevOpen && next.has(.lowerInitial)
    }

    /// Whether the period at `period` ends a sentence (the token at `next` follows it).
    func endsSentence(_ tokens: UnsafeBufferPointer<Token>, period: Int, next: Int) -> Bool {
        guard period > 0 else { return true }
        let before = tokens[period - 1]
        if before.kind == .word && !tokens[period].has(.spaceBefore) {
            // "Gen." "Jan." "No." — unless a sentence starter follows ("…at 7 a.m. The…").
            if lexicon.isAbbreviation(before.hash) && !lexicon.isSentenceStarter(tokens[next].hash) { return false }
            // An initial: "J. Smith".
            if before.length == 1 && before.has(.capitalized) && tokens[next].has(.capitalized)
                && !lexicon.isSentenceStarter(tokens[next].hash) {
                return false
            }
        }
        return true
    }

    func startsSentence(_ t: Token, afterGlued: Bool) -> Bool {
        if t.has(.lineBefore) { return true }
        if afterGlued {
            // "2021.The", "Moscow.Putin": glued only before a capitalised word of two letters or more.
            return t.kind == .word && t.has(.capitalized) && t.length >= 2
        }
        if t.kind == .word { return !t.has(.lowerInitial) }
        if t.kind == .number { return true }
        return Self.openers.contains(t.hash)
    }
}
