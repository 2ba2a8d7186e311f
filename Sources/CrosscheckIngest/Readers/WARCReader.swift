import CrosscheckCore

/// WARC 1.0 and 1.1 (ISO 28500), plain or gzipped per record (`.warc.gz`), read record by record in bounded memory.
/// A `response` (HTTP 2xx) or `resource` record with an HTML or text payload is an article (`.warcRecord`, its bytes
/// the whole record); other records (`request`, `metadata`, `warcinfo`, `revisit`, images, redirects) are skipped and
/// counted. A record that is cut short, whose `Content-Length` does not end it, or whose header is broken is rejected
/// with its offset, and reading goes on at the next record.
struct WARCReader: ContainerReader {
    /// Longest WARC header read (real ones are under 2 KB).
    static let maxHeader = 64 << 10
    static let blankLine: [UInt8] = [13, 10, 13, 10]
    /// Where a record starts: a line `WARC/1.0`, `WARC/1.1` (or an older version).
    static let recordStart: [UInt8] = Array("\r\nWARC/".utf8)

    func recognizes(_ probe: [UInt8]) -> Bool { probe.starts(with: Array("WARC/".utf8)) }

    func read(_ stream: inout ByteStream, context: ReadContext, emit: (ReadEvent) throws -> Void) throws {
        var skipped = 0
        defer { if skipped > 0 { try? emit(.skipped(count: skipped)) } }
        while true {
            for damage in stream.source.takeDamage(upTo: stream.source.inputOffset(of: stream.position)) {
                try emit(context.rejected(.corruptCompression(damage.reason), offset: damage.offset))
            }
            // Blank lines between records (some writers add more than the two the standard asks).
            while let b = try stream.byte(at: 0), b == 13 || b == 10 { stream.consume(1) }
            guard try !stream.atEnd() else { break }
            let before = stream.position
            let offset = stream.source.inputOffset(of: stream.position)
            switch try readRecord(&stream, offset: offset, context: context) {
            case .article(let bytes):
                try emit(.article(RawArticle(bytes: bytes, origin: context.origin(offset: offset), receivedAt: context.receivedAt,
                                             format: .warcRecord)))
            case .skipped:
                skipped += 1
            case .rejected(let rejection):
                try emit(context.rejected(rejection, offset: offset))
            }
            try emit(.progress(bytes: stream.position - before))
        }
        for damage in stream.source.takeDamage(upTo: .max) {
            try emit(context.rejected(.corruptCompression(damage.reason), offset: damage.offset))
        }
    }

    enum Outcome { case article([UInt8]), skipped, rejected(Rejection) }

    /// Reads the record at the stream's position and leaves the stream after it (or, when it is damaged, at the next
    /// record that can be found).
    func readRecord(_ stream: inout ByteStream, offset: Int, context: ReadContext) throws -> Outcome {
        guard try stream.fill(5), stream.available.starts(with: Array("WARC/".utf8)) else {
            try resync(&stream)
            return .rejected(.corruptRecord("no WARC record starts here (expected a 'WARC/1.x' line)"))
        }
        guard let headerEnd = try stream.find(Self.blankLine, within: Self.maxHeader) else {
            let cut = stream.ended && stream.availableCount < Self.maxHeader
            try resync(&stream)
            return .rejected(.corruptRecord(cut ? "cut short inside its header" : "header longer than \(Self.maxHeader) bytes"))
        }
        let fields = WARCRecord.fields(WARCRecord.lines(stream.available.prefix(headerEnd)).dropFirst())
        guard let lengthText = fields.first(where: { $0.name == "content-length" })?.value, let length = Int(lengthText), length >= 0 else {
            try resync(&stream)
            return .rejected(.corruptRecord("no valid Content-Length in its header"))
        }
        let total = headerEnd + 4 + length
        let type = fields.first { $0.name == "warc-type" }?.value.lowercased() ?? ""
        // Records that are never articles, and blocks too large to be one, are passed over without being kept.
        if !["response", "resource"].contains(type) || length > context.configuration.maxArticleBytes {
            let passed = try stream.skip(total)
            guard passed == total else { return .rejected(.corruptRecord("cut short: \(passed - headerEnd - 4) of \(length) bytes of its block")) }
            if let damage = try trailerDamage(&stream, length: length, context: context) { return .rejected(damage) }
            return length > context.configuration.maxArticleBytes && ["response", "resource"].contains(type)
                ? .rejected(.tooLarge(bytes: length, limit: context.configuration.maxArticleBytes)) : .skipped
        }
        try stream.fill(total + 4)
        guard stream.availableCount >= total else {
            let have = stream.availableCount - headerEnd - 4
            stream.consume(stream.availableCount)
            return .rejected(.corruptRecord("cut short: \(have) of \(length) bytes of its block"))
        }
        if !trailerFollows(stream.available.dropFirst(total), ended: stream.ended) {
            // The length lies: what follows is not the end of the record. The next record may start inside the
            // claimed block (a length too long) or after it (too short): look from the block's start.
            stream.consume(headerEnd + 4)
            try resync(&stream)
            return .rejected(.corruptRecord("Content-Length \(length) does not end the record (no blank line after it)"))
        }
        // A gzip member's checksum is read after its data: look one byte past the record so a damaged member is known
        // before its record is taken.
        try stream.fill(total + 5)
        if let damage = stream.source.takeDamage(upTo: stream.source.inputOffset(of: stream.position + total - 1)).first {
            stream.consume(total)
            return .rejected(.corruptCompression(damage.reason))
        }
        let bytes = Array(stream.available.prefix(total))
        stream.consume(total)
        guard let record = WARCRecord(bytes, blockLength: length) else { return .rejected(.corruptRecord("unreadable header")) }
        return record.notArticleReason == nil ? .article(bytes) : .skipped
    }

    /// Whether `rest` (what follows a block) starts with the blank line that ends a record; at the end of the input a
    /// missing or partial one is forgiven.
    func trailerFollows(_ rest: ArraySlice<UInt8>, ended: Bool) -> Bool {
        if rest.starts(with: Self.blankLine) { return true }
        return ended && Self.blankLine.starts(with: rest)
    }

    /// After a skipped block: a missing blank line means the length lied.
    func trailerDamage(_ stream: inout ByteStream, length: Int, context: ReadContext) throws -> Rejection? {
        try stream.fill(4)
        if trailerFollows(stream.available.prefix(4), ended: stream.ended) { return nil }
        try resync(&stream)
        return .corruptRecord("Content-Length \(length) does not end the record (no blank line after it)")
    }

    /// Moves to the start of the next record (a line `WARC/…`), or to the end.
    func resync(_ stream: inout ByteStream) throws {
        if try stream.skip(until: Self.recordStart) { stream.consume(2) }
    }
}
