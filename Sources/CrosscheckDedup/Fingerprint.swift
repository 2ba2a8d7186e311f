import CrosscheckCore

/// A stretch of an article compared as a unit: a paragraph, or a run of sentences of a long one.
public struct Passage: Sendable, Hashable {
    public var range: TextRange
    /// Sorted, unique hashes of the passage's content words (stopwords and one-letter words left out).
    public var words: [UInt64]
}

/// Everything the duplicate finder compares of one article, computed once from its text.
public struct Fingerprint: Sendable {
    /// Hash of the word sequence: equal for texts that differ only in whitespace, punctuation, quotes,
    /// dashes and case.
    public var exact: UInt64
    public var wordCount: Int
    /// Sorted, unique hashes of word shingles.
    public var shingles: [UInt64]
    public var passages: [Passage]
    /// The LSH keys of the article: min-hashes of its passages' content-word pairs.
    public var keys: [UInt32]

    /// The LSH key under which exact copies meet.
    public var exactKey: UInt32 { UInt32(truncatingIfNeeded: exact >> 32) ^ 0x5EED_0001 }

    /// True when the article is too short to compare other than as an exact copy.
    public func isShort(_ configuration: DedupConfiguration) -> Bool { wordCount < configuration.minWords }
}

/// Computes fingerprints.
public struct Fingerprinter: Sendable {
    public var configuration: DedupConfiguration
    public var stopwords: Stopwords

    public init(configuration: DedupConfiguration = DedupConfiguration(), stopwords: Stopwords = .bundled) {
        self.configuration = configuration
        self.stopwords = stopwords
    }

    public func fingerprint(_ text: String) -> Fingerprint {
        let c = configuration
        let words = WordScanner.words(text, limit: c.maxWords)

        var exact: UInt64 = 0x243F_6A88_85A3_08D3
        for w in words { exact = WordScanner.mix(exact ^ w.hash) }

        var shingles: [UInt64] = []
        let k = c.shingleWords
        if words.count >= k {
            shingles.reserveCapacity(words.count - k + 1)
            for i in 0...(words.count - k) {
                var h: UInt64 = 0
                for j in 0..<k { h = h ^ rotate(words[i + j].hash, by: UInt64(j * 21)) }
                shingles.append(h)
            }
        } else if !words.isEmpty {
            var h: UInt64 = 0
            for (j, w) in words.enumerated() { h ^= rotate(w.hash, by: UInt64(j * 21)) }
            shingles.append(h)
        }
        shingles.sort()
        shingles = uniqued(shingles)

        let passages = makePassages(words)
        return Fingerprint(exact: exact, wordCount: words.count, shingles: shingles, passages: passages.map(\.passage),
                           keys: selectKeys(passages.map(\.bigrams)))
    }

    private func isContent(_ w: Word) -> Bool {
        w.end - w.start >= 2 && !stopwords.contains(w.hash)
    }

    /// Paragraphs, long ones cut at sentence ends, short ones joined to the next.
    private func makePassages(_ words: [Word]) -> [(passage: Passage, bigrams: [UInt64])] {
        let c = configuration
        // 1. Cut into raw pieces: [start, end) word index ranges.
        var pieces: [Range<Int>] = []
        var paragraphStart = 0
        func cutParagraph(_ range: Range<Int>) {
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
        for i in words.indices where i > 0 && words[i].boundary == .paragraph {
            cutParagraph(paragraphStart..<i)
            paragraphStart = i
        }
        cutParagraph(paragraphStart..<words.count)

        // 2. Pieces with too few content words join the next one (the last one joins the previous).
        func contentCount(_ range: Range<Int>) -> Int {
            var n = 0
            for i in range where isContent(words[i]) { n += 1 }
            return n
        }
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
            if merged.count >= c.maxPassages { break }
        }
        if let start = pendingStart, merged.count < c.maxPassages {
            if let last = merged.last, last.upperBound == start {
                merged[merged.count - 1] = last.lowerBound..<(pieces.last?.upperBound ?? start)
            } else if contentCount(start..<(pieces.last?.upperBound ?? start)) > 0 {
                merged.append(start..<(pieces.last?.upperBound ?? start))
            }
        }
        return merged.map { passage(Array($0), words) }
    }

    private func passage(_ indices: [Int], _ words: [Word]) -> (passage: Passage, bigrams: [UInt64]) {
        var content: [UInt64] = []
        content.reserveCapacity(indices.count)
        for i in indices where isContent(words[i]) { content.append(words[i].hash) }
        var bigrams: [UInt64] = []
        if content.count >= 2 {
            bigrams.reserveCapacity(content.count - 1)
            for i in 0..<(content.count - 1) { bigrams.append(content[i] ^ rotate(content[i + 1], by: 29)) }
        } else if let only = content.first {
            bigrams.append(only)
        }
        var sorted = content
        sorted.sort()
        let range = TextRange(start: Int(words[indices.first!].start), end: Int(words[indices.last!].end))
        return (Passage(range: range, words: uniqued(sorted)), bigrams)
    }

    /// One min-hash per passage (more for articles with few passages), the smallest `maxKeys` kept.
    private func selectKeys(_ bigramsPerPassage: [[UInt64]]) -> [UInt32] {
        let c = configuration
        let nonEmpty = bigramsPerPassage.filter { !$0.isEmpty }
        guard !nonEmpty.isEmpty else { return [] }
        let seeds = max(1, (c.minKeys + nonEmpty.count - 1) / nonEmpty.count)
        var keys: [UInt32] = []
        keys.reserveCapacity(nonEmpty.count * seeds)
        for bigrams in nonEmpty {
            for seed in 0..<seeds {
                let salt = Self.seeds[seed % Self.seeds.count]
                var minimum = UInt64.max
                for b in bigrams {
                    let h = WordScanner.mix(b ^ salt)
                    if h < minimum { minimum = h }
                }
                keys.append(UInt32(truncatingIfNeeded: minimum >> 32))
            }
        }
        keys.sort()
        keys = uniqued(keys)
        if keys.count > c.maxKeys { keys.removeLast(keys.count - c.maxKeys) }
        return keys
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
