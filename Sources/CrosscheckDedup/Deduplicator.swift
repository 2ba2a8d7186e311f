import CrosscheckCore
import Dispatch
import Foundation
import Synchronization

/// What a duplicate-finder run did.
public struct DedupSummary: Sendable, Codable, Hashable {
    public var processed = 0
    public var indexed = 0
    public var copies = 0
    public var short = 0
    /// Relations found, by kind (`cites` counts citations).
    public var relations: [String: Int] = [:]
    /// Existing groups merged into another.
    public var merges = 0
    /// Candidate pairs verified.
    public var comparisons = 0
    /// Wall-clock seconds in the parallel pass (words, sketches, citations; in `run`, the time spent
    /// waiting for it, since it overlaps the previous batch), the index reads, the verification and
    /// grouping, and the commit.
    public var sketchSeconds = 0.0
    public var lookupSeconds = 0.0
    public var verifySeconds = 0.0
    public var commitSeconds = 0.0

    public init() {}

    /// Adds another run's counts and times to these.
    public mutating func add(_ other: DedupSummary) {
        processed += other.processed
        indexed += other.indexed
        copies += other.copies
        short += other.short
        merges += other.merges
        comparisons += other.comparisons
        sketchSeconds += other.sketchSeconds
        lookupSeconds += other.lookupSeconds
        verifySeconds += other.verifySeconds
        commitSeconds += other.commitSeconds
        for (k, v) in other.relations { relations[k, default: 0] += v }
    }
}

/// Links each new article to the stored ones it copies, contains or rewrites, finds the outlets it
/// cites, and keeps the source groups (connected sets of linked articles) up to date.
///
/// Per article the work is bounded: at most `maxKeys` index lookups of at most `perKey` articles each,
/// and at most `maxCandidates` comparisons, whatever the store's size.
///
/// ```swift
/// let summary = try Deduplicator().run(on: store)   // after ingest
/// ```
public struct Deduplicator: Sendable {
    public var configuration: DedupConfiguration
    public var fingerprinter: Fingerprinter
    public var matcher: Matcher
    public var citations: CitationFinder
    /// Articles per transaction: large enough that a batch's random-key index inserts share pages
    /// (SQLite at 100k articles: 4,100/s with 256, 7,600/s with 1,024, 9,000/s with 2,048), small
    /// enough to hold the write lock briefly.
    public var batchSize = 1024

    public init(configuration: DedupConfiguration = DedupConfiguration(), citations: CitationFinder = .bundled) {
        self.configuration = configuration
        self.fingerprinter = Fingerprinter(configuration: configuration)
        self.matcher = Matcher(configuration: configuration)
        self.citations = citations
    }

    /// Processes every article of `index` not processed yet.
    @discardableResult
    public func run(on index: any DedupIndex, onBatch: (DedupSummary) -> Void = { _ in }) throws -> DedupSummary {
        var total = DedupSummary()
        // Fingerprints of this run's articles, for when they are candidates of a later batch. Scoped to
        // the run: between runs an article's text may change (templates).
        let cache = FingerprintCache(budget: configuration.fingerprintCacheBytes)
        // While one batch is matched against the index (mostly sequential), the words, sketches and
        // citations of the next are computed on the other cores: they depend on the texts only.
        var ahead: Lookahead?
        while true {
            let summary = try index.dedupTransaction { tx -> DedupSummary in
                // The batch read ahead, unless another worker has taken it: then the pending one, prepared now.
                let current: Lookahead
                if let ahead, try tx.pendingDocumentIDs(limit: batchSize) == ahead.docs {
                    current = ahead
                } else {
                    current = Lookahead(try tx.pendingDocuments(limit: batchSize)) { [self] in prepare($0) }
                }
                let docs = current.documents
                guard let last = docs.last else { return DedupSummary() }
                let start = ContinuousClock.now
                let prepared = current.wait()
                let preparedIn = (ContinuousClock.now - start).inSeconds
                let next = try tx.pendingDocuments(after: last.doc, limit: batchSize)
                ahead = next.isEmpty ? nil : Lookahead(next) { [self] in prepare($0) }
                var summary = try processBatch(tx, docs: docs, prepared: prepared, cache: cache)
                summary.sketchSeconds = preparedIn
                releaseInBackground((consume current, consume prepared))
                return summary
            }
            guard summary.processed > 0 else { break }
            total.add(summary)
            onBatch(total)
        }
        return total
    }

    /// Words, sketch and citations of an article.
    func prepare(_ doc: DedupDocument) -> Prepared {
        let fingerprinter = fingerprinter.with(language: doc.language)
        let words = fingerprinter.words(doc.text)
        return Prepared(words: words, sketch: fingerprinter.sketch(words, text: doc.text),
                        citations: citations.find(in: doc.text, words: words, outlet: doc.outlet))
    }

    /// A batch prepared in the background by all cores but one; `wait` makes the calling thread take
    /// the articles nobody has started yet, so no core idles whichever side finishes first.
    final class Lookahead: @unchecked Sendable {
        let docs: [Int64]
        let documents: [DedupDocument]
        private let work: @Sendable (DedupDocument) -> Prepared
        private let results: UnsafeMutableBufferPointer<Prepared?>
        private let next = Atomic<Int>(0)
        private let helpers = DispatchGroup()

        init(_ documents: [DedupDocument], _ work: @escaping @Sendable (DedupDocument) -> Prepared) {
            self.documents = documents
            self.work = work
            docs = documents.map(\.doc)
            results = .allocate(capacity: documents.count)
            results.initialize(repeating: nil)
            for _ in 0..<min(Self.cores - 1, documents.count) {
                DispatchQueue.global().async(group: helpers) { [self] in drain() }
            }
        }

        /// Cores, read once (`activeProcessorCount` reads the system each time).
        static let cores = max(1, ProcessInfo.processInfo.activeProcessorCount)

        deinit {
            helpers.wait()
            results.deinitialize()
            results.deallocate()
        }

        private func drain() {
            while true {
                let i = next.add(1, ordering: .relaxed).oldValue
                guard i < documents.count else { return }
                results[i] = work(documents[i])
            }
        }

        /// The prepared articles, in order.
        func wait() -> [Prepared] {
            drain()
            helpers.wait()
            return results.map { $0! }
        }
    }

    /// An article of the batch after the parallel pass.
    struct Prepared: Sendable {
        var words: [Word]
        var sketch: Sketch
        var citations: [CitationFinder.Found]
    }

    /// Processes the next batch of pending articles in `transaction`.
    public func processBatch(_ transaction: any DedupTransaction) throws -> DedupSummary {
        try processBatch(transaction, cache: FingerprintCache(budget: 0))
    }

    func processBatch(_ transaction: any DedupTransaction, cache: FingerprintCache) throws -> DedupSummary {
        let docs = try transaction.pendingDocuments(limit: batchSize)
        guard !docs.isEmpty else { return DedupSummary() }
        let start = ContinuousClock.now
        let prepared = parallelMap(docs, prepare)
        let preparedIn = (ContinuousClock.now - start).inSeconds
        var summary = try processBatch(transaction, docs: docs, prepared: prepared, cache: cache)
        summary.sketchSeconds = preparedIn
        return summary
    }

    /// Matches prepared articles against the index and each other, and commits the batch. Shingles and
    /// passage word sets are computed here, only for articles that have candidates.
    func processBatch(_ transaction: any DedupTransaction, docs: [DedupDocument], prepared: [Prepared],
                      cache: FingerprintCache) throws -> DedupSummary {
        let c = configuration
        var summary = DedupSummary()
        var clock = ContinuousClock.now
        func lap() -> Double {
            let now = ContinuousClock.now
            defer { clock = now }
            return (now - clock).inSeconds
        }

        // 1. Candidates from the index: the stored articles sharing the most keys with each new one.
        // In key order (as signed 32-bit integers, the store's order): neighbouring lookups touch
        // neighbouring index pages.
        var lookup: [UInt64] = []
        lookup.reserveCapacity(prepared.count * (c.maxKeys + c.maxAnchorKeys + 1))
        for p in prepared {
            lookup.append(signedOrder(p.sketch.exactKey))
            if !p.sketch.isShort(c) { for key in p.sketch.keys { lookup.append(signedOrder(key)) } }
        }
        spreadSort(&lookup)
        let hits = try transaction.documents(forKeys: uniqued(lookup).map { key(signedOrder: $0) }, perKey: c.perKey)
        var storeCandidates: [[(doc: Int64, score: Int)]] = []
        var needed = Set<Int64>()
        for p in prepared {
            var shared: [Int64] = []
            if !p.sketch.isShort(c) {
                for key in p.sketch.keys { hits.forEach(Int32(bitPattern: key)) { shared.append($0) } }
            }
            let ranked = Self.rankScored(exact: hits[Int32(bitPattern: p.sketch.exactKey)], shared: &shared,
                                         limit: c.maxCandidates, minimum: minShared(p.sketch))
            storeCandidates.append(ranked)
            needed.formUnion(ranked.map(\.doc))
        }
        var storedByDoc: [Int64: Fingerprint] = [:]
        var storedGroups: [Int64: Int64] = [:]
        var storedPublished: [Int64: String?] = [:]
        if !needed.isEmpty {
            var uncached: [Int64] = []
            for doc in needed {
                if let hit = cache[doc] {
                    storedByDoc[doc] = hit.print
                    storedPublished[doc] = hit.published
                } else {
                    uncached.append(doc)
                }
            }
            let stored = try transaction.documents(uncached.sorted())
            let storedPrints = parallelMap(stored) { fingerprinter.with(language: $0.language).comparable($0.text) }
            for (doc, fp) in zip(stored, storedPrints) {
                storedByDoc[doc.doc] = fp
                storedPublished[doc.doc] = doc.published
                cache.insert(doc.doc, fp, published: doc.published)
            }
            storedGroups = try transaction.groups(of: Array(needed))
        }
        // Articles at the same address are one article whatever their texts (a feed item's summary and its page).
        let addressOf = docs.map { AddressKey.of($0.url) }
        let storedAtAddress = try transaction.documents(atAddresses: Set(addressOf.compactMap { $0 }).sorted())
        let addressPeers = Set(storedAtAddress.values.joined()).subtracting(storedGroups.keys)
        if !addressPeers.isEmpty { storedGroups.merge(try transaction.groups(of: addressPeers.sorted())) { a, _ in a } }

        summary.lookupSeconds = lap()

        // 2. In arrival order: verify candidates (stored, then earlier articles of this batch), link, group.
        var groups = UnionFind()
        for (_, group) in storedGroups { groups.add(group) }
        // Every article of the batch under its keys (short ones under their exact key only), so each
        // can meet the earlier ones of the same batch.
        // One sorted array of (key, article) pairs: no dictionary of small arrays.
        var pairs: [UInt64] = []
        pairs.reserveCapacity(prepared.count * (c.maxKeys + c.maxAnchorKeys + 1))
        for (i, p) in prepared.enumerated() {
            if !p.sketch.isShort(c) { for key in p.sketch.keys { pairs.append(UInt64(key) << 32 | UInt64(i)) } }
            pairs.append(UInt64(p.sketch.exactKey) << 32 | UInt64(i))
        }
        spreadSort(&pairs)
        let batchKeys = BatchKeys(pairs: pairs)
        // Candidates per article: stored ones, then earlier articles of the batch.
        var plans: [[(doc: Int64, inBatch: Int?)]] = []
        plans.reserveCapacity(docs.count)
        var needFull = Set<Int>()
        for (i, p) in prepared.enumerated() {
            var shared: [Int64] = []
            if !p.sketch.isShort(c) {
                for key in p.sketch.keys { batchKeys.forEach(key, before: i) { shared.append(Int64($0)) } }
            }
            var exactInBatch: [Int64] = []
            batchKeys.forEach(p.sketch.exactKey, before: i) { exactInBatch.append(Int64($0)) }
            if shared.isEmpty, exactInBatch.isEmpty, storeCandidates[i].isEmpty {
                plans.append([])
                continue
            }
            // Stored and in-batch candidates compete for the same `maxCandidates` places, most shared keys
            // first (exact-key holders before all), stored ones first on a tie.
            let stored = storeCandidates[i].filter { storedByDoc[$0.doc] != nil && storedGroups[$0.doc] != nil }
            let inBatch = Self.rankScored(exact: exactInBatch, shared: &shared, limit: c.maxCandidates, minimum: minShared(p.sketch))
            var merged: [(doc: Int64, score: Int, inBatch: Int?, order: Int)] = stored.enumerated().map { ($1.doc, $1.score, nil, $0) }
                + inBatch.enumerated().map { (docs[Int($1.doc)].doc, $1.score, Int($1.doc), stored.count + $0) }
            merged.sort { $0.score != $1.score ? $0.score > $1.score : $0.order < $1.order }
            var plan: [(doc: Int64, inBatch: Int?)] = []
            for candidate in merged.prefix(c.maxCandidates) {
                plan.append((candidate.doc, candidate.inBatch))
                if let j = candidate.inBatch { needFull.insert(j) }
            }
            if !plan.isEmpty { needFull.insert(i) }
            plans.append(plan)
        }
        // Shingles and passage sets for the articles that compare, then the comparisons: on all cores.
        let fullOrder = needFull.sorted()
        let fullPrints = parallelMap(fullOrder) { i in
            fingerprinter.with(language: docs[i].language).complete(prepared[i].sketch, words: prepared[i].words, text: docs[i].text)
        }
        let full = Dictionary(uniqueKeysWithValues: zip(fullOrder, fullPrints))
        for (i, fp) in zip(fullOrder, fullPrints) { cache.insert(docs[i].doc, fp, published: docs[i].published) }
        let comparing = plans.indices.filter { !plans[$0].isEmpty }
        let results = parallelMap(comparing) { i -> (matches: [(other: Int64, match: Match)], comparisons: Int) in
            guard let fp = full[i] else { return ([], 0) }
            var matches: [(other: Int64, match: Match)] = []
            var n = 0
            for candidate in plans[i] {
                guard let other = candidate.inBatch.flatMap({ full[$0] }) ?? storedByDoc[candidate.doc] else { continue }
                n += 1
                guard let match = matcher.compare(fp, other) else { continue }
                matches.append((candidate.doc, match))
                if match.kind == .exact { break }
            }
            return (matches, n)
        }
        var matchesOf: [Int: [(other: Int64, match: Match)]] = [:]
        for (i, r) in zip(comparing, results) {
            matchesOf[i] = r.matches
            summary.comparisons += r.comparisons
        }

        // In arrival order: link, group, and decide what enters the index.
        // By index, not `for doc in docs`: a copy of a document retains its four strings, whose counts
        // live on the core that read them.
        let indexInBatch = Dictionary(docs.indices.map { (docs[$0].doc, $0) }, uniquingKeysWith: { a, _ in a })
        var batch = DedupBatch()
        var newKeys: [(key: Int32, index: Int)] = []
        newKeys.reserveCapacity(docs.count * (c.maxKeys + c.maxAnchorKeys + 1))
        var status: [DedupStatus] = []
        var batchAtAddress: [String: [Int64]] = [:]
        for i in docs.indices {
            let id = docs[i].doc
            let sketch = prepared[i].sketch
            groups.add(id)
            var isCopy = false
            // Copies are not indexed, so articles of later batches never meet them; within a batch
            // they are skipped too, unless they are all the article matched.
            var matches = matchesOf[i] ?? []
            let toCopies = matches.filter { m in indexInBatch[m.other].map { status[$0] == .copy } ?? false }
            if toCopies.count < matches.count {
                matches.removeAll { m in indexInBatch[m.other].map { status[$0] == .copy } ?? false }
            }
            for (other, match) in matches {
                var relation = match.relation(first: id, second: other)
                // The copy is the later published one when both dates say so (arrival order otherwise).
                if match.kind != .contains, let mine = docs[i].published,
                   let theirs = (indexInBatch[other].map { docs[$0].published } ?? storedPublished[other]) ?? nil,
                   Self.publishedEarlier(mine, than: theirs) {
                    relation = TextRelation(article: other, other: id, kind: relation.kind, score: relation.score,
                                            aligned: relation.aligned.map { AlignedPassage(article: $0.other, other: $0.article, similarity: $0.similarity) })
                }
                batch.relations.append(relation)
                summary.relations[match.kind.rawValue, default: 0] += 1
                groups.union(id, storedGroups[other] ?? other)
                if match.kind == .exact || (match.kind == .near && match.score >= c.copyThreshold) { isCopy = true }
            }
            if let address = addressOf[i] {
                let related = Set(matches.map(\.other))
                for other in (storedAtAddress[address] ?? []) + (batchAtAddress[address] ?? []) where !related.contains(other) {
                    batch.relations.append(TextRelation(article: id, other: other, kind: .sameAddress, score: 1))
                    summary.relations[RelationKind.sameAddress.rawValue, default: 0] += 1
                    groups.union(id, storedGroups[other] ?? other)
                }
                batchAtAddress[address, default: []].append(id)
                batch.addresses.append((id, address))
            }
            let state: DedupStatus = isCopy ? .copy : (sketch.isShort(c) ? .short : .indexed)
            status.append(state)
            switch state {
            case .indexed:
                summary.indexed += 1
                for key in sketch.keys { newKeys.append((Int32(bitPattern: key), i)) }
                newKeys.append((Int32(bitPattern: sketch.exactKey), i))
            case .short:
                summary.short += 1
                newKeys.append((Int32(bitPattern: sketch.exactKey), i))
            case .copy:
                summary.copies += 1
            }
            for citation in prepared[i].citations {
                batch.citations.append(Citation(article: id, outlet: citation.outlet, sentence: citation.sentence, cue: citation.cue))
                summary.relations[RelationKind.cites.rawValue, default: 0] += 1
            }
        }
        // In key order, then arrival order; a key an article lists twice is written once. Sorted as
        // (key, position in the batch) packed in one integer: no comparison closure.
        var packed: [UInt64] = []
        packed.reserveCapacity(newKeys.count)
        for (key, i) in newKeys { packed.append(signedOrder(UInt32(bitPattern: key)) << 32 | UInt64(i)) }
        spreadSort(&packed)
        batch.keys = uniqued(packed).map { (key(signedOrder: $0 >> 32), docs[Int($0 & 0xFFFF_FFFF)].doc) }

        for i in docs.indices {
            batch.documents.append((docs[i].doc, groups.find(docs[i].doc), status[i]))
        }
        for group in Set(storedGroups.values) where groups.find(group) != group {
            batch.merges.append((group, groups.find(group)))
        }
        summary.merges = batch.merges.count
        summary.processed = docs.count
        summary.verifySeconds = lap()
        try transaction.commit(batch)
        releaseInBackground((consume hits, consume storeCandidates, consume storedByDoc, consume plans, consume full,
                             consume fullPrints, consume results, consume matchesOf, consume batchKeys))
        summary.commitSeconds = lap()
        return summary
    }

    /// Whether date `a` is earlier than `b` at the precision both state ("2025-04-28" and
    /// "2025-04-28T16:05" are a tie: neither is known to come first).
    static func publishedEarlier(_ a: String, than b: String) -> Bool {
        let n = min(a.count, b.count, 16)
        return a.prefix(n) < b.prefix(n)
    }

    /// Keys an article must share with a candidate: one for articles with few keys, two otherwise
    /// (a single shared passage min-hash among many is mostly a common word pair).
    func minShared(_ sketch: Sketch) -> Int {
        sketch.keys.count >= configuration.twoKeysFrom ? 2 : 1
    }

    /// Candidates: articles holding the exact key first, then those in `shared` (one entry per shared
    /// key) at least `minimum` times, most shared first, ties by earlier article; at most `limit`. Each
    /// comes with its number of shared keys (`Int.max` for exact-key holders).
    /// Sorting a short array: no hashing per entry.
    static func rankScored(exact: [Int64], shared: inout [Int64], limit: Int, minimum: Int) -> [(doc: Int64, score: Int)] {
        var out: [(doc: Int64, score: Int)] = exact.prefix(limit).map { ($0, Int.max) }
        guard out.count < limit, !shared.isEmpty else { return out }
        shared.sort()
        var counted: [(doc: Int64, count: Int)] = []
        var i = 0
        while i < shared.count {
            var j = i + 1
            while j < shared.count, shared[j] == shared[i] { j += 1 }
            if j - i >= minimum, !exact.contains(shared[i]) { counted.append((shared[i], j - i)) }
            i = j
        }
        counted.sort { $0.count != $1.count ? $0.count > $1.count : $0.doc < $1.doc }
        for (doc, count) in counted.prefix(limit - out.count) { out.append((doc, count)) }
        return out
    }
}

/// A 32-bit LSH key as an unsigned integer that sorts as the signed key does (the store's order).
@inline(__always) func signedOrder(_ key: UInt32) -> UInt64 { UInt64(key ^ 0x8000_0000) }

/// The signed key back from `signedOrder` (its low 32 bits).
@inline(__always) func key(signedOrder x: UInt64) -> Int32 { Int32(bitPattern: UInt32(truncatingIfNeeded: x) ^ 0x8000_0000) }

/// The keys of a batch's articles: sorted `key << 32 | index` pairs, searched by binary search.
struct BatchKeys {
    let pairs: [UInt64]
    /// Keys held by more than one entry: the others lead to the asking article alone, and most keys
    /// are those.
    let repeated: HashedKeySet

    init(pairs: [UInt64]) {
        self.pairs = pairs
        var repeated = HashedKeySet()
        var i = 1
        while i < pairs.count {
            if pairs[i] >> 32 == pairs[i - 1] >> 32 { repeated.insert(pairs[i] >> 32) }
            i += 1
        }
        self.repeated = repeated
    }

    /// Calls `body` with each article index under `key` that comes before `limit`, in order.
    func forEach(_ key: UInt32, before limit: Int, _ body: (Int) -> Void) {
        guard repeated.contains(UInt64(key)) else { return }
        let low = UInt64(key) << 32
        var lo = 0, hi = pairs.count
        while lo < hi {
            let mid = (lo + hi) / 2
            if pairs[mid] < low { lo = mid + 1 } else { hi = mid }
        }
        while lo < pairs.count, pairs[lo] >> 32 == UInt64(key) {
            let index = Int(truncatingIfNeeded: pairs[lo] & 0xFFFF_FFFF)
            if index >= limit { return }
            body(index)
            lo += 1
        }
    }
}

/// Groups as a union-find over article row numbers; a group is named by its smallest member.
struct UnionFind {
    private var parent: [Int64: Int64] = [:]

    mutating func add(_ x: Int64) {
        if parent[x] == nil { parent[x] = x }
    }

    mutating func find(_ x: Int64) -> Int64 {
        var root = x
        while let p = parent[root], p != root { root = p }
        var node = x
        while let p = parent[node], p != root { parent[node] = root; node = p }
        return root
    }

    mutating func union(_ a: Int64, _ b: Int64) {
        add(a); add(b)
        let ra = find(a), rb = find(b)
        guard ra != rb else { return }
        if ra < rb { parent[rb] = ra } else { parent[ra] = rb }
    }
}

/// Frees `garbage` (a batch's words, fingerprints and candidate lists: tens of thousands of arrays) on
/// another thread: the batch loop is the duplicate finder's sequential part, and the other cores have
/// slack. The caller hands over its last references (`consume`), so the frees happen there.
func releaseInBackground<T>(_ garbage: consuming T) {
    nonisolated(unsafe) var held: T? = consume garbage
    releaseQueue.async { held = nil }
}

private let releaseQueue = DispatchQueue(label: "crosscheck.dedup.release", qos: .utility)

/// `transform` applied to every element on all cores, results in order.
public func parallelMap<T: Sendable, R>(_ items: [T], _ transform: (T) -> R) -> [R] {
    guard items.count > 8 else { return items.map(transform) }
    var results = [R?](repeating: nil, count: items.count)
    let workers = min(items.count, 8)
    results.withUnsafeMutableBufferPointer { buffer in
        nonisolated(unsafe) let out = buffer
        withoutActuallyEscaping(transform) { transform in
            nonisolated(unsafe) let f = transform
            DispatchQueue.concurrentPerform(iterations: workers) { worker in
                var i = worker
                while i < items.count {
                    out[i] = f(items[i])
                    i += workers
                }
            }
        }
    }
    return results.map { $0! }
}

/// Fingerprints computed during one run, within a byte budget. Eviction is "second chance": the oldest
/// entry goes unless it was used since it was last looked at, in which case it moves to the back. The
/// index holds at most `perKey` articles per key, the earliest ones, so the same early articles are
/// candidates again and again: those stay, one-off candidates go.
/// Only the run's sequential steps touch it.
final class FingerprintCache: @unchecked Sendable {
    let budget: Int
    private var entries: [Int64: (print: Fingerprint, published: String?, bytes: Int, used: Bool)] = [:]
    private var order: [Int64] = []
    private var head = 0
    private var bytes = 0

    init(budget: Int) { self.budget = budget }

    subscript(doc: Int64) -> (print: Fingerprint, published: String?)? {
        guard let entry = entries[doc] else { return nil }
        if !entry.used { entries[doc]?.used = true }
        return (entry.print, entry.published)
    }

    func insert(_ doc: Int64, _ print: Fingerprint, published: String?) {
        guard budget > 0, entries[doc] == nil else { return }
        let size = print.estimatedBytes
        guard size <= budget else { return }
        entries[doc] = (print, published, size, false)
        order.append(doc)
        bytes += size
        while bytes > budget, head < order.count {
            let oldest = order[head]
            head += 1
            if entries[oldest]?.used == true {
                entries[oldest]?.used = false
                order.append(oldest)
            } else if let old = entries.removeValue(forKey: oldest) {
                bytes -= old.bytes
            }
        }
        if head > 4096, head * 2 > order.count {
            order.removeFirst(head)
            head = 0
        }
    }
}
