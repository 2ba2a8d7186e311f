import CrosscheckCore
import CrosscheckEvents
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
        if try isCurrent(), let stored = try store.storedSituation() { return (stored, true) }
        return (try Situation.read(from: store), false)
    }

    /// The events that pass `query`, in its order: read from the stored situation when it is current.
    public func events(_ query: EventQuery) throws -> (events: [MergedEvent], stored: Bool) {
        if try isCurrent() { return (try store.storedEvents(query), true) }
        let all = try Situation.read(from: store).events.filter(query.matches)
            .sorted { (EventQuery.sortKey(of: $0), $0.id) < (EventQuery.sortKey(of: $1), $1.id) }
        return (Array(all.dropFirst(query.offset).prefix(query.limit)), false)
    }

    /// The contradictions: stored when current.
    public func contradictions() throws -> (contradictions: [Contradiction], stored: Bool) {
        if try isCurrent() { return (try store.storedContradictions(), true) }
        return (try Situation.read(from: store).contradictions, false)
    }

    /// The stories: stored when current.
    public func stories() throws -> (stories: [Story], stored: Bool) {
        if try isCurrent() { return (try store.storedStories(), true) }
        return (try Situation.read(from: store).stories, false)
    }
}
