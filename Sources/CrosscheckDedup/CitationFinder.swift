import CrosscheckCore
import Foundation

/// News outlets and agencies with their aliases, from the `outlets.tsv` resource.
public struct OutletVocabulary: Sendable {
    /// Canonical names.
    public let names: [String]
    /// Each outlet's aliases as written in the vocabulary (parallel to `names`).
    public let aliases: [[String]]
    /// Aliases of two words or more by their first two (`pairKey`): (words, index into `names`), longest
    /// first. Keyed by two words, "The" at the start of a sentence checks a few aliases, not all 120
    /// "The …" ones, and no `Dictionary` hashes a key per capitalised word.
    let index: HashedKeyMap<[(words: [UInt64], outlet: Int)]>
    /// One-word aliases: index into `names`.
    let single: HashedKeyMap<Int>
    /// Letters and digits of every name and alias, lowercased → index into `names`.
    let compact: [String: Int]
    /// The first words of all aliases: most words are not, and this answers with one probe.
    let firstWords: HashedKeySet

    public init(entries: [(name: String, aliases: [String])]) {
        var names: [String] = []
        var byPair: [UInt64: [(words: [UInt64], outlet: Int, order: Int)]] = [:]
        var single = HashedKeyMap<Int>()
        var first = HashedKeySet()
        var compact: [String: Int] = [:]
        self.aliases = entries.map(\.aliases)
        for (name, aliases) in entries {
            let n = names.count
            names.append(name)
            var all = [name] + aliases
            // "according to the Guardian": the matcher starts at a capitalised word, after "the".
            all += all.filter { $0.hasPrefix("The ") }.map { String($0.dropFirst(4)) }
            for alias in all {
                let words = WordScanner.words(alias).map(\.hash)
                guard let lead = words.first else { continue }
                first.insert(lead)
                if words.count == 1 {
                    if single[lead] == nil { single[lead] = n }
                } else {
                    let key = Self.pairKey(lead, words[1])
                    byPair[key, default: []].append((words, n, byPair[key]?.count ?? 0))
                }
                let key = Self.compactForm(alias)
                if !key.isEmpty, compact[key] == nil { compact[key] = n }
            }
        }
        self.names = names
        // Longest first; the earlier entry first among equally long ones.
        index = HashedKeyMap(byPair.map { key, options in
            (key, options.sorted { ($0.words.count, -$0.order) > ($1.words.count, -$1.order) }.map { ($0.words, $0.outlet) })
        })
        self.single = single
        self.compact = compact
        firstWords = first
    }

    /// Parses `Canonical<TAB>alias|alias…` lines; `#` comments.
    public init(fileContents: String) {
        var entries: [(String, [String])] = []
        for line in fileContents.split(whereSeparator: \.isNewline) where !line.hasPrefix("#") {
            let parts = line.split(separator: "\t", maxSplits: 1).map { $0.trimmingCharacters(in: .whitespaces) }
            guard let name = parts.first, !name.isEmpty else { continue }
            let aliases = parts.count > 1 ? parts[1].split(separator: "|").map { $0.trimmingCharacters(in: .whitespaces) }.filter { !$0.isEmpty } : []
            entries.append((name, aliases))
        }
        self.init(entries: entries)
    }

    public static let bundled: OutletVocabulary = {
        guard let url = Bundle.module.url(forResource: "outlets", withExtension: "tsv"),
              let text = try? String(contentsOf: url, encoding: .utf8)
        else { return OutletVocabulary(entries: []) }
        return OutletVocabulary(fileContents: text)
    }()

    /// Letters and digits, lowercased, without a leading "the": "The Amu Observer" → "amuobserver".
    static func compactForm(_ s: String) -> String {
        var lower = s.lowercased()
        if lower.hasPrefix("the ") { lower.removeFirst(4) }
        return String(String.UnicodeScalarView(lower.unicodeScalars.filter { CharacterSet.alphanumerics.contains($0) }))
    }

    /// The canonical name of an outlet as a site names itself ("RFE/RL", "www.rferl.org", "Reuters").
    public func canonical(outlet: String) -> String? {
        var host = outlet.lowercased()
        if host.hasPrefix("www.") { host.removeFirst(4) }
        let candidates = [outlet, host, host.split(separator: ".").dropLast().joined(separator: ".")]
        for candidate in candidates {
            if let n = compact[Self.compactForm(candidate)] { return names[n] }
        }
        return nil
    }

    /// The longest alias starting at word `i`: (words matched, outlet index).
    func match(_ words: [Word], at i: Int) -> (length: Int, outlet: Int)? {
        let lead = words[i].hash
        guard firstWords.contains(lead) else { return nil }
        if i + 1 < words.count, let options = index[Self.pairKey(lead, words[i + 1].hash)] {
            for option in options where i + option.words.count <= words.count {
                var ok = true
                for k in 2..<max(2, option.words.count) where words[i + k].hash != option.words[k] { ok = false; break }
                if ok { return (option.words.count, option.outlet) }
            }
        }
        return single[lead].map { (1, $0) }
    }

    static func pairKey(_ first: UInt64, _ second: UInt64) -> UInt64 { WordScanner.mix(first ^ rotate(second, by: 23)) }
}

/// Finds attributions of facts to an outlet: "told RFE/RL", "according to Reuters", "Radio Liberty
/// reported", "Turkmen.News also reported", a wire dateline "MOSCOW (Reuters) -". Outlets come from
/// the vocabulary, or, right after a cue such as "told" or before "reported", from a run of capitalised
/// words naming a medium ("… News", "… Times", "Radio …"). An outlet citing itself is not a citation.
public struct CitationFinder: Sendable {
    public struct Found: Sendable, Hashable {
        public var outlet: String
        public var sentence: TextRange
        public var cue: String
    }

    public let vocabulary: OutletVocabulary
    /// The cue words and word lists below, as hashes held by the value (read for every capitalised
    /// word of every article: no lazy globals, no hashing).
    private let told = h("told"), citing = h("citing"), according = h("according"), to = h("to"), by = h("by"),
                the = h("the"), with = h("with"), interview = h("interview"), of = h("of"), and = h("and")
    /// Words after which an outlet is the source: "reported by X", "quoted by X", "cited by X".
    private let byVerbs = HashedKeySet(["reported", "quoted", "cited", "published", "broadcast", "aired"].map(h))
    /// Verbs after the outlet: "X reported", "X said".
    private let postVerbs = HashedKeySet(["reported", "reports", "said", "says", "quoted", "cited", "wrote",
                                       "writes", "learned", "learnt", "reporting", "published", "broadcast"].map(h))
    /// Verbs after a medium not in the vocabulary: reporting verbs only ("X said" is usually a person).
    private let genericPostVerbs = HashedKeySet(["reported", "reports", "wrote", "writes", "published", "broadcast"].map(h))
    /// Words that may stand between the outlet and its verb.
    private let between = HashedKeySet(["also", "has", "had", "earlier", "previously", "first", "news", "agency",
                                     "service", "newspaper", "website", "channel", "television", "radio"].map(h))
    /// Words that name a medium.
    private let mediumWords = HashedKeySet(["news", "times", "post", "agency", "radio", "tv", "television", "journal",
                                         "gazette", "herald", "telegraph", "tribune", "daily", "press", "wire",
                                         "today", "monitor", "observer", "chronicle", "zeitung", "agence", "novosti",
                                         "broadcasting", "network", "media", "newspaper", "magazine", "weekly",
                                         "info", "24", "online", "asia", "plus"].map(h))

    public init(vocabulary: OutletVocabulary) {
        self.vocabulary = vocabulary
    }

    public static let bundled = CitationFinder(vocabulary: .bundled)

    public func find(in text: String, outlet: String?) -> [Found] {
        find(in: text, words: WordScanner.words(text, limit: 200_000), outlet: outlet)
    }

    /// The same, over words already scanned from `text`.
    public func find(in text: String, words: [Word], outlet: String?) -> [Found] {
        guard !words.isEmpty else { return [] }
        var text = text
        return text.withUTF8 { find(in: $0, words: words, outlet: outlet) }
    }

    private func find(in bytes: UnsafeBufferPointer<UInt8>, words: [Word], outlet: String?) -> [Found] {
        let own = outlet.flatMap(vocabulary.canonical(outlet:)) ?? outlet.map { OutletVocabulary.compactForm($0) }
        func capitalized(_ i: Int) -> Bool {
            let b = words[i].lead
            return (b >= 0x41 && b <= 0x5A) || (b >= 0x30 && b <= 0x39) || b >= 0xC0
        }
        func sameSentence(_ i: Int) -> Bool { words[i].boundary == .none }

        var out: [Found] = []
        var seen = Set<String>()
        var i = 0
        while i < words.count {
            guard capitalized(i) else { i += 1; continue }
            var length = 0
            var name: String?
            var known = false
            if let m = vocabulary.match(words, at: i), allCapitalized(i, m.length, capitalized, { Int(words[$0].end - words[$0].start) }) {
                length = m.length
                name = vocabulary.names[m.outlet]
                known = true
            }
            // The cue before: told X / citing X / according to (the) X / reported by X / interview with X.
            var cueStart: Int?
            var p = i - 1
            if p >= 0, words[p].hash == the, sameSentence(i) { p -= 1 }
            if p >= 0, sameSentence(p + 1) {
                let w = words[p].hash
                if w == told || w == citing {
                    cueStart = p
                } else if p >= 1, sameSentence(p) {
                    let v = words[p - 1].hash
                    if (v == according && w == to) || (byVerbs.contains(v) && w == by)
                        || (v == interview && w == with) {
                        cueStart = p - 1
                    }
                }
            }
            if name == nil {
                // A medium not in the vocabulary: a run of capitalised words holding a medium word.
                var end = i
                while end < words.count, end == i || sameSentence(end),
                      capitalized(end) || ((words[end].hash == of || words[end].hash == and) && end + 1 < words.count && capitalized(end + 1)) {
                    end += 1
                    if end - i >= 6 { break }
                }
                if end > i, (i..<end).contains(where: { mediumWords.contains(words[$0].hash) }), end - i >= 1,
                   !(end - i == 1 && mediumWords.contains(words[i].hash)) {
                    length = end - i
                    name = String(decoding: bytes[Int(words[i].start)..<Int(words[end - 1].end)], as: UTF8.self)
                }
            }
            guard let outletName = name, length > 0 else { i += 1; continue }
            // The cue after: X (also|has|news agency…) reported/said.
            var cueEnd: Int?
            var q = i + length
            var skipped = 0
            while q < words.count, sameSentence(q), between.contains(words[q].hash), skipped < 3 { q += 1; skipped += 1 }
            if q < words.count, sameSentence(q), (known ? postVerbs : genericPostVerbs).contains(words[q].hash) {
                cueEnd = q
            }
            // A wire dateline near the top: "(Reuters) -".
            var dateline = false
            if known, i < 12, words[i].start > 0, bytes[Int(words[i].start) - 1] == 0x28 { dateline = true }

            guard cueStart != nil || cueEnd != nil || dateline else { i += max(1, length); continue }
            if let own, own == outletName || own == OutletVocabulary.compactForm(outletName) { i += length; continue }
            let first = cueStart ?? i
            let last = cueEnd ?? (i + length - 1)
            let cue = String(decoding: bytes[Int(words[first].start)..<Int(words[last].end)], as: UTF8.self)
            let sentence = sentenceRange(around: i, words, bytes)
            if seen.insert("\(outletName)|\(sentence.start)").inserted {
                out.append(Found(outlet: outletName, sentence: sentence, cue: dateline && cueStart == nil && cueEnd == nil ? "(\(cue)) dateline" : cue))
            }
            i += length
        }
        return out
    }

    /// Every word of the alias capitalised, short connectors ("of", "de") aside.
    private func allCapitalized(_ i: Int, _ length: Int, _ capitalized: (Int) -> Bool, _ words: (Int) -> Int) -> Bool {
        (i..<(i + length)).allSatisfy { k in capitalized(k) || words(k) <= 3 }
    }

    /// The sentence holding word `i`: from the last sentence or paragraph start to the next, with its
    /// closing punctuation.
    private func sentenceRange(around i: Int, _ words: [Word], _ bytes: UnsafeBufferPointer<UInt8>) -> TextRange {
        var s = i
        while s > 0, words[s].boundary == .none { s -= 1 }
        var e = i + 1
        while e < words.count, words[e].boundary == .none { e += 1 }
        var end = Int(words[e - 1].end)
        while end < bytes.count, [0x2E, 0x21, 0x3F, 0x22, 0x29].contains(bytes[end]) { end += 1 }
        return TextRange(start: Int(words[s].start), end: min(end, bytes.count))
    }
}

private func h(_ word: String) -> UInt64 { WordScanner.hash(word) }
