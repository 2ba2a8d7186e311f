import CrosscheckCore
import Testing
@testable import CrosscheckIngest

@Suite struct ArticleCleanerTests {
    /// A text without a stated date is dated by the latest past date it mentions (a current photo's
    /// caption counts; an archive photo, a deadline and boilerplate do not).
    @Test func publicationDateInferredFromTheText() {
        let removed = [
            RemovedPiece(text: "FILE – Armed men stand at their check post, Parwan province, Afghanistan, June 29, 2021.", reason: "photo-caption"),
            RemovedPiece(text: "An Afghan soldier keeps watch in Bagram, Parwan province, Afghanistan, July 5, 2021.", reason: "photo-caption"),
            RemovedPiece(text: "Since July 1, 2024, we have disabled all ads.", reason: "donation"),
        ]
        let text = "Tajikistan's president on Monday ordered the mobilization. All foreign troops are to leave by September 11, 2021."
        let date = ArticleCleaner.inferredDate(text: text, removed: removed)
        #expect(date?.value == "2021-07-05" && date?.precision == .day && date?.from == "inferred:latest-date-in-text")
        #expect(ArticleCleaner.inferredDate(text: "Troops will leave by September 11, 2021.", removed: []) == nil)
        #expect(ArticleCleaner.inferredDate(text: "On Sunday, officials said more than 1,000 soldiers crossed.", removed: []) == nil)
        #expect(DateParser.datesWithYear(in: "It happened on 6 July 2021 and again on July 8, 2021.") == ["2021-07-06", "2021-07-08"])
    }

    /// Plain text saved as windows-1252 (curly quotes, an en dash, "café") is read, not rejected, and the
    /// cleaned text still maps back to the raw bytes; binary bytes stay rejected as not UTF-8.
    @Test func windows1252TextIsReadWithItsOffsets() throws {
        let raw: [UInt8] = Array("Officials said the ".utf8) + [0x93] + Array("flood".utf8) + [0x94]
            + Array(" killed 14 people in Khatlon on April 27 ".utf8) + [0x96] + Array(" a toll later revised. Caf".utf8) + [0xE9]
            + Array(" owners were evacuated from the district.\n".utf8)
        let article = try ArticleCleaner().cleanText(raw, id: ContentID(of: raw)).get()
        #expect(article.text.contains("\u{201C}flood\u{201D}") && article.text.contains("\u{2013}") && article.text.contains("Café"))
        // Each segment's raw bytes, read as windows-1252, are the cleaned text it maps (offsets count raw bytes).
        #expect(!article.sourceMap.isEmpty)
        let utf8 = Array(article.text.utf8)
        for segment in article.sourceMap {
            let rawText = try #require(SingleByteText.decode(raw[segment.rawStart..<(segment.rawStart + segment.rawLength)])).text
            #expect(rawText == String(decoding: utf8[segment.cleanStart..<(segment.cleanStart + segment.length)], as: UTF8.self))
        }
        var binary = raw
        binary[3] = 0x00
        binary[10] = 0x81
        guard case .failure(let rejection) = ArticleCleaner().cleanText(binary, id: ContentID(of: binary)) else {
            Issue.record("binary bytes were read as text")
            return
        }
        #expect(rejection.code == "invalid-utf8")
    }

    /// The outlet named again and again by the page's own appeals.
    @Test func outletFromDonationAndNewsletterBlocks() {
        let removed = [
            RemovedPiece(text: "Our weekly newsletter contains a hand-picked selection of news from The Moscow Times.", reason: "newsletter"),
            RemovedPiece(text: "A Message from The Moscow Times:", reason: "tail-heading"),
            RemovedPiece(text: "We, the journalists of The Moscow Times, refuse to be silenced.", reason: "reader-appeal"),
            RemovedPiece(text: "Subscribers agree to the Privacy Policy", reason: "newsletter"),
        ]
        #expect(ArticleCleaner.outletFromAppeals(removed) == "The Moscow Times")
        #expect(ArticleCleaner.outletFromAppeals(Array(removed.prefix(2))) == nil)
        #expect(ArticleCleaner.outletFromAppeals([RemovedPiece(text: "Joe Biden said. Joe Biden said. Joe Biden said.", reason: "photo-caption")]) == nil)
    }
}
