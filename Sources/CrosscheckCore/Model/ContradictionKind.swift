/// What two tellings of one event disagree on. The raw values are the stable codes of JSON and CSV
/// (`docs/EVENTS.md`, "Contradictions").
public enum ContradictionKind: String, Codable, Sendable, Hashable, CaseIterable, CustomStringConvertible {
    /// Reported (or claimed) by some, denied by others.
    case denial
    /// Stated, then walked back by its source.
    case walkBack = "walk-back"
    /// Deadlines more than a day apart ("by August 31" vs "by September 11").
    case date
    /// Precise figures of one kind of thing whose intervals do not overlap.
    case quantity

    public var description: String { rawValue }
}
