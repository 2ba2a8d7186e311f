import Dispatch

/// Store calls block (the `Store` protocol is synchronous by design): they run on a queue of their own, never on an
/// event loop or the cooperative pool the handlers run on.
enum Blocking {
    static let queue = DispatchQueue(label: "crosscheck.server.store", qos: .userInitiated, attributes: .concurrent)

    /// Writes (ingest and analysis) one at a time, in arrival order.
    static let writes = DispatchQueue(label: "crosscheck.server.writes", qos: .userInitiated)

    static func run<T: Sendable>(_ body: @escaping @Sendable () throws -> T) async throws -> T {
        try await run(on: queue, body)
    }

    static func write<T: Sendable>(_ body: @escaping @Sendable () throws -> T) async throws -> T {
        try await run(on: writes, body)
    }

    private static func run<T: Sendable>(on queue: DispatchQueue, _ body: @escaping @Sendable () throws -> T) async throws -> T {
        try await withCheckedThrowingContinuation { continuation in
            queue.async { continuation.resume(with: Result { try body() }) }
        }
    }
}
