import CrosscheckCore
import CrosscheckDedup
import CrosscheckIngest
import CrosscheckTesting
import Foundation
import Testing

/// Precision and recall per relation kind on realistic variants of real articles (VariantGenerator),
/// with same-topic articles (MEANTIME: 30 Wikinews stories each on Airbus, Apple, GM and the stock
/// market) as hard negatives. Prints the scores and fails under the pinned floors.
@Suite struct DuplicateQualityTests {
    /// Pinned floors: raise them as the finder improves.
    static let floors: [String: (precision: Double, recall: Double)] = [
        // Measured at the commit that pinned them: exact 0.995/0.970, near 0.970/0.994,
        // contains 0.997/0.994, rewrite 1.000/0.939 (two shared keys needed from six keys on).
        // Session 6's extraction changed the corpus (854 originals instead of 842, leads kept): exact
        // 1.000/0.958, near 0.965/0.994, contains 0.994/0.994, rewrite 0.994/0.922 (one full-suite run of an
        // intermediate build measured 0.916; later runs alone and in the full suite agree on the same 154 of 167),
        // so the rewrite recall floor was 0.90 (target 0.8).
        // Session 7's extraction changes (aria-hidden elements dropped, site-name titles: the texts of 10 pages
        // changed) deal the variant kinds out to other originals, with the finder unchanged: exact 1.000/0.958,
        // near 0.966/1.000, contains 0.997/0.991, rewrite 0.993/0.898 (150 of 167). Rewrite recall moves by
        // ±3 points with the corpus alone, so its floor is 0.88 (target 0.8).
        "exact": (0.97, 0.95), "near": (0.95, 0.95), "contains": (0.97, 0.97), "rewrite": (0.95, 0.88),
    ]

    /// Paragraphs of real articles: extracted trafilatura-eval pages and MEANTIME stories.
    static func originals() throws -> (texts: [[String]], topics: [String?])? {
        guard let pages = SharedData.folder("data/trafilatura-eval"), let meantime = SharedData.folder("data/meantime-en") else { return nil }
        var texts: [[String]] = []
        var topics: [String?] = []
        let files = try FileManager.default.contentsOfDirectory(atPath: pages.path).filter { $0.hasSuffix(".html.gz") }.sorted()
        let cleaner = ArticleCleaner()
        for file in files {
            let url = pages.appendingPathComponent(file)
            guard let html = try? Gunzip.decompress(Array(try Data(contentsOf: url)), limit: 64 << 20).get() else { continue }
            let raw = RawArticle(bytes: html, origin: Origin(location: url.path), receivedAt: Date(), format: .html)
            guard case .success(let article) = cleaner.clean(raw) else { continue }
            let paragraphs = article.text.components(separatedBy: "\n").map { $0.trimmingCharacters(in: .whitespaces) }.filter { !$0.isEmpty }
            let words = paragraphs.reduce(0) { $0 + $1.split(separator: " ").count }
            guard paragraphs.count >= 3, words >= 120, words <= 6000 else { continue }
            texts.append(paragraphs)
            topics.append(nil)
        }
        // MEANTIME: tokens joined back into sentences, three sentences a paragraph; title and date dropped.
        let conll = try String(contentsOf: meantime.appendingPathComponent("meantime.conll"), encoding: .utf8)
        var docs: [(String, [[String]])] = []
        var sentence: [String] = []
        var sentences: [String] = []
        var current = ""
        func flushSentence() {
            if !sentence.isEmpty { sentences.append(Self.detokenize(sentence)); sentence = [] }
        }
        func flushDoc() {
            flushSentence()
            if !current.isEmpty, sentences.count > 3 {
                let body = Array(sentences.dropFirst(2))
                docs.append((current, stride(from: 0, to: body.count, by: 3).map { Array(body[$0..<min($0 + 3, body.count)]) }))
            }
            sentences = []
        }
        for line in conll.split(separator: "\n", omittingEmptySubsequences: false) {
            if line.hasPrefix("#begin") { flushDoc(); current = String(line.split(separator: " ")[2]) ; continue }
            if line.hasPrefix("#end") { continue }
            if line.isEmpty { flushSentence(); continue }
            let cols = line.split(separator: "\t")
            if cols.count >= 4 { sentence.append(String(cols[3])) }
        }
        flushDoc()
        for (name, paragraphs) in docs {
            texts.append(paragraphs.map { $0.joined(separator: " ") })
            topics.append(String(name.split(separator: "/").first ?? ""))
        }
        print("originals: \(texts.count - docs.count) extracted pages, \(docs.count) MEANTIME stories")
        return (texts, topics)
    }

    struct Pair: Hashable {
        var a: Int
        var b: Int
    }

    static func detokenize(_ tokens: [String]) -> String {
        var out = ""
        for t in tokens {
            if out.isEmpty || [".", ",", ";", ":", "!", "?", ")", "'s", "n't", "%"].contains(t) || out.hasSuffix("(") || out.hasSuffix("$") { out += t } else { out += " " + t }
        }
        return out
    }

    @Test(.needs("data/trafilatura-eval", "data/meantime-en"), .tags(.corpus))
    func precisionAndRecallPerKind() throws {
        let (all, _) = try #require(try Self.originals())
        // Leads come from articles kept out of the corpus: a lead taken from a corpus article would
        // make the variant a true partial copy of that article too.
        let donors = all.enumerated().filter { $0.offset % 10 == 9 }.map(\.element)
        let texts = all.enumerated().filter { $0.offset % 10 != 9 }.map(\.element)
        var generator = VariantGenerator(seed: 7, originals: texts)
        var docs: [(text: String, family: Int, kind: VariantGenerator.Kind?)] = []
        var leads = 0
        for (i, paragraphs) in texts.enumerated() {
            docs.append((generator.original(paragraphs, index: i), i, nil))
            // Most originals get one variant, of each kind in turn; MEANTIME stories are left alone
            // every third time so that same-topic articles without copies remain.
            guard i % 3 != 2 || i < texts.count - 120 else { continue }
            var kind = VariantGenerator.Kind.allCases[i % VariantGenerator.Kind.allCases.count]
            // Each lead variant gets its own donor paragraphs.
            var lead: [String] = []
            if kind == .lead {
                let donor = donors[leads % donors.count].filter { $0.split(separator: " ").count >= 25 }
                let start = (leads / donors.count) * 2
                lead = Array(donor.dropFirst(start))
                leads += 1
                if lead.isEmpty { kind = .truncated }
            }
            let v = generator.variant(of: i, paragraphs, kind: kind, other: lead)
            docs.append((v.text, i, kind))
        }
        // A feed loop: one story 40 times.
        for _ in 0..<40 { docs.append((generator.original(texts[3], index: 3), 3, .reboilerplated)) }
        // Arrival order shuffled: copies may come before their original.
        var rng = SplitMix(seed: 11)
        for i in stride(from: docs.count - 1, to: 0, by: -1) { docs.swapAt(i, Int(rng.next() % UInt64(i + 1))) }

        // Reuse already in the data (the same page twice, Wikinews stories sharing paragraphs): originals
        // sharing ten word 8-grams or more are one family; links between them have no kind to check and
        // are not counted either way.
        var gramOwner: [Int: [Int]] = [:]
        for (i, paragraphs) in texts.enumerated() {
            let words = paragraphs.joined(separator: " ").lowercased().split(whereSeparator: { !$0.isLetter && !$0.isNumber })
            var grams = Set<Int>()
            if words.count >= 8 { for k in 0...(words.count - 8) { grams.insert(words[k..<(k + 8)].joined(separator: " ").hashValue) } }
            for g in grams { gramOwner[g, default: []].append(i) }
        }
        var pairCounts: [Pair: Int] = [:]
        for owners in gramOwner.values where owners.count > 1 && owners.count < 50 {
            for a in owners.indices { for b in owners.indices where b > a { pairCounts[Pair(a: min(owners[a], owners[b]), b: max(owners[a], owners[b])), default: 0] += 1 } }
        }
        let reused = Set(pairCounts.filter { $0.value >= 10 }.keys)
        print("pairs of originals already sharing text: \(reused.count)")

        let cleaner = ArticleCleaner()
        var input: [DedupDocument] = []
        var family: [Int64: Int] = [:]
        var kindOf: [Int64: VariantGenerator.Kind] = [:]
        for (n, d) in docs.enumerated() {
            let raw = RawArticle(bytes: Array(d.text.utf8), origin: Origin(location: "generated-\(n)"), receivedAt: Date(), format: .text)
            guard case .success(let article) = cleaner.clean(raw) else { continue }
            let doc = Int64(n + 1)
            input.append(DedupDocument(doc: doc, id: article.id, outlet: nil, text: article.text, language: article.language))
            family[doc] = d.family
            if let k = d.kind { kindOf[doc] = k }
        }
        let index = MemoryDedupIndex()
        index.add(input)
        var finder = Deduplicator()
        finder.batchSize = 64
        try finder.run(on: index)

        // Score: a relation inside a family between an original and its variant is right when its kind
        // is the expected one; between two copies of the feed loop it must be exact; across families it
        // is a false link.
        var tp: [String: Int] = [:], fp: [String: Int] = [:]
        var found = Set<Int64>()
        var crossFamily = 0
        for r in index.relations {
            let kind = r.kind.rawValue
            let fa = family[r.article]!, fb = family[r.other]!
            if fa != fb, reused.contains(Pair(a: min(fa, fb), b: max(fa, fb))) { continue }
            guard fa == fb else {
                fp[kind, default: 0] += 1
                crossFamily += 1
                print("  false link \(kind) \(String(format: "%.2f", r.score)) families \(family[r.article]!) \(family[r.other]!) aligned \(r.aligned.count)")
                if ProcessInfo.processInfo.environment["DEDUP_VERBOSE"] != nil, let a = input.first(where: { $0.doc == r.article }), let b = input.first(where: { $0.doc == r.other }) {
                    for x in r.aligned.prefix(3) {
                        print("     A: " + String(decoding: Array(a.text.utf8)[x.article.start..<x.article.end], as: UTF8.self).prefix(160))
                        print("     B: " + String(decoding: Array(b.text.utf8)[x.other.start..<x.other.end], as: UTF8.self).prefix(160))
                    }
                }
                continue
            }
            let variant = kindOf[r.article] != nil ? r.article : r.other
            let expected = kindOf[variant].map(VariantGenerator.expected) ?? "exact"
            if kindOf[r.article] != nil && kindOf[r.other] != nil {
                // Two copies of one original (the feed loop): exact expected.
                if kind == "exact" { tp[kind, default: 0] += 1 } else { fp[kind, default: 0] += 1 }
                continue
            }
            if kind == expected {
                tp[kind, default: 0] += 1
                found.insert(variant)
            } else {
                fp[kind, default: 0] += 1
                print("  \(expected) variant found as \(kind) \(String(format: "%.2f", r.score)) family \(family[variant]!)")
                if ProcessInfo.processInfo.environment["DEDUP_VERBOSE"] == "2", let a = input.first(where: { $0.doc == variant }),
                   let b = input.first(where: { $0.doc == (variant == r.article ? r.other : r.article) }) {
                    let la = a.text.components(separatedBy: "\n"), lb = Set(b.text.components(separatedBy: "\n"))
                    for line in la where !lb.contains(line) { print("     variant only: " + line.prefix(200)) }
                    let sa = Set(la)
                    for line in b.text.components(separatedBy: "\n") where !sa.contains(line) { print("     original only: " + line.prefix(200)) }
                }
            }
        }
        var positives: [String: Int] = [:], hits: [String: Int] = [:]
        let groups = index.groups
        var sameGroup = 0, variants = 0
        let originalDoc = Dictionary(family.filter { kindOf[$0.key] == nil }.map { ($0.value, $0.key) }, uniquingKeysWith: min)
        for (doc, kind) in kindOf {
            let expected = VariantGenerator.expected(kind)
            // Feed-loop copies are found through any copy of the loop; count them by group below.
            variants += 1
            if let o = originalDoc[family[doc]!], groups[o] == groups[doc] { sameGroup += 1 }
            guard family[doc] != 3 else { continue }
            positives[expected, default: 0] += 1
            if found.contains(doc) { hits[expected, default: 0] += 1 } else if !index.relations.contains(where: { $0.article == doc || $0.other == doc }) {
                print("  \(expected) variant of family \(family[doc]!) not linked at all")
            }
        }
        print("duplicate quality: \(input.count) articles, \(index.relations.count) relations, \(crossFamily) across families, \(String(format: "%.1f", Double(index.keyEntries) / Double(max(1, index.statuses.values.filter { $0 == .indexed }.count)))) keys per indexed article")
        print("kind      precision  recall   (tp/fp, found/positives)")
        for kind in ["exact", "near", "contains", "rewrite"] {
            let t = tp[kind] ?? 0, f = fp[kind] ?? 0
            let precision = t + f == 0 ? 1 : Double(t) / Double(t + f)
            let recall = Double(hits[kind] ?? 0) / Double(max(1, positives[kind] ?? 0))
            print(String(format: "%-9@ %.3f      %.3f    (%d/%d, %d/%d)", kind, precision, recall, t, f, hits[kind] ?? 0, positives[kind] ?? 0))
            if let floor = Self.floors[kind] {
                #expect(precision >= floor.precision, "\(kind) precision \(precision) under \(floor.precision)")
                #expect(recall >= floor.recall, "\(kind) recall \(recall) under \(floor.recall)")
            }
        }
        let groupRecall = Double(sameGroup) / Double(max(1, variants))
        print(String(format: "variants in their original's source group: %.3f (%d/%d)", groupRecall, sameGroup, variants))
        #expect(groupRecall >= 0.9)
    }
}
