import Foundation

/// Where an input came from: a file path (or URL), and for containers the record inside it.
public struct Origin: Hashable, Codable, Sendable, CustomStringConvertible {
    /// File path, URL, or `-` for standard input.
    public var location: String
    /// 1-based line of a JSON-lines file, when the input is one record of a container.
    public var line: Int?
    /// Byte offset of a record in its container: a WARC record's first byte (for a `.warc.gz`, the start of the
    /// gzip member holding it, as CDX indexes count), a feed item's start tag.
    public var offset: Int?

    public init(location: String, line: Int? = nil, offset: Int? = nil) {
        self.location = location
        self.line = line
        self.offset = offset
    }

    /// `path`, `path:line` or `path@offset`, the form used in every message.
    public var description: String {
        if let line { return "\(location):\(line)" }
        if let offset { return "\(location)@\(offset)" }
        return location
    }
}

/// One input exactly as received: the bytes are kept so any article can be re-analysed later.
public struct RawArticle: Sendable, Identifiable {
    /// SHA-256 of `bytes`.
    public let id: ContentID
    /// The bytes as received (decompressed when the file was gzipped; for a JSON-lines record, the line).
    public let bytes: [UInt8]
    /// Where it came from.
    public let origin: Origin
    /// When this copy was received.
    public let receivedAt: Date
    /// The detected format of `bytes`.
    public let format: InputFormat

    public init(bytes: [UInt8], origin: Origin, receivedAt: Date, format: InputFormat) {
        self.id = ContentID(of: bytes)
        self.bytes = bytes
        self.origin = origin
        self.receivedAt = receivedAt
        self.format = format
    }
}
