import CrosscheckLanguage
import Foundation

/// One event type of the ontology, with its PLOVER type and CAMEO root code.
public struct EventType: Sendable, Hashable, Codable {
    public let name: String
    public let label: String
    public let plover: String
    public let cameo: String
}

/// The event types and their trigger phrases, from the `events.tsv` resource.
public struct EventOntology: Sendable {
    public private(set) var types: [EventType] = []
    /// Trigger phrase → index into `types`.
    public private(set) var triggers = PhraseTable<Int32>()

    public init(tsv: String) {
        for line in tsv.split(whereSeparator: \.isNewline) where !line.hasPrefix("#") {
            let parts = line.split(separator: "\t", omittingEmptySubsequences: false).map(String.init)
            guard parts.count >= 5 else { continue }
            let index = Int32(types.count)
            types.append(EventType(name: parts[0], label: parts[1], plover: parts[2], cameo: parts[3]))
            for trigger in parts[4].split(separator: "|").map({ $0.trimmingCharacters(in: .whitespaces) }) where !trigger.isEmpty {
                for form in Self.forms(trigger) { triggers.insert(form, index) }
            }
        }
    }

    /// "move:v" → move, moves, moved, moving; anything else as written.
    static func forms(_ trigger: String) -> [String] {
        guard trigger.hasSuffix(":v") else { return [trigger] }
        let base = String(trigger.dropLast(2))
        var out = [base]
        let last = base.last ?? "x"
        if base.hasSuffix("e") {
            out += [base + "s", base + "d", String(base.dropLast()) + "ing"]
        } else if last == "y", let before = base.dropLast().last, !"aeiou".contains(before) {
            out += [String(base.dropLast()) + "ies", String(base.dropLast()) + "ied", base + "ing"]
        } else if base.hasSuffix("sh") || base.hasSuffix("ch") || base.hasSuffix("s") || base.hasSuffix("x") {
            out += [base + "es", base + "ed", base + "ing"]
        } else {
            out += [base + "s", base + "ed", base + "ing"]
            // Short verbs ending consonant-vowel-consonant double it: "ship" → "shipped".
            let chars = Array(base)
            if chars.count >= 3, !"aeiouwxy".contains(chars[chars.count - 1]), "aeiou".contains(chars[chars.count - 2]),
               !"aeiou".contains(chars[chars.count - 3]), chars.count <= 4 {
                out += [base + String(last) + "ed", base + String(last) + "ing"]
            }
        }
        return out
    }

    public static let bundled: EventOntology = {
        guard let url = Bundle.module.url(forResource: "events", withExtension: "tsv"),
              let text = try? String(contentsOf: url, encoding: .utf8) else { return EventOntology(tsv: "") }
        return EventOntology(tsv: text)
    }()

    public func type(named name: String) -> EventType? { types.first { $0.name == name } }
}
