import CrosscheckCore
@testable import CrosscheckIngest
import CrosscheckTesting
import Foundation
import Testing

/// WARC files written by independent writers (warcio, GNU wget: `scripts/make_ingest_fixtures.py`, from the demo
/// corpus) and damaged copies of them made here.
@Suite struct WARCReaderTests {
    static let fixtures = SharedData.repository.appendingPathComponent("Tests/CrosscheckIngestTests/Fixtures")

    struct Read {
        var articles: [RawArticle] = []
        var rejected: [RejectedInput] = []
        var skipped = 0
    }

    static func read(_ bytes: [UInt8], configuration: IngestConfiguration = IngestConfiguration()) throws -> Read {
        var out = Read()
        try InputReader(configuration: configuration).read(bytes: bytes, origin: "test.warc", receivedAt: Date()) { event in
            switch event {
            case .article(let raw): out.articles.append(raw)
            case .rejected(let r): out.rejected.append(r)
            case .skipped(let n): out.skipped += n
            case .progress: break
            }
        }
        return out
    }

    static func fixture(_ name: String) throws -> [UInt8] { [UInt8](try Data(contentsOf: fixtures.appendingPathComponent(name))) }

    static let sampleNames = ["01-caw-flood-khatlon.txt", "02-dep-caw-reprint.html", "03-th-caw-reprint-lead.txt",
                              "04-kt-governor-evacuations.html", "05-pl-hamadoni-field-report.txt", "06-dep-coes-toll.html",
                              "07-ao-breach-allegation.txt", "08-kmd-kunduz-takhar.html", "09-steppe-rewrite-khatlon.txt",
                              "10-pl-compensation-cut.txt", "11-dep-football-dushanbe.html"]

    @Test(arguments: ["samples.warc.gz", "samples.warc"])
    func readsEveryResponseAndSkipsTheRest(_ name: String) throws {
        let bytes = try Self.fixture(name)
        let read = try Self.read(bytes)
        #expect(read.rejected.isEmpty, "\(read.rejected.map(\.line))")
        #expect(read.articles.count == 11)
        // warcinfo, 11 requests, an image, a redirect, a 404 and a metadata record.
        #expect(read.skipped == 16)
        #expect(read.articles.allSatisfy { $0.format == .warcRecord })
        // Each origin's offset is where its record starts: a gzip member of its own, or the record's first byte.
        for raw in read.articles {
            let offset = try #require(raw.origin.offset)
            let tail = Array(bytes[offset...])
            let again = try Self.read(name.hasSuffix(".gz") ? try Self.firstMember(tail) : tail)
            #expect(again.articles.first?.bytes == raw.bytes)
        }
        let urls = Set(try read.articles.map { try #require(WARCRecord($0.bytes)?.targetURI) })
        #expect(urls == Set(Self.sampleNames.map { "https://news.example/flood-2025/" + $0 }))
    }

    /// The bytes of the first gzip member of `bytes` (its length found by trying ever longer prefixes would be slow:
    /// members end where the next header starts).
    static func firstMember(_ bytes: [UInt8]) throws -> [UInt8] {
        var k = 10
        while k + 2 < bytes.count, !(bytes[k] == 0x1F && bytes[k + 1] == 0x8B && bytes[k + 2] == 0x08) { k += 1 }
        return Array(bytes[..<min(bytes.count, k + 2 < bytes.count ? k : bytes.count)])
    }

    @Test func cleansARecordAsThePageItHolds() throws {
        let read = try Self.read(try Self.fixture("samples.warc.gz"))
        let cleaner = ArticleCleaner()
        for (name, format) in [("02-dep-caw-reprint.html", InputFormat.html), ("01-caw-flood-khatlon.txt", .text)] {
            let record = try #require(read.articles.first { WARCRecord($0.bytes)?.targetURI?.hasSuffix(name) == true })
            let fromWARC = try cleaner.clean(record).get()
            let file = [UInt8](try Data(contentsOf: SharedData.demoCorpus.appendingPathComponent(name)))
            let direct = try cleaner.clean(RawArticle(bytes: file, origin: Origin(location: name), receivedAt: Date(), format: format)).get()
            // The first page came gzip-compressed in chunked transfer coding.
            #expect(fromWARC.text == direct.text)
            #expect(fromWARC.title == direct.title)
            #expect(fromWARC.published == direct.published)
            #expect(fromWARC.url == "https://news.example/flood-2025/" + name)
        }
        // A text record's offsets point into the record's bytes.
        let text = try #require(read.articles.first { WARCRecord($0.bytes)?.targetURI?.hasSuffix("01-caw-flood-khatlon.txt") == true })
        let article = try cleaner.clean(text).get()
        let segment = try #require(article.sourceMap.first)
        let cleanPiece = Array(article.text.utf8)[segment.cleanStart..<segment.cleanStart + min(20, segment.length)]
        #expect(Array(text.bytes[segment.rawStart..<segment.rawStart + cleanPiece.count]) == Array(cleanPiece))
    }

    @Test func readsWhatWgetWrote() throws {
        let read = try Self.read(try Self.fixture("wget.warc.gz"))
        let cleaner = ArticleCleaner()
        let cleaned = read.articles.compactMap { try? cleaner.clean($0).get() }
        let pages = ["02-dep-caw-reprint.html", "04-kt-governor-evacuations.html", "06-dep-coes-toll.html", "08-kmd-kunduz-takhar.html",
                     "11-dep-football-dushanbe.html"]
        for page in pages { #expect(cleaned.contains { $0.url?.hasSuffix("/" + page) == true }, "\(page)") }
        // wget's own log and arguments (resources at metadata://) and its manifest are no articles.
        #expect(!read.articles.contains { WARCRecord($0.bytes)?.targetURI?.hasPrefix("metadata:") == true })
        #expect(read.rejected.isEmpty)
    }

    @Test func aRecordCutShortIsRejectedWithItsOffsetAndTheRestKept() throws {
        let bytes = try Self.fixture("samples.warc")
        let whole = try Self.read(bytes)
        let fifth = try #require(whole.articles[4].origin.offset)
        let cut = Array(bytes[..<(fifth + 900)])
        let read = try Self.read(cut)
        #expect(read.articles.count == 4)
        #expect(read.rejected.count == 1)
        #expect(read.rejected.first?.origin.offset == fifth)
        #expect(read.rejected.first?.rejection.code == "corrupt-record")
        #expect(read.rejected.first?.rejection.reason.contains("cut short") == true)
    }

    @Test(arguments: [+200, -200])
    func aLyingContentLengthLosesOnlyItsRecord(_ lie: Int) throws {
        var bytes = try Self.fixture("samples.warc")
        let whole = try Self.read(bytes)
        let third = try #require(whole.articles[2].origin.offset)
        let record = try #require(WARCRecord(whole.articles[2].bytes))
        let length = try #require(record["content-length"])
        let field = Array("Content-Length: \(length)\r\n".utf8)
        let at = try #require(ByteStream.search(field, in: bytes, from: third, through: bytes.count - field.count))
        bytes.replaceSubrange(at..<at + field.count, with: Array("Content-Length: \(Int(length)! + lie)\r\n".utf8))
        let read = try Self.read(bytes)
        #expect(read.articles.count == 10)
        #expect(read.rejected.map(\.origin.offset) == [third])
        #expect(read.rejected.first?.rejection.reason.contains("Content-Length") == true)
    }

    @Test func aDamagedGzipMemberLosesOnlyItsRecord() throws {
        var bytes = try Self.fixture("samples.warc.gz")
        let whole = try Self.read(bytes)
        let sixth = try #require(whole.articles[5].origin.offset)
        for k in sixth + 200..<sixth + 240 { bytes[k] ^= 0x5A }
        let read = try Self.read(bytes)
        #expect(read.articles.count == 10)
        #expect(!read.articles.contains { $0.origin.offset == sixth })
        #expect(read.rejected.contains { $0.origin.offset == sixth && $0.rejection.code == "corrupt-compression" })
    }

    @Test func gzipMembersThatSplitRecordsLoseNothing() throws {
        let plain = try Self.fixture("samples.warc")
        var members: [UInt8] = []
        for start in stride(from: 0, to: plain.count, by: 1000) {
            members += try BadInputs.gzip(Array(plain[start..<min(plain.count, start + 1000)]))
        }
        let read = try Self.read(members)
        #expect(read.articles.count == 11)
        #expect(read.rejected.isEmpty)
        #expect(Set(read.articles.map(\.bytes)) == Set(try Self.read(plain).articles.map(\.bytes)))
    }

    @Test func aRecordOverTheLimitIsPassedOverInBoundedMemory() throws {
        // A block of 1 GiB that is never held: the generated source hands it out a megabyte at a time.
        let length = 1 << 30
        let header = Array("WARC/1.1\r\nWARC-Type: response\r\nWARC-Target-URI: https://news.example/huge\r\nContent-Length: \(length)\r\n\r\n".utf8)
        let next = try Self.fixture("samples.warc")
        let source = GeneratedSource(header: header, fillLength: length, trailer: Array("\r\n\r\n".utf8) + next)
        var stream = ByteStream(source)
        var read = Read()
        try WARCReader().read(&stream, context: ReadContext(origin: "huge.warc", receivedAt: Date(), configuration: IngestConfiguration())) { event in
            switch event {
            case .article(let raw): read.articles.append(raw)
            case .rejected(let r): read.rejected.append(r)
            case .skipped(let n): read.skipped += n
            case .progress: break
            }
        }
        #expect(read.rejected.count == 1)
        #expect(read.rejected.first?.rejection.code == "too-large")
        #expect(read.rejected.first?.origin.offset == 0)
        #expect(read.articles.count == 11)
    }

    @Test func notAWARCRecordStartIsReportedAndSkipped() throws {
        let plain = try Self.fixture("samples.warc")
        let read = try Self.read(plain + Array("WARC/1.1\r\nWARC-Type: response\r\n\r\n".utf8) + Array(plain))
        // The second copy's records have the same bytes: 22 articles read, one broken header between.
        #expect(read.articles.count == 22)
        #expect(read.rejected.count == 1)
        #expect(read.rejected.first?.rejection.reason.contains("Content-Length") == true)
    }
}

/// A header, then `fillLength` bytes of filler made on demand, then a trailer.
struct GeneratedSource: ByteSource {
    let header: [UInt8]
    let fillLength: Int
    let trailer: [UInt8]
    var position = 0
    static let filler = [UInt8](repeating: UInt8(ascii: "x"), count: 1 << 20)

    mutating func read(_ count: Int) throws -> [UInt8] {
        var out: [UInt8] = []
        while out.count < count {
            let want = count - out.count
            if position < header.count {
                let n = min(want, header.count - position)
                out += header[position..<position + n]
                position += n
            } else if position < header.count + fillLength {
                let n = min(want, header.count + fillLength - position, Self.filler.count)
                out += Self.filler[0..<n]
                position += n
            } else {
                let at = position - header.count - fillLength
                guard at < trailer.count else { break }
                let n = min(want, trailer.count - at)
                out += trailer[at..<at + n]
                position += n
            }
        }
        return out
    }
}
