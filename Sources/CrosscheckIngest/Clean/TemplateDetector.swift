import CrosscheckCore
import Foundation

/// Corpus evidence for boilerplate: a short paragraph that recurs in many articles of one outlet is
/// the outlet's template ("Subscribe to our Telegram channel…", "Photo: AP"), whatever its words.
///
/// Only short paragraphs count: a long paragraph that recurs is a reprint, which deduplication
/// handles, not boilerplate.
public struct TemplateDetector: Sendable {
    /// A paragraph is template when it occurs in at least this many articles of the group…
    public var minArticles: Int
    /// …and in at least this share of them.
    public var minShare: Double
    /// Paragraphs longer than this many words are never template.
    public var maxWords: Int

    public init(minArticles: Int = 3, minShare: Double = 0.5, maxWords: Int = 25) {
        self.minArticles = minArticles
        self.minShare = minShare
        self.maxWords = maxWords
    }

    /// Hashes of the article's short paragraphs, counting those an earlier pass already removed as
    /// template, so a later run reaches the same verdict whatever order articles arrived in.
    public func paragraphHashes(_ article: Article) -> Set<UInt64> {
        paragraphHashes(text: article.text, templates: article.removed.filter { $0.reason == "template" }.map(\.text))
    }

    /// `paragraphHashes` of a text and the template paragraphs already removed from it.
    public func paragraphHashes(text: String, templates: [String]) -> Set<UInt64> {
        var out = Set<UInt64>()
        // One pass over the bytes: paragraphs split as `paragraphs` splits them, words counted as
        // `TextCleaner.wordCount` counts them, hashed as `hash` hashes.
        var h = Self.hashSeed
        var words = 0
        var inWord = false
        var previousNewline = false
        for b in text.utf8 {
            if b == 10 && previousNewline {
                if words <= maxWords { out.insert(h) }
                h = Self.hashSeed; words = 0; inWord = false; previousNewline = false
                continue
            }
            previousNewline = b == 10
            let space = b == 32 || b == 9 || b == 10 || b == 13
            if !space && !inWord { words += 1 }
            inWord = !space
            h = Self.mix(h, b)
        }
        if words <= maxWords { out.insert(h) }
        for piece in templates { out.insert(Self.hash(piece)) }
        return out
    }

    /// The paragraphs of a cleaned text: split at each "\n\n", left to right, on the bytes (a stray "\r"
    /// does not hide a break, as it would between Characters).
    public static func paragraphs(_ text: String) -> [String] {
        var out: [String] = []
        var text = text
        text.withUTF8 { bytes in
            var start = 0, i = 0
            while i + 1 < bytes.count {
                if bytes[i] == 10 && bytes[i + 1] == 10 {
                    out.append(String(decoding: UnsafeBufferPointer(rebasing: bytes[start..<i]), as: UTF8.self))
                    i += 2
                    start = i
                } else {
                    i += 1
                }
            }
            out.append(String(decoding: UnsafeBufferPointer(rebasing: bytes[start...]), as: UTF8.self))
        }
        return out
    }

    /// The template hashes of a group, given each article's `paragraphHashes`.
    public func templates(_ articles: [Set<UInt64>]) -> Set<UInt64> {
        var counts: [UInt64: Int] = [:]
        for hashes in articles { for h in hashes { counts[h, default: 0] += 1 } }
        return templates(counts: counts, size: articles.count)
    }

    /// The template hashes of a group of `size` articles, given how many of them hold each paragraph.
    public func templates(counts: [UInt64: Int], size: Int) -> Set<UInt64> {
        guard size >= minArticles else { return [] }
        let needed = self.needed(size)
        return Set(counts.filter { $0.value >= needed }.keys)
    }

    /// How many of a group's `size` articles must hold a paragraph for it to be template.
    public func needed(_ size: Int) -> Int { max(minArticles, Int((Double(size) * minShare).rounded(.up))) }

    /// `article` without its template paragraphs, or `nil` when it has none (or would be left empty).
    public func strip(_ article: Article, templates: Set<UInt64>, group: String) -> Article? {
        guard !templates.isEmpty else { return nil }
        let paragraphs = Self.paragraphs(article.text)
        var keptText: [String] = []
        var removed: [RemovedPiece] = []
        // Clean-text byte ranges of dropped paragraphs, to shift the source map.
        var dropped: [Range<Int>] = []
        var offset = 0
        for paragraph in paragraphs {
            let length = paragraph.utf8.count
            if TextCleaner.wordCount(paragraph) <= maxWords, templates.contains(Self.hash(paragraph)) {
                removed.append(RemovedPiece(text: paragraph, reason: "template"))
                dropped.append(offset..<(offset + length + 2))
            } else {
                keptText.append(paragraph)
            }
            offset += length + 2
        }
        guard !removed.isEmpty, !keptText.isEmpty else { return nil }
        var result = article
        result.text = keptText.joined(separator: "\n\n")
        result.textHash = ContentID(ofText: result.text)
        result.removed += removed
        result.sourceMap = article.sourceMap.compactMap { segment in
            if dropped.contains(where: { $0.contains(segment.cleanStart) }) { return nil }
            var moved = segment
            moved.cleanStart -= dropped.filter { $0.upperBound <= segment.cleanStart }.reduce(0) { $0 + $1.count }
            return moved
        }
        return result
    }

    /// FNV-1a over the paragraph's lowercased ASCII letters and digits, so spacing and punctuation
    /// variants of one template line hash alike.
    static func hash(_ paragraph: String) -> UInt64 {
        paragraph.utf8.reduce(hashSeed, mix)
    }

    /// One byte into the hash: letters folded to lower case, anything but letters, digits and non-ASCII skipped.
    @inline(__always) static func mix(_ h: UInt64, _ byte: UInt8) -> UInt64 {
        var b = byte
        if b >= 65 && b <= 90 { b += 32 }
        guard (b >= 97 && b <= 122) || (b >= 48 && b <= 57) || b >= 0x80 else { return h }
        return (h ^ UInt64(b)) &* hashPrime
    }

    static let hashSeed: UInt64 = 0xcbf2_9ce4_8422_2325
    static let hashPrime: UInt64 = 0x0000_0100_0000_01B3
}
