import CrosscheckCore

/// What the language layer read in one text.
public struct Analysis: Sendable {
    /// Sentences as UTF-8 offsets.
    public var sentences: [(start: Int, end: Int)]
    /// Entities, quantities and times in text order, never overlapping.
    public var mentions: [Mention]
    /// Words (word and number tokens) read.
    public var words: Int
    /// Countries the text is about (mentions per ISO code).
    public var focus: [String: Int]
}

/// The language layer in one call: tokens → sentences → times → entities → quantities → aliases.
///
/// The gazetteer and lexicon are loaded once and shared; `analyze` allocates only its results.
/// Bad input (control characters, emoji, mixed scripts, one enormous line) gives a correct,
/// possibly empty, analysis: sentences are cut at `maxSentenceTokens` and texts at `maxBytes`.
public struct LanguageAnalyzer: Sendable {
    public let lexicon: Lexicon
    public let gazetteer: Gazetteer
    public var maxSentenceTokens = 400
    /// Longer texts are analysed up to this many bytes (cut at a character boundary).
    public var maxBytes = 4 << 20

    public init(lexicon: Lexicon = .bundled, gazetteer: Gazetteer = .bundled) {
        self.lexicon = lexicon
        self.gazetteer = gazetteer
    }

    /// Analyses `text`; relative dates resolve against `published` (a day), or stay out when it is nil.
    public func analyze(_ text: String, published: CivilDay? = nil) -> Analysis {
        var copy = text
        return copy.withUTF8 { all in
            var count = min(all.count, maxBytes)
            while count < all.count, count > 0, all[count] & 0xC0 == 0x80 { count -= 1 }
            let bytes = UnsafeBufferPointer(rebasing: all[..<count])
            let tokens = Tokenizer.tokenize(bytes)
            return tokens.withUnsafeBufferPointer { tokenBuffer in
                let splitter = SentenceSplitter(lexicon: lexicon, maxTokens: maxSentenceTokens)
                let sentences = splitter.split(tokenBuffer, bytes)
                var view = TextView(bytes: bytes, tokens: tokenBuffer, sentences: sentences)
                var mentions = TimeResolver(lexicon: lexicon).resolve(&view, published: published)
                let recognizer = EntityRecognizer(lexicon: lexicon, gazetteer: gazetteer)
                let (candidates, focus) = recognizer.recognize(&view)
                let entities = AliasResolver(lexicon: lexicon, gazetteer: gazetteer).resolve(view, candidates, focus: focus)
                let quantities = QuantityParser(lexicon: lexicon).parse(&view)
                mentions += entities
                mentions += quantities
                mentions.sort { $0.start < $1.start || ($0.start == $1.start && $0.end > $1.end) }
                var words = 0
                for t in tokens where t.kind != .punctuation { words += 1 }
                return Analysis(sentences: sentences.map { ($0.start, $0.end) }, mentions: mentions, words: words, focus: focus)
            }
        }
    }
}
