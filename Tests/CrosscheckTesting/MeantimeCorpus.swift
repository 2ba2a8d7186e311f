import Foundation

/// MEANTIME English (../shared/data/meantime-en) rebuilt as text with gold entity units, scored as
/// `scripts/meantime_ner_score.py` describes (the docstring there is the rule): sentences 0–5 of
/// each annotated document, gold = PER/LOC/ORG mentions with a proper-noun head that is not a
/// role title, neutral = products, financial entities, other and nominal mentions, a prediction
/// matches a gold unit when it covers the head token and the type agrees.
public struct MeantimeCorpus {
    public struct Document {
        public var key: String
        public var text: String
        /// Character (Unicode scalar) ranges of tokens, per sentence.
        public var tokens: [[Range<Int>]]
        /// End of the scored text (characters); 0 when the document has no annotation.
        public var zone: Int
    }

    public struct GoldUnit: Hashable {
        public var doc: String
        public var sentence: Int
        public var head: Int
        public var type: String
        public var core: Range<Int>
        public var chain: String
    }

    public var documents: [Document] = []
    public var gold: [GoldUnit] = []
    public var neutral: [String: [Range<Int>]] = [:]
    /// Gold event mentions (all types) in sentences 0–5, by head token; chain = coreference chain.
    public var events: [GoldUnit] = []

    static let roleTitles: Set<String> = [
        "ceo", "cfo", "coo", "president", "vice-president", "minister", "chairman", "chairwoman", "chairperson", "officer",
        "secretary", "director", "chief", "senator", "governor", "mayor", "chancellor", "spokesman", "spokeswoman",
        "spokesperson", "founder", "co-founder", "manager", "analyst", "king", "queen", "prince", "princess", "pope", "judge",
        "ambassador", "general", "commissioner", "treasurer", "premier", "head", "leader", "executive",
    ]

    public init(folder: URL) throws {
        let conll = try String(contentsOf: folder.appendingPathComponent("meantime.conll"), encoding: .utf8)
        var order: [String] = []
        var sentences: [String: [[String]]] = [:]
        for line in conll.split(separator: "\n", omittingEmptySubsequences: true) where !line.hasPrefix("#") {
            let parts = line.split(separator: "\t", omittingEmptySubsequences: false)
            guard parts.count >= 4, let s = Int(parts[1]) else { continue }
            let doc = String(parts[0])
            if sentences[doc] == nil { order.append(doc); sentences[doc] = [] }
            while sentences[doc]!.count <= s { sentences[doc]!.append([]) }
            sentences[doc]![s].append(String(parts[3]))
        }
        let data = try Data(contentsOf: folder.appendingPathComponent("entities_mentions.json"))
        let mentions = try JSONSerialization.jsonObject(with: data) as? [[String: Any]] ?? []
        var texts: [String: (String, [[Range<Int>]])] = [:]
        for doc in order { texts[doc] = Self.rebuild(sentences[doc]!) }
        var seen = Set<String>()
        var annotated = Set<String>()
        for m in mentions {
            guard let doc = m["conll_doc_key"] as? String, let s = m["sent_id"] as? Int, let tokens = sentences[doc]?[s],
                  let kind = m["mention_type"] as? String, let pos = m["mention_head_pos"] as? String,
                  let indices = (m["tokens_number"] as? [Int])?.sorted(), !indices.isEmpty else { continue }
            annotated.insert(doc)
            let head = Self.head(m, tokens, indices)
            let offsets = texts[doc]!.1[s]
            let scored = ["PER", "LOC", "ORG"].contains(kind) && pos == "PROPN" && !Self.roleTitles.contains(tokens[head].lowercased())
            if scored && s <= 5 {
                let key = "\(doc)|\(s)|\(head)|\(kind)"
                if seen.insert(key).inserted {
                    gold.append(GoldUnit(doc: doc, sentence: s, head: head, type: kind,
                                         core: Self.core(texts[doc]!.0, offsets[head]), chain: m["coref_chain"] as? String ?? key))
                }
            } else if !scored {
                for i in indices { neutral[doc, default: []].append(offsets[i]) }
            }
        }
        let eventData = try Data(contentsOf: folder.appendingPathComponent("event_mentions.json"))
        var seenEvents = Set<String>()
        for m in (try JSONSerialization.jsonObject(with: eventData) as? [[String: Any]]) ?? [] {
            guard let doc = m["conll_doc_key"] as? String, let s = m["sent_id"] as? Int, s <= 5, let tokens = sentences[doc]?[s],
                  let indices = (m["tokens_number"] as? [Int])?.sorted(), !indices.isEmpty else { continue }
            let head = Self.head(m, tokens, indices)
            let key = "\(doc)|\(s)|\(head)"
            guard seenEvents.insert(key).inserted else { continue }
            events.append(GoldUnit(doc: doc, sentence: s, head: head, type: m["mention_type"] as? String ?? "OTH",
                                   core: Self.core(texts[doc]!.0, texts[doc]!.1[s][head]), chain: m["coref_chain"] as? String ?? key))
        }
        for doc in order {
            let (text, offsets) = texts[doc]!
            let last = offsets[min(5, offsets.count - 1)]
            let zone = !annotated.contains(doc) ? 0 : (last.last?.upperBound ?? text.unicodeScalars.count)
            documents.append(Document(key: doc, text: text, tokens: offsets, zone: zone))
        }
    }

    static func head(_ m: [String: Any], _ tokens: [String], _ indices: [Int]) -> Int {
        let id = m["mention_head_id"] as? Int ?? -1
        let head = m["mention_head"] as? String ?? ""
        if indices.contains(id) && tokens[id] == head { return id }
        for test in [{ (t: String) in t == head }, { (t: String) in t.contains(head) }] {
            let found = indices.filter { test(tokens[$0]) }
            if let best = found.min(by: { (abs($0 - id), -$0) < (abs($1 - id), -$1) }) { return best }
        }
        return indices.last!
    }

    static func core(_ text: String, _ range: Range<Int>) -> Range<Int> {
        let scalars = Array(text.unicodeScalars)
        var s = range.lowerBound, e = range.upperBound
        func alnum(_ k: Int) -> Bool { scalars[k].properties.isAlphabetic || scalars[k].properties.numericType != nil }
        while s < e && !alnum(s) { s += 1 }
        while e > s && !alnum(e - 1) { e -= 1 }
        return s < e ? s..<e : range
    }

    static func rebuild(_ sentences: [[String]]) -> (String, [[Range<Int>]]) {
        let noSpaceBefore: Set<String> = [",", ".", ";", ":", "!", "?", ")", "]", "}", "%"]
        let clitics: Set<String> = ["'s", "n't", "'re", "'ve", "'ll", "'d", "'m"]
        let noSpaceAfter: Set<String> = ["(", "[", "{", "$", "£", "€", "¥"]
        let openQuotes: Set<String> = ["``", "“", "`", "‘"], closeQuotes: Set<String> = ["''", "”", "’", "'"]
        var text = ""
        var pos = 0
        var offsets: [[Range<Int>]] = []
        for (s, tokens) in sentences.enumerated() {
            if s > 0 { text += "\n"; pos += 1 }
            var spans: [Range<Int>] = []
            var plain = 0
            var glue = true
            for token in tokens {
                var opening = false, closing = false
                if token == "\"" { plain += 1; opening = plain % 2 == 1; closing = !opening }
                else if openQuotes.contains(token) { opening = true }
                else if closeQuotes.contains(token) { closing = true }
                let noBefore = noSpaceBefore.contains(token) || clitics.contains(token.lowercased()) || closing
                if !glue && !noBefore { text += " "; pos += 1 }
                let surface = token == "``" || token == "''" ? "\"" : token
                let n = surface.unicodeScalars.count
                spans.append(pos..<pos + n)
                text += surface
                pos += n
                glue = noSpaceAfter.contains(token) || opening || (token.unicodeScalars.count > 1 && token.hasSuffix("$"))
            }
            offsets.append(spans)
        }
        return (text, offsets)
    }

    public struct Prediction {
        public var start: Int, end: Int
        public var type: String
        public var entity: String?
        public init(start: Int, end: Int, type: String, entity: String?) { self.start = start; self.end = end; self.type = type; self.entity = entity }
    }
    public struct Counts {
        public var tp = 0, fp = 0, fn = 0
        public init() {}
    }
    public struct Score {
        public var byType: [String: Counts] = [:]
        public var micro: Counts { byType.values.reduce(into: Counts()) { $0.tp += $1.tp; $0.fp += $1.fp; $0.fn += $1.fn } }
        /// (gold chain, predicted entity) of every matched unit, for alias scoring.
        public var pairs: [(chain: String, entity: String)] = []
    }

    public func score(_ predictions: [String: [Prediction]]) -> Score {
        var result = Score()
        var byDoc: [String: [Int]] = [:]
        for (k, g) in gold.enumerated() { byDoc[g.doc, default: []].append(k) }
        var matched = Set<Int>()
        for doc in documents {
            let units = byDoc[doc.key] ?? []
            for p in (predictions[doc.key] ?? []).sorted(by: { ($0.start, $0.end) < ($1.start, $1.end) }) where p.start < doc.zone {
                var hit: Int? = nil
                var coveredAny = false
                for k in units where p.start <= gold[k].core.lowerBound && p.end >= gold[k].core.upperBound {
                    coveredAny = true
                    if gold[k].type == p.type && !matched.contains(k) { hit = k; break }
                }
                if let hit {
                    matched.insert(hit)
                    result.byType[p.type, default: Counts()].tp += 1
                    if let e = p.entity { result.pairs.append((gold[hit].chain, e)) }
                } else if !coveredAny && (neutral[doc.key] ?? []).contains(where: { $0.lowerBound < p.end && p.start < $0.upperBound }) {
                    continue
                } else {
                    result.byType[p.type, default: Counts()].fp += 1
                }
            }
        }
        for (k, g) in gold.enumerated() where !matched.contains(k) { result.byType[g.type, default: Counts()].fn += 1 }
        return result
    }

    public static func prf(_ c: Counts) -> (p: Double, r: Double, f: Double) {
        let p = c.tp + c.fp > 0 ? Double(c.tp) / Double(c.tp + c.fp) : 0
        let r = c.tp + c.fn > 0 ? Double(c.tp) / Double(c.tp + c.fn) : 0
        return (p, r, p + r > 0 ? 2 * p * r / (p + r) : 0)
    }

    /// B-cubed precision, recall and F1 of predicted entity ids against gold coreference chains,
    /// over the matched mentions.
    public static func bCubed(_ pairs: [(chain: String, entity: String)]) -> (p: Double, r: Double, f: Double) {
        guard !pairs.isEmpty else { return (0, 0, 0) }
        var byChain: [String: [Int]] = [:], byEntity: [String: [Int]] = [:]
        for (k, pair) in pairs.enumerated() { byChain[pair.chain, default: []].append(k); byEntity[pair.entity, default: []].append(k) }
        var p = 0.0, r = 0.0
        for pair in pairs {
            let sameEntity = byEntity[pair.entity]!, sameChain = byChain[pair.chain]!
            let both = Double(sameEntity.filter { pairs[$0].chain == pair.chain }.count)
            p += both / Double(sameEntity.count)
            r += both / Double(sameChain.count)
        }
        p /= Double(pairs.count); r /= Double(pairs.count)
        return (p, r, p + r > 0 ? 2 * p * r / (p + r) : 0)
    }

    /// MUC link-based precision, recall and F1 of predicted clusters against gold chains.
    public static func muc(_ pairs: [(chain: String, entity: String)]) -> (p: Double, r: Double, f: Double) {
        func score(_ key: (Int) -> String, _ response: (Int) -> String) -> Double {
            var clusters: [String: [Int]] = [:]
            for k in pairs.indices { clusters[key(k), default: []].append(k) }
            var num = 0, den = 0
            for members in clusters.values {
                num += members.count - Set(members.map(response)).count
                den += members.count - 1
            }
            return den == 0 ? 0 : Double(num) / Double(den)
        }
        let r = score({ pairs[$0].chain }, { pairs[$0].entity })
        let p = score({ pairs[$0].entity }, { pairs[$0].chain })
        return (p, r, p + r > 0 ? 2 * p * r / (p + r) : 0)
    }

    /// CEAF-e: the best one-to-one alignment of gold and predicted clusters by
    /// φ4 = 2|K ∩ R| / (|K| + |R|) (Kuhn–Munkres), divided by the number of each side's clusters.
    public static func ceafE(_ pairs: [(chain: String, entity: String)]) -> (p: Double, r: Double, f: Double) {
        var gold: [String: Set<Int>] = [:], response: [String: Set<Int>] = [:]
        for (k, pair) in pairs.enumerated() { gold[pair.chain, default: []].insert(k); response[pair.entity, default: []].insert(k) }
        let g = Array(gold.values), r = Array(response.values)
        guard !g.isEmpty, !r.isEmpty else { return (0, 0, 0) }
        let n = max(g.count, r.count)
        var cost = [[Double]](repeating: [Double](repeating: 0, count: n), count: n)
        for i in g.indices { for j in r.indices {
            let common = g[i].intersection(r[j]).count
            if common > 0 { cost[i][j] = -2 * Double(common) / Double(g[i].count + r[j].count) }
        } }
        let total = -hungarian(cost)
        let p = total / Double(r.count), rec = total / Double(g.count)
        return (p, rec, p + rec > 0 ? 2 * p * rec / (p + rec) : 0)
    }

    /// Minimum-cost perfect assignment of a square matrix (Kuhn–Munkres, O(n³)); returns the cost.
    static func hungarian(_ a: [[Double]]) -> Double {
        let n = a.count
        var u = [Double](repeating: 0, count: n + 1), v = [Double](repeating: 0, count: n + 1)
        var p = [Int](repeating: 0, count: n + 1), way = [Int](repeating: 0, count: n + 1)
        for i in 1...n {
            p[0] = i
            var j0 = 0
            var minv = [Double](repeating: .infinity, count: n + 1)
            var used = [Bool](repeating: false, count: n + 1)
            repeat {
                used[j0] = true
                let i0 = p[j0]
                var delta = Double.infinity, j1 = 0
                for j in 1...n where !used[j] {
                    let cur = a[i0 - 1][j - 1] - u[i0] - v[j]
                    if cur < minv[j] { minv[j] = cur; way[j] = j0 }
                    if minv[j] < delta { delta = minv[j]; j1 = j }
                }
                for j in 0...n {
                    if used[j] { u[p[j]] += delta; v[j] -= delta } else { minv[j] -= delta }
                }
                j0 = j1
            } while p[j0] != 0
            repeat {
                let j1 = way[j0]
                p[j0] = p[j1]
                j0 = j1
            } while j0 != 0
        }
        var cost = 0.0
        for j in 1...n where p[j] > 0 { cost += a[p[j] - 1][j - 1] }
        return cost
    }
}

/// UTF-8 offset → Unicode scalar offset.
public struct ScalarOffsets {
    private var table: [Int32] = []
    public init(_ text: String) {
        var n: Int32 = 0
        for b in text.utf8 {
            if b & 0xC0 != 0x80 { table.append(n); n += 1 } else { table.append(n) }
        }
        table.append(n)
    }
    public subscript(_ utf8: Int) -> Int { Int(table[min(max(utf8, 0), table.count - 1)]) }
}
