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
