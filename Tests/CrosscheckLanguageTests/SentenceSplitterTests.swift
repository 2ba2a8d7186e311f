import CrosscheckCore
import CrosscheckTesting
import Foundation
import Testing
@testable import CrosscheckLanguage

@Suite struct SentenceSplitterTests {
    static let analyzer = LanguageAnalyzer()

    func sentences(_ text: String) -> [String] {
        let bytes = Array(text.utf8)
        return Self.analyzer.analyze(text).sentences.map { String(decoding: bytes[$0.start..<$0.end], as: UTF8.self) }
    }

    @Test func abbreviationsInitialsAndDecimals() {
        #expect(sentences("U.S. troops left. Gen. Mark Milley spoke at 7 a.m. on Monday.") ==
                ["U.S. troops left.", "Gen. Mark Milley spoke at 7 a.m. on Monday."])
        #expect(sentences("J. R. Smith earned 3.5 million. He left.") == ["J. R. Smith earned 3.5 million.", "He left."])
        #expect(sentences("They reached the U.S. The army followed.") == ["They reached the U.S.", "The army followed."])
        #expect(sentences("It ended on Jan. 5 in Kabul.") == ["It ended on Jan. 5 in Kabul."])
    }

    @Test func quotesAndGluedSentences() {
        #expect(sentences("“We are ready,” he said. “The border is closed.”") == ["“We are ready,” he said.", "“The border is closed.”"])
        #expect(sentences("It was signed in 2021.The deal held.") == ["It was signed in 2021.", "The deal held."])
        #expect(sentences("at the Kremlin, Moscow.Putin assured him.") == ["at the Kremlin, Moscow.", "Putin assured him."])
        #expect(sentences("Turkmen.News also reported it.") == ["Turkmen.News also reported it."])
    }

    @Test func linesAndParagraphs() {
        #expect(sentences("Headline without period\n\nBody starts here. It goes on.") ==
                ["Headline without period", "Body starts here.", "It goes on."])
        #expect(sentences("a line that is\nwrapped in the middle.") == ["a line that is\nwrapped in the middle."])
    }

    @Test func hostileTextsStayBounded() {
        let inputs = [
            "", "   \n\n ", "\u{0}\u{1}\u{2}control\u{7}chars.", String(repeating: "word ", count: 200_000),
            String(repeating: "🙂", count: 10_000), "مرحبا بالعالم. هذا نص عربي. Rahmon.", "\u{202E}Tajikistan\u{202C} said.",
            "Смешанный text with Рахмон and Rahmon.", String(repeating: "A", count: 1_000_000),
            String(decoding: (0..<3000).map { UInt8(truncatingIfNeeded: $0 &* 7) }, as: UTF8.self),
        ]
        for input in inputs {
            let analysis = Self.analyzer.analyze(input)
            let count = input.utf8.count
            #expect(analysis.sentences.allSatisfy { $0.start <= $0.end && $0.end <= count })
            #expect(analysis.mentions.allSatisfy { $0.start < $0.end && $0.end <= count })
        }
        // A megabyte without a period is cut into bounded sentences.
        let long = Self.analyzer.analyze(String(repeating: "word ", count: 200_000))
        #expect(long.sentences.count >= 200_000 / 400)
    }
}

@Suite struct GazetteerTests {
    @Test func bundledGazetteerLoadsWithAliasesAndRegions() {
        let url = Gazetteer.resourceURL
        let data = try? Data(contentsOf: url ?? URL(fileURLWithPath: "/nonexistent"))
        let clock = ContinuousClock.now
        let fresh = data.map { Gazetteer(tsv: $0) }
        let seconds = (ContinuousClock.now - clock).inSeconds
        let g = Gazetteer.bundled
        #expect(fresh?.count == g.count)
        print(String(format: "gazetteer: %d places loaded in %.2f s (debug build)", g.count, seconds))
        #expect(g.count > 140_000)
        for name in ["Serhetabat", "Kushka", "Mazar-i-Sharif", "Mazar-e Sharif", "Dushanbe", "Khatlon", "Khatlon Province"] {
            #expect(!g.lookup(name).isEmpty, "\(name)")
        }
        #expect(g.lookup("Kushka").contains { g.places[Int($0)].country == "TM" })
        #expect(g.lookup("United States").contains { g.places[Int($0)].kind == .country })
        #expect(!g.transliterated("Serhetabad".utf8).isEmpty)
        #expect(g.countries["TJ"] != nil)
    }
}
