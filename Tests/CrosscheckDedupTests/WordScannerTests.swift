import CrosscheckDedup
import Testing

@Suite struct WordScannerTests {
    @Test func foldsCaseQuotesAndDashes() {
        let a = WordScanner.words("The Taliban’s “offensive” — in Kunduz").map(\.hash)
        let b = WordScanner.words("the TALIBAN's \"offensive\" - in kunduz").map(\.hash)
        #expect(a == b)
        #expect(a.count == 6)
    }

    @Test func marksSentenceAndParagraphStarts() {
        let words = WordScanner.words("One two. Three four\nFive")
        #expect(words.map(\.boundary) == [.paragraph, .none, .sentence, .none, .paragraph])
        #expect(words[2].start == 9)
    }

    @Test func readsCyrillicAndCJK() {
        let cyr = WordScanner.words("ПУТИН и Путин")
        #expect(cyr.count == 3 && cyr[0].hash == cyr[2].hash)
        #expect(WordScanner.words("北京市").count == 3)
    }
}
