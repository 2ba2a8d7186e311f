/// The calls available inside one duplicate-finder transaction.
public protocol DedupTransaction {
    /// Up to `limit` articles not processed yet, in arrival order.
    func pendingDocuments(limit: Int) throws -> [DedupDocument]
    /// Up to `limit` articles not processed yet that arrived after article `doc`: the batch after the
    /// one being processed, read ahead so its sketches are computed while this one is matched.
    func pendingDocuments(after doc: Int64, limit: Int) throws -> [DedupDocument]
    /// The row numbers `pendingDocuments(limit:)` would return: whether the batch read ahead is still
    /// the next one (another worker may have taken it), without reading the texts again.
    func pendingDocumentIDs(limit: Int) throws -> [Int64]
    /// For each key, at most `perKey` indexed articles that hold it (the earliest ones).
    func documents(forKeys keys: [Int32], perKey: Int) throws -> KeyHits
    /// The articles with these row numbers.
    func documents(_ docs: [Int64]) throws -> [DedupDocument]
    /// The current group of each processed article among `docs`.
    func groups(of docs: [Int64]) throws -> [Int64: Int64]
    /// Writes the batch.
    func commit(_ batch: DedupBatch) throws
    /// Processed articles at these normalised addresses, earliest first.
    func documents(atAddresses addresses: [String]) throws -> [String: [Int64]]
}

extension DedupTransaction {
    public func pendingDocumentIDs(limit: Int) throws -> [Int64] { try pendingDocuments(limit: limit).map(\.doc) }
}
