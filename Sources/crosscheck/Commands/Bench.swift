import ArgumentParser
import CrosscheckCore
import CrosscheckIngest
import CrosscheckStore
import Foundation

extension Crosscheck {
    struct Bench: AsyncParsableCommand {
        static let configuration = CommandConfiguration(
            abstract: "Measure the throughput and peak memory of each pipeline stage.",
            discussion: """
            ingest: generates JSON-lines corpora of the given sizes from real paragraphs (demo corpus and \
            ../shared/seeds) and ingests each into a fresh SQLite store: articles/s, MB/s, peak RSS. \
            Peak RSS that stays flat from the small to the large size shows memory does not grow with the corpus.
            extract: HTML main-text extraction over the dev pages in ../shared/data (pages/s, MB/s).
            Build with -c release for meaningful numbers.
            """)

        enum StageName: String, ExpressibleByArgument, CaseIterable {
            case all, ingest, extract
        }

        @Option(help: "Stage to measure: all, ingest, extract.")
        var stage: StageName = .all

        @Option(help: "Corpus sizes (articles) for the ingest stage, comma-separated.")
        var sizes = "2000,20000"

        @Option(help: "Approximate text bytes per generated article.")
        var articleBytes = 5000

        @Option(help: "Folder of HTML pages (.html or .html.gz) for the extract stage.")
        var pages: String?

        @Option(help: "At most this many pages for the extract stage.")
        var maxPages = 1000

        @Option(help: "Repetitions of the extract stage; the best time is reported (this machine's timing is noisy).")
        var repeats = 3

        @Option(help: "Python with trafilatura installed, to run the peer on the same pages (or $CROSSCHECK_PEER_PYTHON).")
        var peerPython: String?

        func run() async throws {
            if stage == .all || stage == .ingest { try benchIngest() }
            if stage == .all || stage == .extract { try benchExtract() }
        }

        static func sharedFolder(_ relative: String) -> String? {
            RepositoryPaths.existing("../shared/\(relative)")
        }

        func benchIngest() throws {
            let sizeList = sizes.split(separator: ",").compactMap { Int($0.trimmingCharacters(in: .whitespaces)) }
            let folders = [Demo.defaultSamples(), Self.sharedFolder("seeds")].compactMap { $0 }
            let corpus = BenchCorpus(folders: folders)
            Terminal.out("ingest + store (SQLite, WAL, FTS5): \(corpus.paragraphs.count) source paragraphs, ~\(articleBytes) B/article, \(IngestConfiguration.coreCount) cores\n")
            Terminal.out("articles      MB   seconds  articles/s    MB/s  clean s  store s  peak RSS MB\n")
            for size in sizeList {
                let dir = FileManager.default.temporaryDirectory.appendingPathComponent("crosscheck-bench-\(getpid())-\(size)")
                try FileManager.default.createDirectory(at: dir, withIntermediateDirectories: true)
                defer { try? FileManager.default.removeItem(at: dir) }
                let input = dir.appendingPathComponent("corpus.jsonl").path
                let bytes = try corpus.write(count: size, bytes: articleBytes, to: input)
                let store = try SQLiteStore(path: dir.appendingPathComponent("bench.sqlite").path)
                MemoryProbe.resetPeak()
                let start = ContinuousClock.now
                let summary = try Ingestor().ingest([input], into: store)
                let seconds = (ContinuousClock.now - start).inSeconds
                let mb = Double(bytes) / 1_048_576
                Terminal.out(String(format: "%8d %7.1f %9.2f %11.0f %7.1f %8.2f %8.2f %12.1f\n", summary.new, mb, seconds,
                                    Double(summary.new) / seconds, mb / seconds, summary.cleanSeconds, summary.storeSeconds,
                                    Double(MemoryProbe.peakResident()) / 1_048_576))
            }
        }

        func benchExtract() throws {
            guard let folder = pages ?? Self.sharedFolder("data/trafilatura-eval") else {
                Terminal.out("extract: skipped (no pages folder; pass --pages or provide ../shared/data/trafilatura-eval)\n")
                return
            }
            let names = (try FileManager.default.contentsOfDirectory(atPath: folder))
                .filter { $0.hasSuffix(".html") || $0.hasSuffix(".html.gz") || $0.hasSuffix(".htm") }.sorted().prefix(maxPages)
            var pagesBytes: [[UInt8]] = []
            for name in names {
                guard let data = FileManager.default.contents(atPath: folder + "/" + name) else { continue }
                var bytes = [UInt8](data)
                if name.hasSuffix(".gz"), case .success(let inner) = Gunzip.decompress(bytes, limit: 64 << 20) { bytes = inner }
                pagesBytes.append(bytes)
            }
            let extractor = HTMLExtractor()
            MemoryProbe.resetPeak()
            var best = Double.infinity
            var ok = 0
            for _ in 0..<max(1, repeats) {
                let start = ContinuousClock.now
                ok = 0
                for page in pagesBytes { if case .success = extractor.extract(page) { ok += 1 } }
                best = min(best, (ContinuousClock.now - start).inSeconds)
            }
            let mb = Double(pagesBytes.reduce(0) { $0 + $1.count }) / 1_048_576
            let pagesPerSecond = Double(pagesBytes.count) / best
            Terminal.out(String(format: "extract (HTML main text, 1 core, best of %d): %d pages, %.1f MB, %.2f s, %.0f pages/s, %.1f MB/s, %d with text, peak RSS %.1f MB (pages preloaded)\n",
                                max(1, repeats), pagesBytes.count, mb, best, pagesPerSecond, mb / best, ok,
                                Double(MemoryProbe.peakResident()) / 1_048_576))
            guard let python = peerPython ?? ProcessInfo.processInfo.environment["CROSSCHECK_PEER_PYTHON"] else {
                Terminal.out("extract peer: skipped (set --peer-python or CROSSCHECK_PEER_PYTHON to a Python with trafilatura; see scripts/README.md)\n")
                return
            }
            let script = RepositoryPaths.root.appendingPathComponent("scripts/peer_trafilatura.py")
            let peer = try Self.runPeer(python: python, arguments: [script.path, folder, "--max-pages", String(maxPages)])
            guard let peerRate = peer["pages_per_second"] as? Double else {
                Terminal.out("extract peer: failed (\(peer["error"] ?? "no result"))\n")
                return
            }
            Terminal.out(String(format: "extract peer trafilatura %@ (1 core): %.0f pages/s, %.1f MB/s → crosscheck is %.1f× faster\n",
                                (peer["version"] as? String) ?? "?", peerRate, (peer["mb_per_second"] as? Double) ?? 0,
                                pagesPerSecond / peerRate))
        }

        /// Runs a peer script that prints one JSON object; returns it, or `["error": …]`.
        static func runPeer(python: String, arguments: [String]) throws -> [String: Any] {
            let process = Process()
            process.executableURL = URL(fileURLWithPath: python)
            process.arguments = arguments
            let output = Pipe()
            process.standardOutput = output
            process.standardError = FileHandle.nullDevice
            do { try process.run() } catch { return ["error": "cannot start \(python): \(error)"] }
            let data = output.fileHandleForReading.readDataToEndOfFile()
            process.waitUntilExit()
            guard process.terminationStatus == 0,
                  let line = String(decoding: data, as: UTF8.self).split(separator: "\n").last,
                  let object = try? JSONSerialization.jsonObject(with: Data(line.utf8)) as? [String: Any]
            else { return ["error": "exit status \(process.terminationStatus)"] }
            return object
        }
    }
}
