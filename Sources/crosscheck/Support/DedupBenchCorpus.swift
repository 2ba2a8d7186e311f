import CrosscheckCore
import CrosscheckDedup
import Foundation

/// A generated news-like corpus of any size for the duplicate-finder bench, deterministic per article
/// number so a text can be made again instead of kept (memory stays flat up to millions of articles).
///
/// Words are drawn from 40,000 words with Zipf frequencies (as in real text, a few words are
/// everywhere and most are rare): the most frequent are English function words, the rest made up;
/// 6 % of the words are capitalised as names and 2 % are figures, as in news; articles have 5–10 paragraphs of 2–4 sentences, about 400 words.
/// One article in ten is a copy of an earlier one: lightly edited, cut short, or with a new lead, so
/// the bench also verifies candidates as real ingest does.
struct DedupBenchCorpus: Sendable {
    let words: [String]
    let wordBytes: [[UInt8]]
    /// Cumulative Zipf weights, scaled to 2⁶⁴.
    let cumulative: [UInt64]

    init(vocabulary: Int = 40_000) {
        let syllables = ["ba", "ka", "ri", "to", "men", "sa", "lo", "vi", "der", "an", "po", "tri", "gal", "os", "nu",
                         "che", "im", "ru", "zen", "fa", "qu", "el", "mo", "dis", "hy", "pra", "ste", "un", "wo", "lin"]
        // The most frequent words are real function words, as in any text; then made-up words.
        var words = ["the", "of", "and", "to", "in", "a", "that", "is", "for", "on", "was", "with", "he", "it", "as",
                     "at", "by", "from", "his", "an", "were", "are", "which", "this", "be", "has", "have", "had", "or",
                     "not", "but", "they", "their", "its", "after", "who", "been", "also", "will", "would", "into",
                     "more", "than", "about", "over", "said", "there", "one", "two", "when", "up", "out", "she", "we"]
        var n = 0
        while words.count < vocabulary {
            var k = n
            var w = ""
            repeat { w += syllables[k % syllables.count]; k /= syllables.count } while k > 0
            words.append(w)
            n += 1
        }
        self.words = words
        self.wordBytes = words.map { Array($0.utf8) }
        var weights: [Double] = (1...vocabulary).map { 1 / Double($0) }
        let total = weights.reduce(0, +)
        var running = 0.0
        var cumulative = weights.indices.map { i in
            running += weights[i] / total
            return UInt64(min(running, 1) * 9.2e18) * 2
        }
        cumulative[cumulative.count - 1] = .max
        self.cumulative = cumulative
        weights.removeAll()
    }

    /// splitmix64: a counter through the finder's own mixer.
    struct Random {
        var state: UInt64
        mutating func next() -> UInt64 {
            state &+= 0x9E37_79B9_7F4A_7C15
            return WordScanner.mix(state)
        }
        mutating func below(_ n: Int) -> Int { Int(next() % UInt64(max(1, n))) }
    }

    func word(_ random: inout Random) -> String { words[wordIndex(&random)] }

    /// Whether article `doc` is a copy of an earlier one.
    static func isCopy(_ doc: Int64) -> Bool { doc > 10 && WordScanner.mix(UInt64(doc)) % 10 == 0 }

    func paragraphs(_ doc: Int64) -> [String] {
        var random = Random(state: UInt64(doc) &* 0x2545_F491_4F6C_DD1D)
        if Self.isCopy(doc) {
            var base = doc - 1 - Int64(random.below(Int(min(doc - 2, 5000))))
            while Self.isCopy(base) { base -= 1 }
            var paragraphs = self.paragraphs(base)
            switch random.below(3) {
            case 0:  // a few words changed
                let p = random.below(paragraphs.count)
                var ws = paragraphs[p].split(separator: " ").map(String.init)
                for _ in 0..<3 { ws[random.below(ws.count)] = word(&random) }
                paragraphs[p] = ws.joined(separator: " ")
            case 1:  // cut short
                paragraphs.removeLast(paragraphs.count / 3)
            default:  // a new lead
                paragraphs.insert(sentence(&random) + " " + sentence(&random), at: 0)
            }
            return paragraphs
        }
        return (0..<(5 + random.below(6))).map { _ in
            (0..<(2 + random.below(3))).map { _ in sentence(&random) }.joined(separator: " ")
        }
    }

    func sentence(_ random: inout Random) -> String {
        let n = 8 + random.below(18)
        var out: [UInt8] = []
        out.reserveCapacity(n * 6)
        for i in 0..<n {
            if i > 0 { out.append(0x20) }
            let roll = random.below(100)
            if i > 0, roll < 2 {
                // A figure.
                out.append(contentsOf: Array(String(1 + random.below(roll == 0 ? 100_000 : 100)).utf8))
                continue
            }
            let start = out.count
            out.append(contentsOf: wordBytes[wordIndex(&random)])
            // Capitalised: the sentence's first word, and names (6 % of the others).
            if i == 0 || roll < 8, out[start] >= 0x61 { out[start] &-= 0x20 }
        }
        out.append(0x2E)
        return String(decoding: out, as: UTF8.self)
    }

    func wordIndex(_ random: inout Random) -> Int {
        let x = random.next()
        var lo = 0, hi = cumulative.count - 1
        while lo < hi {
            let mid = (lo + hi) / 2
            if cumulative[mid] < x { lo = mid + 1 } else { hi = mid }
        }
        return lo
    }

    func text(_ doc: Int64) -> String { paragraphs(doc).joined(separator: "\n\n") }

    func document(_ doc: Int64) -> DedupDocument {
        DedupDocument(doc: doc, id: ContentID(ofText: "bench-\(doc)"), outlet: nil, text: text(doc))
    }
}

/// The most recent generated texts, so candidates (mostly recent articles) are not generated twice:
/// the bench measures the finder, not the generator. Older texts are made again on demand.
final class RecentTexts: @unchecked Sendable {
    private let lock = NSLock()
    private var texts: [Int64: String] = [:]
    private var order: [Int64] = []
    private var head = 0
    let capacity: Int

    init(capacity: Int) { self.capacity = capacity }

    func add(_ doc: Int64, _ text: String) {
        lock.lock()
        defer { lock.unlock() }
        if order.count < capacity {
            order.append(doc)
        } else {
            texts[order[head]] = nil
            order[head] = doc
            head = (head + 1) % capacity
        }
        texts[doc] = text
    }

    func text(_ doc: Int64) -> String? {
        lock.lock()
        defer { lock.unlock() }
        return texts[doc]
    }

    /// Seconds spent making older articles' texts again (`document(_:from:)`): generator time, which
    /// the bench takes out of the finder's.
    private(set) var regenerationSeconds = 0.0

    /// Article `doc` as the finder reads a stored candidate: its text from the recent ones, or made
    /// again by the generator (timed apart).
    func document(_ doc: Int64, from corpus: DedupBenchCorpus) -> DedupDocument {
        if let text = text(doc) { return DedupDocument(doc: doc, id: ContentID(ofText: "bench-\(doc)"), outlet: nil, text: text) }
        let start = ContinuousClock.now
        let document = corpus.document(doc)
        let seconds = (ContinuousClock.now - start).inSeconds
        lock.lock()
        regenerationSeconds += seconds
        lock.unlock()
        return document
    }
}
