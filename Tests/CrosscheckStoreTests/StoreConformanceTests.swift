import CrosscheckCore
import CrosscheckDedup
import CrosscheckEvents
import CrosscheckIngest
import CrosscheckLanguage
import CrosscheckStore
import CrosscheckTesting
import Foundation
import Testing

/// What every store backend must do, through the `Store` protocol only: the same tests run unchanged on each backend
/// in `StoreBackend.all` (SQLite now; PostgreSQL adds itself there). Backend-specific behaviour (files, read-only
/// opening, migrations of one dialect) is tested beside the backend.
@Suite struct StoreConformanceTests {
    /// The demo corpus ingested into a fresh store of `backend`.
    func demoStore(_ backend: StoreBackend, _ dir: TemporaryDirectory) throws -> any Store {
        let store = try backend.make(dir)
        let summary = try Ingestor().ingest([SharedData.demoCorpus.path], into: store)
        #expect(summary.new > 10 && summary.rejected == 0)
        return store
    }

    @Test(arguments: StoreBackend.all) func articlesAreStoredOnceListedAndRead(_ backend: StoreBackend) throws {
        let dir = try TemporaryDirectory("conformance-articles")
        defer { dir.remove() }
        let store = try demoStore(backend, dir)
        let count = try store.articleCount()
        let again = try Ingestor().ingest([SharedData.demoCorpus.path], into: store)
        #expect(again.new == 0 && again.duplicate == count, "the same bytes are stored once")
        #expect(try store.articleCount() == count)

        let listed = try store.articles(ArticleQuery(limit: 1000))
        #expect(listed.count == count)
        #expect(Set(listed.map(\.id)).count == count)
        let page = try store.articles(ArticleQuery(limit: 3, offset: 2))
        #expect(page.map(\.id) == Array(listed.map(\.id)[2..<5]), "pages are slices of one order")
        let outlet = try #require(listed.compactMap(\.outlet).first)
        #expect(try store.articles(ArticleQuery(outlet: outlet)).allSatisfy { $0.outlet == outlet })

        let first = listed[0]
        let stored = try store.article(idPrefix: String(first.id.hex.prefix(10)))
        #expect(stored.article.id == first.id && !stored.article.text.isEmpty && stored.rawSize > 0)
        #expect(throws: StoreError.self) { try store.article(idPrefix: "ffffffffffffffff") }
        #expect(try store.articles(ids: [first.id]).map(\.id) == [first.id])
        #expect(try store.existingRawIDs(listed.map(\.id) + [ContentID(ofText: "never stored")]) == Set(listed.map(\.id)))

        // Raw articles page by id, every one once.
        var seen: [ContentID] = [], after: ContentID?
        while true {
            let raws = try store.rawArticles(after: after, limit: 4)
            guard let last = raws.last else { break }
            seen += raws.map(\.id)
            after = last.id
        }
        #expect(seen.count == count && Set(seen) == Set(listed.map(\.id)))
        #expect(try store.rawArticle(id: first.id)?.id == first.id)
        #expect(try store.rawArticle(id: ContentID(ofText: "never stored")) == nil)
        var rows: [Int64] = []
        try store.forEachArticleText(after: 0) { row, _, _, _, text, _ in if !text.isEmpty { rows.append(row) } }
        #expect(rows.count == count && rows == rows.sorted())
        var tail = 0
        try store.forEachArticleText(after: rows[rows.count - 2]) { _, _, _, _, _, _ in tail += 1 }
        #expect(tail == 1)
    }

    @Test(arguments: StoreBackend.all) func tokensAreKeptByDigest(_ backend: StoreBackend) throws {
        let dir = try TemporaryDirectory("conformance-tokens")
        defer { dir.remove() }
        let store = try demoStore(backend, dir)
        let now = Date(timeIntervalSince1970: 1_700_000_000)
        #expect(try store.createToken(name: "desk", digest: "d1", at: now))
        #expect(try !store.createToken(name: "desk", digest: "d2", at: now), "a name is taken once")
        #expect(try store.tokens().map(\.name) == ["desk"])
        #expect(try store.tokens().first?.lastUsed == nil)
        #expect(try store.tokenName(digest: "d1", usedAt: now) == "desk")
        #expect(try store.tokenName(digest: "nope", usedAt: now) == nil)
        #expect(try store.tokens().first?.lastUsed != nil)
        #expect(try store.revokeToken(name: "desk"))
        #expect(try !store.revokeToken(name: "desk"))
        #expect(try store.tokenName(digest: "d1", usedAt: now) == nil)
    }

    @Test(arguments: StoreBackend.all) func templateStateRoundTrips(_ backend: StoreBackend) throws {
        let dir = try TemporaryDirectory("conformance-templates")
        defer { dir.remove() }
        let store = try demoStore(backend, dir)
        #expect(try store.templateWatermark() == 0)
        var rows: [Int64] = []
        try store.forEachArticleText(after: 0) { row, _, _, _, _, _ in rows.append(row) }
        var run = TemplateRun()
        run.counts = ["outlet:x": [1: 2, UInt64.max: 3]]
        run.members = ["outlet:x": Array(rows.prefix(3))]
        run.groups = ["outlet:x": TemplateGroup(size: 3, templates: [UInt64.max])]
        run.watermark = rows[2]
        try store.saveTemplateRun(run)
        try store.saveTemplateRun(run)  // counts add up; members and groups are set
        #expect(try store.templateWatermark() == rows[2])
        #expect(try store.templateGroups(["outlet:x", "outlet:y"]) == ["outlet:x": TemplateGroup(size: 3, templates: [UInt64.max])])
        #expect(try store.templateCounts(group: "outlet:x", atLeast: 5) == [UInt64.max: 6])
        #expect(try store.templateCounts(group: "outlet:x", atLeast: 1) == [1: 4, UInt64.max: 6])
        #expect(try store.templateMembers(group: "outlet:x").count == 3)
        try store.resetTemplates()
        #expect(try store.templateWatermark() == 0 && (try store.templateGroups(["outlet:x"])).isEmpty)
    }

    @Test(arguments: StoreBackend.all) func searchRanksHighlightsAndRejectsBadQueries(_ backend: StoreBackend) throws {
        let dir = try TemporaryDirectory("conformance-search")
        defer { dir.remove() }
        let store = try demoStore(backend, dir)
        let hits = try store.search(["evacuated"], raw: false, limit: 5, highlight: .markdown)
        #expect(!hits.isEmpty && hits.count <= 5)
        #expect(hits.allSatisfy { $0.snippet.lowercased().contains("**evacuat") }, "the matched words are marked")
        #expect(zip(hits, hits.dropFirst()).allSatisfy { $0.score >= $1.score }, "best first")
        #expect(try store.search(["evacuate"], raw: false, limit: 5, highlight: .markdown).count > 0, "stemming")
        #expect(try store.search(["zzqqxxnotaword"], raw: false, limit: 5, highlight: .markdown).isEmpty)
        #expect(throws: StoreError.self) { try store.search(["AND ("], raw: true, limit: 5, highlight: .markdown) }
    }

    @Test(arguments: StoreBackend.all) func updatesReplaceTheTextAndTheIndex(_ backend: StoreBackend) throws {
        let dir = try TemporaryDirectory("conformance-update")
        defer { dir.remove() }
        let store = try backend.make(dir)
        let file = try dir.write("a.txt", "Flood report from the valley\n\nThe embankment held overnight, engineers said on Monday.")
        _ = try Ingestor().ingest([file], into: store)
        let raw = try #require(try store.rawArticles(after: nil, limit: 1).first)
        var article = try store.article(idPrefix: raw.id.hex).article
        article.text = "The dam broke near the bridge, engineers said."
        try store.updateArticles([article])
        #expect(try store.article(idPrefix: raw.id.hex).article.text == article.text)
        #expect(try store.search(["embankment"], raw: false, limit: 5, highlight: .markdown).isEmpty)
        #expect(try store.search(["bridge"], raw: false, limit: 5, highlight: .markdown).count == 1)
    }

    @Test(arguments: StoreBackend.all) func rejectionsAreLoggedOncePerOriginAndCode(_ backend: StoreBackend) throws {
        let dir = try TemporaryDirectory("conformance-rejections")
        defer { dir.remove() }
        let store = try backend.make(dir)
        let empty = try dir.write("empty.txt", "")
        let binary = try dir.write("blob.bin", [0, 1, 2, 3, 0, 0, 255, 254, 0, 7] + [UInt8](repeating: 0, count: 200))
        for _ in 0..<2 { _ = try Ingestor().ingest([empty, binary], into: store) }
        let logged = try store.rejections(limit: 100)
        #expect(logged.count == 2)
        #expect(logged.allSatisfy { $0.attempts == 2 && !$0.reason.isEmpty })
        #expect(Set(logged.map(\.origin)) == Set([empty, binary]))
    }

    @Test(arguments: StoreBackend.all) func duplicatesAndSourceGroups(_ backend: StoreBackend) throws {
        let dir = try TemporaryDirectory("conformance-dedup")
        defer { dir.remove() }
        let store = try demoStore(backend, dir)
        #expect(try store.pendingDedupCount() > 0)
        let summary = try Deduplicator().run(on: store)
        #expect(summary.processed == (try store.articleCount()))
        #expect(try store.pendingDedupCount() == 0)
        let relations = try store.relations(RelationQuery(kinds: [.exact, .near, .contains, .rewrite]))
        #expect(!relations.isEmpty, "the demo corpus plants copies and rewrites")
        let groups = try store.sourceGroups(RelationQuery())
        #expect(!groups.isEmpty && groups.allSatisfy { $0.size >= 2 })
        // A second run finds nothing new; a reset makes every article pending again.
        #expect(try Deduplicator().run(on: store).processed == 0)
        try store.resetDedup()
        #expect(try store.pendingDedupCount() == (try store.articleCount()))
        _ = try Deduplicator().run(on: store)
        #expect(try store.relations(RelationQuery(kinds: [.exact, .near, .contains, .rewrite])).count == relations.count)
    }

    @Test(arguments: StoreBackend.all) func annotationsEntitiesAndEventMentions(_ backend: StoreBackend) throws {
        let dir = try TemporaryDirectory("conformance-language")
        defer { dir.remove() }
        let store = try demoStore(backend, dir)
        let count = try store.articleCount()
        #expect(try store.pendingAnnotations(after: nil, limit: 1000).count == count)
        let summary = try LanguagePass.withEvents().run(on: store)
        #expect(summary.articles == count && summary.events > 0)
        #expect(try store.pendingAnnotations(after: nil, limit: 10).isEmpty)
        let entities = try store.entities(EntityQuery(limit: 1000))
        #expect(entities.contains { $0.kind == .place || $0.kind == .country })
        #expect(try store.entities(EntityQuery(kind: .person, limit: 1000)).allSatisfy { $0.kind == .person })
        // An entity's spellings, as merged across articles (the demo writes the governor both ways).
        let governor = try store.entityNames(containing: "Qodirov")
        #expect(governor.contains { $0.contains("Nodir Qodirov") && $0.contains("Nodir Kadyrov") })
        #expect(try store.entityNames(containing: "qodir").isEmpty, "whole words only")
        #expect(try store.search(anyOf: [["Qodirov", "Kadyrov"]], limit: 50, highlight: .markdown).count
                > (try store.search(["Qodirov"], raw: false, limit: 50, highlight: .markdown).count))
        let references = try store.eventReferences()
        #expect(references.count == summary.events)
        #expect(references.allSatisfy { !$0.article.isEmpty && $0.mention.sentence.count > 0 })
        let profiles = try store.articleProfiles()
        #expect(profiles.count == Set(references.map(\.doc)).count, "every article with events has its profile")
        try store.resetAnnotations()
        #expect(try store.pendingAnnotations(after: nil, limit: 1000).count == count)
        #expect(try store.eventReferences().isEmpty && (try store.articleProfiles().isEmpty))
    }

    @Test(arguments: StoreBackend.all) func theSituationIsStoredAndReadBack(_ backend: StoreBackend) throws {
        let dir = try TemporaryDirectory("conformance-situation")
        defer { dir.remove() }
        let store = try demoStore(backend, dir)
        _ = try Deduplicator().run(on: store)
        _ = try LanguagePass.withEvents().run(on: store)
        #expect(try store.situationStamp() == nil)
        let situation = try Situation.read(from: store)
        let stamp = try store.currentSituationStamp()
        try store.saveSituation(situation, views: ["views": "{\"note\":\"kept as given\"}"], stamp: stamp)
        #expect(try store.situationStamp() == stamp)
        #expect(try store.situationView("views") == "{\"note\":\"kept as given\"}")
        #expect(try store.situationView("absent") == nil)
        #expect(try store.storedSituation() == situation)
        #expect(try store.storedContradictions() == situation.contradictions)
        #expect(!situation.contradictions.isEmpty)
        for id in Set(situation.contradictions.map(\.event)).sorted() + ["no-such-event"] {
            #expect(try store.storedContradictions(event: id) == situation.contradictions.filter { $0.event == id })
        }
        #expect(try store.storedStories() == situation.stories)
        let query = EventQuery(minSources: 1, limit: 7, offset: 1)
        let expected = Array(situation.events.filter(query.matches)
            .sorted { (EventQuery.sortKey(of: $0), $0.id) < (EventQuery.sortKey(of: $1), $1.id) }.dropFirst(1).prefix(7))
        #expect(try store.storedEvents(query) == expected)
        #expect(try store.storedEventPreviews(query, keeping: 2) == expected.map { EventPreview($0, keeping: 2) })
        #expect(try store.storedEventCount(query) == situation.events.filter(query.matches).count)
        // Saving again replaces, never adds.
        try store.saveSituation(situation, views: [:], stamp: stamp)
        #expect(try store.storedEventCount(EventQuery()) == situation.events.count)
        #expect(try store.situationView("views") == nil)
        // A new analysed article makes the stamp differ.
        let extra = try dir.write("extra.txt", "Rescuers reached Vose on April 30, 2025, officials said, after the river fell overnight.")
        _ = try Ingestor().ingest([extra], into: store)
        _ = try LanguagePass.withEvents().run(on: store)
        #expect(try store.currentSituationStamp() != stamp)
    }

    /// The boundary for an async server: the store is synchronous and `Sendable`; callers run it off their event loop,
    /// and readers on several threads see whole batches while a writer ingests.
    @Test(arguments: StoreBackend.all) func readersRunBesideAWriter(_ backend: StoreBackend) async throws {
        let dir = try TemporaryDirectory("conformance-concurrency")
        defer { dir.remove() }
        let store = try backend.make(dir)
        let files = try (0..<40).map { k in
            try dir.write("a\(k).txt", "Report \(k) from the valley\n\nThe embankment near village \(k) held overnight, engineers said on Monday.")
        }
        let writer = Task.detached { try Ingestor(configuration: IngestConfiguration(batchSize: 4)).ingest(files, into: store) }
        try await withThrowingTaskGroup(of: Void.self) { group in
            for _ in 0..<4 {
                group.addTask {
                    var last = 0
                    for _ in 0..<50 {
                        let n = try store.articleCount()
                        #expect(n >= last && n <= files.count, "counts only grow")
                        #expect(try store.articles(ArticleQuery(limit: 1000)).count >= n, "a batch is whole or absent")
                        last = n
                    }
                }
            }
            try await group.waitForAll()
        }
        let summary = try await writer.value
        #expect(summary.new == files.count)
        #expect(try store.articleCount() == files.count)
    }
}
