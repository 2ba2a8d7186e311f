import CrosscheckCore
import CrosscheckIngest

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

    init(_ summary: IngestSummary, rejections: [RejectedInput]) {
        new = summary.new
        alreadyStored = summary.duplicate
        rejected = summary.rejected
        skipped = summary.skipped
        self.rejections = rejections.map { Rejected(origin: $0.origin.description, code: $0.rejection.code, reason: $0.rejection.reason) }
    }
}
