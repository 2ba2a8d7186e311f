import CrosscheckCore
import Foundation
import Testing

@Suite struct TrimmingTests {
    static let samples = [
        "", " ", "\t", "abc", "  abc  ", "\tabc\t", "\n abc \n", " \u{A0}2021-07-06\u{2009} ", "\u{3000}東京\u{3000}",
        "\u{2028}x\u{2029}", "\u{85}x\u{85}", "a b", " \r\n", "\u{200B}x\u{200B}", "é ", " e\u{301}", "\u{1680}z\u{202F}",
    ]

    @Test func matchesFoundationWhitespaces() {
        for s in Self.samples {
            #expect(s.trimmingWhitespace() == s.trimmingCharacters(in: .whitespaces), "\(Array(s.unicodeScalars))")
        }
    }

    @Test func matchesFoundationWhitespacesAndNewlines() {
        for s in Self.samples {
            #expect(s.trimmingWhitespace(newlines: true) == s.trimmingCharacters(in: .whitespacesAndNewlines),
                    "\(Array(s.unicodeScalars))")
        }
    }

    @Test func trimsSubstrings() {
        let s = "[  inner  ]"
        #expect(s.dropFirst().dropLast().trimmingWhitespace() == "inner")
    }
}

extension TrimmingTests {
    @Test func trimsChosenScalarsLikeFoundation() {
        let set = Set(" ()[]|·•,-".unicodeScalars)
        for s in ["(12.03.2020)", "· 3 May 2019 ·", "--", "", "[x]", "• é •", "-(a-b)-"] {
            #expect(s.trimmingScalars(set.contains) == s.trimmingCharacters(in: CharacterSet(charactersIn: " ()[]|·•,-")))
        }
    }
}
