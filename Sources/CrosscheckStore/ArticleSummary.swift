import CrosscheckCore
import Foundation

/// An article as listed: its metadata, where it came from, and its size.
public struct ArticleSummary: Sendable, Codable, Hashable {
    public var id: ContentID
    public var title: String?
    public var published: PublishedDate?
    public var outlet: String?
    public var url: String?
    public var language: String?
    public var words: Int
    public var origin: Origin
    public var format: InputFormat
    public var receivedAt: Date
    /// The article's source group, named by its first article; nil until the duplicate finder ran.
    public var group: ContentID?
    /// Articles in that group (1: independent of every other stored article).
    public var groupSize: Int
    /// What the duplicate finder did with it: `indexed`, `copy` (an exact or near copy, linked and not
    /// indexed), `short` (too short to compare except as an exact copy); nil until it ran.
    public var dedupStatus: String?

    public init(id: ContentID, title: String?, published: PublishedDate?, outlet: String?, url: String?, language: String?,
                words: Int, origin: Origin, format: InputFormat, receivedAt: Date, group: ContentID? = nil, groupSize: Int = 0,
                dedupStatus: String? = nil) {
        self.id = id
        self.title = title
        self.published = published
        self.outlet = outlet
        self.url = url
        self.language = language
        self.words = words
        self.origin = origin
        self.format = format
        self.receivedAt = receivedAt
        self.group = group
        self.groupSize = groupSize
        self.dedupStatus = dedupStatus
    }
}
