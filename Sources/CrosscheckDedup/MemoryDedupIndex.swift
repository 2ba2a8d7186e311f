import CrosscheckCore
import Foundation

/// A duplicate-finder index held in memory: for `crosscheck bench`, tests, and runs without a store.
/// Same contract as the store's; nothing survives the process.
public final class MemoryDedupIndex: DedupIndex, @unchecked Sendable {
    private struct State {
        var pending: [DedupDocument] = []
        var documents: [Int64: DedupDocument] = [:]
        var keys = KeyTable()
        var groups: [Int64: Int64] = [:]
        /// Members of groups larger than one article.
        var members: [Int64: [Int64]] = [:]
        var status: [Int64: DedupStatus] = [:]
        var relations: [TextRelation] = []
        var citations: [Citation] = []
        var addresses: [String: [Int64]] = [:]
    }

    private let lock = NSLock()
    private let storage: Transaction
    private let source: (@Sendable (Int64) -> DedupDocument?)?

    /// With `source`, texts of candidates are asked for again instead of kept (memory stays flat for
    /// generated corpora); without it, the index keeps the texts of indexed articles.
    public init(source: (@Sendable (Int64) -> DedupDocument?)? = nil) {
        self.source = source
        self.storage = Transaction(state: State(), source: source)
    }

    private func withState<T>(_ body: (inout State) throws -> T) rethrows -> T {
        lock.lock()
        defer { lock.unlock() }
        return try body(&storage.state)
    }

    /// Queues articles for the next run.
    public func add(_ documents: [DedupDocument]) {
        withState { s in
            if source == nil { for d in documents { s.documents[d.doc] = d } }
            s.pending.append(contentsOf: documents)
        }
    }

    public var relations: [TextRelation] { withState { $0.relations } }
    public var citations: [Citation] { withState { $0.citations } }
    public var groups: [Int64: Int64] { withState { $0.groups } }
    public var statuses: [Int64: DedupStatus] { withState { $0.status } }
    /// Key entries held (one per key and article).
    public var keyEntries: Int { withState { $0.keys.count } }
    /// Bytes of the LSH table.
    public var indexBytes: Int { withState { $0.keys.bytes } }

    public func dedupTransaction<T>(_ body: (any DedupTransaction) throws -> T) throws -> T {
        lock.lock()
        defer { lock.unlock() }
        return try body(storage)
    }

    public func resetDedup() throws {
        withState { s in
            s.pending = s.documents.values.sorted { $0.doc < $1.doc }  // copies' texts are gone: re-add them
            s.keys = KeyTable(); s.groups = [:]; s.members = [:]; s.status = [:]; s.relations = []; s.citations = []; s.addresses = [:]
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

        func pendingDocumentIDs(limit: Int) throws -> [Int64] {
            state.pending.prefix(limit).map(\.doc)
        }

        func pendingDocuments(after doc: Int64, limit: Int) throws -> [DedupDocument] {
            // Pending articles are in arrival order; `doc` is near the front (the batch being processed).
            guard let i = state.pending.firstIndex(where: { $0.doc == doc }) else { return [] }
            return Array(state.pending[(i + 1)..<min(state.pending.count, i + 1 + limit)])
        }

        func documents(forKeys keys: [Int32], perKey: Int) throws -> KeyHits {
            var out = KeyHits(keys: keys.count, perKey: 2)
            inTableOrder(keys, forWriting: false) { i in
                out.add(keys[i]) { docs in state.keys.forEachDoc(key: UInt32(bitPattern: keys[i]), limit: perKey) { docs.append(Int64($0)) } }
            }
            return out
        }

        /// Calls `body` with the positions of `keys` ordered by where their probe runs start, equal starts in
        /// their order (so a key's own entries keep their order, and "earliest first" holds), each time
        /// prefetching the table line of the key `KeyTable.prefetchDistance` ahead.
        private func inTableOrder(_ keys: [Int32], forWriting: Bool, _ body: (Int) -> Void) {
            var order = keys.enumerated().map { UInt64(state.keys.home(UInt32(bitPattern: $1))) << 32 | UInt64($0) }
            spreadSort(&order)
            let ahead = KeyTable.prefetchDistance
            for n in order.indices {
                if n + ahead < order.count {
                    state.keys.prefetch(UInt32(bitPattern: keys[Int(order[n + ahead] & 0xFFFF_FFFF)]), forWriting: forWriting)
                }
                body(Int(order[n] & 0xFFFF_FFFF))
            }
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
            // Batches are taken from the front of the queue: drop that many when they are the ones done.
            let done = batch.documents.map(\.doc)
            if state.pending.prefix(done.count).map(\.doc) == done {
                state.pending.removeFirst(done.count)
            } else {
                let doneSet = Set(done)
                state.pending.removeAll { doneSet.contains($0.doc) }
            }
            state.keys.reserve(batch.keys.count)
            inTableOrder(batch.keys.map(\.key), forWriting: true) { i in
                state.keys.insert(key: UInt32(bitPattern: batch.keys[i].key), doc: UInt32(truncatingIfNeeded: batch.keys[i].doc))
            }
            for (from, into) in batch.merges {
                let moved = state.members.removeValue(forKey: from) ?? [from]
                for m in moved { state.groups[m] = into }
                state.members[into, default: [into]].append(contentsOf: moved)
            }
            for (doc, group, status) in batch.documents {
                state.groups[doc] = group
                if group != doc { state.members[group, default: [group]].append(doc) }
                state.status[doc] = status
                if status == .copy { state.documents[doc] = nil }
            }
            state.relations.append(contentsOf: batch.relations)
            state.citations.append(contentsOf: batch.citations)
            for (doc, address) in batch.addresses { state.addresses[address, default: []].append(doc) }
        }

        func documents(atAddresses addresses: [String]) throws -> [String: [Int64]] {
            var out: [String: [Int64]] = [:]
            for a in addresses { if let docs = state.addresses[a] { out[a] = docs } }
            return out
        }
    }
}
