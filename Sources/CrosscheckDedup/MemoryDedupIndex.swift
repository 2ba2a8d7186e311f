import CrosscheckCore
import Synchronization

/// A duplicate-finder index held in memory: for `crosscheck bench`, tests, and runs without a store.
/// Same contract as the store's; nothing survives the process.
public final class MemoryDedupIndex: DedupIndex, @unchecked Sendable {
    private struct State {
        var pending: [DedupDocument] = []
        var documents: [Int64: DedupDocument] = [:]
        var keys: [Int32: [Int64]] = [:]
        var groups: [Int64: Int64] = [:]
        var status: [Int64: DedupStatus] = [:]
        var relations: [TextRelation] = []
        var citations: [Citation] = []
        var keyCount = 0
    }

    private let state = Mutex(State())
    private let source: (@Sendable (Int64) -> DedupDocument?)?

    /// With `source`, texts of candidates are asked for again instead of kept (memory stays flat for
    /// generated corpora); without it, the index keeps the texts of indexed articles.
    public init(source: (@Sendable (Int64) -> DedupDocument?)? = nil) {
        self.source = source
    }

    /// Queues articles for the next run.
    public func add(_ documents: [DedupDocument]) {
        state.withLock { s in
            if source == nil { for d in documents { s.documents[d.doc] = d } }
            s.pending.append(contentsOf: documents)
        }
    }

    public var relations: [TextRelation] { state.withLock { $0.relations } }
    public var citations: [Citation] { state.withLock { $0.citations } }
    public var groups: [Int64: Int64] { state.withLock { $0.groups } }
    public var statuses: [Int64: DedupStatus] { state.withLock { $0.status } }
    /// Key entries held (one per key and article).
    public var keyEntries: Int { state.withLock { $0.keyCount } }
    /// Distinct keys held.
    public var distinctKeys: Int { state.withLock { $0.keys.count } }

    public func dedupTransaction<T>(_ body: (any DedupTransaction) throws -> T) throws -> T {
        try state.withLock { s in
            let tx = Transaction(state: s, source: source)
            defer { s = tx.state }
            return try body(tx)
        }
    }

    public func resetDedup() throws {
        state.withLock { s in
            s.pending = s.documents.values.sorted { $0.doc < $1.doc }  // copies' texts are gone: re-add them
            s.keys = [:]; s.groups = [:]; s.status = [:]; s.relations = []; s.citations = []; s.keyCount = 0
        }
    }

    private final class Transaction: DedupTransaction {
        var state: State
        let source: (@Sendable (Int64) -> DedupDocument?)?
        init(state: State, source: (@Sendable (Int64) -> DedupDocument?)?) {
            self.state = state
            self.source = source
        }

        func pendingDocuments(limit: Int) throws -> [DedupDocument] {
            Array(state.pending.prefix(limit))
        }

        func documents(forKeys keys: [Int32], perKey: Int) throws -> [Int32: [Int64]] {
            var out: [Int32: [Int64]] = [:]
            for key in keys { if let docs = state.keys[key] { out[key] = Array(docs.prefix(perKey)) } }
            return out
        }

        func documents(_ docs: [Int64]) throws -> [DedupDocument] {
            if let source { return docs.compactMap(source) }
            return docs.compactMap { state.documents[$0] }
        }

        func groups(of docs: [Int64]) throws -> [Int64: Int64] {
            var out: [Int64: Int64] = [:]
            for d in docs { if let g = state.groups[d] { out[d] = g } }
            return out
        }

        func commit(_ batch: DedupBatch) throws {
            let done = Set(batch.documents.map(\.doc))
            state.pending.removeAll { done.contains($0.doc) }
            for (key, doc) in batch.keys { state.keys[key, default: []].append(doc) }
            state.keyCount += batch.keys.count
            if !batch.merges.isEmpty {
                let moves = Dictionary(batch.merges.map { ($0.from, $0.into) }, uniquingKeysWith: { a, _ in a })
                for (doc, group) in state.groups { if let into = moves[group] { state.groups[doc] = into } }
            }
            for (doc, group, status) in batch.documents {
                state.groups[doc] = group
                state.status[doc] = status
                if status == .copy { state.documents[doc] = nil }
            }
            state.relations.append(contentsOf: batch.relations)
            state.citations.append(contentsOf: batch.citations)
        }
    }
}
