import Foundation

/// The merged picture of the store: events, their corroboration and the contradictions.
public struct Situation: Sendable, Hashable {
    public var events: [MergedEvent]
    public var contradictions: [Contradiction]
    public var stories: [Story]

    public init(events: [MergedEvent], contradictions: [Contradiction], stories: [Story]) {
        self.events = events
        self.contradictions = contradictions
        self.stories = stories
    }

    /// The part of the situation that belongs to one story.
    public func story(_ id: String) -> Situation? {
        guard let story = stories.first(where: { $0.isNamed(by: id) }) else { return nil }
        let ids = Set(story.events)
        return Situation(events: events.filter { ids.contains($0.id) }, contradictions: contradictions.filter { ids.contains($0.event) },
                         stories: [story])
    }
}
