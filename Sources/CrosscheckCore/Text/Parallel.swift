import Foundation

/// Work spread over the cores by index: each worker takes every n-th index, results keep their order.
public enum Parallel {
    /// `transform(k)` for every k in 0..<count, on as many cores as give each at least `minimumPerWorker` items.
    public static func map<T>(_ count: Int, minimumPerWorker: Int, _ transform: (Int) -> T) -> [T] {
        var out = [T?](repeating: nil, count: count)
        let workers = max(1, min(ProcessInfo.processInfo.activeProcessorCount, count / max(1, minimumPerWorker)))
        withoutActuallyEscaping(transform) { transform in
            out.withUnsafeMutableBufferPointer { buffer in
                nonisolated(unsafe) let slots = buffer
                nonisolated(unsafe) let work = transform
                DispatchQueue.concurrentPerform(iterations: workers) { worker in
                    var k = worker
                    while k < count {
                        slots[k] = work(k)
                        k += workers
                    }
                }
            }
        }
        return out.map { $0! }
    }
}
