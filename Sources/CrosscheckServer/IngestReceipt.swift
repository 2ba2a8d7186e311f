import CrosscheckCore
import CrosscheckIngest
import CrosscheckService
import CrosscheckStore

/// What `POST /api/v1/articles` did: the ingest's counts and each rejection with its code and reason.
struct IngestReceipt: Encodable, Sendable {
    struct Rejected: Encodable, Sendable {
        var origin: String
        var code: String
        var reason: String
    }

    var new: Int
    var alreadyStored: Int
    var rejected: Int
    var skipped: Int
    var rejections: [Rejected]

    /// Ingests `bytes` (as `crosscheck ingest` does a file) under `origin`, then analyses the store again; writes run
    /// one at a time.
    static func ingest(_ bytes: [UInt8], origin: String, into store: any Store) async throws -> IngestReceipt {
        try await Blocking.write {
            var rejections: [RejectedInput] = []
            let summary = try Ingestor().ingest(bytes: bytes, origin: origin, into: store, onRejected: { rejections.append($0) })
            try Engine().analyze(store, templates: summary.new > 0)
            return IngestReceipt(summary, rejections: rejections)
        }
    }

    init(_ summary: IngestSummary, rejections: [RejectedInput]) {
        new = summary.new
        alreadyStored = summary.duplicate
        rejected = summary.rejected
        skipped = summary.skipped
        self.rejections = rejections.map { Rejected(origin: $0.origin.description, code: $0.rejection.code, reason: $0.rejection.reason) }
    }
}
