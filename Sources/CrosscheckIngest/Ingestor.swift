import CrosscheckCore
import Foundation

/// Counts of one ingest run.
public struct IngestSummary: Sendable, Codable, Equatable {
    /// Inputs stored for the first time.
    public var new = 0
    /// Inputs whose bytes were already stored (this run or before).
    public var duplicate = 0
    /// Inputs rejected, with reasons in `rejections`.
    public var rejected = 0
    /// Records of containers that are not articles (WARC requests, metadata, images, redirects), passed over.
    public var skipped = 0
    /// Bytes read.
    public var bytes = 0
    /// Words in the new articles' cleaned text.
    public var words = 0
    /// Wall-clock seconds spent cleaning (all workers together finish in this time).
    public var cleanSeconds = 0.0
    /// Wall-clock seconds spent in store transactions (lookups and writes).
    public var storeSeconds = 0.0

    public init() {}
}

/// Progress of a running ingest, for a progress bar.
public struct IngestProgress: Sendable {
    public var bytesDone: Int
    public var bytesTotal: Int
    public var summary: IngestSummary
}

/// Reads inputs, cleans them in parallel and writes them to a sink in batched transactions.
///
/// Raw bytes are hashed first and ids already in the store are skipped before any cleaning, so a
/// rerun of the same command costs little and stores nothing twice.
public struct Ingestor: Sendable {
    public var configuration: IngestConfiguration
    public var cleaner: ArticleCleaner

    public init(configuration: IngestConfiguration = IngestConfiguration(), cleaner: ArticleCleaner = ArticleCleaner()) {
        self.configuration = configuration
        self.cleaner = cleaner
    }

    /// Ingests everything `arguments` names. `onRejected` is called for each rejection as it happens and
    /// `onProgress` after each batch. Paths in `excluding` (the store's own files) are never read.
    /// Throws only when the sink fails.
    public func ingest(_ arguments: [String], into sink: any IngestSink, excluding: Set<String> = [],
                       receivedAt: Date = Date(),
                       onRejected: (RejectedInput) -> Void = { _ in },
                       onProgress: (IngestProgress) -> Void = { _ in }) throws -> IngestSummary {
        let items = InputEnumerator(skipHidden: configuration.skipHidden, excluding: excluding).items(for: arguments)
        return try ingest(items: items, into: sink, receivedAt: receivedAt, onRejected: onRejected, onProgress: onProgress)
    }

    /// Ingests already enumerated items. Batches are written as soon as they fill, also in the middle
    /// of a large JSON-lines file, so memory stays flat and a killed run loses at most one batch.
    public func ingest(items: [InputItem], into sink: any IngestSink, receivedAt: Date = Date(),
                       onRejected: (RejectedInput) -> Void = { _ in },
                       onProgress: (IngestProgress) -> Void = { _ in }) throws -> IngestSummary {
        let total = items.reduce(0) { sum, item in
            if case .file(_, let size) = item { return sum + size }
            return sum
        }
        return try ingest(total: total, into: sink, onRejected: onRejected, onProgress: onProgress) { reader, emit in
            for item in items { try reader.read(item, receivedAt: receivedAt, emit: emit) }
        }
    }

    /// Ingests bytes received whole (an HTTP request's body) as if they were a file named `origin`.
    public func ingest(bytes: [UInt8], origin: String, into sink: any IngestSink, receivedAt: Date = Date(),
                       onRejected: (RejectedInput) -> Void = { _ in }) throws -> IngestSummary {
        try ingest(total: bytes.count, into: sink, onRejected: onRejected, onProgress: { _ in }) { reader, emit in
            try reader.read(bytes: bytes, origin: origin, receivedAt: receivedAt, emit: emit)
        }
    }

    /// The batching loop over whatever `read` reads.
    private func ingest(total: Int, into sink: any IngestSink, onRejected: (RejectedInput) -> Void,
                        onProgress: (IngestProgress) -> Void,
                        read: (InputReader, (ReadEvent) throws -> Void) throws -> Void) throws -> IngestSummary {
        var state = BatchState(summary: IngestSummary(), bytesTotal: total)
        let reader = InputReader(configuration: configuration)
        let writer = BatchWriter(sink: sink)
        do {
            // `read` calls back into this loop's state, and only while it runs.
            try withoutActuallyEscaping(read) { read in
                try read(reader) { event in
                    state.absorb(event, onRejected: onRejected)
                    if state.isFull(configuration) {
                        try flush(&state, writer: writer, onRejected: onRejected)
                        onProgress(IngestProgress(bytesDone: state.bytesDone, bytesTotal: total, summary: state.summary))
                    }
                }
            }
            try flush(&state, writer: writer, onRejected: onRejected)
            try writer.wait()
        } catch {
            try? writer.wait()
            throw error
        }
        state.summary.storeSeconds += writer.writeSeconds
        onProgress(IngestProgress(bytesDone: max(state.bytesDone, total), bytesTotal: total, summary: state.summary))
        return state.summary
    }

    struct BatchState {
        var summary: IngestSummary
        var bytesTotal: Int
        var bytesDone = 0
        var raws: [RawArticle] = []
        var rawBytes = 0
        var rejections: [RejectedInput] = []

        func isFull(_ configuration: IngestConfiguration) -> Bool {
            raws.count >= configuration.batchSize || rawBytes >= configuration.batchBytes
                || rejections.count >= configuration.batchSize
        }

        mutating func absorb(_ event: ReadEvent, onRejected: (RejectedInput) -> Void) {
                switch event {
                case .article(let raw):
                    raws.append(raw)
                    rawBytes += raw.bytes.count
                case .rejected(let rejected):
                    rejections.append(rejected)
                    summary.rejected += 1
                    onRejected(rejected)
                case .progress(let bytes):
                    bytesDone += bytes
                    summary.bytes += bytes
                case .skipped(let count):
                    summary.skipped += count
                }
        }
    }

    private func flush(_ state: inout BatchState, writer: BatchWriter,
                       onRejected: (RejectedInput) -> Void) throws {
        guard !state.raws.isEmpty || !state.rejections.isEmpty else { return }
        let raws = state.raws
        state.raws = []
        state.rawBytes = 0
        // Duplicates inside the batch and against the store are skipped before cleaning.
        var clock = ContinuousClock.now
        // The batch still being written is not yet visible in the store: count its ids as existing.
        let existing = try writer.sink.existingRawIDs(raws.map(\.id)).union(writer.inFlight)
        state.summary.storeSeconds += Self.seconds(since: &clock)
        var seen = Set<ContentID>()
        var fresh: [RawArticle] = []
        for raw in raws {
            if existing.contains(raw.id) || !seen.insert(raw.id).inserted {
                state.summary.duplicate += 1
            } else {
                fresh.append(raw)
            }
        }
        let cleaned = cleanInParallel(fresh)
        state.summary.cleanSeconds += Self.seconds(since: &clock)
        var batch = IngestBatch(rejections: state.rejections)
        state.rejections = []
        for (raw, result) in zip(fresh, cleaned) {
            switch result {
            case .success(let article):
                batch.articles.append((raw, article))
                state.summary.new += 1
                state.summary.words += article.wordCount
            case .failure(let rejection):
                let rejected = RejectedInput(origin: raw.origin, rejection: rejection)
                batch.rejections.append(rejected)
                state.summary.rejected += 1
                onRejected(rejected)
            }
        }
        try writer.submit(batch)
    }

    /// Writes batches on a background queue, one at a time, so cleaning the next batch overlaps the
    /// store's work. Batches stay one transaction each, in order.
    final class BatchWriter: @unchecked Sendable {
        let sink: any IngestSink
        private let queue = DispatchQueue(label: "crosscheck.ingest.writer")
        private let group = DispatchGroup()
        private let lock = NSLock()
        private var failure: (any Error)?
        private var seconds = 0.0
        /// Raw ids of the batch being written; read and written only by the ingesting thread.
        private(set) var inFlight: Set<ContentID> = []

        init(sink: any IngestSink) {
            self.sink = sink
        }

        /// Waits for the previous batch, then starts writing `batch`.
        func submit(_ batch: IngestBatch) throws {
            try wait()
            inFlight = Set(batch.articles.map(\.raw.id))
            group.enter()
            queue.async { [self] in
                var clock = ContinuousClock.now
                do {
                    try sink.write(batch)
                } catch {
                    lock.withLock { failure = failure ?? error }
                }
                let elapsed = Ingestor.seconds(since: &clock)
                lock.withLock { seconds += elapsed }
                group.leave()
            }
        }

        /// Waits until nothing is being written; rethrows a write failure.
        func wait() throws {
            group.wait()
            inFlight = []
            if let error = lock.withLock({ () -> (any Error)? in
                defer { failure = nil }
                return failure
            }) {
                throw error
            }
        }

        var writeSeconds: Double { lock.withLock { seconds } }
    }

    static func seconds(since start: inout ContinuousClock.Instant) -> Double {
        let now = ContinuousClock.now
        defer { start = now }
        return (now - start).inSeconds
    }

    /// Cleans `raws` on up to `workers` threads; results keep the input order. Workers take strided
    /// indices so long and short articles spread evenly.
    public func cleanInParallel(_ raws: [RawArticle]) -> [Result<Article, Rejection>] {
        let workers = min(configuration.workers, raws.count)
        guard workers > 1 else { return raws.map(cleaner.clean) }
        let cleaner = self.cleaner
        var results = [Result<Article, Rejection>](repeating: .failure(.empty), count: raws.count)
        results.withUnsafeMutableBufferPointer { buffer in
            // Each index is written by exactly one worker, and the buffer outlives concurrentPerform.
            nonisolated(unsafe) let out = buffer
            DispatchQueue.concurrentPerform(iterations: workers) { worker in
                var i = worker
                while i < raws.count {
                    out[i] = cleaner.clean(raws[i])
                    i += workers
                }
            }
        }
        return results
    }
}
