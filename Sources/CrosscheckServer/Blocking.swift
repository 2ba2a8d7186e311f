import Dispatch

/// Store calls block (the `Store` protocol is synchronous by design): they run on a queue of their own, never on an
/// event loop or the cooperative pool the handlers run on.
enum Blocking {
    static let queue = DispatchQueue(label: "crosscheck.server.store", qos: .userInitiated, attributes: .concurrent)

    static func run<T: Sendable>(_ body: @escaping @Sendable () throws -> T) async throws -> T {
        try await withCheckedThrowingContinuation { continuation in
            queue.async { continuation.resume(with: Result { try body() }) }
        }
    }
}
