import CrosscheckCore
import CrosscheckIngest
import CrosscheckStore
import CrosscheckTesting
import Foundation
import Testing

@Suite struct SQLiteStoreTests {
    @Test(.needs("seeds")) func seedsAreStoredOnceAndSearchable() throws {
        let seeds = try #require(SharedData.folder("seeds"))
        let dir = try TemporaryDirectory("store")
        defer { dir.remove() }
        let store = try SQLiteStore(path: dir.path("cc.sqlite"))
        let first = try Ingestor().ingest([seeds.path], into: store)
        #expect(first.new == 5 && first.duplicate == 0 && first.rejected == 0)
        let second = try Ingestor().ingest([seeds.path], into: store)
        #expect(second.new == 0 && second.duplicate == 5)
        #expect(try store.articleCount() == 5)

        let taliban = try store.search(["Taliban"], raw: false, limit: 20, highlight: .markdown)
        #expect(taliban.count == 5)
        #expect(taliban.allSatisfy { $0.snippet.contains("**Taliban**") })
        let crossing = try store.search(["Shir Khan Bandar"], raw: false, limit: 20, highlight: .markdown)
        #expect(crossing.count == 1)
        #expect(crossing.first?.snippet.contains("**Shir Khan Bandar**") == true)

        let listed = try store.articles(ArticleQuery())
        #expect(listed.count == 5)
        // Listed oldest first: the article dated from its own mentions (July 5, 2021 in a photo caption)
        // before the one with a metadata line.
        #expect(listed.first?.published?.value == "2021-07-05" && listed.first?.published?.from == "inferred:latest-date-in-text")
        let dated = try #require(listed.first { $0.published?.from == "text:metadata-line" })
        #expect(dated.published?.value == "2021-07-06T12:36")
        let stored = try store.article(idPrefix: String(dated.id.hex.prefix(8)))
        #expect(stored.article.title == "Tajikistan reinforces its common border with Afghanistan")
        #expect(stored.article.removed.contains { $0.reason == "metadata-line" })
        #expect(throws: StoreError.self) { try store.article(idPrefix: "ffffffffffff") }
    }

    @Test func queriesWithPunctuationAreSafe() throws {
        let dir = try TemporaryDirectory("store")
        defer { dir.remove() }
        let store = try SQLiteStore(path: dir.path("cc.sqlite"))
        try dir.write("a.txt", "U.S. forces left Bagram.\n\nThe consulate in Mazar-i-Sharif suspended operations on Monday, Tass said.")
        _ = try Ingestor().ingest([dir.path("a.txt")], into: store)
        #expect(try store.search(["Mazar-i-Sharif"], raw: false, limit: 5, highlight: .markdown).count == 1)
        #expect(try store.search(["\"U.S."], raw: false, limit: 5, highlight: .markdown).count <= 1)
        #expect(try store.search(["suspend"], raw: false, limit: 5, highlight: .markdown).count == 1, "stemming")
        #expect(throws: StoreError.self) { try store.search(["AND ("], raw: true, limit: 5, highlight: .markdown) }
    }

    @Test func updateKeepsTheIndexInStep() throws {
        let dir = try TemporaryDirectory("store")
        defer { dir.remove() }
        let store = try SQLiteStore(path: dir.path("cc.sqlite"))
        try dir.write("a.txt", "Flood report from the valley\n\nThe embankment held overnight, engineers said on Monday.")
        _ = try Ingestor().ingest([dir.path("a.txt")], into: store)
        let raws = try store.rawArticles(after: nil, limit: 10)
        #expect(raws.count == 1)
        var article = try store.article(idPrefix: raws[0].id.hex).article
        article.text = "The embankment gave way overnight, engineers said on Tuesday."
        try store.updateArticles([article])
        #expect(try store.search(["held"], raw: false, limit: 5, highlight: .markdown).isEmpty)
        #expect(try store.search(["Tuesday"], raw: false, limit: 5, highlight: .markdown).count == 1)
        #expect(try store.rawArticles(after: raws[0].id, limit: 10).isEmpty)
    }
}
