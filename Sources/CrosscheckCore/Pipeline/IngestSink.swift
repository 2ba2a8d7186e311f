/// One transaction's worth of ingest results.
public struct IngestBatch: Sendable {
    /// New raw articles with their cleaned articles.
    public var articles: [(raw: RawArticle, article: Article)]
    /// Inputs that could not be stored.
    public var rejections: [RejectedInput]

    public init(articles: [(raw: RawArticle, article: Article)] = [], rejections: [RejectedInput] = []) {
        self.articles = articles
        self.rejections = rejections
    }
}

/// Where ingest writes: a store. Each batch is written atomically, so an ingest killed midway
/// leaves whole batches behind and a rerun completes the rest.
public protocol IngestSink: Sendable {
    /// The subset of `ids` already stored as raw articles.
    func existingRawIDs(_ ids: [ContentID]) throws -> Set<ContentID>
    /// Writes the batch in one transaction; raw articles already present are left as they are.
    func write(_ batch: IngestBatch) throws
}
