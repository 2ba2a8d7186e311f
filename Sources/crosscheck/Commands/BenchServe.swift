import CrosscheckCore
import CrosscheckIngest
import CrosscheckServer
import CrosscheckService
import CrosscheckStore
import Foundation
#if canImport(FoundationNetworking)
import FoundationNetworking
#endif

extension Crosscheck.Bench {
    /// The HTTP API under load: a store of generated articles analysed to about `serveEvents` events, the server in
    /// this process on a free loopback port, `wrk` (Debian's package) against `GET /api/v1/events?limit=50`
    /// (requests/s, latency percentiles, errors), then `POST /api/v1/articles` of JSON-lines bodies (articles/s,
    /// the situation analysed again after each).
    func benchServe() async throws {
        guard let wrk = ["/usr/bin/wrk", "/usr/local/bin/wrk"].first(where: { FileManager.default.isExecutableFile(atPath: $0) }) else {
            Terminal.out("serve: skipped (wrk not found: apt-get install wrk)\n")
            return
        }
        let dir = FileManager.default.temporaryDirectory.appendingPathComponent("crosscheck-bench-serve-\(getpid())")
        try FileManager.default.createDirectory(at: dir, withIntermediateDirectories: true)
        defer { try? FileManager.default.removeItem(at: dir) }
        var corpus = BenchCorpus(folders: [Crosscheck.Demo.defaultSamples(), Self.sharedFolder("seeds")].compactMap { $0 })
        corpus.background = BenchCorpus.paragraphs(of: Self.devPageTexts(maxPages: maxPages).filter { LanguageIdentifier.identify($0) == "en" })
        corpus.crisisShare = corpus.background.isEmpty ? 1 : 0.2
        let input = dir.appendingPathComponent("corpus.jsonl").path
        // About 7.7 events per generated article (the events stage's corpus).
        _ = try corpus.write(count: max(100, serveEvents * 10 / 77), bytes: articleBytes, to: input)
        let store = try SQLiteStore(path: dir.appendingPathComponent("serve.sqlite").path)
        _ = try Ingestor().ingest([input], into: store)
        try Engine().analyze(store)
        let events = try store.storedEvents(EventQuery(limit: Int.max)).count
        let (stream, continuation) = AsyncStream.makeStream(of: Int.self)
        let app = CrosscheckServer.application(store: store, configuration: ServerConfiguration(port: 0), logLevel: .critical) { continuation.yield($0) }
        let server = Task { try await app.runService(gracefulShutdownSignals: []) }
        defer { server.cancel() }
        var ports = stream.makeAsyncIterator()
        guard let port = await ports.next() else { throw CLIError("the server did not start") }
        let url = "http://127.0.0.1:\(port)/api/v1/events?limit=50"
        for (label, headers) in [("cached until the situation changes", [String]()), ("made for each request (Cache-Control: no-cache)", ["-H", "Cache-Control: no-cache"])] {
            let output = try Self.runProcess(wrk, ["-t2", "-c32", "-d10s", "--latency"] + headers + [url])
            let rate = Self.field(output, after: "Requests/sec:")
            let p99 = output.split(separator: "\n").first { $0.trimmingCharacters(in: .whitespaces).hasPrefix("99%") }
                .map { String($0).trimmingCharacters(in: .whitespaces).dropFirst(3).trimmingCharacters(in: .whitespaces) } ?? "?"
            let errors = output.split(separator: "\n").filter { $0.contains("Non-2xx") || $0.contains("Socket errors") }.joined(separator: "; ")
            Terminal.out("serve: \(events) events in the store; wrk -t2 -c32 -d10s GET /api/v1/events?limit=50, \(label) (server and wrk on this \(IngestConfiguration.coreCount)-core machine): \(rate ?? "?") requests/s, p99 \(p99), errors: \(errors.isEmpty ? "none" : errors)\n")
        }
        try await postBench(port: port, store: store, corpus: corpus, dir: dir)
    }

    /// `POST /api/v1/articles` with bodies of 100 JSON-lines articles each.
    func postBench(port: Int, store: SQLiteStore, corpus: BenchCorpus, dir: URL) async throws {
        guard let token = try WriteTokens.create(name: "bench", in: store) else { return }
        let before = try store.articleCount()
        let posts = 5, perPost = 100
        let start = ContinuousClock.now
        for k in 0..<posts {
            let path = dir.appendingPathComponent("post-\(k).jsonl").path
            _ = try corpus.write(count: perPost, bytes: articleBytes, to: path, first: 10_000_000 + k * perPost)
            var request = URLRequest(url: URL(string: "http://127.0.0.1:\(port)/api/v1/articles")!)
            request.httpMethod = "POST"
            request.setValue("Bearer \(token)", forHTTPHeaderField: "Authorization")
            request.httpBody = try Data(contentsOf: URL(fileURLWithPath: path))
            request.timeoutInterval = 600
            let status = try await Self.send(request)
            guard (200..<300).contains(status) else { throw CLIError("POST /api/v1/articles answered \(status)") }
        }
        let seconds = (ContinuousClock.now - start).inSeconds
        let added = try store.articleCount() - before
        Terminal.out(String(format: "serve: POST /api/v1/articles, %d bodies of %d JSON-lines articles into that store: %d stored in %.1f s, %.1f articles/s (each POST analyses the situation again: the situation is not incremental yet)\n",
                            posts, perPost, added, seconds, Double(added) / seconds))
    }

    /// Sends a request and waits for its status code.
    static func send(_ request: URLRequest) async throws -> Int {
        try await withCheckedThrowingContinuation { continuation in
            URLSession.shared.dataTask(with: request) { _, response, error in
                if let error { continuation.resume(throwing: error) }
                else { continuation.resume(returning: (response as? HTTPURLResponse)?.statusCode ?? 0) }
            }.resume()
        }
    }

    static func runProcess(_ path: String, _ arguments: [String]) throws -> String {
        let process = Process()
        process.executableURL = URL(fileURLWithPath: path)
        process.arguments = arguments
        let pipe = Pipe()
        process.standardOutput = pipe
        process.standardError = pipe
        try process.run()
        let data = pipe.fileHandleForReading.readDataToEndOfFile()
        process.waitUntilExit()
        return String(decoding: data, as: UTF8.self)
    }

    static func field(_ text: String, after label: String) -> String? {
        guard let line = text.split(separator: "\n").first(where: { $0.contains(label) }) else { return nil }
        return line.components(separatedBy: label).last?.trimmingCharacters(in: .whitespaces)
    }
}
