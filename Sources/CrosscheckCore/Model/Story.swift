/// A developing situation: the articles and events that belong together, over time.
public struct Story: Codable, Sendable, Hashable {
    public var id: String
    /// The actors and places most mentioned in its events.
    public var title: String
    public var articles: [String]
    public var events: [String]
    /// Independent source groups among its articles.
    public var sources: Int
    public var start: String?
    public var end: String?

    public init(id: String, title: String, articles: [String], events: [String], sources: Int, start: String?, end: String?) {
        self.id = id
        self.title = title
        self.articles = articles
        self.events = events
        self.sources = sources
        self.start = start
        self.end = end
    }
}

extension Story {
    /// Whether `id` names this story: its whole id, a prefix of it, or a prefix without the "story-" part.
    public func isNamed(by id: String) -> Bool {
        self.id == id || self.id.hasPrefix(id) || self.id.hasPrefix("story-" + id)
    }
}
