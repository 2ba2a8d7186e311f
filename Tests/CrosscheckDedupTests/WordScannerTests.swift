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

@Suite struct StopwordTests {
    @Test func eachLanguageHasItsOwnList() {
        let all = Stopwords.bundled
        let war = WordScanner.hash("war"), the = WordScanner.hash("the"), der = WordScanner.hash("der")
        #expect(all.contains(war) && all.contains(the), "all languages together")
        let english = all.forLanguage("en")
        #expect(english.contains(the) && !english.contains(war), "war is a German function word, an English noun")
        #expect(all.forLanguage("de").contains(der))
        #expect(all.forLanguage("xx").contains(war), "unknown language: all lists")
        #expect(all.languages.count >= 10)
    }
}

@Suite struct AnchorTests {
    /// Transliterations of one name meet; different names do not.
    @Test func transliterationsMeet() {
        #expect(Anchors.nameKey("Rahmon") == Anchors.nameKey("Rakhmon"))
        #expect(Anchors.nameKey("Rahmon") == Anchors.nameKey("Рахмон"))
        #expect(Anchors.nameKey("Qodirov") == Anchors.nameKey("Kadyrov"))
        #expect(Anchors.nameKey("Termez") == Anchors.nameKey("Termiz"))
        #expect(Anchors.nameKey("Kulob") == Anchors.nameKey("Kulyab"))
        #expect(Anchors.nameKey("Rahmon") != Anchors.nameKey("Mirziyoyev"))
        #expect(Anchors.nameKey("рахмон") == nil, "a lowercase word is not a name")
    }
}
