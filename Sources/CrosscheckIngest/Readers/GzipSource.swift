import CZlib

/// Decompresses a gzip input as it is read, member after member (a `.warc.gz` holds one member per record), in
/// bounded memory. It remembers where each member starts in the compressed input, so a record can be named by the
/// offset a CDX index gives it. A damaged member is reported (`takeDamage`) and skipped to the next member's
/// header; a cut input ends the stream with a report.
final class GzipSource: ByteSource {
    private var input: any ByteSource
    private var stream = z_stream()
    private var compressed: [UInt8] = []
    /// Index of the next unread byte of `compressed`, and the input offset of `compressed[0]`.
    private var next = 0
    private var base = 0
    private var produced = 0
    private var inputEnded = false
    private var finished = false
    /// Member starts: (decompressed position, input offset), in order; old ones are pruned.
    private var members: [(position: Int, offset: Int)] = [(0, 0)]
    private var damage: [(offset: Int, reason: String)] = []
    private var started = false
    /// No byte of the current member has been inflated yet.
    private var atMemberStart = true

    static let chunk = 1 << 18

    init(_ input: any ByteSource) {
        self.input = input
        started = inflateInit2_(&stream, 16 + MAX_WBITS, ZLIB_VERSION, Int32(MemoryLayout<z_stream>.size)) == Z_OK
        if !started { finished = true; damage.append((0, "zlib could not start")) }
    }

    deinit { if started { inflateEnd(&stream) } }

    func inputOffset(of position: Int) -> Int {
        var low = 0, high = members.count
        while low < high { let mid = (low + high) / 2; if members[mid].position <= position { low = mid + 1 } else { high = mid } }
        return members[max(0, low - 1)].offset
    }

    func takeDamage(upTo limit: Int) -> [(offset: Int, reason: String)] {
        let taken = damage.filter { $0.offset <= limit }
        damage.removeAll { $0.offset <= limit }
        return taken
    }

    func read(_ count: Int) throws -> [UInt8] {
        var out = [UInt8](repeating: 0, count: count)
        var filled = 0
        while filled < count && !finished {
            if next == compressed.count {
                try refill()
                if next == compressed.count {
                    // The input ended inside a member: a cut file.
                    if !atMemberStart { damage.append((members.last!.offset, "gzip member cut short (the file ends inside it)")) }
                    finished = true
                    break
                }
            }
            let status: Int32 = compressed.withUnsafeMutableBufferPointer { inBuf in
                out.withUnsafeMutableBufferPointer { outBuf in
                    stream.next_in = inBuf.baseAddress! + next
                    stream.avail_in = uInt(inBuf.count - next)
                    stream.next_out = outBuf.baseAddress! + filled
                    stream.avail_out = uInt(count - filled)
                    let before = stream.avail_in, beforeOut = stream.avail_out
                    let s = inflate(&stream, Z_NO_FLUSH)
                    next += Int(before - stream.avail_in)
                    let made = Int(beforeOut - stream.avail_out)
                    filled += made
                    produced += made
                    return s
                }
            }
            switch status {
            case Z_OK, Z_BUF_ERROR:
                atMemberStart = false
                continue
            case Z_STREAM_END:
                // The next member (if any) starts here.
                inflateReset(&stream)
                atMemberStart = true
                members.append((produced, base + next))
                if members.count > 8192 { members.removeFirst(4096) }
            default:
                let reason = stream.msg.map { String(cString: $0) } ?? "error \(status)"
                damage.append((members.last!.offset, "damaged gzip member: \(reason)"))
                try skipToNextMember()
            }
        }
        out.removeSubrange(filled...)
        return out
    }

    private func refill() throws {
        guard !inputEnded else { return }
        if next > 0 {
            base += next
            compressed.removeFirst(next)
            next = 0
        }
        let more = try input.read(Self.chunk)
        if more.isEmpty { inputEnded = true } else { compressed += more }
    }

    /// After a damaged member: the next gzip header (1f 8b 08) after its start, or the end.
    private func skipToNextMember() throws {
        next = max(next, members.last!.offset - base + 1)
        while true {
            while next + 2 < compressed.count {
                if compressed[next] == 0x1F, compressed[next + 1] == 0x8B, compressed[next + 2] == 0x08 {
                    inflateReset(&stream)
                    atMemberStart = true
                    members.append((produced, base + next))
                    return
                }
                next += 1
            }
            let before = compressed.count - next
            try refill()
            if compressed.count - next == before { finished = true; next = compressed.count; return }
        }
    }
}
