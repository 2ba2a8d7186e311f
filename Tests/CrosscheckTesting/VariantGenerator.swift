import Foundation

/// Makes realistic copies of real articles for the duplicate-finder quality test: what syndication,
/// aggregators and rewriters do to a story. Every variant knows what it is a variant of and how.
public struct VariantGenerator {
    public enum Kind: String, CaseIterable, Sendable {
        /// Same text, other boilerplate around it and another headline.
        case reboilerplated
        /// A few sentences edited, two paragraphs swapped, other boilerplate.
        case edited
        /// A new lead of one or two paragraphs before the whole story.
        case lead
        /// Only the first half or so of the story.
        case truncated
        /// Paragraphs reordered, some dropped or merged, a quarter of the content words replaced or
        /// dropped sentence by sentence: what a rewriter or a machine translation does.
        case rewritten
    }

    /// The relation the duplicate finder should report for each kind.
    public static func expected(_ kind: Kind) -> String {
        switch kind {
        case .reboilerplated: "exact"
        case .edited: "near"
        case .lead, .truncated: "contains"
        case .rewritten: "rewrite"
        }
    }

    public struct Variant: Sendable {
        public var kind: Kind
        /// Index of the original in the input.
        public var original: Int
        /// Raw text as a scraper would hand it over: headline, boilerplate, paragraphs.
        public var text: String
    }

    var random: SplitMix
    /// Words to swap in: drawn from all the originals.
    let vocabulary: [String]

    public init(seed: UInt64, originals: [[String]]) {
        random = SplitMix(seed: seed)
        var words = Set<String>()
        for paragraphs in originals.prefix(200) {
            for p in paragraphs { for w in p.split(separator: " ") where w.count > 3 && w.allSatisfy(\.isLetter) { words.insert(String(w)) } }
        }
        vocabulary = words.sorted()
    }

    mutating func below(_ n: Int) -> Int { n <= 1 ? 0 : Int(random.next() % UInt64(n)) }
    mutating func chance(_ p: Double) -> Bool { Double(random.next() % 1_000_000) / 1_000_000 < p }

    static let heads = [
        ["Skip to content", "Home / World / Asia"], ["Advertisement"], ["Menu", "Search"], ["Breaking News"], [],
    ]
    static let tails = [
        ["Share this article:", "Facebook Twitter WhatsApp Email", "Subscribe to our newsletter to get the latest news every morning."],
        ["© 2024 Daily Example Media. All rights reserved.", "Privacy Policy | Terms of Use | Contact"],
        ["Read more:", "Leave a Reply", "Your email address will not be published. Required fields are marked *"],
        ["Support independent journalism. Donate today.", "Related articles"],
        [],
    ]

    /// A headline made of the story's first words, without closing punctuation.
    static func headline(_ paragraphs: [String], words: Int) -> String {
        let first = (paragraphs.first ?? "").split(separator: " ").prefix(words).joined(separator: " ")
        return String(first.trimmingCharacters(in: .punctuationCharacters.union(.whitespaces)).prefix(90))
    }

    /// An original as a scraper hands it over: headline, then the paragraphs.
    public func original(_ paragraphs: [String], index: Int) -> String {
        ([Self.headline(paragraphs, words: 8), ""] + paragraphs.flatMap { [$0, ""] }).joined(separator: "\n")
    }

    /// Raw text with a headline, boilerplate before and after, and the paragraphs.
    mutating func dress(_ paragraphs: [String], title: String) -> String {
        let head = Self.heads[below(Self.heads.count)]
        let tail = Self.tails[below(Self.tails.count)]
        return (head + [title, ""] + paragraphs.flatMap { [$0, ""] } + tail).joined(separator: "\n")
    }

    public static func sentences(_ paragraph: String) -> [String] {
        var out: [String] = []
        var current = ""
        let chars = Array(paragraph)
        for (i, ch) in chars.enumerated() {
            current.append(ch)
            if ".!?".contains(ch), i + 2 < chars.count, chars[i + 1] == " ", chars[i + 2].isUppercase {
                out.append(current.trimmingCharacters(in: .whitespaces))
                current = ""
            }
        }
        if !current.trimmingCharacters(in: .whitespaces).isEmpty { out.append(current.trimmingCharacters(in: .whitespaces)) }
        return out
    }

    /// Replaces or drops about `rate` of the words of a sentence.
    mutating func edit(_ sentence: String, rate: Double) -> String {
        var words = sentence.split(separator: " ").map(String.init)
        var i = 0
        while i < words.count {
            if words[i].count > 3, chance(rate) {
                if chance(0.3) || vocabulary.isEmpty { words.remove(at: i); continue }
                words[i] = vocabulary[below(vocabulary.count)]
            }
            i += 1
        }
        return words.joined(separator: " ")
    }

    public mutating func variant(of index: Int, _ paragraphs: [String], kind: Kind, other: [String]) -> Variant {
        let title = ["UPDATE", "Breaking", "Exclusive", "Report"][below(4)] + " – " + Self.headline(paragraphs, words: 5 + below(5))
        var out = paragraphs
        switch kind {
        case .reboilerplated:
            break
        case .edited:
            // Edit one sentence in six lightly; swap two paragraphs.
            var edited = false
            out = out.map { p in
                Self.sentences(p).map { s in
                    guard chance(1.0 / 6) else { return s }
                    edited = true
                    return edit(s, rate: 0.2)
                }.joined(separator: " ")
            }
            if !edited, !out.isEmpty {
                // At least one edit, mid-story.
                let k = out.count / 2
                out[k] = Self.sentences(out[k]).enumerated().map { $0.offset == 0 ? edit($0.element, rate: 0.5) + " Officials declined to comment." : $0.element }.joined(separator: " ")
            }
            if out.count >= 4 {
                let a = 1 + below(out.count - 2)
                out.swapAt(a, a + 1)
            }
        case .lead:
            // `other` must be an article outside the corpus, or the variant really reuses it.
            let lead = Array(other.filter { $0.split(separator: " ").count >= 25 }.prefix(1 + below(2)))
            out = lead + out
        case .truncated:
            let keep = min(out.count - 1, max(1, Int(Double(out.count) * (0.4 + Double(below(30)) / 100))))
            out = Array(out.prefix(keep))
        case .rewritten:
            out = out.map { p in Self.sentences(p).map { edit($0, rate: 0.25) }.joined(separator: " ") }
            // Drop about a fifth of the paragraphs (never all), merge two, move one.
            out = out.enumerated().filter { $0.offset == 0 || !chance(0.2) }.map(\.element)
            if out.count >= 3 {
                let m = below(out.count - 1)
                out[m] = out[m] + " " + out[m + 1]
                out.remove(at: m + 1)
            }
            if out.count >= 3 {
                let moved = out.remove(at: 1 + below(out.count - 1))
                out.insert(moved, at: below(out.count))
            }
        }
        return Variant(kind: kind, original: index, text: dress(out, title: title))
    }
}
