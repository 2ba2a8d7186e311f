import CrosscheckCore
import CrosscheckIngest
import CrosscheckStore
import CrosscheckTesting
import Foundation
import Testing

/// Every bad input is rejected with its reason, logged in the store, and the rest of the batch is stored.
@Suite struct BadInputTests {
    @Test func badInputsAreReportedAndTheBatchGoesOn() throws {
        let dir = try TemporaryDirectory("bad")
        defer { dir.remove() }
        let paths = try BadInputs.write(into: dir)
        try dir.write("good/one.txt", "Rescue teams reached the village on Tuesday after the road reopened, officials said.")
        try dir.write("good/two.html", "<html><body><p>The river fell by half a metre overnight, the committee said on Wednesday.</p></body></html>")
        try dir.write("feed.jsonl", BadInputs.mixedJSONLines())
        let store = try SQLiteStore(path: dir.path("cc.sqlite"))
        var reported: [RejectedInput] = []
        let summary = try Ingestor().ingest([dir.url.path], into: store, onRejected: { reported.append($0) })

        #expect(summary.new == 4, "two good files and two good JSON lines")
        for (name, code) in BadInputs.expected {
            let path = try #require(paths[name])
            #expect(reported.contains { $0.origin.location == path && $0.rejection.code == code }, "\(name) → \(code)")
        }
        #expect(reported.contains { $0.origin.line == 2 && $0.rejection.code == "invalid-json" })
        #expect(reported.contains { $0.origin.line == 4 && $0.rejection.code == "missing-field" })
        #expect(reported.allSatisfy { $0.line.hasPrefix($0.origin.description + ": ") })

        let log = try store.rejections(limit: 100)
        #expect(log.count == reported.count)
        // A rerun stores nothing new and counts the attempt instead of duplicating the log.
        let again = try Ingestor().ingest([dir.url.path], into: store)
        #expect(again.new == 0 && again.duplicate == 4)
        let log2 = try store.rejections(limit: 100)
        #expect(log2.count == log.count)
        #expect(log2.allSatisfy { $0.attempts == 2 })
    }

    /// As root (who reads every folder) it runs the CLI as an unprivileged user, so it needs setpriv and the CLI.
    @Test(.enabled(if: geteuid() != 0 || Self.canDropPrivileges, "as root, needs /usr/bin/setpriv and the built crosscheck executable"))
    func unreadableFolderIsRejectedAndTheRestIngested() throws {
        let dir = try TemporaryDirectory("perm")
        defer { dir.remove() }
        try dir.write("locked/secret.txt", "Nobody can read this folder, whatever the news says today.")
        try dir.write("open/ok.txt", "The committee said on Wednesday that the river was falling across the district.")
        chmod(dir.path("locked"), 0)
        chmod(dir.url.path, 0o777)
        if geteuid() != 0 {
            let store = try SQLiteStore(path: dir.path("cc.sqlite"))
            var reported: [RejectedInput] = []
            let summary = try Ingestor().ingest([dir.url.path], into: store, onRejected: { reported.append($0) })
            #expect(summary.new == 1)
            #expect(reported.contains { $0.origin.location.hasSuffix("locked") && $0.rejection.code == "unreadable" })
            return
        }
        // Root reads every folder, so run the real CLI as an unprivileged user.
        try #require(Self.canDropPrivileges)
        let result = try CLI.run(["ingest", "--db", dir.path("cc.sqlite"), dir.url.path, "--format", "json"],
                                 prefix: ["/usr/bin/setpriv", "--reuid=65534", "--regid=65534", "--clear-groups"])
        #expect(result.status == 0, "\(result.stderr)")
        #expect(result.stderr.contains("locked: cannot read: folder: Permission denied"))
        #expect(result.stdout.contains("\"new\" : 1") || result.stdout.contains("\"new\":1"))
    }

    static var canDropPrivileges: Bool {
        FileManager.default.isExecutableFile(atPath: "/usr/bin/setpriv") && SharedData.cliAvailable
    }
}
