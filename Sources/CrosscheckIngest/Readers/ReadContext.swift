import CrosscheckCore
import Foundation

/// What a container reader needs to know about the input it reads.
struct ReadContext: Sendable {
    /// The file's path, or `-`.
    var origin: String
    var receivedAt: Date
    var configuration: IngestConfiguration

    func origin(line: Int? = nil, offset: Int? = nil) -> Origin { Origin(location: origin, line: line, offset: offset) }

    func rejected(_ rejection: Rejection, line: Int? = nil, offset: Int? = nil) -> ReadEvent {
        .rejected(RejectedInput(origin: origin(line: line, offset: offset), rejection: rejection))
    }
}
