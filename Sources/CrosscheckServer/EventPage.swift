import CrosscheckCore

/// One page of events and the cursor of the next (nil on the last page).
struct EventPage: Encodable, Sendable {
    var items: [EventListing]
    var next: String?
}
