import CrosscheckCore
import CrosscheckIngest
import CrosscheckStore
import Foundation

extension Crosscheck.Bench {
    /// The WARC reader on one core over a generated web archive of the dev pages (a request and a response record per
    /// page, uncompressed and gzipped per record), beside FastWARC on the same files; then ingest and store of the
    /// gzipped archive (cleaning on every core).
    func benchWARC() throws {
        guard let folder = pages ?? Self.sharedFolder("data/trafilatura-eval") else {
            Terminal.out("warc: skipped (no pages folder; pass --pages or provide ../shared/data/trafilatura-eval)\n")
            return
        }
        let pagesBytes = Self.htmlPages(in: folder, limit: maxPages)
        guard !pagesBytes.isEmpty else { Terminal.out("warc: skipped (no pages in \(folder))\n"); return }
        let dir = FileManager.default.temporaryDirectory.appendingPathComponent("crosscheck-bench-warc-\(getpid())")
        try FileManager.default.createDirectory(at: dir, withIntermediateDirectories: true)
        defer { try? FileManager.default.removeItem(at: dir) }
        let plain = dir.appendingPathComponent("bench.warc").path, gzipped = plain + ".gz"
        let pageCount = try Self.writeArchive(pages: pagesBytes, megabytes: warcMB, plain: plain, gzipped: gzipped)
        let python = peerPython ?? ProcessInfo.processInfo.environment["CROSSCHECK_PEER_PYTHON"]
        Terminal.out("warc: \(pageCount) pages (\(pagesBytes.count) distinct dev pages), request + response records, 1 core; best of \(repeats); content ids (SHA-256 of every record) \(SHA256.accelerated ? "with the SHA instructions" : "in Swift")\n")
        Terminal.out("file            MB   records  articles   seconds   MB/s   records/s  peak RSS MB   peer (same file, 1 core) → crosscheck's speed over it\n")
        for path in [plain, gzipped] {
            let size = Double((try FileManager.default.attributesOfItem(atPath: path)[.size] as? Int) ?? 0) / 1_048_576
            MemoryProbe.resetPeak()
            var counts = (articles: 0, skipped: 0, rejected: 0)
            let seconds = bestSeconds { counts = (try? Self.readOnly(path)) ?? (0, 0, 0) }
            var peerText = "   (no peer: set --peer-python)"
            if let python {
                peerText = ""
                for hashing in [false, true] {
                    let peer = try Self.runPeer(python: python, arguments: [RepositoryPaths.root.appendingPathComponent("scripts/peer_fastwarc.py").path,
                                                                            "--warc", path, "--repeats", String(max(1, peerRepeats))] + (hashing ? ["--sha256"] : []))
                    if let rate = peer["mb_per_second"] as? Double {
                        peerText += String(format: "   fastwarc %@%@: %.0f MB/s → %.2f×", (peer["version"] as? String ?? "?") as NSString,
                                           (hashing ? " + SHA-256 per record" : "") as NSString, rate, size / seconds / rate)
                    } else {
                        peerText += "   (peer failed: \(peer["error"] ?? "no result"))"
                    }
                }
            }
            Terminal.out(String(format: "%-11@ %7.1f %9d %9d %9.2f %6.0f %11.0f %12.1f", (path.hasSuffix(".gz") ? "warc.gz" : "warc") as NSString, size,
                                counts.articles + counts.skipped + counts.rejected, counts.articles, seconds, size / seconds,
                                Double(counts.articles + counts.skipped) / seconds, Double(MemoryProbe.peakResident()) / 1_048_576) + peerText + "\n")
        }
        let store = try SQLiteStore(path: dir.appendingPathComponent("bench.sqlite").path)
        MemoryProbe.resetPeak()
        let start = ContinuousClock.now
        let summary = try Ingestor().ingest([gzipped], into: store)
        let seconds = (ContinuousClock.now - start).inSeconds
        Terminal.out(String(format: "ingest + store of the warc.gz (cleaning on %d cores, SQLite): %d new, %d duplicates, %d rejected, %d not articles in %.2f s: %.0f articles/s, peak RSS %.1f MB\n",
                            IngestConfiguration.coreCount, summary.new, summary.duplicate, summary.rejected, summary.skipped, seconds,
                            Double(summary.new + summary.duplicate) / seconds, Double(MemoryProbe.peakResident()) / 1_048_576))
    }

    /// Reads every record of `path` (no cleaning): articles, records that are none, rejections.
    static func readOnly(_ path: String) throws -> (articles: Int, skipped: Int, rejected: Int) {
        var out = (articles: 0, skipped: 0, rejected: 0)
        let size = (try FileManager.default.attributesOfItem(atPath: path)[.size] as? Int) ?? 0
        try InputReader().read(.file(path: path, size: size), receivedAt: Date()) { event in
            switch event {
            case .article: out.articles += 1
            case .skipped(let n): out.skipped += n
            case .rejected: out.rejected += 1
            case .progress: break
            }
        }
        return out
    }

    static func htmlPages(in folder: String, limit: Int) -> [[UInt8]] {
        let names = ((try? FileManager.default.contentsOfDirectory(atPath: folder)) ?? [])
            .filter { $0.hasSuffix(".html") || $0.hasSuffix(".html.gz") || $0.hasSuffix(".htm") }.sorted().prefix(limit)
        return names.compactMap { name -> [UInt8]? in
            guard let data = FileManager.default.contents(atPath: folder + "/" + name) else { return nil }
            let bytes = [UInt8](data)
            if name.hasSuffix(".gz"), case .success(let inner) = Gunzip.decompress(bytes, limit: 64 << 20) { return inner }
            return bytes
        }
    }

    /// Writes `megabytes` of records (a request and a 200 response per page, pages cycled with distinct addresses) to
    /// `plain`, and the same records gzipped one member each to `gzipped`; returns the number of responses.
    static func writeArchive(pages: [[UInt8]], megabytes: Int, plain: String, gzipped: String) throws -> Int {
        FileManager.default.createFile(atPath: plain, contents: nil)
        FileManager.default.createFile(atPath: gzipped, contents: nil)
        guard let out = FileHandle(forWritingAtPath: plain), let outGz = FileHandle(forWritingAtPath: gzipped) else {
            throw CLIError("cannot write \(plain)")
        }
        var written = 0, count = 0
        var buffer: [UInt8] = [], bufferGz: [UInt8] = []
        func record(_ type: String, _ uri: String, _ contentType: String, _ block: [UInt8], id: Int) {
            let header = "WARC/1.1\r\nWARC-Type: \(type)\r\nWARC-Record-ID: <urn:uuid:00000000-0000-4000-8000-\(String(format: "%012d", id))>\r\n" +
                "WARC-Date: 2025-04-29T10:00:00Z\r\nWARC-Target-URI: \(uri)\r\nContent-Type: \(contentType)\r\nContent-Length: \(block.count)\r\n\r\n"
            let bytes = Array(header.utf8) + block + [13, 10, 13, 10]
            buffer += bytes
            bufferGz += Gunzip.compress(bytes)
            written += bytes.count
        }
        while written < megabytes << 20 {
            let page = pages[count % pages.count]
            let uri = "https://pages.example/\(count)/article.html"
            record("request", uri, "application/http; msgtype=request",
                   Array("GET /\(count)/article.html HTTP/1.1\r\nHost: pages.example\r\nUser-Agent: bench\r\n\r\n".utf8), id: 2 * count)
            record("response", uri, "application/http; msgtype=response",
                   Array("HTTP/1.1 200 OK\r\nContent-Type: text/html\r\nContent-Length: \(page.count)\r\n\r\n".utf8) + page, id: 2 * count + 1)
            count += 1
            if buffer.count > 8 << 20 {
                out.write(Data(buffer)); outGz.write(Data(bufferGz))
                buffer.removeAll(keepingCapacity: true); bufferGz.removeAll(keepingCapacity: true)
            }
        }
        out.write(Data(buffer)); outGz.write(Data(bufferGz))
        try out.close(); try outGz.close()
        return count
    }
}
