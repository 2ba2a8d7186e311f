import Foundation

/// Function words of the common news languages, from the `stopwords.txt` resource, as word hashes.
/// Passages are compared by their other words, so two texts in the same language do not look alike
/// merely for sharing "the", "der" or "и".
public struct Stopwords: Sendable {
    public let hashes: Set<UInt64>

    public init(words: some Sequence<String>) {
        hashes = Set(words.map(WordScanner.hash).filter { $0 != 0 })
    }

    /// Parses the data file: `[xx]` section lines, `#` comments, words separated by spaces or lines.
    public init(fileContents: String) {
        var words: [String] = []
        for line in fileContents.split(whereSeparator: \.isNewline) {
            let trimmed = line.trimmingCharacters(in: .whitespaces)
            if trimmed.isEmpty || trimmed.hasPrefix("#") || trimmed.hasPrefix("[") { continue }
            words.append(contentsOf: trimmed.split(separator: " ").map(String.init))
        }
        self.init(words: words)
    }

    public func contains(_ hash: UInt64) -> Bool { hashes.contains(hash) }

    /// The bundled list.
    public static let bundled: Stopwords = {
        guard let url = Bundle.module.url(forResource: "stopwords", withExtension: "txt"),
              let text = try? String(contentsOf: url, encoding: .utf8)
        else { return Stopwords(words: []) }
        return Stopwords(fileContents: text)
    }()
}
