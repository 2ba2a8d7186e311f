import CrosscheckCore
import CrosscheckEvents
import CrosscheckReport
import CrosscheckStore

/// What reading commands (and, later, the server) read: the stored situation when it is up to date; otherwise (a store
/// written by an older version, or an analysis interrupted before it stored its situation) the situation merged in
/// memory, without writing, and marked stale so the caller can say how to fix it.
public struct SituationReader: Sendable {
    public let store: any Store

    public init(store: any Store) { self.store = store }

    /// Whether the stored situation matches the analysed articles.
    public func isCurrent() throws -> Bool {
        try store.situationStamp() == store.currentSituationStamp()
    }

    /// The whole situation and whether it was stored (false: merged now, in memory).
    public func situation() throws -> (situation: Situation, stored: Bool) {
        try situation(current: isCurrent())
    }

    /// `situation()` when the caller has already compared the stamps.
    private func situation(current: Bool) throws -> (situation: Situation, stored: Bool) {
        if current, let stored = try store.storedSituation() { return (stored, true) }
        return (try Situation.read(from: store), false)
    }

    /// The events that pass `query`, in its order: read from the stored situation when it is current.
    public func events(_ query: EventQuery) throws -> (events: [MergedEvent], stored: Bool) {
        if try isCurrent() { return (try store.storedEvents(query), true) }
        let situation = try Situation.read(from: store)
        let all = situation.events.filter { query.matches($0, in: situation.stories) }
            .sorted { (EventQuery.sortKey(of: $0), $0.id) < (EventQuery.sortKey(of: $1), $1.id) }
        return (Array(all.dropFirst(query.offset).prefix(query.limit)), false)
    }

    /// `events` with each event's first `keeping` tellings and their count (a listing's page).
    public func eventPreviews(_ query: EventQuery, keeping: Int) throws -> [EventPreview] {
        if try isCurrent() { return try store.storedEventPreviews(query, keeping: keeping) }
        return try events(query).events.map { EventPreview($0, keeping: keeping) }
    }

    /// One event by id, with every telling: stored when current.
    public func event(id: String) throws -> MergedEvent? {
        if try isCurrent() { return try store.storedEvents(ids: [id]).first }
        return try Situation.read(from: store).events.first { $0.id == id }
    }

    /// The contradictions of one event: stored when current.
    public func contradictions(event: String) throws -> [Contradiction] {
        if try isCurrent() { return try store.storedContradictions(event: event) }
        return try Situation.read(from: store).contradictions.filter { $0.event == event }
    }

    /// The contradictions: stored when current.
    public func contradictions() throws -> (contradictions: [Contradiction], stored: Bool) {
        if try isCurrent() { return (try store.storedContradictions(), true) }
        return (try Situation.read(from: store).contradictions, false)
    }

    /// The brief of the whole situation or of one story (id or prefix; nil when there is no such story). The default
    /// brief is read as stored; another length or a story is made from the stored events.
    public func brief(limit: Int = SituationViews.briefLimit, story: String? = nil) throws -> BriefModel? {
        let current = try isCurrent()
        if current, story == nil, limit == SituationViews.briefLimit, let views = try SituationViews.stored(in: store) { return views.brief }
        var situation: Situation
        var title = SituationViews.briefTitle
        if let story {
            if current {
                guard let found = try store.storedStories().first(where: { $0.isNamed(by: story) }) else { return nil }
                let ids = Set(found.events)
                situation = Situation(events: try store.storedEvents(ids: found.events),
                                      contradictions: try store.storedContradictions().filter { ids.contains($0.event) }, stories: [found])
            } else {
                // Merged once, in memory.
                guard let part = try self.situation(current: false).situation.story(story) else { return nil }
                situation = part
            }
            title += ": " + (situation.stories.first?.title ?? story)
        } else {
            situation = try self.situation(current: current).situation
        }
        return try BriefNotes.model(of: Brief(title: title, events: situation.events, contradictions: situation.contradictions, limit: limit),
                                    store: store)
    }

    /// The key developments the timeline lists: the best `limit` of the events with at least `minSources` independent
    /// sources, in date order, and the year dates without one are read in. Read from the stored ranking when it holds
    /// them (the first `SituationViews.developmentsKept` of the default filter); ranked from the stored events otherwise.
    public func developments(minSources: Int = 1, limit: Int) throws -> (entries: [DevelopmentRanking.Entry], year: String?) {
        let current = try isCurrent()
        if minSources <= 1, limit <= SituationViews.developmentsKept, current, let views = try SituationViews.stored(in: store) {
            let kept = Array(views.developments.prefix(limit))
            let events = Dictionary(try store.storedEvents(ids: kept.map(\.event)).map { ($0.id, $0) }, uniquingKeysWith: { a, _ in a })
            let entries = kept.compactMap { d in
                events[d.event].map { DevelopmentRanking.Entry(rank: d.rank, event: $0, folded: d.folded, score: d.score, incidentSources: d.incidentSources) }
            }
            return (DevelopmentRanking.chronological(entries, year: views.year), views.year)
        }
        let events = try situation(current: current).situation.events
        let year = DevelopmentRanking.storyYear(events, minSources: minSources)
        return (DevelopmentRanking.chronological(DevelopmentRanking().rank(events, limit: limit, minSources: minSources), year: year), year)
    }

    /// The full id of the story `name` names (its id, or a prefix of it with or without `story-`).
    public func storyID(named name: String) throws -> String? {
        try stories().stories.first { $0.isNamed(by: name) }?.id
    }

    /// The stories: stored when current.
    public func stories() throws -> (stories: [Story], stored: Bool) {
        if try isCurrent() { return (try store.storedStories(), true) }
        return (try Situation.read(from: store).stories, false)
    }
}
