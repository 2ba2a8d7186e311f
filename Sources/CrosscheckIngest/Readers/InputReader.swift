import CrosscheckCore
import Foundation
#if canImport(Glibc)
import Glibc
#endif

/// What reading an input yields, in order.
public enum ReadEvent: Sendable {
    /// An input (or one record of a container) to clean and store.
    case article(RawArticle)
    /// An input or record that cannot be used, with its reason.
    case rejected(RejectedInput)
    /// Bytes of the input consumed so far, for progress display.
    case progress(bytes: Int)
}

/// Reads files, standard input and containers (JSON lines, gzip) into raw articles, streaming
/// JSON-lines files so memory stays flat however large the file is.
public struct InputReader: Sendable {
    public var configuration: IngestConfiguration

    /// Read size for streaming.
    static let chunkSize = 1 << 20

    public init(configuration: IngestConfiguration = IngestConfiguration()) {
        self.configuration = configuration
    }

    /// Reads one item, calling `emit` for each article, rejection and progress step. `emit` may throw
    /// to stop (a store failure); rejections never throw.
    public func read(_ item: InputItem, receivedAt: Date, emit: (ReadEvent) throws -> Void) throws {
        switch item {
        case .rejected(let rejected):
            try emit(.rejected(rejected))
        case .standardInput:
            try readDescriptor(0, origin: "-", size: nil, receivedAt: receivedAt, emit: emit)
        case .file(let path, let size):
            let fd = open(path, O_RDONLY | O_CLOEXEC)
            guard fd >= 0 else {
                try emit(.rejected(RejectedInput(origin: Origin(location: path),
                                                 rejection: .unreadable(String(cString: strerror(errno))))))
                return
            }
            defer { close(fd) }
            try readDescriptor(fd, origin: path, size: size, receivedAt: receivedAt, emit: emit)
        }
    }

    /// Reads in-memory bytes as if they were a file named `origin`.
    public func read(bytes: [UInt8], origin: String, receivedAt: Date, emit: (ReadEvent) throws -> Void) throws {
        try classify(bytes, origin: origin, receivedAt: receivedAt, allowGzip: true, emit: emit)
        try emit(.progress(bytes: bytes.count))
    }

    private func readDescriptor(_ fd: Int32, origin: String, size: Int?, receivedAt: Date,
                                emit: (ReadEvent) throws -> Void) throws {
        var reader = DescriptorReader(fd: fd)
        let probe: [UInt8]
        do {
            probe = try reader.readUpTo(FormatSniffer.probeLength)
        } catch {
            try emit(.rejected(RejectedInput(origin: Origin(location: origin), rejection: .unreadable("\(error)"))))
            return
        }
        let kind = FormatSniffer.sniff(probe)
        // A pretty-printed JSON document ("{" alone on its first line) is one record, not thousands of broken lines.
        if kind == .jsonLines && !FormatSniffer.isPrettyJSONDocument(probe) {
            try streamLines(initial: probe, reader: &reader, origin: origin, receivedAt: receivedAt, emit: emit)
            return
        }
        let limit = kind == .gzip ? configuration.maxDecompressedBytes : configuration.maxArticleBytes
        if let size, size > limit {
            try emit(.rejected(RejectedInput(origin: Origin(location: origin),
                                             rejection: .tooLarge(bytes: size, limit: limit))))
            try emit(.progress(bytes: size))
            return
        }
        var bytes = probe
        do {
            let rest = try reader.readUpTo(limit + 1 - probe.count, expected: size.map { max(0, $0 - probe.count) })
            bytes.append(contentsOf: rest)
        } catch {
            try emit(.rejected(RejectedInput(origin: Origin(location: origin), rejection: .unreadable("\(error)"))))
            return
        }
        if bytes.count > limit {
            try emit(.rejected(RejectedInput(origin: Origin(location: origin),
                                             rejection: .tooLarge(bytes: bytes.count, limit: limit))))
            return
        }
        try classify(bytes, origin: origin, receivedAt: receivedAt, allowGzip: true, emit: emit)
        try emit(.progress(bytes: bytes.count))
    }

    private func classify(_ bytes: [UInt8], origin: String, receivedAt: Date, allowGzip: Bool,
                          emit: (ReadEvent) throws -> Void) throws {
        let where_ = Origin(location: origin)
        if bytes.allSatisfy(FormatSniffer.isSpace) {
            try emit(.rejected(RejectedInput(origin: where_, rejection: .empty)))
            return
        }
        switch FormatSniffer.sniff(bytes) {
        case .gzip:
            guard allowGzip else {
                try emit(.rejected(RejectedInput(origin: where_, rejection: .notText(detected: "nested gzip"))))
                return
            }
            switch Gunzip.decompress(bytes, limit: configuration.maxDecompressedBytes) {
            case .failure(let rejection):
                try emit(.rejected(RejectedInput(origin: where_, rejection: rejection)))
            case .success(let inner):
                let innerKind = FormatSniffer.sniff(inner)
                if innerKind != .jsonLines, inner.count > configuration.maxArticleBytes {
                    try emit(.rejected(RejectedInput(origin: where_, rejection: .tooLarge(bytes: inner.count,
                                                                                         limit: configuration.maxArticleBytes))))
                    return
                }
                try classify(inner, origin: origin, receivedAt: receivedAt, allowGzip: false, emit: emit)
            }
        case .binary(let mime):
            try emit(.rejected(RejectedInput(origin: where_, rejection: .notText(detected: mime))))
        case .xml:
            try emit(.rejected(RejectedInput(origin: where_,
                                             rejection: .notText(detected: "an XML feed (RSS/Atom is not supported yet)"))))
        case .jsonLines where FormatSniffer.isPrettyJSONDocument(bytes):
            // One JSON document spread over lines: one record (rejected once if it is not an article).
            try emit(.article(RawArticle(bytes: bytes, origin: where_, receivedAt: receivedAt, format: .jsonRecord)))
        case .jsonLines:
            var lines = LineSplitter(maxLine: configuration.maxArticleBytes)
            lines.feed(bytes[...])
            lines.finish()
            try emitLines(&lines, origin: origin, receivedAt: receivedAt, emit: emit)
        case .html:
            try emit(.article(RawArticle(bytes: bytes, origin: where_, receivedAt: receivedAt, format: .html)))
        case .text:
            try emit(.article(RawArticle(bytes: bytes, origin: where_, receivedAt: receivedAt, format: .text)))
        }
    }

    private func streamLines(initial: [UInt8], reader: inout DescriptorReader, origin: String, receivedAt: Date,
                             emit: (ReadEvent) throws -> Void) throws {
        var lines = LineSplitter(maxLine: configuration.maxArticleBytes)
        lines.feed(initial[...])
        var consumed = initial.count
        try emitLines(&lines, origin: origin, receivedAt: receivedAt, emit: emit)
        while true {
            let chunk: [UInt8]
            do {
                chunk = try reader.readUpTo(Self.chunkSize)
            } catch {
                try emit(.rejected(RejectedInput(origin: Origin(location: origin, line: lines.lineNumber + 1),
                                                 rejection: .unreadable("\(error)"))))
                break
            }
            if chunk.isEmpty { break }
            consumed += chunk.count
            lines.feed(chunk[...])
            try emitLines(&lines, origin: origin, receivedAt: receivedAt, emit: emit)
            try emit(.progress(bytes: chunk.count))
        }
        lines.finish()
        try emitLines(&lines, origin: origin, receivedAt: receivedAt, emit: emit)
        try emit(.progress(bytes: initial.count))
    }

    private func emitLines(_ lines: inout LineSplitter, origin: String, receivedAt: Date,
                           emit: (ReadEvent) throws -> Void) throws {
        for line in lines.drain() {
            let at = Origin(location: origin, line: line.number)
            switch line.content {
            case .tooLong(let length):
                try emit(.rejected(RejectedInput(origin: at, rejection: .tooLarge(bytes: length,
                                                                                  limit: configuration.maxArticleBytes))))
            case .bytes(let bytes):
                if bytes.allSatisfy(FormatSniffer.isSpace) { continue }
                try emit(.article(RawArticle(bytes: bytes, origin: at, receivedAt: receivedAt, format: .jsonRecord)))
            }
        }
    }
}

/// Reads a file descriptor in bounded pieces, retrying interrupted reads.
struct DescriptorReader {
    let fd: Int32

    struct ReadError: Error, CustomStringConvertible {
        let description: String
    }

    /// Up to `count` bytes; fewer only at end of input. The buffer grows with what arrives (starting from
    /// `expected`, the file size when known), so a generous limit costs nothing for a small file.
    mutating func readUpTo(_ count: Int, expected: Int? = nil) throws -> [UInt8] {
        guard count > 0 else { return [] }
        var out: [UInt8] = []
        var capacity = min(count, max(expected.map { $0 + 1 } ?? 0, 1 << 16))
        while out.count < count {
            if out.count == capacity { capacity = min(count, capacity * 2) }
            let room = capacity - out.count
            var failure: Int32 = 0
            var ended = false
            let before = out.count
            out.append(contentsOf: repeatElement(0, count: room))
            var filled = 0
            out.withUnsafeMutableBytes { buf in
                while filled < room {
                    let n = Glibc.read(fd, buf.baseAddress! + before + filled, min(room - filled, 1 << 24))
                    if n < 0 {
                        if errno == EINTR { continue }
                        failure = errno
                        return
                    }
                    if n == 0 { ended = true; return }
                    filled += n
                }
            }
            out.removeSubrange((before + filled)...)
            if failure != 0 { throw ReadError(description: String(cString: strerror(failure))) }
            if ended { break }
        }
        return out
    }
}

/// Splits a byte stream into numbered lines, never buffering more than `maxLine` bytes of one line.
struct LineSplitter {
    enum Content { case bytes([UInt8]), tooLong(Int) }
    struct Line { let number: Int; let content: Content }

    let maxLine: Int
    private var partial: [UInt8] = []
    private var partialLength = 0
    private var overflow = false
    private var ready: [Line] = []
    private(set) var lineNumber = 0

    init(maxLine: Int) { self.maxLine = maxLine }

    mutating func feed(_ bytes: ArraySlice<UInt8>) {
        var start = bytes.startIndex
        while start < bytes.endIndex {
            if let nl = bytes[start...].firstIndex(of: 0x0A) {
                append(bytes[start..<nl])
                close()
                start = nl + 1
            } else {
                append(bytes[start...])
                break
            }
        }
    }

    mutating func finish() {
        if partialLength > 0 || overflow { close() }
    }

    mutating func drain() -> [Line] {
        defer { ready.removeAll(keepingCapacity: true) }
        return ready
    }

    private mutating func append(_ piece: ArraySlice<UInt8>) {
        partialLength += piece.count
        if overflow { return }
        if partialLength > maxLine {
            overflow = true
            partial = []
        } else {
            partial.append(contentsOf: piece)
        }
    }

    private mutating func close() {
        lineNumber += 1
        if overflow {
            ready.append(Line(number: lineNumber, content: .tooLong(partialLength)))
        } else {
            if partial.last == 0x0D { partial.removeLast() }
            ready.append(Line(number: lineNumber, content: .bytes(partial)))
        }
        partial = []
        partialLength = 0
        overflow = false
    }
}
