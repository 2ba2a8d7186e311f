/// A buffered reader over a `ByteSource` for record-by-record formats: look ahead, find a pattern, take or skip
/// bytes, always knowing the stream position of the next byte. Memory holds what is looked at, never the input.
struct ByteStream {
    var source: any ByteSource
    private var buffer: [UInt8] = []
    private var start = 0
    /// Stream position of the next unread byte.
    private(set) var position = 0
    private(set) var ended = false

    static let chunk = 1 << 20

    init(_ source: any ByteSource) { self.source = source }

    /// The bytes looked ahead and not yet consumed.
    var available: ArraySlice<UInt8> { buffer[start...] }
    var availableCount: Int { buffer.count - start }

    /// Reads until at least `count` bytes are available or the input ends; whether they are.
    @discardableResult
    mutating func fill(_ count: Int) throws -> Bool {
        while availableCount < count && !ended {
            if start > 0 && start >= buffer.count / 2 {
                buffer.removeFirst(start)
                start = 0
            }
            let more = try source.read(max(Self.chunk, count - availableCount))
            if more.isEmpty { ended = true } else { buffer += more }
        }
        return availableCount >= count
    }

    /// Whether nothing is left.
    mutating func atEnd() throws -> Bool { try !fill(1) }

    mutating func consume(_ count: Int) {
        let n = min(count, availableCount)
        start += n
        position += n
        if start == buffer.count { buffer.removeAll(keepingCapacity: true); start = 0 }
    }

    /// Up to `count` bytes (fewer at the end), consumed.
    mutating func take(_ count: Int) throws -> [UInt8] {
        try fill(count)
        let n = min(count, availableCount)
        defer { consume(n) }
        return Array(buffer[start..<start + n])
    }

    /// Skips `count` bytes without keeping them; how many there were.
    mutating func skip(_ count: Int) throws -> Int {
        var left = count
        while left > 0 {
            if availableCount == 0 { try fill(min(left, Self.chunk)); if availableCount == 0 { break } }
            let n = min(left, availableCount)
            consume(n)
            left -= n
        }
        return count - left
    }

    /// The offset (from the next unread byte) of the first `pattern` starting at or after `from` and before `limit`,
    /// reading ahead as needed; nil when there is none (the input ended or `limit` was passed).
    mutating func find(_ pattern: [UInt8], from: Int = 0, within limit: Int) throws -> Int? {
        var from = from
        while true {
            let have = availableCount
            if have >= pattern.count {
                let last = min(have - pattern.count, limit - 1)
                if from <= last, let hit = Self.search(pattern, in: buffer, from: start + from, through: start + last) { return hit - start }
                from = max(from, last + 1)
            }
            if from >= limit || ended { return nil }
            try fill(have + Self.chunk)
            if availableCount == have { return nil }
        }
    }

    /// Consumes bytes up to the next `pattern` (left unread); false, with everything consumed, when there is none.
    /// Memory stays bounded however far the pattern is.
    mutating func skip(until pattern: [UInt8]) throws -> Bool {
        while true {
            if let hit = try find(pattern, within: Self.chunk) { consume(hit); return true }
            if ended && availableCount < Self.chunk { consume(availableCount); return false }
            consume(max(1, min(availableCount, Self.chunk) - pattern.count + 1))
        }
    }

    /// The byte at `offset` from the next unread one, reading ahead as needed (nil after the end).
    mutating func byte(at offset: Int) throws -> UInt8? {
        guard try fill(offset + 1) else { return nil }
        return buffer[start + offset]
    }

    static func search(_ pattern: [UInt8], in bytes: [UInt8], from: Int, through last: Int) -> Int? {
        guard let first = pattern.first, from <= last else { return nil }
        return bytes.withUnsafeBufferPointer { buf -> Int? in
            var i = from
            while i <= last {
                guard let p = memchr(buf.baseAddress! + i, Int32(first), last - i + 1) else { return nil }
                let k = buf.baseAddress!.distance(to: p.assumingMemoryBound(to: UInt8.self))
                var match = true
                for (j, b) in pattern.enumerated().dropFirst() where buf[k + j] != b { match = false; break }
                if match { return k }
                i = k + 1
            }
            return nil
        }
    }
}

#if canImport(Glibc)
import Glibc
#endif
