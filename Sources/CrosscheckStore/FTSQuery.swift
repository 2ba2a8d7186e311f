/// Builds SQLite FTS5 match expressions from user terms, quoting each so punctuation in a term
/// ("U.S.", "Mazar-i-Sharif") never reaches FTS5 as syntax.
enum FTSQuery {
    /// All terms must match; a term containing spaces is a phrase.
    static func build(_ terms: [String]) -> String {
        terms.map { $0.trimmingCharacters(in: .whitespaces) }
            .filter { !$0.isEmpty }
            .map { "\"" + $0.replacingOccurrences(of: "\"", with: "\"\"") + "\"" }
            .joined(separator: " AND ")
    }

    /// Every group must match; a group matches when any of its phrases does.
    static func build(groups: [[String]]) -> String {
        groups.map { group in
            let phrases = group.map { build([$0]) }.filter { !$0.isEmpty }
            return phrases.count == 1 ? phrases[0] : "(" + phrases.joined(separator: " OR ") + ")"
        }.filter { $0 != "()" && !$0.isEmpty }.joined(separator: " AND ")
    }
}

import Foundation
