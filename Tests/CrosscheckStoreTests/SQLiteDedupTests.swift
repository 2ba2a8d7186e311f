import CrosscheckCore
import CrosscheckDedup
import CrosscheckIngest
import CrosscheckStore
import CrosscheckTesting
import Foundation
import Testing

/// The duplicate finder against the real SQLite store: results in the store, incremental across
/// runs and restarts, bounded on feed loops, groups merging when a bridge article arrives.
@Suite struct SQLiteDedupTests {
    /// A paragraph of made-up reporting, different for each seed.
    static func story(_ seed: UInt64, paragraphs: Int = 6) -> String {
        var rng = SplitMix(seed: seed)
        // 3,375 made-up words: random texts share few word pairs, as real unrelated articles do.
        let syllables = ["ka", "lo", "mi", "ter", "bun", "sa", "vor", "el", "di", "na", "pru", "gan", "to", "rel", "shi"]
        let words = syllables.flatMap { a in syllables.flatMap { b in syllables.map { c in a + b + c } } }
        return (0..<paragraphs).map { _ in
            (0..<3).map { _ in
                let n = 10 + Int(rng.next() % 10)
                let sentence = (0..<n).map { _ in words[Int(rng.next() % UInt64(words.count))] + (rng.next() % 5 == 0 ? "\(rng.next() % 90)" : "") }.joined(separator: " ")
                return sentence.prefix(1).uppercased() + sentence.dropFirst() + "."
            }.joined(separator: " ")
        }.joined(separator: "\n\n")
    }

    @Test(.needs("seeds")) func seedRewriteIsStoredWithItsPassages() throws {
        let seeds = try #require(SharedData.folder("seeds"))
        let dir = try TemporaryDirectory("dedup")
        defer { dir.remove() }
        let store = try SQLiteStore(path: dir.path("cc.sqlite"))
        try Ingestor().ingest([seeds.path], into: store)
        #expect(try store.pendingDedupCount() == 5)
        let summary = try Deduplicator().run(on: store)
        #expect(summary.processed == 5 && summary.relations["rewrite"] == 1)
        #expect(try store.pendingDedupCount() == 0)

        let rewrites = try store.relations(RelationQuery(kinds: [.rewrite]))
        let rewrite = try #require(rewrites.first)
        #expect(rewrites.count == 1)
        #expect(rewrite.aligned.count >= 5)
        #expect(rewrite.aligned.allSatisfy { !$0.articleText.isEmpty && !$0.otherText.isEmpty })
        #expect(rewrite.aligned.contains { $0.articleText.contains("Mary") && $0.otherText.contains("Mary") })

        let groups = try store.sourceGroups(RelationQuery())
        #expect(groups.count == 1 && groups.first?.size == 2)
        let listed = try store.articles(ArticleQuery())
        #expect(Set(listed.compactMap(\.group)).count == 4, "five seeds, four independent sources")

        let cites = try store.relations(RelationQuery(kinds: [.cites]))
        #expect(cites.contains { $0.outlet == "Reuters" && $0.sentence?.contains("told Reuters") == true })
        // A second run has nothing to do.
        #expect(try Deduplicator().run(on: store).processed == 0)
    }

    /// The demo corpus's planted copies (Samples/README.md): 02 reprints 01 exactly, 03 is 01 with an
    /// added lead, 09 paraphrases 04 with other words and transliterated names; the other articles
    /// report the same flood independently and stay unlinked.
    @Test func demoCorpusLinksItsPlantedCopiesOnly() throws {
        let dir = try TemporaryDirectory("dedup")
        defer { dir.remove() }
        let store = try SQLiteStore(path: dir.path("cc.sqlite"))
        try Ingestor().ingest([SharedData.demoCorpus.path], into: store, excluding: store.files)
        try Deduplicator().run(on: store)
        let relations = try store.relations(RelationQuery(kinds: [.exact, .near, .contains, .rewrite]))
        func file(_ ref: ArticleRef?) -> String {
            guard let ref, let stored = try? store.article(idPrefix: ref.id.short) else { return "?" }
            return String((stored.origin.location as NSString).lastPathComponent.prefix(2))
        }
        let found = Set(relations.map { "\(file($0.article))-\(file($0.other)):\($0.kind.rawValue)" })
        print("demo relations:", found.sorted())
        #expect(found == ["02-01:exact", "03-01:contains", "09-04:rewrite"])
        let rewrite = try #require(relations.first { $0.kind == .rewrite })
        #expect(rewrite.aligned.contains { $0.articleText.contains("Kadyrov") && $0.otherText.contains("Qodirov") },
                "aligned across transliterations")
    }

    @Test func theIndexSurvivesARestartAndGroupsMerge() throws {
        let dir = try TemporaryDirectory("dedup")
        defer { dir.remove() }
        let a = Self.story(1), c = Self.story(2)
        let bridge = a + "\n\n" + c  // holds both: links their groups
        _ = try dir.write("a.txt", "Story A\n\n" + a)
        _ = try dir.write("c.txt", "Story C\n\n" + c)
        do {
            let store = try SQLiteStore(path: dir.path("cc.sqlite"))
            try Ingestor().ingest([dir.path("a.txt"), dir.path("c.txt")], into: store, excluding: store.files)
            try Deduplicator().run(on: store)
            #expect(try store.sourceGroups(RelationQuery()).isEmpty, "a and c are independent")
        }
        _ = try dir.write("b.txt", "Story B\n\n" + bridge)
        let store = try SQLiteStore(path: dir.path("cc.sqlite"))  // a new process, in effect
        try Ingestor().ingest([dir.path("b.txt")], into: store, excluding: store.files)
        let summary = try Deduplicator().run(on: store)
        #expect(summary.processed == 1 && summary.relations["contains"] == 2 && summary.merges == 1)
        let groups = try store.sourceGroups(RelationQuery())
        #expect(groups.count == 1 && groups.first?.size == 3)
        let contains = try store.relations(RelationQuery(kinds: [.contains]))
        #expect(Set(contains.map(\.article.id)).count == 1 && Set(contains.compactMap { $0.other?.id }).count == 2,
                "the bridge contains the others")
    }

    @Test func aFeedLoopStaysBoundedAndShortArticlesAreRecorded() throws {
        let dir = try TemporaryDirectory("dedup")
        defer { dir.remove() }
        let text = Self.story(3)
        // 1,500 copies of one story (each line differs by its URL, so each is a new raw article), plus
        // one-word and empty-ish articles.
        var lines: [String] = []
        for i in 0..<1500 {
            lines.append(#"{"url": "https://loop.example/\#(i)", "title": "Loop", "text": \#(String(decoding: try JSONEncoder().encode(text), as: UTF8.self))}"#)
        }
        lines.append(#"{"url": "https://short.example/1", "text": "Flooding."}"#)
        lines.append(#"{"url": "https://short.example/2", "text": "Flooding."}"#)
        let path = try dir.write("loop.jsonl", lines.joined(separator: "\n"))
        let store = try SQLiteStore(path: dir.path("cc.sqlite"))
        try Ingestor().ingest([path], into: store, excluding: store.files)
        let summary = try Deduplicator().run(on: store)
        let count = try store.articleCount()
        #expect(summary.processed == count)
        #expect(summary.indexed == 1 && summary.copies == 1500, "\(summary)")
        // Comparisons stay linear: each copy meets the one indexed original, not every earlier copy.
        #expect(summary.comparisons <= 2 * summary.processed)
        let groups = try store.sourceGroups(RelationQuery())
        #expect(groups.map(\.size).sorted() == [2, 1500])
        #expect(groups.first { $0.size == 1500 }?.kinds["exact"] == 1499)
        let statuses = try store.articles(ArticleQuery(limit: 2000)).compactMap(\.dedupStatus)
        #expect(statuses.filter { $0 == "copy" }.count == 1500 && statuses.filter { $0 == "short" }.count == 1,
                "the record says what was linked and what was too short")
    }

    @Test func aTenMegabyteArticleIsComparedInBoundedTime() throws {
        let dir = try TemporaryDirectory("dedup")
        defer { dir.remove() }
        var big = ""
        var seed: UInt64 = 10
        while big.utf8.count < 10 << 20 { big += Self.story(seed, paragraphs: 40) + "\n\n"; seed += 1 }
        let path = try dir.write("big.txt", "A very long report\n\n" + big)
        let small = try dir.write("small.txt", "The start of it\n\n" + Self.story(10, paragraphs: 40))
        let store = try SQLiteStore(path: dir.path("cc.sqlite"))
        _ = try Ingestor(configuration: IngestConfiguration(maxArticleBytes: 32 << 20)).ingest([path, small], into: store, excluding: store.files)
        try Deduplicator().run(on: store)
        let relations = try store.relations(RelationQuery(kinds: [.contains, .near, .rewrite]))
        #expect(relations.count == 1, "the start of the long report is found inside it")
    }
}
