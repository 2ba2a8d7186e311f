/// The containers `CompactValueEncoder` hands out: each writes a member's or element's bytes as soon as it is given.
struct CompactKeyedContainer<Key: CodingKey>: KeyedEncodingContainerProtocol {
    let encoder: CompactValueEncoder
    var codingPath: [any CodingKey] { encoder.codingPath }

    mutating func encodeNil(forKey key: Key) throws { encoder.append(key.stringValue, .bytes(Array("null".utf8))) }

    mutating func encode<T: Encodable>(_ value: T, forKey key: Key) throws {
        encoder.append(key.stringValue, .bytes(try CompactValueEncoder.encoded(value, path: codingPath + [key])))
    }

    // The common primitives straight to bytes (synthesized `Encodable` calls these overloads).
    mutating func encode(_ value: String, forKey key: Key) throws {
        var w = JSONWriter(capacity: value.utf8.count + 2)
        w.value(value)
        encoder.append(key.stringValue, .bytes(w.bytes))
    }

    mutating func encode(_ value: Int, forKey key: Key) throws {
        var w = JSONWriter(capacity: 8)
        w.value(value)
        encoder.append(key.stringValue, .bytes(w.bytes))
    }

    mutating func encode(_ value: Bool, forKey key: Key) throws { encoder.append(key.stringValue, .bytes(Array((value ? "true" : "false").utf8))) }

    mutating func encode(_ value: Double, forKey key: Key) throws {
        encoder.append(key.stringValue, .bytes(Array(try CompactValueEncoder.number(value, path: codingPath + [key]).utf8)))
    }

    mutating func nestedContainer<NestedKey: CodingKey>(keyedBy keyType: NestedKey.Type, forKey key: Key) -> KeyedEncodingContainer<NestedKey> {
        encoder.child(key).container(keyedBy: keyType)
    }

    mutating func nestedUnkeyedContainer(forKey key: Key) -> any UnkeyedEncodingContainer { encoder.child(key).unkeyedContainer() }
    mutating func superEncoder() -> any Encoder { encoder.child(CompactSuperKey()) }
    mutating func superEncoder(forKey key: Key) -> any Encoder { encoder.child(key) }
}

struct CompactUnkeyedContainer: UnkeyedEncodingContainer {
    let encoder: CompactValueEncoder
    var codingPath: [any CodingKey] { encoder.codingPath }
    var count: Int { encoder.count }

    mutating func encodeNil() throws { encoder.append(.bytes(Array("null".utf8))) }

    mutating func encode<T: Encodable>(_ value: T) throws {
        encoder.append(.bytes(try CompactValueEncoder.encoded(value, path: codingPath + [CompactSuperKey(index: count)])))
    }

    mutating func nestedContainer<NestedKey: CodingKey>(keyedBy keyType: NestedKey.Type) -> KeyedEncodingContainer<NestedKey> {
        encoder.child(nil).container(keyedBy: keyType)
    }

    mutating func nestedUnkeyedContainer() -> any UnkeyedEncodingContainer { encoder.child(nil).unkeyedContainer() }
    mutating func superEncoder() -> any Encoder { encoder.child(nil) }
}

struct CompactSingleContainer: SingleValueEncodingContainer {
    let encoder: CompactValueEncoder
    var codingPath: [any CodingKey] { encoder.codingPath }

    mutating func encodeNil() throws { encoder.storage = .single(Array("null".utf8)) }

    mutating func encode<T: Encodable>(_ value: T) throws {
        encoder.storage = .single(try CompactValueEncoder.encoded(value, path: codingPath))
    }
}

/// The key of a superclass's part ("super") or of an array element (its index), for coding paths.
struct CompactSuperKey: CodingKey {
    var stringValue: String
    var intValue: Int?
    init(index: Int) { stringValue = "Index \(index)"; intValue = index }
    init() { stringValue = "super"; intValue = nil }
    init?(stringValue: String) { self.stringValue = stringValue; intValue = nil }
    init?(intValue: Int) { self.init(index: intValue) }
}
