/// An event with only its first tellings, and how many it has: what a listing needs (a toll told by two thousand
/// articles would otherwise be read and sent whole).
public struct EventPreview: Sendable, Hashable {
    public var event: MergedEvent
    public var tellings: Int

    public init(event: MergedEvent, tellings: Int) {
        self.event = event
        self.tellings = tellings
    }

    /// `event` with its first `count` tellings.
    public init(_ event: MergedEvent, keeping count: Int) {
        tellings = event.references.count
        var trimmed = event
        trimmed.references = Array(event.references.prefix(count))
        self.event = trimmed
    }
}
