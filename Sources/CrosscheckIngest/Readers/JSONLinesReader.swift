import CrosscheckCore

/// JSON lines: one JSON object per line, each an article (`.jsonRecord`). A pretty-printed JSON document ("{" alone
/// on its first line) is not JSON lines but one record.
struct JSONLinesReader: ContainerReader {
    func recognizes(_ probe: [UInt8]) -> Bool {
        FormatSniffer.sniff(probe) == .jsonLines && !FormatSniffer.isPrettyJSONDocument(probe)
    }

    func read(_ stream: inout ByteStream, context: ReadContext, emit: (ReadEvent) throws -> Void) throws {
        var lines = LineSplitter(maxLine: context.configuration.maxArticleBytes)
        while true {
            let chunk: [UInt8]
            do {
                chunk = try stream.take(ByteStream.chunk)
            } catch {
                try emit(context.rejected(.unreadable("\(error)"), line: lines.lineNumber + 1))
                break
            }
            if chunk.isEmpty { break }
            lines.feed(chunk[...])
            try emitLines(&lines, context: context, emit: emit)
            try emit(.progress(bytes: chunk.count))
        }
        lines.finish()
        try emitLines(&lines, context: context, emit: emit)
    }

    private func emitLines(_ lines: inout LineSplitter, context: ReadContext, emit: (ReadEvent) throws -> Void) throws {
        for line in lines.drain() {
            switch line.content {
            case .tooLong(let length):
                try emit(context.rejected(.tooLarge(bytes: length, limit: context.configuration.maxArticleBytes), line: line.number))
            case .bytes(let bytes):
                if bytes.allSatisfy(FormatSniffer.isSpace) { continue }
                try emit(.article(RawArticle(bytes: bytes, origin: context.origin(line: line.number), receivedAt: context.receivedAt,
                                             format: .jsonRecord)))
            }
        }
    }
}
