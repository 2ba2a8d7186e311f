import CrosscheckCore
import Foundation

/// A format that holds many articles (JSON lines, WARC, RSS/Atom feeds): recognised from its first bytes (after
/// any gzip), then read record by record from a stream in bounded memory. Adding a container format is one new
/// type conforming to this, listed in `InputReader.containers`; inputs no container recognises are one article
/// (HTML or text).
protocol ContainerReader: Sendable {
    /// Whether an input starting with `probe` (decompressed; at most `FormatSniffer.probeLength` bytes) is of this
    /// format.
    func recognizes(_ probe: [UInt8]) -> Bool
    /// Reads every record of `stream`: an article, a rejection (with the record's origin), a skipped record or
    /// progress for each. A damaged record never stops the rest.
    func read(_ stream: inout ByteStream, context: ReadContext, emit: (ReadEvent) throws -> Void) throws
}
