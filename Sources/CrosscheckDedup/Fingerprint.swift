import CrosscheckCore

/// A stretch of an article compared as a unit: a paragraph, or a run of sentences of a long one.
public struct Passage: Sendable, Hashable {
    public var range: TextRange
    /// Sorted, unique hashes of the passage's content words (stopwords and one-letter words left out;
    /// names folded as anchors).
    public var words: [UInt64]
    /// Sorted, unique anchors: numbers and folded names (see `Anchors`).
    public var anchors: [UInt64] = []
}

/// What the index needs of an article: cheap to compute for every article.
public struct Sketch: Sendable {
    /// Hash of the word sequence: equal for texts that differ only in whitespace, punctuation, quotes,
    /// dashes and case.
    public var exact: UInt64
    public var wordCount: Int
    /// The LSH keys of the article: min-hashes of its passages' content-word pairs.
    public var keys: [UInt32]
    /// The passages, as word index ranges.
    var pieces: [Range<Int>]

    /// The LSH key under which exact copies meet.
    public var exactKey: UInt32 { UInt32(truncatingIfNeeded: exact >> 32) ^ 0x5EED_0001 }

    /// True when the article is too short to compare other than as an exact copy.
    public func isShort(_ configuration: DedupConfiguration) -> Bool { wordCount < configuration.minWords }
}

/// Everything the duplicate finder compares of one article: its sketch, plus the word shingles and
/// passage word sets that verification needs (computed only for articles that have candidates).
public struct Fingerprint: Sendable {
    public var sketch: Sketch
    /// Sorted, unique hashes of word shingles.
    public var shingles: [UInt64]
    public var passages: [Passage]
    /// Sorted, unique anchors of the whole article.
    public var anchors: [UInt64] = []
    /// Every passage's content words with the passage they are in, sorted by word: one merge of two
    /// articles' lists counts the shared words of every passage pair. Each entry is the word's hash
    /// with its low 16 bits replaced by the passage number (48 bits of hash tell words apart).
    var wordIndex: [UInt64] = []

    public var exact: UInt64 { sketch.exact }

    /// Heap bytes held, roughly (for caches).
    var estimatedBytes: Int {
        256 + shingles.count * 8 + anchors.count * 8 + wordIndex.count * 8 + sketch.keys.count * 4
            + passages.reduce(0) { $0 + 96 + $1.words.count * 8 + $1.anchors.count * 8 }
    }
    public var wordCount: Int { sketch.wordCount }
    public var keys: [UInt32] { sketch.keys }
    public var exactKey: UInt32 { sketch.exactKey }
    public func isShort(_ configuration: DedupConfiguration) -> Bool { sketch.isShort(configuration) }
}

/// Computes sketches and fingerprints.
public struct Fingerprinter: Sendable {
    public var configuration: DedupConfiguration
    public var stopwords: Stopwords

    public init(configuration: DedupConfiguration = DedupConfiguration(), stopwords: Stopwords = .bundled) {
        self.configuration = configuration
        self.stopwords = stopwords
    }

    /// The same, with the stopwords of `language` (all languages' when unknown).
    public func with(language: String?) -> Fingerprinter {
        var copy = self
        copy.stopwords = stopwords.forLanguage(language)
        return copy
    }

    /// The words the finder reads of `text` (at most `maxWords`).
    public func words(_ text: String) -> [Word] { WordScanner.words(text, limit: configuration.maxWords) }

    public func fingerprint(_ text: String) -> Fingerprint {
        let words = self.words(text)
        return complete(sketch(words, text: text), words: words, text: text)
    }

    /// What verification needs of a stored article (no LSH keys: it is in the index already).
    public func comparable(_ text: String) -> Fingerprint {
        let words = self.words(text)
        let content = contentWords(words)
        let sketch = Sketch(exact: content.exact, wordCount: words.count, keys: [], pieces: makePieces(words, content.counts))
        return complete(sketch, words: words, text: text)
    }

    /// Exact hash, passages and LSH keys of `words` read from `text`.
    public func sketch(_ words: [Word], text: String) -> Sketch {
        let content = contentWords(words)
        let pieces = makePieces(words, content.counts)
        var keys = selectKeys(pieces, content)
        var text = text
        let anchorKeys = text.withUTF8 { selectAnchorKeys(pieces, words, $0) }
        keys = uniqued((keys + anchorKeys).sorted())
        return Sketch(exact: content.exact, wordCount: words.count, keys: keys, pieces: pieces)
    }

    /// Where the hash of the word sequence (`Sketch.exact`) starts; each word mixes its hash in.
    static let exactSeed: UInt64 = 0x243F_6A88_85A3_08D3

    /// Per passage with at least three anchors, a key from its two smallest anchor min-hashes
    /// (bottom-2: as likely to match as the min-hash of all anchor pairs, in one pass); the smallest
    /// `maxAnchorKeys` kept. What a paraphrase keeps (numbers, names in any transliteration) finds it.
    private func selectAnchorKeys(_ pieces: [Range<Int>], _ words: [Word], _ bytes: UnsafeBufferPointer<UInt8>) -> [UInt32] {
        var keys: [UInt32] = []
        for range in pieces {
            var first = UInt64.max, second = UInt64.max
            var distinct = 0
            for i in range {
                guard let a = Anchors.anchor(words[i], bytes) else { continue }
                let h = WordScanner.mix(a ^ 0x0A0C_4E75)
                if h == first || h == second { continue }
                distinct += 1
                if h < first { second = first; first = h } else if h < second { second = h }
            }
            guard distinct >= 3 else { continue }
            keys.append(UInt32(truncatingIfNeeded: WordScanner.mix(first ^ rotate(second, by: 17)) >> 32))
        }
        keys.sort()
        keys = uniqued(keys)
        if keys.count > configuration.maxAnchorKeys { keys.removeLast(keys.count - configuration.maxAnchorKeys) }
        return keys
    }

    /// Adds the shingles, passage word sets and anchors to a sketch of the same words.
    public func complete(_ sketch: Sketch, words: [Word], text: String) -> Fingerprint {
        let k = configuration.shingleWords
        var shingles: [UInt64] = []
        if words.count >= k {
            shingles.reserveCapacity(words.count - k + 1)
            if k == 3 {
                // The default, with constant rotations (a variable one costs a branch and a shift pair).
                words.withUnsafeBufferPointer { w in
                    for i in 0...(w.count - 3) {
                        shingles.append(w[i].hash ^ rotate(w[i + 1].hash, by: 21) ^ rotate(w[i + 2].hash, by: 42))
                    }
                }
            } else {
                for i in 0...(words.count - k) {
                    var h: UInt64 = 0
                    for j in 0..<k { h = h ^ rotate(words[i + j].hash, by: UInt64(j * 21)) }
                    shingles.append(h)
                }
            }
        } else if !words.isEmpty {
            var h: UInt64 = 0
            for (j, w) in words.enumerated() { h ^= rotate(w.hash, by: UInt64(j * 21)) }
            shingles.append(h)
        }
        spreadSort(&shingles)
        shingles = uniqued(shingles)
        var text = text
        let passages = text.withUTF8 { bytes in
            sketch.pieces.map { range -> Passage in
                var content: [UInt64] = []
                var anchors: [UInt64] = []
                content.reserveCapacity(range.count)
                for i in range {
                    let anchor = Anchors.anchor(words[i], bytes)
                    if let anchor { anchors.append(anchor) }
                    guard isContent(words[i]) else { continue }
                    if let anchor, Anchors.isName(words[i]) { content.append(anchor) } else { content.append(words[i].hash) }
                }
                spreadSort(&content)
                spreadSort(&anchors)
                return Passage(range: TextRange(start: Int(words[range.lowerBound].start), end: Int(words[range.upperBound - 1].end)),
                               words: uniqued(content), anchors: uniqued(anchors))
            }
        }
        var anchors = passages.flatMap(\.anchors)
        spreadSort(&anchors)
        var wordIndex: [UInt64] = []
        wordIndex.reserveCapacity(passages.reduce(0) { $0 + $1.words.count })
        for (k, p) in passages.enumerated() { for w in p.words { wordIndex.append(w & ~0xFFFF | UInt64(k)) } }
        spreadSort(&wordIndex)
        return Fingerprint(sketch: sketch, shingles: shingles, passages: passages, anchors: uniqued(anchors), wordIndex: wordIndex)
    }

    /// Not a stopword nor a one-letter word. Both tests are always made (no short-circuit): each
    /// is cheap, and a branch on either would be mispredicted about every other word.
    @inline(__always) private func isContent(_ w: Word) -> Bool {
        let long = w.end - w.start >= 2, stop = stopwords.contains(w.hash)
        return long && !stop
    }

    /// An article's content words, read once: their hashes in order, and `counts[i]`, how many of
    /// them are among `words[..<i]` (so a range's content words are `hashes[counts[lo]..<counts[hi]]`).
    struct ContentWords {
        var hashes: [UInt64]
        var counts: [Int32]
        /// The hash of the whole word sequence (`Sketch.exact`), computed in the same pass.
        var exact: UInt64
    }

    private func contentWords(_ words: [Word]) -> ContentWords {
        var exact = Self.exactSeed
        var n = 0
        var countsOut: [Int32] = []
        let hashes = [UInt64](unsafeUninitializedCapacity: words.count) { hashes, initialized in
            let counts = [Int32](unsafeUninitializedCapacity: words.count + 1) { out, countsInitialized in
                out[0] = 0
                words.withUnsafeBufferPointer { w in
                    for i in 0..<w.count {
                        let word = w[i]
                        exact = WordScanner.mix(exact ^ word.hash)
                        // Written always, kept when content: no branch on a test that flips word by word.
                        hashes[n] = word.hash
                        n += isContent(word) ? 1 : 0
                        out[i + 1] = Int32(truncatingIfNeeded: n)
                    }
                }
                countsInitialized = words.count + 1
            }
            initialized = n
            countsOut = counts
        }
        return ContentWords(hashes: hashes, counts: countsOut, exact: exact)
    }

    /// Paragraphs, long ones cut at sentence ends, short ones joined to the next.
    private func makePieces(_ words: [Word], _ counts: [Int32]) -> [Range<Int>] {
        let c = configuration
        // 1. Cut into raw pieces: [start, end) word index ranges.
        var pieces: [Range<Int>] = []
        pieces.reserveCapacity(words.count / max(1, c.chunkWords) + 2)
        words.withUnsafeBufferPointer { w in
            var paragraphStart = 0
            var i = 1
            while i < w.count {
                if w[i].boundary == .paragraph {
                    Self.cut(paragraphStart..<i, of: w, c, into: &pieces)
                    paragraphStart = i
                }
                i += 1
            }
            Self.cut(paragraphStart..<w.count, of: w, c, into: &pieces)
        }

        // 2. Pieces with too few content words join the next one (the last one joins the previous).
        func contentCount(_ range: Range<Int>) -> Int { Int(counts[range.upperBound] - counts[range.lowerBound]) }
        var merged: [Range<Int>] = []
        var pendingStart: Int?
        for piece in pieces {
            let range = (pendingStart ?? piece.lowerBound)..<piece.upperBound
            if contentCount(range) < c.minPassageContentWords {
                pendingStart = range.lowerBound
                continue
            }
            pendingStart = nil
            merged.append(range)
            if merged.count >= min(c.maxPassages, 1 << 16) { break }
        }
        if let start = pendingStart, merged.count < min(c.maxPassages, 1 << 16) {
            if let last = merged.last, last.upperBound == start {
                merged[merged.count - 1] = last.lowerBound..<(pieces.last?.upperBound ?? start)
            } else if contentCount(start..<(pieces.last?.upperBound ?? start)) > 0 {
                merged.append(start..<(pieces.last?.upperBound ?? start))
            }
        }
        return merged
    }

    /// Appends the pieces of one paragraph: whole when short, else cut at sentence ends.
    private static func cut(_ range: Range<Int>, of words: UnsafeBufferPointer<Word>, _ c: DedupConfiguration,
                            into pieces: inout [Range<Int>]) {
        guard !range.isEmpty else { return }
        if range.count <= c.passageWords { pieces.append(range); return }
        var start = range.lowerBound
        var i = start + 1
        while i < range.upperBound {
            let length = i - start
            let atSentence = words[i].boundary == .sentence
            if (atSentence && length >= c.chunkWords) || length >= c.passageWords * 2 {
                pieces.append(start..<i)
                start = i
            }
            i += 1
        }
        if start < range.upperBound {
            // A short tail joins the previous piece of the same paragraph.
            if range.upperBound - start < c.chunkWords / 2, let last = pieces.last, last.upperBound == start {
                pieces[pieces.count - 1] = last.lowerBound..<range.upperBound
            } else {
                pieces.append(start..<range.upperBound)
            }
        }
    }

    /// One min-hash per passage (more for articles with few passages), the smallest `maxKeys` kept.
    private func selectKeys(_ pieces: [Range<Int>], _ content: ContentWords) -> [UInt32] {
        let c = configuration
        guard !pieces.isEmpty else { return [] }
        let seedCount = max(1, (c.minKeys + pieces.count - 1) / pieces.count)
        var keys: [UInt32] = []
        keys.reserveCapacity(pieces.count * seedCount)
        var lead: [UInt32] = []
        var leadPieces = 0
        content.hashes.withUnsafeBufferPointer { h in
            for range in pieces {
                // The passage's content words: a min-hash of their neighbour pairs, or of the word alone.
                let lo = Int(content.counts[range.lowerBound]), hi = Int(content.counts[range.upperBound])
                guard hi > lo else { continue }
                for s in 0..<seedCount {
                    keys.append(UInt32(truncatingIfNeeded: Self.minHash(h, lo, hi, seed: Self.seeds[s % Self.seeds.count]) >> 32))
                }
                if lead.isEmpty || leadPieces < c.leadPassages {
                    if lead.count < c.leadPassages * seedCount { lead.append(contentsOf: keys.suffix(seedCount)) }
                    leadPieces += 1
                }
            }
        }
        // The lead passages always, then the smallest of the rest (consistent sampling): a cut copy or
        // an excerpt shares the beginning even when it is a small part of a very long article.
        // The lead holds a few keys: a linear search beats hashing them into a set.
        lead.sort()
        lead = uniqued(lead)
        var rest = keys.filter { !lead.contains($0) }
        rest.sort()
        rest = uniqued(rest)
        let room = max(0, c.maxKeys - lead.count)
        if rest.count > room { rest.removeLast(rest.count - room) }
        rest.append(contentsOf: lead)
        rest.sort()
        return rest
    }

    /// The min-hash of the neighbour pairs of `h[lo..<hi]` (of the word alone when there is one) under `seed`.
    @inline(__always)
    private static func minHash(_ h: UnsafeBufferPointer<UInt64>, _ lo: Int, _ hi: Int, seed: UInt64) -> UInt64 {
        if hi - lo == 1 { return WordScanner.mix(h[lo] ^ seed) }
        var minimum = UInt64.max
        var j = lo + 1
        while j < hi {
            minimum = min(minimum, WordScanner.mix(h[j - 1] ^ rotate(h[j], by: 29) ^ seed))
            j += 1
        }
        return minimum
    }

    static let seeds: [UInt64] = [
        0x9E37_79B9_7F4A_7C15, 0xC2B2_AE3D_27D4_EB4F, 0x1656_67B1_9E37_79F9, 0x27D4_EB2F_1656_67C5,
        0x85EB_CA77_C2B2_AE63, 0x94D0_49BB_1331_11EB, 0xBF58_476D_1CE4_E5B9, 0xD6E8_FEB8_6659_FD93,
    ]
}

@inline(__always) func rotate(_ x: UInt64, by r: UInt64) -> UInt64 {
    let r = r & 63
    return r == 0 ? x : (x << r) | (x >> (64 - r))
}

/// Drops repeats from a sorted array.
func uniqued<T: Equatable>(_ sorted: [T]) -> [T] {
    guard sorted.count > 1 else { return sorted }
    var out = sorted
    var write = 1
    for read in 1..<out.count where out[read] != out[write - 1] {
        out[write] = out[read]
        write += 1
    }
    out.removeLast(out.count - write)
    return out
}

/// Size of the intersection of two sorted, unique arrays.
func intersectionCount<T: Comparable>(_ a: [T], _ b: [T]) -> Int {
    var i = 0, j = 0, n = 0
    while i < a.count && j < b.count {
        if a[i] == b[j] { n += 1; i += 1; j += 1 } else if a[i] < b[j] { i += 1 } else { j += 1 }
    }
    return n
}
