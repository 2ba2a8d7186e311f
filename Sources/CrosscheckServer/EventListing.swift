import CrosscheckCore

/// An event as a listing gives it: every field, its first tellings only (`previewed`), and how many it has. The whole
/// event, with every telling, is at `/api/v1/events/{id}` (a toll told by two thousand articles would make a page of
/// megabytes).
struct EventListing: Encodable, Sendable {
    static let previewed = 3

    var event: MergedEvent
    var referenceCount: Int

    init(_ event: MergedEvent) {
        referenceCount = event.references.count
        var trimmed = event
        trimmed.references = Array(event.references.prefix(Self.previewed))
        self.event = trimmed
    }

    enum Keys: String, CodingKey { case referenceCount }

    func encode(to encoder: any Encoder) throws {
        try event.encode(to: encoder)
        var container = encoder.container(keyedBy: Keys.self)
        try container.encode(referenceCount, forKey: .referenceCount)
    }
}
