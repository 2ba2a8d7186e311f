import CrosscheckCore

/// An event as a listing gives it: every field, its first tellings only (`previewed`), and how many it has
/// (`referenceCount`). The whole event, with every telling, is at `/api/v1/events/{id}` (a toll told by two thousand
/// articles would make a page of megabytes).
struct EventListing: Encodable, Sendable {
    static let previewed = 3

    var preview: EventPreview

    enum Keys: String, CodingKey { case referenceCount }

    func encode(to encoder: any Encoder) throws {
        try preview.event.encode(to: encoder)
        var container = encoder.container(keyedBy: Keys.self)
        try container.encode(preview.tellings, forKey: .referenceCount)
    }
}
