import CrosscheckCore
import CrosscheckStore

/// Full-text search that finds an entity under each of its spellings: a query word that belongs to an entity's name
/// also matches the same word of the entity's other names ("Rahmon" finds articles that write "Rakhmon"), and a
/// phrase that is one of its names matches the others.
public struct ArticleSearch: Sendable {
    public let store: any Store
    /// At most this many other spellings per query term.
    public var maxAlternatives = 8

    public init(store: any Store) { self.store = store }

    /// The hits, and for each term the other spellings that were searched with it.
    public func search(_ terms: [String], limit: Int, highlight: Highlight) throws -> (hits: [SearchHit], alternatives: [String: [String]]) {
        var groups: [[String]] = [], alternatives: [String: [String]] = [:]
        for term in terms.map({ $0.trimmingCharacters(in: .whitespaces) }) where !term.isEmpty {
            let others = try spellings(of: term)
            if !others.isEmpty { alternatives[term] = others }
            groups.append([term] + others)
        }
        return (try store.search(anyOf: groups, limit: limit, highlight: highlight), alternatives)
    }

    /// Other spellings of `term` among the names of the entities that hold it, in the order the store gives them.
    public func spellings(of term: String) throws -> [String] {
        let words = Self.words(term)
        guard let first = words.first else { return [] }
        var out: [String] = []
        func add(_ s: String) {
            if out.count < maxAlternatives, Self.words(s) != words, !out.contains(where: { Self.words($0) == Self.words(s) }) { out.append(s) }
        }
        for names in try store.entityNames(containing: String(first)) {
            let split = names.map { (name: $0, words: Self.words($0)) }
            // Where the term sits in each name that holds it.
            let holders = split.compactMap { n in Self.position(of: words, in: n.words).map { (n, $0) } }
            guard !holders.isEmpty else { continue }
            for other in split where Self.position(of: words, in: other.words) == nil {
                if let at = holders.first(where: { $0.0.words.count == other.words.count })?.1 {
                    // The same words of a name spelled otherwise ("Emomali Rahmon" / "Emomali Rakhmon" → "rakhmon").
                    add(other.words[at..<(at + words.count)].joined(separator: " "))
                } else {
                    add(other.name)
                }
            }
        }
        return out
    }

    /// Lowercased words of a text.
    static func words(_ text: String) -> [Substring] {
        text.lowercased().split(whereSeparator: { !$0.isLetter && !$0.isNumber })
    }

    /// The word index where `words` start inside `name`, if they do.
    static func position(of words: [Substring], in name: [Substring]) -> Int? {
        guard !words.isEmpty, words.count <= name.count else { return nil }
        return (0...(name.count - words.count)).first { Array(name[$0..<($0 + words.count)]) == words }
    }
}
