import CrosscheckTesting
import Foundation
import Testing

/// End-to-end checks of the `crosscheck` executable, as a user runs it.
@Suite(.serialized) struct CLITests {
    func requireCLI() -> Bool {
        if SharedData.executable == nil {
            print("◇ SKIPPED CLI tests: the crosscheck executable was not built next to the tests")
            return false
        }
        return true
    }

    @Test func seedsIngestListAndSearch() throws {
        guard requireCLI(), let seeds = SharedData.folder("seeds") else { return }
        let dir = try TemporaryDirectory("cli")
        defer { dir.remove() }
        let first = try CLI.run(["ingest", seeds.path, "--format", "json"], in: dir.url)
        #expect(first.status == 0)
        let summary = try JSONSerialization.jsonObject(with: Data(first.stdout.utf8)) as? [String: Any]
        #expect(summary?["new"] as? Int == 5)
        let second = try CLI.run(["ingest", seeds.path, "--format", "json"], in: dir.url)
        #expect((try JSONSerialization.jsonObject(with: Data(second.stdout.utf8)) as? [String: Any])?["new"] as? Int == 0)
        #expect(FileManager.default.fileExists(atPath: dir.path("crosscheck.sqlite")), "default store in the working folder")

        let listed = try CLI.run(["articles", "--format", "json"], in: dir.url)
        let articles = try JSONSerialization.jsonObject(with: Data(listed.stdout.utf8)) as? [[String: Any]]
        #expect(articles?.count == 5)
        #expect(articles?.allSatisfy { ($0["id"] as? String)?.count == 64 } == true)

        let csv = try CLI.run(["articles", "--format", "csv"], in: dir.url)
        #expect(csv.stdout.hasPrefix("id,published,outlet,title,lang,words,group,origin\r\n"))
        #expect(csv.stdout.components(separatedBy: "\r\n").filter { !$0.isEmpty }.count == 6)

        let taliban = try CLI.run(["search", "Taliban", "--format", "jsonl"], in: dir.url)
        #expect(taliban.stdout.split(separator: "\n").count == 5)
        let crossing = try CLI.run(["search", "Shir Khan Bandar", "--format", "jsonl"], in: dir.url)
        #expect(crossing.stdout.split(separator: "\n").count == 1)
        #expect(crossing.stdout.contains("**Shir Khan Bandar**"))

        let id = try #require(articles?.first?["id"] as? String)
        let show = try CLI.run(["show", String(id.prefix(10))], in: dir.url)
        #expect(show.status == 0)
        #expect(show.stdout.contains("── removed"))
    }

    /// Ingest runs the duplicate finder; `duplicates` lists the seed rewrite with its passages, the
    /// citations, and the source groups; `articles` shows each article's group.
    @Test func duplicatesShowsTheRewriteItsPassagesAndTheGroups() throws {
        guard requireCLI(), let seeds = SharedData.folder("seeds") else { return }
        let dir = try TemporaryDirectory("cli")
        defer { dir.remove() }
        #expect(try CLI.run(["ingest", seeds.path, "--format", "json"], in: dir.url).status == 0)

        let json = try CLI.run(["duplicates", "--format", "json"], in: dir.url)
        #expect(json.status == 0)
        let relations = try #require(try JSONSerialization.jsonObject(with: Data(json.stdout.utf8)) as? [[String: Any]])
        let text = relations.filter { $0["kind"] as? String != "cites" }
        #expect(text.count == 1 && text.first?["kind"] as? String == "rewrite")
        let aligned = text.first?["aligned"] as? [[String: Any]] ?? []
        #expect(aligned.count >= 5 && aligned.allSatisfy { ($0["articleText"] as? String)?.isEmpty == false })
        #expect(relations.contains { $0["kind"] as? String == "cites" && $0["outlet"] as? String == "RFE/RL" })

        let rewriteOnly = try CLI.run(["duplicates", "--kind", "rewrite", "--format", "jsonl"], in: dir.url)
        #expect(rewriteOnly.stdout.split(separator: "\n").count == 1)

        let groups = try CLI.run(["duplicates", "--groups", "--format", "json"], in: dir.url)
        let groupList = try #require(try JSONSerialization.jsonObject(with: Data(groups.stdout.utf8)) as? [[String: Any]])
        #expect(groupList.count == 1 && groupList.first?["size"] as? Int == 2)

        let table = try CLI.run(["duplicates"], in: dir.url)
        #expect(table.stdout.contains("rewrite") && table.stdout.contains("told RFE"))

        let listed = try CLI.run(["articles", "--format", "json"], in: dir.url)
        let articles = try #require(try JSONSerialization.jsonObject(with: Data(listed.stdout.utf8)) as? [[String: Any]])
        #expect(Set(articles.compactMap { $0["group"] as? String }).count == 4)
        #expect(articles.filter { $0["groupSize"] as? Int == 2 }.count == 2)

        let bad = try CLI.run(["duplicates", "--kind", "copy"], in: dir.url)
        #expect(bad.status == 2, "an unknown kind is a usage error")
        let missing = try CLI.run(["duplicates", "--article", "ffffffffff"], in: dir.url)
        #expect(missing.status == 1 && missing.stderr.contains("no article"))
    }

    @Test func environmentSelectsTheStore() throws {
        guard requireCLI() else { return }
        let dir = try TemporaryDirectory("cli")
        defer { dir.remove() }
        try dir.write("a.txt", "The committee said on Wednesday that the river was falling across the district.")
        let result = try CLI.run(["ingest", dir.path("a.txt")], in: dir.url, environment: ["CROSSCHECK_DB": dir.path("env.sqlite")])
        #expect(result.status == 0)
        #expect(FileManager.default.fileExists(atPath: dir.path("env.sqlite")))
    }

    @Test func rejectionsAreReportedAndExitCodeIsZero() throws {
        guard requireCLI() else { return }
        let dir = try TemporaryDirectory("cli")
        defer { dir.remove() }
        _ = try BadInputs.write(into: dir, hugeLine: false)
        try dir.write("ok.txt", "Rescue teams reached the village on Tuesday after the road reopened, officials said.")
        let result = try CLI.run(["ingest", dir.url.path, "--db", dir.path("cc.sqlite")])
        #expect(result.status == 0)
        #expect(result.stderr.contains("rejected: \(dir.path("image.png")): not text: looks like image/png"))
        let log = try CLI.run(["rejections", "--db", dir.path("cc.sqlite"), "--format", "json"])
        let entries = try JSONSerialization.jsonObject(with: Data(log.stdout.utf8)) as? [[String: Any]]
        #expect(entries?.count == BadInputs.expected.count - 1)
    }

    @Test func outletTemplatesAreRemovedAcrossArticles() throws {
        guard requireCLI() else { return }
        let dir = try TemporaryDirectory("cli")
        defer { dir.remove() }
        for i in 1...4 {
            try dir.write("outlet/a\(i).txt", "Flood update number \(i) from the valley\n\nThe river rose by \(i) metres overnight, the district head said on Monday.\n\nSubscribe to our Telegram channel to be the first to know the news\n\nOfficials expect the water to fall by Friday in district \(i).\n")
        }
        #expect(try CLI.run(["ingest", dir.path("outlet"), "--db", dir.path("cc.sqlite")]).status == 0)
        let listed = try CLI.run(["articles", "--db", dir.path("cc.sqlite"), "--format", "csv"])
        let ids = listed.stdout.components(separatedBy: "\r\n").dropFirst().compactMap { $0.split(separator: ",").first.map(String.init) }
        #expect(ids.count == 4)
        for id in ids {
            let show = try CLI.run(["show", id, "--db", dir.path("cc.sqlite"), "--format", "json"])
            #expect(show.stdout.contains("\"reason\" : \"template\""))
            #expect(!show.stdout.contains("\"text\" : \"The river rose") || !show.stdout.contains("Telegram channel to be the first to know the news\\n"))
        }
        let search = try CLI.run(["search", "Telegram", "--db", dir.path("cc.sqlite"), "--format", "jsonl"])
        #expect(search.stdout.isEmpty, "template text is out of the search index")
    }

    @Test func usageErrorsExitWithTwoAndFailuresWithOne() throws {
        guard requireCLI() else { return }
        let dir = try TemporaryDirectory("cli")
        defer { dir.remove() }
        #expect(try CLI.run(["frobnicate"], in: dir.url).status == 2)
        #expect(try CLI.run(["articles", "--format", "yaml"], in: dir.url).status == 2)
        let missing = try CLI.run(["show", "abcdef12"], in: dir.url)
        #expect(missing.status == 1)
        #expect(missing.stderr.contains("no article with id abcdef12"))
    }

    @Test func demoPrintsTheCorpus() throws {
        guard requireCLI() else { return }
        let result = try CLI.run(["demo"])
        #expect(result.status == 0, "\(result.stderr)")
        #expect(result.stdout.contains("FICTIONAL"))
        #expect(result.stdout.contains("Ingested 16 articles"))
        #expect(result.stdout.contains("Central Asia Wire"))
        #expect(result.stdout.contains("Floods kill at least 14 in southern Tajikistan"))
        #expect(result.stdout.contains("2025-04-28"))
    }

    @Test func extractPrintsJSONLinesWithoutAStore() throws {
        guard requireCLI() else { return }
        let dir = try TemporaryDirectory("cli")
        defer { dir.remove() }
        let result = try CLI.run(["extract", SharedData.demoCorpus.appendingPathComponent("04-kt-governor-evacuations.html").path], in: dir.url)
        #expect(result.status == 0)
        let record = try JSONSerialization.jsonObject(with: Data(result.stdout.utf8)) as? [String: Any]
        #expect(record?["outlet"] as? String == "Khatlon Today")
        #expect((record?["published"] as? [String: Any])?["precision"] != nil)
        #expect((record?["removed"] as? [[String: Any]])?.isEmpty == false)
        #expect(!FileManager.default.fileExists(atPath: dir.path("crosscheck.sqlite")))
    }
}
