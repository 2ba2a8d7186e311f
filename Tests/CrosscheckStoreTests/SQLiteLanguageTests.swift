import CrosscheckCore
import CrosscheckIngest
import CrosscheckLanguage
import CrosscheckStore
import CrosscheckTesting
import Foundation
import Testing

/// The language layer's results in the SQLite store: every mention keeps its sentence, the pass is
/// incremental and survives a restart, entities merge across articles with their evidence.
@Suite struct SQLiteLanguageTests {
    func store(_ dir: TemporaryDirectory) throws -> SQLiteStore { try SQLiteStore(path: dir.path("t.sqlite")) }

    func ingest(_ texts: [String], into store: SQLiteStore, dir: TemporaryDirectory) throws {
        var paths: [String] = []
        for (k, text) in texts.enumerated() { paths.append(try dir.write("a\(k)-\(texts.count).txt", text)) }
        _ = try Ingestor().ingest(paths, into: store)
    }

    @Test func mentionsEntitiesAndCrossDocumentLinks() throws {
        let dir = try TemporaryDirectory("language")
        defer { dir.remove() }
        var s = try store(dir)
        try ingest([
            "Border guards report\n\nTajik President Emomali Rahmon ordered 20,000 reservists to the border with Afghanistan. Rahmon spoke in Dushanbe.",
        ], into: s, dir: dir)
        let first = try LanguagePass().run(on: s)
        #expect(first.articles == 1 && first.mentions > 5)
        #expect(try s.pendingAnnotations(limit: 10).isEmpty)
        // A restart, then an article that names him only by another transliteration of his surname.
        s = try store(dir)
        try ingest(["Reservists called up\n\nOfficials said Rakhmon visited the Khatlon region on Sunday with the CSTO envoy."], into: s, dir: dir)
        let second = try LanguagePass().run(on: s)
        #expect(second.articles == 1, "only the new article is read")
        let people = try s.entities(EntityQuery(kind: .person))
        let rahmon = try #require(people.first { $0.aliases["Rakhmon"] != nil })
        #expect(rahmon.aliases["Emomali Rahmon"] != nil && rahmon.articles == 2)
        #expect(rahmon.merged.contains { $0.evidence.contains("surname") })
        let places = try s.entities(EntityQuery(kind: .place, name: "dushanbe"))
        #expect(places.first?.latitude != nil && places.first?.country == "TJ")
        // Reset and read again: the same entities.
        try s.resetAnnotations()
        #expect(try s.pendingAnnotations(limit: 10).count == 2)
        try LanguagePass().run(on: s)
        #expect(try s.entities(EntityQuery(kind: .person)).first { $0.aliases["Rakhmon"] != nil }?.articles == 2)
    }

    /// The entity counts the linker reads are kept by every save: annotations saved again for an article
    /// replace its counts (the old mentions are subtracted), a reset clears them, a rerun restores them.
    @Test func entityCountsFollowReannotation() throws {
        let dir = try TemporaryDirectory("language")
        defer { dir.remove() }
        let s = try store(dir)
        try ingest(["Border guards report\n\nTajik President Emomali Rahmon ordered 20,000 reservists to the border with Afghanistan.",
                    "Envoy arrives\n\nOfficials in Dushanbe said the CSTO envoy arrived in Dushanbe on Sunday."], into: s, dir: dir)
        let docs = try s.pendingAnnotations(limit: 10).map(\.doc)
        try LanguagePass().run(on: s)
        let before = try s.entitySurvey()
        #expect(before.contains { $0.name.contains("Rahmon") } && before.contains { $0.id == "country:AF" })
        let dushanbe = try #require(before.first { $0.name == "Dushanbe" })
        #expect(dushanbe.mentions == 2)
        // The first article re-read as a single mention of someone else, twice over: counted once.
        let replacement = ArticleAnnotations(doc: docs[0], sentences: [(start: 0, end: 20)],
                                             mentions: [Mention(start: 0, end: 6, text: "Ivanov", kind: .person, entity: "person:ivanov", value: "Ivanov")],
                                             words: 4)
        try s.saveAnnotations([replacement])
        try s.saveAnnotations([replacement])
        let after = try s.entitySurvey()
        #expect(after.first { $0.id == "person:ivanov" }?.mentions == 1)
        #expect(!after.contains { $0.name.contains("Rahmon") } && !after.contains { $0.id == "country:AF" })
        #expect(after.first { $0.name == "Dushanbe" } == dushanbe, "the other article's counts are untouched")
        try s.resetAnnotations()
        #expect(try s.entitySurvey().isEmpty)
        try LanguagePass().run(on: s)
        #expect(try s.entitySurvey() == before)
    }

    @Test(.needs("seeds")) func seedsFromTheSharedData() throws {
        let seeds = try #require(SharedData.folder("seeds"))
        let dir = try TemporaryDirectory("language")
        defer { dir.remove() }
        let s = try store(dir)
        _ = try Ingestor().ingest([seeds.path], into: s)
        try LanguagePass().run(on: s)
        let all = try s.entities(EntityQuery(limit: 1000))
        let countries = Set(all.filter { $0.kind == .country }.map(\.id))
        #expect(countries.isSuperset(of: ["country:TJ", "country:AF", "country:TM", "country:US", "country:UZ"]))
        #expect(all.contains { $0.id.hasPrefix("org:collective-security") && $0.aliases["CSTO"] != nil })
        #expect(all.contains { $0.name == "Sher Mohammad Abbas Stanikzai" && $0.kind == .person })
        // Nothing in the seeds is a person named after a place, or a place named after a common word.
        #expect(!all.contains { $0.kind == .person && ["Ashgabat", "Mary", "Dushanbe", "Moscow"].contains($0.name) })
    }
}
