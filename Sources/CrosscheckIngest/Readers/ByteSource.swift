import Foundation
#if canImport(Glibc)
import Glibc
#endif

/// A stream of bytes read in pieces: a file, standard input, bytes in memory, or what a gzip stream decompresses.
/// Readers of containers see only this, so a WARC or a feed reads the same whether it is gzipped or not.
public protocol ByteSource {
    /// Up to `count` bytes; fewer only at the end of the input (none after it).
    mutating func read(_ count: Int) throws -> [UInt8]
    /// Where the byte at `position` of this stream starts in the input as stored: the position itself for a plain
    /// input; for gzip, the offset of the member that holds it (what a CDX index records for a `.warc.gz`).
    func inputOffset(of position: Int) -> Int
    /// Damaged stretches of the input found so far (a corrupt gzip member) that start at or before input offset
    /// `limit`, with their offsets; they are reported once. (The source may have read ahead of what was asked for.)
    mutating func takeDamage(upTo limit: Int) -> [(offset: Int, reason: String)]
}

extension ByteSource {
    public func inputOffset(of position: Int) -> Int { position }
    public mutating func takeDamage(upTo limit: Int) -> [(offset: Int, reason: String)] { [] }
}

/// A file descriptor (a file or standard input), read as it comes.
struct DescriptorSource: ByteSource {
    var reader: DescriptorReader

    init(fd: Int32) { reader = DescriptorReader(fd: fd) }

    mutating func read(_ count: Int) throws -> [UInt8] { try reader.readUpTo(count) }
}

/// Bytes already in memory.
struct MemorySource: ByteSource {
    let bytes: [UInt8]
    var position = 0

    init(_ bytes: [UInt8]) { self.bytes = bytes }

    mutating func read(_ count: Int) throws -> [UInt8] {
        let end = min(bytes.count, position + count)
        defer { position = end }
        return Array(bytes[position..<end])
    }
}

/// A source whose first bytes were already read (to decide what the input is) and are handed out again first.
struct PrefixedSource: ByteSource {
    var prefix: [UInt8]
    var rest: any ByteSource

    mutating func read(_ count: Int) throws -> [UInt8] {
        guard prefix.isEmpty else {
            let n = min(count, prefix.count)
            defer { prefix.removeFirst(n) }
            return Array(prefix[0..<n])
        }
        return try rest.read(count)
    }

    func inputOffset(of position: Int) -> Int { rest.inputOffset(of: position) }
    mutating func takeDamage(upTo limit: Int) -> [(offset: Int, reason: String)] { rest.takeDamage(upTo: limit) }
}
