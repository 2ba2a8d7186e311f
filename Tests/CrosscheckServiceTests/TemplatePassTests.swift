import CrosscheckCore
import CrosscheckIngest
import CrosscheckService
import CrosscheckStore
import CrosscheckTesting
import Foundation
import Testing

/// The outlet-template pass reads only what is new, and ends where one pass over everything ends.
@Suite struct TemplatePassTests {
    static func write(_ dir: TemporaryDirectory, _ range: ClosedRange<Int>) throws -> [String] {
        try range.map { i in
            try dir.write("outlet/a\(i).txt", "Flood update number \(i) from the valley\n\nThe river rose by \(i) metres overnight, the district head said on Monday.\n\nSubscribe to our Telegram channel to be the first to know the news\n\nOfficials expect the water to fall by Friday in district \(i).\n")
        }
    }

    static func texts(_ store: SQLiteStore) throws -> [String: String] {
        Dictionary(uniqueKeysWithValues: try store.articles(ArticleQuery(limit: 100)).map { summary in
            (summary.id.hex, try store.article(idPrefix: summary.id.hex).article.text)
        })
    }

    @Test func batchesEndWhereOnePassEnds() throws {
        let dir = try TemporaryDirectory("templates")
        defer { dir.remove() }
        let paths = try Self.write(dir, 1...6)
        let stepwise = try SQLiteStore(path: dir.path("stepwise.sqlite"))
        var changed: [Int] = []
        for batch in [paths[0..<2], paths[2..<4], paths[4..<6]] {
            _ = try Ingestor().ingest(Array(batch), into: stepwise)
            changed.append(try TemplatePass.run(on: stepwise))
        }
        // Two articles are too few; the third and fourth make the template, stripped from all four; then the new two.
        #expect(changed == [0, 4, 2])
        #expect(try TemplatePass.run(on: stepwise) == 0)
        let whole = try SQLiteStore(path: dir.path("whole.sqlite"))
        _ = try Ingestor().ingest(paths, into: whole)
        #expect(try TemplatePass.run(on: whole) == 6)
        let texts = try Self.texts(stepwise)
        #expect(texts == (try Self.texts(whole)))
        #expect(texts.values.allSatisfy { !$0.contains("Telegram") })
        // Reanalysis cleans every article again (the templates come back) and counts anew.
        let again = try Engine().reanalyze(stepwise)
        #expect(again.analysis.templated == 6)
        #expect(try Self.texts(stepwise) == texts)
    }
}
