import CrosscheckCore
import CrosscheckIngest
import Foundation
import FuzzDriver

// The input reader (format sniffing, gzip, JSON lines, pretty JSON documents, WARC records, feed items) on arbitrary bytes and the cleaner on
// the first articles it yields. An input whose first byte is even is read in memory; an odd one is written to a file
// and streamed from it (the path `crosscheck ingest FILE` takes), so both readers are fuzzed at half the cost each.
let reader = InputReader()
let cleaner = ArticleCleaner()
let file = FileManager.default.temporaryDirectory.appendingPathComponent("crosscheck-fuzz-input-\(getpid())").path
let received = Date(timeIntervalSince1970: 1_625_000_000)

runFuzzer { bytes in
    var cleaned = 0
    func consume(_ event: ReadEvent) {
        guard case .article(let raw) = event, cleaned < 4 else { return }
        cleaned += 1
        _ = cleaner.clean(raw)
    }
    if (bytes.first ?? 0) % 2 == 0 {
        try? reader.read(bytes: bytes, origin: "fuzz", receivedAt: received, emit: consume)
        return
    }
    let fd = open(file, O_WRONLY | O_CREAT | O_TRUNC, 0o600)
    guard fd >= 0 else { return }
    let written = bytes.withUnsafeBytes { write(fd, $0.baseAddress, $0.count) }
    close(fd)
    guard written == bytes.count else { return }
    try? reader.read(.file(path: file, size: bytes.count), receivedAt: received, emit: consume)
}
