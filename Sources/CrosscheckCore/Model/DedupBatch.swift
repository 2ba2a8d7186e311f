/// The results of one batch of the duplicate finder, written in one transaction.
public struct DedupBatch: Sendable {
    /// Every processed article with its status and final group.
    public var documents: [(doc: Int64, group: Int64, status: DedupStatus)] = []
    /// LSH keys to add: (key, doc).
    public var keys: [(key: Int32, doc: Int64)] = []
    public var relations: [TextRelation] = []
    public var citations: [Citation] = []
    /// Existing groups merged into another: every member of `from` moves to `into`.
    public var merges: [(from: Int64, into: Int64)] = []
    /// Normalised addresses of processed articles that have one (`AddressKey`).
    public var addresses: [(doc: Int64, address: String)] = []

    public init() {}
}
