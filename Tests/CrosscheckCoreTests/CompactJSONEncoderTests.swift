import CrosscheckCore
import Foundation
import Testing

/// `CompactJSONEncoder` writes what Foundation's `JSONEncoder` writes (sorted keys, slashes unescaped, ISO 8601
/// dates), byte for byte, on the shapes `Codable` produces.
@Suite struct CompactJSONEncoderTests {
    static func foundation<T: Encodable>(_ value: T) throws -> String {
        let e = JSONEncoder()
        e.outputFormatting = [.sortedKeys, .withoutEscapingSlashes]
        e.dateEncodingStrategy = .iso8601
        return String(decoding: try e.encode(value), as: UTF8.self)
    }

    static func compact<T: Encodable>(_ value: T) throws -> String { String(decoding: try CompactJSONEncoder().encode(value), as: UTF8.self) }

    struct Numbers: Encodable {
        var doubles: [Double] = [0.1, 1e-05, 1e20, 1e16, 123456789, 0.30000000000000004, -0.0, 3, 1e-7, 1.7976931348623157e308, 12345678912345678]
        var floats: [Float] = [0.1, 3, 1e20, -1.5e-8]
        var ints: [Int64] = [0, -1, .max, .min]
        var unsigned: [UInt8] = [0, 255]
        var int = -42
        var flag = false
    }

    struct Texts: Encodable {
        var plain = "Rahmon met Mirziyoyev in Termez"
        var escapes = "a\"b\\c/d\n\t\r\u{8}\u{c}\u{0}\u{1}\u{1b}\u{1f}\u{7f}é😀\u{2028}<>&'"
        var empty = ""
        var optional: String? = nil
        var present: String? = "x"
        var date = Date(timeIntervalSince1970: 1_745_836_800.5)
        var dates = [Date(timeIntervalSince1970: 0), Date(timeIntervalSince1970: 1_625_443_200)]
        var url = URL(string: "https://example.org/a/b?c=d")!
        var data = Data([0, 1, 2, 250])
    }

    enum Kind: String, Encodable { case reported, walkedBack = "walked back" }

    struct Nested: Encodable {
        var kinds: [Kind] = [.reported, .walkedBack]
        var table: [String: Int] = ["b": 1, "a": 2, "B": 3, "_x": 4, "a1": 5, "a10": 6, "a2": 7, "é": 8]
        var byNumber: [Int: String] = [3: "c", 10: "j", 1: "a"]
        var matrix: [[Double?]] = [[1, nil], [], [2.5]]
        var children: [Texts] = [Texts(), Texts(plain: "second")]
        var empty: [String] = []
        var none: [String: Int] = [:]
    }

    /// A hand-written encoding: nested containers, a super encoder, a key written twice, nil written explicitly.
    struct Manual: Encodable {
        enum Key: String, CodingKey { case z, a, inner, list, base, twice }
        func encode(to encoder: any Encoder) throws {
            var c = encoder.container(keyedBy: Key.self)
            try c.encode(1, forKey: .z)
            try c.encodeNil(forKey: .a)
            var inner = c.nestedContainer(keyedBy: Key.self, forKey: .inner)
            try inner.encode("in", forKey: .z)
            var list = c.nestedUnkeyedContainer(forKey: .list)
            try list.encode(1)
            try list.encodeNil()
            var deeper = list.nestedContainer(keyedBy: Key.self)
            try deeper.encode(true, forKey: .a)
            try Texts().encode(to: c.superEncoder(forKey: .base))
            try c.encode("first", forKey: .twice)
            try c.encode("second", forKey: .twice)
        }
    }

    struct Single: Encodable {
        func encode(to encoder: any Encoder) throws {
            var c = encoder.singleValueContainer()
            try c.encode("one value")
        }
    }

    @Test func writesWhatFoundationWrites() throws {
        #expect(try Self.compact(Numbers()) == Self.foundation(Numbers()))
        #expect(try Self.compact(Texts()) == Self.foundation(Texts()))
        #expect(try Self.compact(Nested()) == Self.foundation(Nested()))
        #expect(try Self.compact([Single(), Single()]) == Self.foundation([Single(), Single()]))
        #expect(try Self.compact(["k": Single()]) == Self.foundation(["k": Single()]))
        // Foundation keeps the first value of a key written twice only in some versions: both must parse the same.
        let manual = try JSONSerialization.jsonObject(with: Data(Self.compact(Manual()).utf8)) as? NSDictionary
        let reference = try JSONSerialization.jsonObject(with: Data(Self.foundation(Manual()).utf8)) as? NSDictionary
        #expect(manual == reference)
    }

    @Test func rejectsWhatJSONCannotSay() {
        #expect(throws: EncodingError.self) { try CompactJSONEncoder().encode([Double.nan]) }
        #expect(throws: EncodingError.self) { try CompactJSONEncoder().encode(["x": Double.infinity]) }
    }
}
