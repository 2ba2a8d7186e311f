import CrosscheckTesting
import Foundation
import GRDB
import Testing

/// Reading commands only read: after `ingest`, they leave the store file byte-identical and work on a copy
/// whose file is read-only; a store an older version wrote is not upgraded behind the user's back.
@Suite(.serialized, .needsCLI) struct ReadOnlyStoreTests {
    static let readers: [[String]] = [
        ["events"], ["events", "--format", "json"], ["brief"], ["timeline"], ["contradictions"], ["stories"], ["entities"],
        ["articles"], ["duplicates"], ["rejections"], ["search", "Taliban"],
    ]

    func digest(_ path: String) throws -> Data {
        // Byte-identical means the bytes: compared whole (a store of five articles is small).
        try Data(contentsOf: URL(fileURLWithPath: path))
    }

    @Test(.needs("seeds")) func readingCommandsLeaveTheStoreByteIdentical() throws {
        let seeds = try #require(SharedData.folder("seeds"))
        let dir = try TemporaryDirectory("readonly")
        defer { dir.remove() }
        #expect(try CLI.run(["ingest", seeds.path], in: dir.url).status == 0)
        let store = dir.path("crosscheck.sqlite")
        let before = try digest(store)
        var outputs: [String: String] = [:]
        for command in Self.readers {
            let result = try CLI.run(command, in: dir.url)
            #expect(result.status == 0, "\(command): \(result.stderr)")
            #expect(!result.stderr.contains("not been analyzed"), "\(command)")
            outputs[command.joined(separator: " ")] = result.stdout
        }
        #expect(try digest(store) == before, "a reading command changed the store file")

        // A copy whose file is read-only answers the same.
        let copy = dir.path("copy.sqlite")
        try FileManager.default.copyItem(atPath: store, toPath: copy)
        try FileManager.default.setAttributes([.posixPermissions: 0o444], ofItemAtPath: copy)
        for command in Self.readers {
            let result = try CLI.run(command + ["--db", copy], in: dir.url)
            #expect(result.status == 0, "\(command): \(result.stderr)")
            #expect(result.stdout == outputs[command.joined(separator: " ")], "\(command) on the read-only copy")
        }
        #expect(try digest(copy) == before)
    }

    /// An ingest killed after the language pass, before it stored the situation: reading commands say so and merge in
    /// memory (the same answer); the next ingest, even with nothing new, stores the situation again.
    @Test(.needs("seeds")) func aStaleSituationIsReportedAndRepairedByTheNextIngest() throws {
        let seeds = try #require(SharedData.folder("seeds"))
        let dir = try TemporaryDirectory("stale")
        defer { dir.remove() }
        #expect(try CLI.run(["ingest", seeds.path], in: dir.url).status == 0)
        let stored = try CLI.run(["events", "--format", "json"], in: dir.url)
        #expect(stored.status == 0 && stored.stderr.isEmpty)
        try DatabaseQueue(path: dir.path("crosscheck.sqlite")).write { db in try db.execute(sql: "DELETE FROM situation_state") }
        let stale = try CLI.run(["events", "--format", "json"], in: dir.url)
        #expect(stale.status == 0 && stale.stderr.contains("older than its articles' analysis") && stale.stderr.contains("reanalyze"))
        #expect(stale.stdout == stored.stdout, "merged in memory, the same events")
        #expect(try CLI.run(["ingest", seeds.path], in: dir.url).status == 0)
        let repaired = try CLI.run(["events", "--format", "json"], in: dir.url)
        #expect(repaired.stderr.isEmpty && repaired.stdout == stored.stdout)
    }

    @Test(.needs("seeds")) func anOutdatedStoreIsNotUpgradedByAReadingCommand() throws {
        let seeds = try #require(SharedData.folder("seeds"))
        let dir = try TemporaryDirectory("outdated")
        defer { dir.remove() }
        #expect(try CLI.run(["ingest", seeds.path], in: dir.url).status == 0)
        // Forget the newest migration, as if an older version had written the store.
        try DatabaseQueue(path: dir.path("crosscheck.sqlite")).write { db in
            try db.execute(sql: "DELETE FROM grdb_migrations WHERE rowid = (SELECT MAX(rowid) FROM grdb_migrations)")
        }
        let before = try digest(dir.path("crosscheck.sqlite"))
        let result = try CLI.run(["events"], in: dir.url)
        #expect(result.status == 1)
        #expect(result.stderr.contains("crosscheck reanalyze"), "\(result.stderr)")
        #expect(try digest(dir.path("crosscheck.sqlite")) == before)
    }
}

/// Content ids: the same articles ingested one file at a time in reverse order give the same event, incident,
/// story and source group ids, and the same brief, as the folder ingested at once.
@Suite(.serialized, .needsCLI) struct IngestionOrderTests {
    @Test(.needs("seeds")) func idsDoNotDependOnTheOrderOfIngestion() throws {
        let seeds = try #require(SharedData.folder("seeds"))
        let files = try FileManager.default.contentsOfDirectory(atPath: seeds.path).filter { !$0.hasPrefix(".") }.sorted()
        try #require(files.count >= 2)
        let dir = try TemporaryDirectory("order")
        defer { dir.remove() }
        #expect(try CLI.run(["ingest", seeds.path, "--db", "all.sqlite"], in: dir.url).status == 0)
        for file in files.reversed() {
            #expect(try CLI.run(["ingest", seeds.appendingPathComponent(file).path, "--db", "one.sqlite"], in: dir.url).status == 0)
        }
        for command in [["events", "--format", "json"], ["timeline", "--format", "json"], ["stories", "--format", "json"],
                        ["contradictions", "--format", "json"], ["brief"], ["duplicates", "--groups", "--format", "json"],
                        ["duplicates", "--format", "json"]] {
            let all = try CLI.run(command + ["--db", "all.sqlite"], in: dir.url)
            let one = try CLI.run(command + ["--db", "one.sqlite"], in: dir.url)
            #expect(all.status == 0 && !all.stdout.isEmpty)
            #expect(all.stdout == one.stdout, "\(command) differs with the order of ingestion")
        }
        // Source groups of the articles (the arrival time differs, the group must not).
        func groups(_ db: String) throws -> [String: String] {
            let rows = try JSONSerialization.jsonObject(with: Data(try CLI.run(["articles", "--format", "json", "--db", db], in: dir.url).stdout.utf8))
            var out: [String: String] = [:]
            for row in rows as? [[String: Any]] ?? [] { out[row["id"] as? String ?? ""] = row["group"] as? String }
            return out
        }
        let all = try groups("all.sqlite"), one = try groups("one.sqlite")
        #expect(all.count == files.count && all == one)
    }
}
