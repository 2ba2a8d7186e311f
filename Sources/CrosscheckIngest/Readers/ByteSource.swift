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
