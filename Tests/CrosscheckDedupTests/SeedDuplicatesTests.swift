import CrosscheckCore
import CrosscheckDedup
import CrosscheckIngest
import CrosscheckTesting
import Foundation
import Testing

/// The five seed reports: 000 is a machine-translated rewrite of part of 002; 001 and 003 tell the
/// same story independently; no other pair is linked by text.
@Suite struct SeedDuplicatesTests {
    static func cleanedSeeds() throws -> [(name: String, doc: DedupDocument)]? {
        guard let files = SharedData.seedFiles() else { return nil }
        return try files.sorted { $0.lastPathComponent < $1.lastPathComponent }.enumerated().map { i, url in
            let raw = RawArticle(bytes: Array(try Data(contentsOf: url)), origin: Origin(location: url.path), receivedAt: Date(), format: .text)
            let article = try ArticleCleaner().clean(raw).get()
            return (String(url.lastPathComponent.prefix(3)), DedupDocument(doc: Int64(i + 1), id: article.id, outlet: article.outlet, text: article.text, language: article.language))
        }
    }

    @Test(.needs("seeds")) func onlyTheRewriteIsLinked() throws {
        let seeds = try #require(try Self.cleanedSeeds())
        let index = MemoryDedupIndex()
        index.add(seeds.map(\.doc))
        try Deduplicator().run(on: index)
        let name = Dictionary(uniqueKeysWithValues: seeds.map { ($0.doc.doc, $0.name) })
        let links = index.relations.map { "\(name[$0.article]!)-\(name[$0.other]!):\($0.kind.rawValue)" }
        print("seed relations:", links, index.relations.map(\.score))
        #expect(links == ["000-002:rewrite"] || links == ["002-000:rewrite"])
        let groups = index.groups
        #expect(groups[1] == groups[3])
        #expect(Set(groups.values).count == 4)
        if let rewrite = index.relations.first {
            #expect(rewrite.aligned.count >= 5, "the rewrite shows its aligned passages")
        }
    }

    @Test(.needs("seeds")) func citationsNameTheOutlets() throws {
        let seeds = try #require(try Self.cleanedSeeds())
        let finder = CitationFinder.bundled
        var found: [String: Set<String>] = [:]
        for (name, doc) in seeds {
            found[name] = Set(finder.find(in: doc.text, outlet: doc.outlet).map(\.outlet))
        }
        print("seed citations:", found.sorted { $0.key < $1.key })
        #expect(found["000"]?.contains("RFE/RL") == true)
        #expect(found["000"]?.contains("Turkmen.News") == true)
        #expect(found["001"]?.contains("RFE/RL") == true, "Radio Liberty is RFE/RL")
        #expect(found["002"]?.contains("RFE/RL") == true)
        #expect(found["003"] == ["Reuters", "TASS"], "told Reuters; Tass news agency reported")
        #expect(found["004"] == [], "people saying things are not outlets; the TASS photo credit is cleaned away")
    }

    /// The copy is the later published article, whatever the order of arrival.
    @Test(.needs("seeds")) func theLaterPublishedIsTheCopy() throws {
        let seeds = try #require(try Self.cleanedSeeds())
        var rewrite = seeds[0].doc, original = seeds[2].doc  // 000 rewrites 002
        rewrite.published = "2021-07-12T08:00:00Z"
        original.published = "2021-07-11T10:00:00Z"
        original.doc = 2
        rewrite.doc = 1  // the rewrite arrives first
        let index = MemoryDedupIndex()
        index.add([rewrite, original])
        try Deduplicator().run(on: index)
        let relation = try #require(index.relations.first)
        #expect(relation.kind == .rewrite && relation.article == 1 && relation.other == 2)
    }

    @Test func anOutletDoesNotCiteItself() {
        let text = "A senior official told RFE/RL that troops were moving. Reuters reported the same."
        let found = CitationFinder.bundled.find(in: text, outlet: "www.rferl.org").map(\.outlet)
        #expect(found == ["Reuters"])
    }
}
