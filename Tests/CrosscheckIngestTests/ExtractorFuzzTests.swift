import CrosscheckCore
import CrosscheckIngest
import CrosscheckTesting
import Foundation
import Testing

/// Random mutations of real pages (trafilatura-eval in ../shared/data), huge pages and hostile markup: the
/// extractor returns text or a typed rejection, never crashes, and stays within bounded time per page (not
/// asserted: measured in bench).
@Suite struct ExtractorFuzzCorpusTests {
    /// Mutated pages per CI run; bounded so the suite stays quick in debug builds.
    static let cases = 300

    @Test(.needs("data/trafilatura-eval"), .tags(.corpus))
    func mutatedDevPagesNeverCrash() throws {
        let folder = try #require(SharedData.folder("data/trafilatura-eval"))
        let names = try FileManager.default.contentsOfDirectory(atPath: folder.path).filter { $0.hasSuffix(".html.gz") }.sorted()
        var generator = SplitMix(seed: 2026)
        let extractor = HTMLExtractor()
        var outcomes = [String: Int]()
        for n in 0..<Self.cases {
            let name = names[Int(generator.next() % UInt64(names.count))]
            guard let data = FileManager.default.contents(atPath: folder.appendingPathComponent(name).path),
                  case .success(var page) = Gunzip.decompress([UInt8](data), limit: 64 << 20), !page.isEmpty else { continue }
            switch n % 6 {
            case 0: // random byte flips, including NUL and invalid UTF-8
                for _ in 0..<50 { page[Int(generator.next() % UInt64(page.count))] = UInt8(truncatingIfNeeded: generator.next()) }
            case 1: // truncation
                page = Array(page.prefix(Int(generator.next() % UInt64(page.count))))
            case 2: // delete a random slice
                let a = Int(generator.next() % UInt64(page.count)), b = min(page.count, a + Int(generator.next() % 5000))
                page.removeSubrange(a..<b)
            case 3: // duplicate a slice many times (repeated markup)
                let a = Int(generator.next() % UInt64(page.count)), b = min(page.count, a + 200)
                page.insert(contentsOf: Array(repeating: Array(page[a..<b]), count: 50).flatMap { $0 }, at: a)
            case 4: // invalid entities and a wrong charset declaration
                page.insert(contentsOf: Array("<meta charset=\"koi8-r\">&bogus;&#xFFFFFFFF;&#0;&".utf8), at: 0)
            default: // unclosed tags
                page += Array(String(repeating: "<div><p><span>", count: 2000).utf8)
            }
            switch extractor.extract(page) {
            case .success(let result): outcomes["text", default: 0] += 1; #expect(!result.text.isEmpty)
            case .failure(let rejection): outcomes[rejection.code, default: 0] += 1
            }
        }
        print("fuzz: \(Self.cases) mutated pages → \(outcomes.sorted { $0.key < $1.key })")
    }
}

/// Huge pages and hostile markup, made up: no shared data needed.
@Suite struct ExtractorFuzzTests {
    @Test func hugeAndHostilePages() {
        let extractor = HTMLExtractor()
        // A 50 MB page: one article paragraph buried in 50 MB of repeated navigation.
        var huge = Array("<html><body><article><p>The embankment held overnight, engineers said on Monday, and water levels fell.</p></article>".utf8)
        let nav = Array("<nav><a href='/a'>Home</a> <a href='/b'>News</a></nav>\n".utf8)
        while huge.count < 50 << 20 { huge += nav }
        huge += Array("</body></html>".utf8)
        let result = extractor.extract(huge)
        #expect((try? result.get().text)?.contains("The embankment held overnight") == true)

        // All script, binary junk, 100,000-deep nesting.
        let scripts = Array(("<html><body>" + String(repeating: "<script>var x = 1;</script>", count: 10_000) + "</body></html>").utf8)
        #expect((try? extractor.extract(scripts).get()) == nil)
        var junk = SplitMix(seed: 9)
        _ = extractor.extract((0..<100_000).map { _ in UInt8(truncatingIfNeeded: junk.next()) })
        let deep = Array((String(repeating: "<div>", count: 100_000) + "<p>Deep text long enough to be a paragraph of an article.</p>").utf8)
        _ = extractor.extract(deep)
    }
}
