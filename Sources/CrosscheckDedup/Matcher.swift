import CrosscheckCore

/// The verdict on one pair of articles.
public struct Match: Sendable, Hashable {
    public var kind: RelationKind
    public var score: Double
    /// For `contains`: true when the first article of the pair is the container.
    public var firstContains: Bool
    /// Aligned passages, positions in the first article then the second.
    public var aligned: [AlignedPassage]

    /// The relation between `first` and `second` with the documented direction.
    public func relation(first: Int64, second: Int64) -> TextRelation {
        if kind == .contains, !firstContains {
            let flipped = aligned.map { AlignedPassage(article: $0.other, other: $0.article, similarity: $0.similarity) }
            return TextRelation(article: second, other: first, kind: kind, score: score, aligned: flipped)
        }
        return TextRelation(article: first, other: second, kind: kind, score: score, aligned: aligned)
    }
}

/// Decides whether two fingerprinted articles are linked, and how.
///
/// In order: the same word sequence is `exact`; one text almost wholly inside a clearly longer one is
/// `contains`; a word-shingle Jaccard at or above `nearThreshold` is `near`; one article holding
/// `containThreshold` of the other's shingles is `contains`; otherwise the passages are aligned by
/// content-word Jaccard, and enough aligned passages make a `rewrite`.
public struct Matcher: Sendable {
    public var configuration: DedupConfiguration

    public init(configuration: DedupConfiguration = DedupConfiguration()) {
        self.configuration = configuration
    }

    public func compare(_ a: Fingerprint, _ b: Fingerprint) -> Match? {
        let c = configuration
        if a.exact == b.exact, a.wordCount == b.wordCount, a.wordCount > 0 {
            return Match(kind: .exact, score: 1, firstContains: false, aligned: [])
        }
        guard !a.isShort(c), !b.isShort(c) else { return nil }
        let shared = Double(intersectionCount(a.shingles, b.shingles))
        let sizeA = Double(a.shingles.count), sizeB = Double(b.shingles.count)
        let jaccard = shared / max(1, sizeA + sizeB - shared)
        let aInB = shared / max(1, sizeA), bInA = shared / max(1, sizeB)
        let inner = max(aInB, bInA)
        // One text almost wholly inside the other, which has clearly more of its own than the first
        // (an added lead, a cut): contains, whatever the Jaccard. Light edits on both sides are near.
        let smallOnly = (bInA >= aInB ? sizeB : sizeA) - shared, bigOnly = (bInA >= aInB ? sizeA : sizeB) - shared
        if inner >= c.wholeThreshold, bigOnly >= c.containRatio * smallOnly + Double(c.containMinExtra) {
            return Match(kind: .contains, score: inner, firstContains: bInA >= aInB, aligned: kept(align(a, b)))
        }
        if jaccard >= c.nearThreshold {
            return Match(kind: .near, score: jaccard, firstContains: false, aligned: kept(align(a, b)))
        }
        if inner >= c.containThreshold {
            return Match(kind: .contains, score: inner, firstContains: bInA >= aInB, aligned: kept(align(a, b)))
        }
        // Rewrites keep some of the wording (names, figures, stock phrases): without a minimum of
        // shared shingles the passages are not aligned at all, which keeps unrelated candidates cheap.
        let sharedAnchors = intersectionCount(a.anchors, b.anchors)
        let anchorShare = Double(sharedAnchors) / Double(max(1, min(a.anchors.count, b.anchors.count)))
        guard shared >= max(Double(c.rewriteMinShingles), c.rewriteMinShingleShare * min(sizeA, sizeB))
                || (sharedAnchors >= c.anchorAlignMinShared && anchorShare >= c.rewriteMinAnchorShare)
        else { return nil }
        let pairs = alignedPairs(a, b)
        // Only substantial passages count: a shared sign-off or dateline line is not a rewrite.
        // Distinct passages on each side, marked in flag arrays (no hashing in the hottest path).
        var countedA = [Bool](repeating: false, count: a.passages.count), countedB = [Bool](repeating: false, count: b.passages.count)
        var distinctA = 0, distinctB = 0
        for pair in pairs where min(a.passages[pair.a].words.count, b.passages[pair.b].words.count) >= c.rewriteMinPassageWords {
            if !countedA[pair.a] { countedA[pair.a] = true; distinctA += 1 }
            if !countedB[pair.b] { countedB[pair.b] = true; distinctB += 1 }
        }
        let count = min(distinctA, distinctB)
        let share = Double(count) / Double(max(1, min(a.passages.count, b.passages.count)))
        if count >= c.rewriteMinAligned, share >= c.rewriteMinShare {
            return Match(kind: .rewrite, score: min(1, share), firstContains: false, aligned: kept(passages(pairs, a, b)))
        }
        return nil
    }

    private func kept(_ aligned: [AlignedPassage]) -> [AlignedPassage] {
        Array(aligned.prefix(configuration.maxAlignedKept))
    }

    /// Every passage of `a` with its most similar passage of `b`, when they align; best first.
    public func align(_ a: Fingerprint, _ b: Fingerprint) -> [AlignedPassage] {
        passages(alignedPairs(a, b), a, b)
    }

    func passages(_ pairs: [(a: Int, b: Int, similarity: Double)], _ a: Fingerprint, _ b: Fingerprint) -> [AlignedPassage] {
        pairs.map { AlignedPassage(article: a.passages[$0.a].range, other: b.passages[$0.b].range, similarity: $0.similarity) }
    }

    /// `align` by passage index.
    ///
    /// The shared words of every passage pair come from one merge of the two articles' sorted
    /// (word, passage) lists, not from an intersection per pair.
    func alignedPairs(_ a: Fingerprint, _ b: Fingerprint) -> [(a: Int, b: Int, similarity: Double)] {
        let threshold = configuration.alignThreshold
        let na = a.passages.count, nb = b.passages.count
        guard na > 0, nb > 0 else { return [] }
        var shared = [Int32](repeating: 0, count: na * nb)
        shared.withUnsafeMutableBufferPointer { shared in
        a.wordIndex.withUnsafeBufferPointer { aw in
        b.wordIndex.withUnsafeBufferPointer { bw in
            // Entries are word << 16 | passage, sorted: equal words are neighbours.
            var i = 0, j = 0
            while i < aw.count && j < bw.count {
                let x = aw[i] >> 16, y = bw[j] >> 16
                if x < y { i += 1; continue }
                if x > y { j += 1; continue }
                var i2 = i + 1
                while i2 < aw.count && aw[i2] >> 16 == x { i2 += 1 }
                var j2 = j + 1
                while j2 < bw.count && bw[j2] >> 16 == x { j2 += 1 }
                for p in i..<i2 {
                    let row = Int(aw[p] & 0xFFFF) * nb
                    for q in j..<j2 { shared[row + Int(bw[q] & 0xFFFF)] += 1 }
                }
                i = i2; j = j2
            }
        }}}
        var out: [(a: Int, b: Int, similarity: Double)] = []
        for (ia, pa) in a.passages.enumerated() {
            var best = 0.0
            var bestIndex = -1
            for (ib, pb) in b.passages.enumerated() {
                // Jaccard can reach the threshold only if the sizes are close enough.
                let small = Double(min(pa.words.count, pb.words.count)), large = Double(max(pa.words.count, pb.words.count))
                guard small / large > best else { continue }
                let common = Double(shared[ia * nb + ib])
                var j = common / (Double(pa.words.count + pb.words.count) - common)
                if j < threshold, j >= configuration.anchorAlignContent, pa.anchors.count >= 3, pb.anchors.count >= 3 {
                    // A paraphrase: other words, the same numbers and names.
                    let sharedAnchors = intersectionCount(pa.anchors, pb.anchors)
                    let anchorJ = Double(sharedAnchors) / Double(pa.anchors.count + pb.anchors.count - sharedAnchors)
                    if sharedAnchors >= configuration.anchorAlignMinShared, anchorJ >= configuration.anchorAlignThreshold {
                        j = threshold  // aligned, at the threshold: the words alone would not say so
                    }
                }
                if j > best { best = j; bestIndex = ib }
            }
            if best >= threshold, bestIndex >= 0 {
                out.append((ia, bestIndex, (best * 1000).rounded() / 1000))
            }
        }
        out.sort { $0.similarity != $1.similarity ? $0.similarity > $1.similarity : a.passages[$0.a].range.start < a.passages[$1.a].range.start }
        return out
    }
}
