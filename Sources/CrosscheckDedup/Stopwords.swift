import CrosscheckCore
import Foundation

/// Function words of the common news languages, from the `stopwords.txt` resource, as word hashes.
/// Passages are compared by their other words, so two texts in the same language do not look alike
/// merely for sharing "the", "der" or "и".
public struct Stopwords: Sendable {
    public let hashes: Set<UInt64>
    /// The list of each language (ISO 639-1 code); this value itself holds all of them together.
    public private(set) var languages: [String: Stopwords] = [:]
    /// The same hashes in a table read without branches (`WindowKeySet`): a text's words alternate
    /// between function and content words, which a probe loop mispredicts.
    private let table: WindowKeySet

    public init(words: some Sequence<String>) {
        hashes = Set(words.map(WordScanner.hash).filter { $0 != 0 })
        table = WindowKeySet(hashes)
    }

    /// Parses the data file: `[xx]` section lines, `#` comments, words separated by spaces or lines.
    public init(fileContents: String) {
        var words: [String] = []
        var byLanguage: [String: [String]] = [:]
        var current = ""
        for line in fileContents.split(whereSeparator: \.isNewline) {
            let trimmed = line.trimmingCharacters(in: .whitespaces)
            if trimmed.isEmpty || trimmed.hasPrefix("#") { continue }
            if trimmed.hasPrefix("["), trimmed.hasSuffix("]") { current = String(trimmed.dropFirst().dropLast()).lowercased(); continue }
            let parts = trimmed.split(separator: " ").map(String.init)
            words.append(contentsOf: parts)
            if !current.isEmpty { byLanguage[current, default: []].append(contentsOf: parts) }
        }
        self.init(words: words)
        languages = byLanguage.mapValues { Stopwords(words: $0) }
    }

    /// The list of `language` when there is one ("war" is a German function word, an English noun);
    /// all languages together otherwise.
    public func forLanguage(_ language: String?) -> Stopwords {
        guard let language, let list = languages[String(language.lowercased().prefix(2))] else { return self }
        return list
    }

    @inline(__always)
    public func contains(_ hash: UInt64) -> Bool { table.contains(hash) }

    /// The bundled list.
    public static let bundled: Stopwords = {
        guard let url = Bundle.module.url(forResource: "stopwords", withExtension: "txt"),
              let text = try? String(contentsOf: url, encoding: .utf8)
        else { return Stopwords(words: []) }
        return Stopwords(fileContents: text)
    }()
}
