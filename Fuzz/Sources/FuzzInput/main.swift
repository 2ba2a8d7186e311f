import CrosscheckCore
import CrosscheckIngest
import Foundation
import FuzzDriver

// The input reader (format sniffing, gzip, JSON lines, pretty JSON documents) on arbitrary bytes, in memory and
// streamed from a file, and the cleaner on every raw article it yields.
let reader = InputReader()
let cleaner = ArticleCleaner()
let file = FileManager.default.temporaryDirectory.appendingPathComponent("crosscheck-fuzz-input-\(getpid())").path
let received = Date(timeIntervalSince1970: 1_625_000_000)

func consume(_ event: ReadEvent) {
    if case .article(let raw) = event { _ = cleaner.clean(raw) }
}

runFuzzer { bytes in
    try? reader.read(bytes: bytes, origin: "fuzz", receivedAt: received, emit: consume)
    guard FileManager.default.createFile(atPath: file, contents: Data(bytes)) else { return }
    try? reader.read(.file(path: file, size: bytes.count), receivedAt: received, emit: consume)
}
