import CrosscheckTesting
import Foundation
import GRDB
import Testing

/// `crosscheck ingest` on web archives and feeds, as a user runs it: again and again, and killed midway.
@Suite(.serialized, .needsCLI) struct WARCIngestTests {
    static let fixtures = SharedData.repository.appendingPathComponent("Tests/CrosscheckIngestTests/Fixtures")

    static func summary(_ result: CommandResult) throws -> [String: Any] {
        try #require(try JSONSerialization.jsonObject(with: Data(result.stdout.utf8)) as? [String: Any], "\(result.stderr)")
    }

    @Test func reingestingAWARCOrAFeedStoresNothingNew() throws {
        let dir = try TemporaryDirectory("warc-cli")
        defer { dir.remove() }
        let warc = Self.fixtures.appendingPathComponent("samples.warc.gz").path
        let feed = try dir.write("feed.xml", """
            <rss version="2.0"><channel><title>T</title>
            <item><title>Rescue teams reach Hamadoni</title><link>https://t.example/a</link><pubDate>Tue, 29 Apr 2025 10:00:00 +0500</pubDate>
            <description>Rescue teams reached Hamadoni district on Tuesday after the road along the Panj reopened, officials said.</description></item>
            </channel></rss>
            """)
        let first = try Self.summary(try CLI.run(["ingest", warc, feed, "--format", "json"], in: dir.url))
        #expect(first["new"] as? Int == 12)
        #expect(first["skipped"] as? Int == 16)
        let again = try Self.summary(try CLI.run(["ingest", warc, feed, "--format", "json"], in: dir.url))
        #expect(again["new"] as? Int == 0)
        #expect(again["alreadyStored"] as? Int == 12)
        // The raw record comes back byte for byte.
        let listed = try #require(try JSONSerialization.jsonObject(with: Data(try CLI.run(["articles", "--format", "json"], in: dir.url).stdout.utf8)) as? [[String: Any]])
        let fromWARC = try #require(listed.first { ($0["origin"] as? [String: Any])?["offset"] as? Int != nil })
        #expect(fromWARC["format"] as? String == "warc")
        let raw = try CLI.run(["show", String((fromWARC["id"] as? String ?? "").prefix(12)), "--raw"], in: dir.url)
        #expect(raw.stdout.hasPrefix("WARC/1.1\r\n"))
    }

    /// Records made here (distinct bytes each), a few hundred bytes of text per page.
    static func archive(records: Int) -> [UInt8] {
        var out: [UInt8] = []
        for k in 0..<records {
            let page = "<html><head><title>Report \(k)</title></head><body><p>Report number \(k): rescue teams counted \(k % 97) families " +
                "sheltering in school \(k % 13) of district \(k % 7), and volunteers delivered water and blankets on day \(k % 30).</p></body></html>"
            let http = "HTTP/1.1 200 OK\r\nContent-Type: text/html; charset=utf-8\r\nContent-Length: \(page.utf8.count)\r\n\r\n" + page
            let header = "WARC/1.0\r\nWARC-Type: response\r\nWARC-Record-ID: <urn:uuid:00000000-0000-0000-0000-\(String(format: "%012d", k))>\r\n" +
                "WARC-Date: 2025-04-29T10:00:00Z\r\nWARC-Target-URI: https://archive.example/report/\(k)\r\n" +
                "Content-Type: application/http; msgtype=response\r\nContent-Length: \(http.utf8.count)\r\n\r\n"
            out += Array((header + http + "\r\n\r\n").utf8)
        }
        return out
    }

    @Test func anIngestKilledMidwayIsCompletedByTheNextWithoutDuplicates() throws {
        let dir = try TemporaryDirectory("warc-kill")
        defer { dir.remove() }
        let total = 3000
        let path = try dir.write("big.warc", Self.archive(records: total))
        let executable = try #require(SharedData.executable)
        let process = Process()
        process.executableURL = executable
        process.arguments = ["ingest", path, "--format", "json"]
        process.currentDirectoryURL = dir.url
        process.standardOutput = FileHandle.nullDevice
        process.standardError = FileHandle.nullDevice
        try process.run()
        // Killed as soon as a first batch is committed (or when it ends, on a fast machine).
        let db = dir.path("crosscheck.sqlite")
        var stored = 0
        while process.isRunning {
            if FileManager.default.fileExists(atPath: db), let queue = try? DatabaseQueue(path: db),
               let count = try? queue.read({ try Int.fetchOne($0, sql: "SELECT count(*) FROM raw_article") ?? 0 }), count > 0 {
                stored = count
                kill(process.processIdentifier, SIGKILL)
                break
            }
            usleep(20_000)
        }
        process.waitUntilExit()
        let rerun = try Self.summary(try CLI.run(["ingest", path, "--format", "json"], in: dir.url))
        let queue = try DatabaseQueue(path: db)
        let (raws, articles, distinctURLs) = try queue.read { db in
            (try Int.fetchOne(db, sql: "SELECT count(*) FROM raw_article") ?? -1,
             try Int.fetchOne(db, sql: "SELECT count(*) FROM article") ?? -1,
             try Int.fetchOne(db, sql: "SELECT count(DISTINCT url) FROM article") ?? -1)
        }
        #expect(raws == total)
        #expect(articles == total)
        #expect(distinctURLs == total)
        #expect((rerun["new"] as? Int ?? 0) + (rerun["alreadyStored"] as? Int ?? 0) == total)
        #expect((rerun["alreadyStored"] as? Int ?? -1) >= min(stored, total))
    }
}
