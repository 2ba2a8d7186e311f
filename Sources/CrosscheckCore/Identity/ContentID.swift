/// A content-addressed identifier: the lowercase hex SHA-256 of some bytes.
///
/// Ids are hashes of content, never counters or clocks, so the same inputs give the same ids whatever
/// the order of ingestion (DESIGN.md, property 3).
public struct ContentID: Hashable, Comparable, Codable, Sendable, CustomStringConvertible {
    /// 64 lowercase hex digits.
    public let hex: String

    /// The id of `bytes`.
    public init<C: Collection>(of bytes: C) where C.Element == UInt8 {
        self.hex = Self.hexString(SHA256.hash(bytes))
    }

    /// The id of a string's UTF-8 bytes.
    public init(ofText text: String) {
        self.init(of: Array(text.utf8))
    }

    /// Wraps an existing hex id; `nil` unless it is 64 hex digits.
    public init?(hex: String) {
        let lower = hex.lowercased()
        guard lower.utf8.count == 64, lower.utf8.allSatisfy({ ($0 >= 48 && $0 <= 57) || ($0 >= 97 && $0 <= 102) })
        else { return nil }
        self.hex = lower
    }

    /// The 12-digit prefix used in listings; `show` accepts any unique prefix.
    public var short: String { String(hex.prefix(12)) }

    public var description: String { hex }

    public static func < (lhs: ContentID, rhs: ContentID) -> Bool { lhs.hex < rhs.hex }

    public init(from decoder: any Decoder) throws {
        let container = try decoder.singleValueContainer()
        let raw = try container.decode(String.self)
        guard let id = ContentID(hex: raw) else {
            throw DecodingError.dataCorruptedError(in: container, debugDescription: "not a content id: \(raw)")
        }
        self = id
    }

    public func encode(to encoder: any Encoder) throws {
        var container = encoder.singleValueContainer()
        try container.encode(hex)
    }

    static func hexString(_ digest: [UInt8]) -> String {
        let digits = Array("0123456789abcdef".utf8)
        var out = [UInt8]()
        out.reserveCapacity(digest.count * 2)
        for b in digest {
            out.append(digits[Int(b >> 4)])
            out.append(digits[Int(b & 0xf)])
        }
        return String(decoding: out, as: UTF8.self)
    }
}
