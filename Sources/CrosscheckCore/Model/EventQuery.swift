/// Which stored events to list: every filter the `events` command and, later, the API offer. Filters combine
/// with AND; events come in date order (undated last), then by id.
public struct EventQuery: Sendable, Hashable {
    /// Only this event type (an ontology name).
    public var type: String?
    public var status: EventStatus?
    /// Only events whose actor's name contains this text (any case).
    public var actor: String?
    /// Only events whose place name contains this text (any case).
    public var place: String?
    /// Only events reported by at least this many independent sources.
    public var minSources: Int
    /// Only events whose time overlaps these ISO days (YYYY-MM-DD); an event without a full date (no time, or a
    /// day without its year) matches no date filter.
    public var since: String?
    public var until: String?
    /// Only events of this incident.
    public var incident: String?
    /// Only events placed inside this box (an event without coordinates matches no box).
    public var box: GeoBox?
    /// Only events of this story (its full id; see `matches(_:in:)`).
    public var story: String?
    public var limit: Int
    public var offset: Int

    public init(type: String? = nil, status: EventStatus? = nil, actor: String? = nil, place: String? = nil, minSources: Int = 0,
                since: String? = nil, until: String? = nil, incident: String? = nil, box: GeoBox? = nil, story: String? = nil,
                limit: Int = 200, offset: Int = 0) {
        self.type = type
        self.status = status
        self.actor = actor
        self.place = place
        self.minSources = minSources
        self.since = since
        self.until = until
        self.incident = incident
        self.box = box
        self.story = story
        self.limit = limit
        self.offset = offset
    }

    /// The first and last full ISO day of an event's time; nil when it has none (no time, or a year unknown).
    public static func days(of e: MergedEvent) -> (start: String, end: String)? {
        guard let t = e.time, isDay(t.start), isDay(t.end) else { return nil }
        return (String(t.start.prefix(10)), String(t.end.prefix(10)))
    }

    /// Whether `text` starts with a day written YYYY-MM-DD in digits.
    public static func isDay(_ text: String) -> Bool {
        let u = Array(text.utf8.prefix(10))
        guard u.count == 10, u[4] == 0x2D, u[7] == 0x2D else { return false }
        return [0, 1, 2, 3, 5, 6, 8, 9].allSatisfy { u[$0] >= 0x30 && u[$0] <= 0x39 }
    }

    /// The listing's order: time start ("9999" when undated), then id.
    public static func sortKey(of e: MergedEvent) -> String { e.time?.start ?? "9999" }

    /// Whether `e` passes every filter (the same test the store runs in SQL); with a story filter, `stories` says which
    /// events the story holds.
    public func matches(_ e: MergedEvent, in stories: [Story]) -> Bool {
        if let story, !(stories.first { $0.id == story }?.events.contains(e.id) ?? false) { return false }
        return matchesFields(e)
    }

    /// `matches(_:in:)` without the stories: a query with a story filter matches nothing here.
    public func matches(_ e: MergedEvent) -> Bool { story == nil && matchesFields(e) }

    /// Every filter but the story.
    private func matchesFields(_ e: MergedEvent) -> Bool {
        if let type, e.type != type { return false }
        if let status, e.status != status { return false }
        if e.sources < minSources { return false }
        if let actor, !(e.actor?.name.lowercased().contains(actor.lowercased()) ?? false) { return false }
        if let place, !(e.placeName?.lowercased().contains(place.lowercased()) ?? false) { return false }
        if let incident, e.incident != incident { return false }
        if let box, !(e.place.map { box.contains(latitude: $0.latitude, longitude: $0.longitude) } ?? false) { return false }
        if since != nil || until != nil {
            guard let days = Self.days(of: e) else { return false }
            if let since, days.end < since { return false }
            if let until, days.start > until { return false }
        }
        return true
    }
}
