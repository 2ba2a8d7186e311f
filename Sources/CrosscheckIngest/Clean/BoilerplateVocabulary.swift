import Foundation

/// The boilerplate phrase vocabulary, loaded from the `boilerplate-phrases.txt` resource.
public struct BoilerplateVocabulary: Sendable {
    /// (phrase, category) pairs, lowercase.
    public let phrases: [(phrase: String, category: String)]

    public init(phrases: [(phrase: String, category: String)]) {
        self.phrases = phrases
    }

    /// Parses the data file format: `category<TAB>phrase`, `#` comments.
    public init(fileContents: String) {
        var out: [(String, String)] = []
        for line in fileContents.split(separator: "\n") {
            if line.hasPrefix("#") { continue }
            let parts = line.split(separator: "\t", maxSplits: 1)
            guard parts.count == 2 else { continue }
            out.append((String(parts[1]).lowercased(), String(parts[0])))
        }
        self.phrases = out
    }

    /// The bundled vocabulary.
    public static let bundled: BoilerplateVocabulary = {
        guard let url = Bundle.module.url(forResource: "boilerplate-phrases", withExtension: "txt"),
              let text = try? String(contentsOf: url, encoding: .utf8)
        else { return BoilerplateVocabulary(phrases: []) }
        return BoilerplateVocabulary(fileContents: text)
    }()

    /// Categories of the phrases found in `lowercased` (a line already lowercased), at word boundaries.
    public func matches(in lowercased: String) -> [String] {
        var found: [String] = []
        for (phrase, category) in phrases where Self.containsWord(lowercased, phrase) {
            found.append(category)
        }
        return found
    }

    /// Whether `needle` occurs in `haystack` starting at a word boundary. Phrases of six or more
    /// characters may run on ("subscribe" matches "subscribers"); shorter ones must end at a boundary.
    static func containsWord(_ haystack: String, _ needle: String) -> Bool {
        var search = haystack.startIndex..<haystack.endIndex
        while let r = haystack.range(of: needle, range: search) {
            let beforeOK = r.lowerBound == haystack.startIndex || !haystack[haystack.index(before: r.lowerBound)].isLetter
            let afterOK = r.upperBound == haystack.endIndex || !haystack[r.upperBound].isLetter || needle.count >= 6
            if beforeOK && afterOK { return true }
            search = r.upperBound..<haystack.endIndex
        }
        return false
    }
}
