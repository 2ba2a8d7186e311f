/// Settings of the duplicate finder. The defaults were chosen by measurement: see docs/DEDUP.md and
/// the quality test `DuplicateQualityTests`, which prints precision and recall per relation kind.
public struct DedupConfiguration: Sendable {
    /// Words per shingle for document similarity (Jaccard and containment).
    public var shingleWords = 3
    /// Words read from one article; the rest of a giant article is not compared (bounded time).
    public var maxWords = 100_000
    /// Articles with fewer words are only linked as exact copies.
    public var minWords = 25
    /// Paragraphs longer than this many words are cut at sentence ends into passages…
    public var passageWords = 80
    /// …of at least this many words.
    public var chunkWords = 35
    /// A passage needs this many content words (not stopwords); shorter ones join their neighbour.
    public var minPassageContentWords = 6
    /// Passages compared per article (the rest of a giant article is ignored).
    public var maxPassages = 250

    /// LSH keys per article at most (the smallest passage min-hashes are kept).
    public var maxKeys = 12
    /// Keys of the first passages are always kept (a cut copy shares the beginning).
    public var leadPassages = 3
    /// Anchor keys (min-hashes of number and name pairs, per passage) per article at most.
    public var maxAnchorKeys = 6
    /// Short articles get several min-hashes per passage until they have this many keys.
    public var minKeys = 8
    /// Indexed articles read per key; a key shared by more articles is treated as common.
    public var perKey = 24
    /// Articles with at least this many keys need two shared keys with a candidate (one otherwise).
    public var twoKeysFrom = 6
    /// Candidates verified per article, those sharing the most keys first.
    public var maxCandidates = 32

    /// Word-shingle Jaccard from which two articles are near duplicates.
    public var nearThreshold = 0.6
    /// Share of the smaller article's shingles found in the larger from which the larger contains it.
    public var containThreshold = 0.8
    /// A text with this share of its shingles inside another…
    public var wholeThreshold = 0.9
    /// …is contained in it, whatever the Jaccard, when the other has this many times more shingles of
    /// its own than the first…
    public var containRatio = 3.0
    /// …plus this many (an added lead of a sentence or more, not a few edited words).
    public var containMinExtra = 10
    /// From this Jaccard, a near duplicate is a copy: not indexed itself.
    public var copyThreshold = 0.9
    /// Content-word Jaccard from which two passages align.
    public var alignThreshold = 0.5
    /// Passages are aligned only when the articles share this many word shingles…
    public var rewriteMinShingles = 5
    /// …and this share of the smaller one's.
    public var rewriteMinShingleShare = 0.04
    /// Passages also align on anchors: at least this share of their numbers and names in common…
    public var anchorAlignThreshold = 0.5
    /// …at least this many…
    public var anchorAlignMinShared = 3
    /// …and at least this content-word Jaccard.
    public var anchorAlignContent = 0.25
    /// Articles sharing this share of their anchors (and `anchorAlignMinShared`) are aligned even
    /// with few shingles in common.
    public var rewriteMinAnchorShare = 0.25
    /// Aligned passages count towards a rewrite only with this many content words on both sides.
    public var rewriteMinPassageWords = 10
    /// A rewrite needs this many aligned passages…
    public var rewriteMinAligned = 2
    /// …covering at least this share of the shorter article's passages.
    public var rewriteMinShare = 0.2
    /// Bytes of fingerprints kept between batches of one run, so an article that is a candidate again is
    /// not read and fingerprinted again (on a corpus where every article shares wire paragraphs with
    /// others, most candidates come from the few batches before).
    public var fingerprintCacheBytes = 256 << 20
    /// Aligned passages kept per relation.
    public var maxAlignedKept = 20

    public init() {}
}
