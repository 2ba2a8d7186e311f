import CrosscheckCore
import CrosscheckIngest
import CrosscheckTesting
import Foundation
import Testing

@Suite struct InputReaderTests {
    func events(_ item: InputItem, configuration: IngestConfiguration = IngestConfiguration()) throws -> (raws: [RawArticle], rejected: [RejectedInput]) {
        var raws: [RawArticle] = []
        var rejected: [RejectedInput] = []
        try InputReader(configuration: configuration).read(item, receivedAt: Date()) { event in
            switch event {
            case .article(let raw): raws.append(raw)
            case .rejected(let r): rejected.append(r)
            case .progress, .skipped: break
            }
        }
        return (raws, rejected)
    }

    @Test func jsonLinesRecordsAreSeparateInputs() throws {
        let dir = try TemporaryDirectory("reader")
        defer { dir.remove() }
        let path = try dir.write("feed.jsonl", BadInputs.mixedJSONLines())
        let (raws, rejected) = try events(.file(path: path, size: 0))
        #expect(raws.count == 4)
        #expect(raws.map { $0.origin.line } == [1, 2, 3, 4])
        let cleaner = ArticleCleaner()
        let results = raws.map(cleaner.clean)
        #expect(rejected.isEmpty)
        guard case .failure(let broken) = results[1], case .failure(let missing) = results[3] else {
            Issue.record("bad records accepted")
            return
        }
        #expect(broken.code == "invalid-json")
        #expect(missing.code == "missing-field")
        let good = try results[2].get()
        #expect(good.title == "Good two")
        #expect(good.published?.value == "2025-04-29")
    }

    /// A pretty-printed JSON document is one record (an article when it has text or html, one rejection
    /// when not), not one broken record per line.
    @Test func prettyPrintedJSONIsOneRecord() throws {
        let dir = try TemporaryDirectory("reader")
        defer { dir.remove() }
        let article = try dir.write("one.json", "{\n  \"title\": \"Floods\",\n  \"text\": \"Floods killed 14 people in Khatlon on Sunday, officials said.\"\n}\n")
        let (raws, rejected) = try events(.file(path: article, size: 0))
        #expect(raws.count == 1 && rejected.isEmpty && raws.first?.format == .jsonRecord)
        if case .success(let a)? = raws.first.map(ArticleCleaner().clean) { #expect(a.title == "Floods") } else { Issue.record("not cleaned") }
        let gold = try dir.write("gold.json", "{\n  \"a.html\": {\n    \"body\": \"x\"\n  },\n  \"b.html\": {\n    \"body\": \"y\"\n  }\n}\n")
        let other = try events(.file(path: gold, size: 0))
        #expect(other.raws.count == 1 && other.rejected.isEmpty)
        if case .failure(let rejection)? = other.raws.first.map(ArticleCleaner().clean) { #expect(rejection.code == "missing-field") }
        else { Issue.record("a JSON document without text or html must be rejected") }
    }

    @Test func overlongLineIsRejectedAndTheRestRead() throws {
        let dir = try TemporaryDirectory("reader")
        defer { dir.remove() }
        let long = "{\"text\": \"" + String(repeating: "x", count: 5000) + "\"}"
        let path = try dir.write("feed.jsonl", "{\"text\": \"first\"}\n\(long)\n{\"text\": \"third\"}\n")
        let (raws, rejected) = try events(.file(path: path, size: 0), configuration: IngestConfiguration(maxArticleBytes: 1000))
        #expect(raws.count == 2)
        #expect(rejected.count == 1)
        #expect(rejected.first?.origin.line == 2)
        #expect(rejected.first?.rejection.code == "too-large")
    }

    @Test func gzippedHTMLIsUnpacked() throws {
        let dir = try TemporaryDirectory("reader")
        defer { dir.remove() }
        let html = Array("<html><body><p>River levels fell on Tuesday across the district, officials said.</p></body></html>".utf8)
        let path = try dir.write("page.html.gz", try BadInputs.gzip(html))
        let (raws, _) = try events(.file(path: path, size: 100))
        #expect(raws.first?.format == .html)
        #expect(raws.first?.bytes == html)
    }

    @Test func enumeratorWalksFoldersSortedAndReportsMissing() throws {
        let dir = try TemporaryDirectory("enum")
        defer { dir.remove() }
        try dir.write("b/2.txt", "two")
        try dir.write("a/1.txt", "one")
        try dir.write(".hidden/x.txt", "hidden")
        let items = InputEnumerator().items(for: [dir.url.path, dir.path("missing.txt"), dir.url.path + "/*/1.txt"])
        let files = items.compactMap { item -> String? in
            if case .file(let path, _) = item { return URL(fileURLWithPath: path).lastPathComponent }
            return nil
        }
        #expect(files == ["1.txt", "2.txt", "1.txt"])
        #expect(items.contains { if case .rejected(let r) = $0 { r.origin.location.hasSuffix("missing.txt") } else { false } })
    }
}
