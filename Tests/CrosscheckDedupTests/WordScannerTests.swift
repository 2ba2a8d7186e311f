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

/// The eight-bytes-at-a-time path gives what reading byte by byte gives, wherever a word sits.
@Suite struct WordHashTests {
    /// Hashes written down from an independent implementation (a few lines of Python over the
    /// lowercased UTF-8 bytes): the scheme itself is pinned, not only its self-consistency.
    @Test func matchesTheReferenceScheme() {
        #expect(WordScanner.hash("Afghanistan") == 0x983A_C692_29C4_76C9)
        #expect(WordScanner.hash("ab") == 0x74A3_1D67_CDE2_985E)
        #expect(WordScanner.hash("THOUSAND") == 0xE78C_1E48_046E_32E5)
    }

    /// The output is sized for the densest text (a word every other byte) and stops at `limit`.
    @Test func densestTextsAndLimits() {
        #expect(WordScanner.words("a b c").count == 3)
        #expect(WordScanner.words("a北b京c").count == 5)
        #expect(WordScanner.words("one two three", limit: 2).map(\.end) == [3, 7])
        #expect(WordScanner.words("", limit: 5).isEmpty && WordScanner.words("abc", limit: 0).isEmpty)
    }

    /// Random texts of ASCII words of every length, digits, punctuation, accented, Cyrillic and CJK
    /// letters: the scanner's words (hash, start, end) equal a plain scalar-by-scalar reading.
    @Test func fastPathAgreesWithByteByByteReading() {
        let pieces = ["a", "Ab", "abc", "Kunduz", "Taliban", "thousand", "Afghanistan", "Tajikistan's", "internationally",
                      "2021", "1,000", "x9", "café", "naïve", "Рахмон", "ПУТИН", "北京", "—", ", ", ". ", "\n", " ", "  ", "-", "’", "é"]
        var rng = SystemRandomNumberGenerator()
        for _ in 0..<400 {
            var text = ""
            for _ in 0..<Int.random(in: 0...30, using: &rng) { text += pieces.randomElement(using: &rng)! }
            let got = WordScanner.words(text).map { [$0.hash, UInt64($0.start), UInt64($0.end)] }
            #expect(got == Self.reference(text), "\(text)")
        }
    }

    static func reference(_ text: String) -> [[UInt64]] {
        var out: [[UInt64]] = []
        var hasher = WordHasher()
        var start = -1
        var offset = 0
        func finish() {
            if start >= 0 { out.append([hasher.value, UInt64(start), UInt64(offset)]) }
            hasher = WordHasher()
            start = -1
        }
        for scalar in text.unicodeScalars {
            let width = String(scalar).utf8.count
            let p = scalar.properties
            if scalar.isASCII {
                let b = UInt8(scalar.value)
                if (b | 0x20) >= 0x61 && (b | 0x20) <= 0x7A || b >= 0x30 && b <= 0x39 {
                    if start < 0 { start = offset }
                    hasher.add(b | 0x20)
                } else {
                    finish()
                }
            } else if p.isIdeographic {
                finish()
                start = offset
                for u in String(scalar).utf8 { hasher.add(u) }
                offset += width
                finish()
                continue
            } else if p.isAlphabetic || p.numericType != nil || p.generalCategory == .nonspacingMark || p.generalCategory == .spacingMark {
                if start < 0 { start = offset }
                let folded = p.isUppercase ? (p.lowercaseMapping.unicodeScalars.first ?? scalar) : scalar
                for u in String(folded).utf8 { hasher.add(u) }
            } else {
                finish()
            }
            offset += width
        }
        finish()
        return out
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
