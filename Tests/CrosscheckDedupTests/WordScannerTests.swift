@testable import CrosscheckDedup
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

@Suite struct AnchorConstantTests {
    /// The hashes written out as constants are the scanner's.
    @Test func writtenOutHashesAreTheScanners() {
        #expect(Anchors.thousand == WordScanner.hash("thousand"))
        #expect(Anchors.million == WordScanner.hash("million"))
        #expect(Anchors.zeros3 == WordScanner.hash("000"))
        #expect(Anchors.zeros6 == WordScanner.hash("000000"))
    }
}

@Suite struct SpreadSortTests {
    /// Sorts as the standard sort does: small, spread, clustered, repeated and narrow inputs.
    @Test func sortsLikeTheStandardSort() {
        var rng = SystemRandomNumberGenerator()
        let shapes: [(String, (Int) -> [UInt64])] = [
            ("spread", { n in (0..<n).map { _ in UInt64.random(in: 0...UInt64.max, using: &rng) } }),
            ("repeated", { n in (0..<n).map { _ in UInt64.random(in: 0..<4, using: &rng) &* 0x9E37_79B9_7F4A_7C15 } }),
            ("clustered", { n in (0..<n).map { i in i % 3 == 0 ? UInt64.random(in: 0...UInt64.max, using: &rng) : 1_000 + UInt64(i % 7) } }),
            ("narrow", { n in (0..<n).map { _ in UInt64.random(in: 10...90, using: &rng) } }),
            ("packed", { n in (0..<n).map { i in UInt64.random(in: 0...UInt64(UInt32.max), using: &rng) << 32 | UInt64(i) } }),
            ("descending", { n in (0..<n).map { UInt64(n - $0) << 40 } }),
        ]
        for (name, make) in shapes {
            for n in [0, 1, 2, 31, 48, 49, 50, 400, 5_000] {
                var values = make(n)
                let expected = values.sorted()
                spreadSort(&values)
                #expect(values == expected, "\(name), \(n) values")
            }
        }
    }
}
