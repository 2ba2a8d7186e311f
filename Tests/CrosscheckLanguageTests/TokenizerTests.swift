import Testing
@testable import CrosscheckLanguage

@Suite struct TokenizerTests {
    func words(_ text: String) -> [String] {
        let tokens = Tokenizer.tokenize(text)
        let bytes = Array(text.utf8)
        return tokens.map { String(decoding: bytes[Int($0.start)..<Int($0.end)], as: UTF8.self) }
    }

    @Test func abbreviationsNumbersAndPossessives() {
        #expect(words("U.S. troops") == ["U.S.", "troops"])
        #expect(words("1,357-kilometer border") == ["1,357", "-", "kilometer", "border"])
        #expect(words("Taliban's spokesman") == ["Taliban", "'s", "spokesman"])
        #expect(words("Taliban’s office") == ["Taliban", "’s", "office"])
        #expect(words("don't stop") == ["don't", "stop"])
        #expect(words("2021.The end") == ["2021", ".", "The", "end"])
        #expect(words("Turkmen.News reported") == ["Turkmen.News", "reported"])
        #expect(words("at 7 a.m. on") == ["at", "7", "a.m.", "on"])
        #expect(words("3.5 percent") == ["3.5", "percent"])
        #expect(words("12:36 pm") == ["12:36", "pm"])
        #expect(words("Mazar-i-Sharif") == ["Mazar", "-", "i", "-", "Sharif"])
    }

    @Test func caseInsensitiveHashes() {
        let a = Tokenizer.tokenize("Rahmon RAHMON rahmon Рахмон рахмон")
        #expect(a[0].hash == a[1].hash && a[1].hash == a[2].hash)
        #expect(a[3].hash == a[4].hash)
        #expect(a[0].has(.capitalized) && a[1].has(.allCaps) && a[2].has(.lowerInitial) && a[3].has(.capitalized))
    }

    @Test func hostileInputNeverCrashes() {
        let inputs = ["", "\u{0}\u{1}\u{7F}", String(repeating: "a", count: 100_000), "🙂🙂 emoji 👍🏽",
                      "مرحبا بالعالم. هذا نص.", "\u{202E}reversed\u{202C}", String(decoding: [0xFF, 0xFE, 0x41], as: UTF8.self),
                      "'", "’", "U.", "1,", "a.b.c.d.e"]
        for input in inputs { _ = Tokenizer.tokenize(input) }
    }
}
