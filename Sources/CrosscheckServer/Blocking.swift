import Dispatch
import Foundation

/// Store calls block (the `Store` protocol is synchronous by design): they run on queues of their own, never on an
/// event loop or the cooperative pool the handlers run on. A read that outlasts its timeout is answered 504 and left
/// to finish on its own; writes run one at a time and are awaited.
enum Blocking {
    static let queue = DispatchQueue(label: "crosscheck.server.store", qos: .userInitiated, attributes: .concurrent)
    /// Writes (ingest and analysis) one at a time, in arrival order.
    static let writes = DispatchQueue(label: "crosscheck.server.writes", qos: .userInitiated)

    static func run<T: Sendable>(timeout seconds: Double = 30, _ body: @escaping @Sendable () throws -> T) async throws -> T {
        let once = Once()
        return try await withCheckedThrowingContinuation { continuation in
            queue.async { let result = Result { try body() }; if once.claim() { continuation.resume(with: result) } }
            queue.asyncAfter(deadline: .now() + seconds) {
                if once.claim() { continuation.resume(throwing: Problem(.gatewayTimeout, "the request took longer than \(Int(seconds)) s")) }
            }
        }
    }

    static func write<T: Sendable>(_ body: @escaping @Sendable () throws -> T) async throws -> T {
        try await withCheckedThrowingContinuation { continuation in
            writes.async { continuation.resume(with: Result { try body() }) }
        }
    }

    /// Lets exactly one of two racers resume a continuation.
    final class Once: @unchecked Sendable {
        private let lock = NSLock()
        private var done = false
        func claim() -> Bool { lock.withLock { defer { done = true }; return !done } }
    }
}
