/// Two or more incompatible tellings of one event: each side with its value and references.
public struct Contradiction: Codable, Sendable, Hashable {
    public struct Side: Codable, Sendable, Hashable {
        public var value: String
        public var references: [EventReference]
        public init(value: String, references: [EventReference]) {
            self.value = value
            self.references = references
        }
    }

    public var event: String
    /// denial, walk-back, date or quantity.
    public var kind: ContradictionKind
    public var summary: String
    public var sides: [Side]

    public init(event: String, kind: ContradictionKind, summary: String, sides: [Side]) {
        self.event = event
        self.kind = kind
        self.summary = summary
        self.sides = sides
    }
}
