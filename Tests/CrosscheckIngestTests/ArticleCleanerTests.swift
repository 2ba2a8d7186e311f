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
