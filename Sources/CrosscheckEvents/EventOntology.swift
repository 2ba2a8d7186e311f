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
    /// Trigger phrase → its type (index into `types`) and whether it is a noun.
    public private(set) var triggers = PhraseTable<Trigger>()
    /// Triggers with an entity slot ("provide @ with", "enter:v @country"): the words before the slot
    /// (matched like `triggers`), what the slot takes and the words after it.
    public private(set) var slotted = PhraseTable<[SlotTrigger]>()

    /// A trigger phrase's type, and whether it names the event as a noun ("the deployment", "an
    /// offensive"): a noun's actor is its own ("of X", "X's", "a Taliban offensive"), not
    /// whoever the sentence is about.
    public struct Trigger: Sendable, Hashable {
        public var type: Int32
        public var nominal: Bool
        /// A verb's form that is also a noun ("shot", written "shot:p"): an event only as a verb, never after a
        /// determiner ("a shot from outside the box").
        public var verbal = false
    }

    /// A trigger around one entity mention: "provide Tajikistan with" (the slot is the recipient),
    /// "entered Tajikistan" (the slot is where), "accept 100,000 refugees" (the slot is the count).
    public struct SlotTrigger: Sendable, Hashable {
        public var type: Int32
        /// Mention kind the slot takes (`country`, `quantity`…); nil for any entity.
        public var kind: String?
        /// Hashes of the words that must follow the slot.
        public var after: [UInt64]
    }

    public init(tsv: String) {
        for line in tsv.split(whereSeparator: \.isNewline) where !line.hasPrefix("#") {
            let parts = line.split(separator: "\t", omittingEmptySubsequences: false).map(String.init)
            guard parts.count >= 5 else { continue }
            let index = Int32(types.count)
            types.append(EventType(name: parts[0], label: parts[1], plover: parts[2], cameo: parts[3]))
            for trigger in parts[4].split(separator: "|").map({ $0.trimmingCharacters(in: .whitespaces) }) where !trigger.isEmpty {
                let words = trigger.split(separator: " ").map(String.init)
                if let slot = words.firstIndex(where: { $0.hasPrefix("@") }) {
                    // "enter:v @country": the forms of the words before the slot, the slot's kind, the words after.
                    let before = words[..<slot].joined(separator: " ")
                    let kind = words[slot].dropFirst()
                    let after = words[(slot + 1)...].flatMap { Tokenizer.tokenize($0).map(\.hash) }
                    let entry = SlotTrigger(type: index, kind: kind.isEmpty ? nil : String(kind), after: after)
                    for form in Self.forms(before) {
                        guard let (key, _) = PhraseTable<[SlotTrigger]>.key(form) else { continue }
                        _ = slotted.register(Tokenizer.tokenize(form))
                        slotted.set(key: key, (slotted.value(key: key) ?? []) + [entry])
                    }
                    continue
                }
                let nominal = trigger.hasSuffix(":n"), verbal = trigger.hasSuffix(":p")
                let phrase = nominal || verbal ? String(trigger.dropLast(2)) : trigger
                for form in Self.forms(phrase) { triggers.insert(form, Trigger(type: index, nominal: nominal, verbal: verbal)) }
            }
        }
    }

    /// "move:v" → move, moves, moved, moving ("move:v heavy weapons" → moved heavy weapons…);
    /// anything else as written.
    static func forms(_ trigger: String) -> [String] {
        let words = trigger.split(separator: " ", maxSplits: 1).map(String.init)
        guard let first = words.first, first.hasSuffix(":v") else { return [trigger] }
        let rest = words.count > 1 ? " " + words[1] : ""
        return verbForms(String(first.dropLast(2))).map { $0 + rest }
    }

    static func verbForms(_ base: String) -> [String] {
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

    /// Sets of types that tell one happening when one incident reports them on one day in one place
    /// (`happenings.txt`: an attack and its casualties, a flood and its evacuations).
    public var happenings: [Set<String>] = Self.bundledHappenings

    /// Whether two types can tell one happening: the same type, or types sharing a line of `happenings.txt`.
    public func oneHappening(_ a: String, _ b: String) -> Bool {
        a == b || happenings.contains { $0.contains(a) && $0.contains(b) }
    }

    /// Types whose figure counts one thing in one role (`figure-types.txt`): only their figures can contradict.
    public var figureTypes: Set<String> = Self.bundledFigureTypes

    static let bundledFigureTypes = Set(bundledList("figure-types"))

    /// Types split by what their tellings count (`counted-types.txt`; a figure type's tellings counting another thing
    /// are another event too).
    public var countedTypes: Set<String> = Set(bundledList("counted-types")).union(bundledFigureTypes)

    /// Types defined by who gives (`given-types.txt`): a telling without a giver never joins one that names a giver.
    public var givenTypes: Set<String> = Set(bundledList("given-types"))

    /// Types of force whose triggers are figurative with an object of words, law or ideas (`figurative-types.txt`).
    public var figurativeTypes: Set<String> = Set(bundledList("figurative-types"))

    /// The lines of a bundled `NAME.txt` list, trimmed, without blanks and `#` comments.
    static func bundledList(_ name: String) -> [String] {
        guard let url = Bundle.module.url(forResource: name, withExtension: "txt"),
              let text = try? String(contentsOf: url, encoding: .utf8) else { return [] }
        return text.split(whereSeparator: \.isNewline).map { $0.trimmingCharacters(in: .whitespaces) }
            .filter { !$0.isEmpty && !$0.hasPrefix("#") }
    }

    static let bundledHappenings: [Set<String>] = bundledList("happenings").map { Set($0.split(separator: " ").map(String.init)) }
}
