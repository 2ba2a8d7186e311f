import Foundation

/// `Encodable` values as compact JSON with sorted keys, byte for byte what Foundation's `JSONEncoder` writes with
/// `[.sortedKeys, .withoutEscapingSlashes]` and ISO 8601 dates (a test compares the two on every public shape), at a
/// fraction of its cost: each value is written to bytes as soon as its `encode(to:)` returns, keyed members are kept
/// as (key, bytes) and sorted once, instead of building a tree of boxed values. The API's listings spent 70 % of a
/// request in Foundation's encoder.
public struct CompactJSONEncoder: Sendable {
    public init() {}

    public func encode<T: Encodable>(_ value: T) throws -> [UInt8] {
        try Self.bytes(of: value, path: [])
    }

    static func bytes<T: Encodable>(of value: T, path: [any CodingKey]) throws -> [UInt8] {
        if let direct = try direct(value, path: path) { return direct }
        let encoder = CompactValueEncoder(codingPath: path)
        try value.encode(to: encoder)
        return try encoder.finish()
    }

    /// Values Foundation's encoder writes itself rather than through their own `encode(to:)` (checked by type, not by
    /// casting: a cast per nested value was most of the cost).
    static func direct<T: Encodable>(_ value: T, path: [any CodingKey]) throws -> [UInt8]? {
        if T.self == Date.self {
            return Array(("\"" + unsafeBitCast(value, to: Date.self).formatted(.iso8601) + "\"").utf8)
        }
        if T.self == URL.self {
            var w = JSONWriter(capacity: 64)
            w.value((value as! URL).absoluteString)
            return w.bytes
        }
        if T.self == Data.self {
            let data = value as! Data
            var w = JSONWriter(capacity: data.count * 4 / 3 + 4)
            w.value(data.base64EncodedString())
            return w.bytes
        }
        if T.self == Decimal.self { return Array((value as! Decimal).description.utf8) }
        return nil
    }
}

/// What one value became: nothing yet, a keyed or unkeyed container being filled, or finished bytes. A member
/// or element is bytes already written, or a nested container's encoder, written when the whole value is.
final class CompactValueEncoder: Encoder {
    enum Part {
        case bytes([UInt8])
        case child(CompactValueEncoder)
    }

    enum Storage {
        case empty
        case keyed([(key: String, part: Part)])
        case unkeyed([Part])
        case single([UInt8])
    }

    let codingPath: [any CodingKey]
    var userInfo: [CodingUserInfoKey: Any] { [:] }
    var storage = Storage.empty

    init(codingPath: [any CodingKey]) { self.codingPath = codingPath }

    func container<Key: CodingKey>(keyedBy type: Key.Type) -> KeyedEncodingContainer<Key> {
        if case .empty = storage { storage = .keyed([]) }
        return KeyedEncodingContainer(CompactKeyedContainer<Key>(encoder: self))
    }

    func unkeyedContainer() -> any UnkeyedEncodingContainer {
        if case .empty = storage { storage = .unkeyed([]) }
        return CompactUnkeyedContainer(encoder: self)
    }

    func singleValueContainer() -> any SingleValueEncodingContainer { CompactSingleContainer(encoder: self) }

    func append(_ key: String, _ part: Part) {
        guard case .keyed(var members) = storage else { return }
        storage = .empty  // `members` is now the only reference: appended in place
        members.append((key, part))
        storage = .keyed(members)
    }

    func append(_ part: Part) {
        guard case .unkeyed(var elements) = storage else { return }
        storage = .empty
        elements.append(part)
        storage = .unkeyed(elements)
    }

    /// A nested container's encoder, stored under `key` (or as the next element) and written with the whole value.
    func child(_ key: (any CodingKey)?) -> CompactValueEncoder {
        let child = CompactValueEncoder(codingPath: codingPath + (key.map { [$0] } ?? []))
        if let key { append(key.stringValue, .child(child)) } else { append(.child(child)) }
        return child
    }

    var count: Int {
        switch storage {
        case .keyed(let m): m.count
        case .unkeyed(let e): e.count
        default: 0
        }
    }

    static func bytes(_ part: Part) throws -> [UInt8] {
        switch part {
        case .bytes(let b): b
        case .child(let c): try c.finish()
        }
    }

    /// The value's JSON: members sorted by key in byte order (a key written twice keeps its last value).
    func finish() throws -> [UInt8] {
        switch storage {
        case .empty: return [0x7B, 0x7D]
        case .single(let bytes): return bytes
        case .unkeyed(let elements):
            var out: [UInt8] = [0x5B]
            for (k, e) in elements.enumerated() {
                if k > 0 { out.append(0x2C) }
                out += try Self.bytes(e)
            }
            out.append(0x5D)
            return out
        case .keyed(let members):
            var order = Array(members.indices)
            order.sort { members[$0].key.utf8.lexicographicallyPrecedes(members[$1].key.utf8) || (members[$0].key == members[$1].key && $0 > $1) }
            // A key written twice keeps its last value (sorted first among equals above).
            order = order.enumerated().filter { n, k in n == 0 || members[order[n - 1]].key != members[k].key }.map(\.element)
            var out: [UInt8] = [0x7B]
            for (n, k) in order.enumerated() {
                if n > 0 { out.append(0x2C) }
                var key = JSONWriter(capacity: members[k].key.utf8.count + 2)
                key.value(members[k].key)
                out += key.bytes
                out.append(0x3A)
                out += try Self.bytes(members[k].part)
            }
            out.append(0x7D)
            return out
        }
    }

    /// A primitive value's bytes; nil for any other type (decided by the type, without casting the value).
    static func scalar<T: Encodable>(_ value: T, path: [any CodingKey]) throws -> [UInt8]? {
        var w = JSONWriter(capacity: 16)
        if T.self == String.self { w.value(unsafeBitCast(value, to: String.self)) }
        else if T.self == Int.self { w.value(unsafeBitCast(value, to: Int.self)) }
        else if T.self == Double.self { w.raw(try number(unsafeBitCast(value, to: Double.self), path: path).utf8) }
        else if T.self == Bool.self { w.value(unsafeBitCast(value, to: Bool.self)) }
        else if T.self == Int64.self { w.raw(String(unsafeBitCast(value, to: Int64.self)).utf8) }
        else if T.self == Float.self { w.raw(try number(unsafeBitCast(value, to: Float.self), path: path).utf8) }
        else if T.self == Int32.self { w.raw(String(unsafeBitCast(value, to: Int32.self)).utf8) }
        else if T.self == Int16.self { w.raw(String(unsafeBitCast(value, to: Int16.self)).utf8) }
        else if T.self == Int8.self { w.raw(String(unsafeBitCast(value, to: Int8.self)).utf8) }
        else if T.self == UInt.self { w.raw(String(unsafeBitCast(value, to: UInt.self)).utf8) }
        else if T.self == UInt64.self { w.raw(String(unsafeBitCast(value, to: UInt64.self)).utf8) }
        else if T.self == UInt32.self { w.raw(String(unsafeBitCast(value, to: UInt32.self)).utf8) }
        else if T.self == UInt16.self { w.raw(String(unsafeBitCast(value, to: UInt16.self)).utf8) }
        else if T.self == UInt8.self { w.raw(String(unsafeBitCast(value, to: UInt8.self)).utf8) }
        else { return nil }
        return w.bytes
    }

    static func number<F: BinaryFloatingPoint & CustomStringConvertible>(_ v: F, path: [any CodingKey]) throws -> String {
        guard let text = JSONWriter.foundationNumber(v) else {
            throw EncodingError.invalidValue(v, EncodingError.Context(codingPath: path, debugDescription: "\(v) is not a valid JSON number"))
        }
        return text
    }

    /// Any value's bytes: a primitive directly, anything else through its own `encode(to:)`.
    static func encoded<T: Encodable>(_ value: T, path: [any CodingKey]) throws -> [UInt8] {
        if let bytes = try scalar(value, path: path) { return bytes }
        return try CompactJSONEncoder.bytes(of: value, path: path)
    }
}
