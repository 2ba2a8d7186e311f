import CrosscheckCore
import CrosscheckIngest
import CrosscheckStore
import CrosscheckTesting
import Foundation
import Testing

/// An ingest killed with SIGKILL midway leaves a consistent store; rerunning completes the batch with
/// no duplicates and nothing lost.
@Suite struct CrashRecoveryTests {
    @Test(.needsCLI) func killedIngestResumesWithoutLossOrDuplicates() throws {
        let executable = try #require(SharedData.executable)
        let dir = try TemporaryDirectory("kill")
        defer { dir.remove() }
        let count = 6000
        var lines = ""
        for i in 0..<count {
            let text = "Bulletin \(i). The river fell overnight in district \(i % 40), officials said, and " +
                String(repeating: "rescue teams checked the embankment again. ", count: 20)
            lines += "{\"title\": \"Bulletin \(i)\", \"text\": \"\(text)\"}\n"
        }
        let input = try dir.write("feed.jsonl", lines)
        let db = dir.path("cc.sqlite")
        let process = Process()
        process.executableURL = executable
        process.arguments = ["ingest", "--db", db, input]
        process.standardOutput = FileHandle.nullDevice
        process.standardError = FileHandle.nullDevice
        try process.run()
        // Wait until some batches are committed, then kill without warning.
        let deadline = Date().addingTimeInterval(60)
        var before = 0
        while Date() < deadline, process.isRunning {
            if let store = try? SQLiteStore(path: db), let n = try? store.articleCount(), n > 0 {
                before = n
                break
            }
            usleep(20_000)
        }
        kill(process.processIdentifier, SIGKILL)
        process.waitUntilExit()
        print("killed ingest after \(before) of \(count) articles were visible")

        let store = try SQLiteStore(path: db)
        let partial = try store.articleCount()
        #expect(partial % 256 == 0 || partial == count, "whole batches only: \(partial)")
        let summary = try Ingestor().ingest([input], into: store)
        #expect(summary.new + summary.duplicate == count)
        #expect(summary.new == count - partial)
        #expect(try store.articleCount() == count)
        let again = try Ingestor().ingest([input], into: store)
        #expect(again.new == 0 && again.duplicate == count)
    }
}
