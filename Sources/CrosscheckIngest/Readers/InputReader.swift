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
    /// Bytes of the input consumed so far (decompressed, for a container read through gzip), for progress display.
    case progress(bytes: Int)
    /// Records of a container that are not articles (a WARC request, an image), passed over.
    case skipped(count: Int)
}

/// Reads files, standard input and containers (JSON lines, gzip) into raw articles, streaming
/// JSON-lines files so memory stays flat however large the file is.
public struct InputReader: Sendable {
    public var configuration: IngestConfiguration

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
        try read(source: MemorySource(bytes), origin: origin, size: bytes.count, receivedAt: receivedAt, emit: emit)
    }

    /// The container formats, tried in order on an input's first (decompressed) bytes. An input none of them
    /// recognises is one article.
    static let containers: [any ContainerReader] = [WARCReader(), FeedReader(), JSONLinesReader()]

    private func readDescriptor(_ fd: Int32, origin: String, size: Int?, receivedAt: Date,
                                emit: (ReadEvent) throws -> Void) throws {
        try read(source: DescriptorSource(fd: fd), origin: origin, size: size, receivedAt: receivedAt, emit: emit)
    }

    /// Decides what an input is from its first bytes (through gzip when it is compressed), then streams it through the
    /// container reader that recognises it, or reads it whole (up to the article limit) as one article.
    private func read(source raw: any ByteSource, origin: String, size: Int?, receivedAt: Date,
                      emit: (ReadEvent) throws -> Void) throws {
        let context = ReadContext(origin: origin, receivedAt: receivedAt, configuration: configuration)
        var source = raw
        var probe: [UInt8]
        do {
            probe = try source.read(FormatSniffer.probeLength)
            if FormatSniffer.sniff(probe) == .gzip {
                let inflated = GzipSource(PrefixedSource(prefix: probe, rest: source))
                probe = try inflated.read(FormatSniffer.probeLength)
                if probe.isEmpty, let damage = inflated.takeDamage(upTo: .max).first {
                    try emit(context.rejected(.corruptCompression(damage.reason)))
                    try emit(.progress(bytes: size ?? 0))
                    return
                }
                if FormatSniffer.sniff(probe) == .gzip {
                    try emit(context.rejected(.notText(detected: "nested gzip")))
                    try emit(.progress(bytes: size ?? 0))
                    return
                }
                source = inflated
            }
        } catch {
            try emit(context.rejected(.unreadable("\(error)")))
            return
        }
        if let container = Self.containers.first(where: { $0.recognizes(probe) }) {
            var stream = ByteStream(PrefixedSource(prefix: probe, rest: source))
            do {
                try container.read(&stream, context: context, emit: emit)
            } catch let error as DescriptorReader.ReadError {
                try emit(context.rejected(.unreadable(error.description)))
            }
            return
        }
        let compressed = source is GzipSource
        let limit = configuration.maxArticleBytes
        if !compressed, let size, size > limit {
            try emit(context.rejected(.tooLarge(bytes: size, limit: limit)))
            try emit(.progress(bytes: size))
            return
        }
        var bytes = probe
        do {
            while bytes.count <= limit {
                let more = try source.read(min(limit + 1 - bytes.count, 1 << 20))
                if more.isEmpty { break }
                bytes += more
            }
        } catch {
            try emit(context.rejected(.unreadable("\(error)")))
            return
        }
        if let damage = source.takeDamage(upTo: .max).first {
            try emit(context.rejected(.corruptCompression(damage.reason)))
        } else if bytes.count > limit {
            try emit(context.rejected(.tooLarge(bytes: bytes.count, limit: limit)))
        } else {
            try classify(bytes, context: context, emit: emit)
        }
        try emit(.progress(bytes: size ?? bytes.count))
    }

    /// One whole input that no container recognised: an HTML page, a text, or one pretty-printed JSON document.
    private func classify(_ bytes: [UInt8], context: ReadContext, emit: (ReadEvent) throws -> Void) throws {
        if bytes.allSatisfy(FormatSniffer.isSpace) {
            try emit(context.rejected(.empty))
            return
        }
        let format: InputFormat
        switch FormatSniffer.sniff(bytes) {
        case .gzip: format = .text  // not reached: gzip is opened before
        case .binary(let mime):
            try emit(context.rejected(.notText(detected: mime)))
            return
        case .xml:
            try emit(context.rejected(.invalidXML("XML that is not an RSS or Atom feed")))
            return
        case .jsonLines: format = .jsonRecord
        case .html: format = .html
        case .text: format = .text
        }
        try emit(.article(RawArticle(bytes: bytes, origin: context.origin(), receivedAt: context.receivedAt, format: format)))
    }
}

/// Reads a file descriptor in bounded pieces, retrying interrupted reads.
struct DescriptorReader {
    let fd: Int32

    struct ReadError: Error, CustomStringConvertible {
        let description: String
    }

    /// Up to `count` bytes; fewer only at end of input. The buffer grows with what arrives, so a generous limit costs
    /// nothing for a small file.
    mutating func readUpTo(_ count: Int) throws -> [UInt8] {
        guard count > 0 else { return [] }
        var out: [UInt8] = []
        var capacity = min(count, 1 << 16)
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
