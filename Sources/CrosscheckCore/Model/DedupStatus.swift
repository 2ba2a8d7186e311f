/// What the duplicate finder did with an article.
public enum DedupStatus: String, Codable, Sendable {
    /// Compared and indexed: later articles are compared with it.
    case indexed
    /// An exact or near copy of an indexed article: linked, and not indexed itself, so a feed loop of
    /// identical copies does not grow the index.
    case copy
    /// Too short to compare by text (below the minimum word count); only exact copies are linked.
    case short
}
