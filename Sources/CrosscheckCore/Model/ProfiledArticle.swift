/// A stored article's profile with its row and content id (the id orders clustering, so results do not depend on
/// the order of ingestion).
public struct ProfiledArticle: Sendable {
    public var doc: Int64
    public var article: String
    public var profile: ArticleProfile

    public init(doc: Int64, article: String, profile: ArticleProfile) {
        self.doc = doc
        self.article = article
        self.profile = profile
    }
}
