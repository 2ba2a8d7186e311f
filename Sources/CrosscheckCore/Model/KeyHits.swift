/// What `DedupTransaction.documents(forKeys:perKey:)` found: each key's articles, contiguous in one
/// flat list. (A dictionary of small arrays cost the matching thread an allocation per key, a SipHash
/// per lookup and a reference count per read: a fifth of its time.)
public struct KeyHits: Sendable {
    /// Key (as `UInt32` bits) → its articles' place in `docs`: start << 32 | count.
    @usableFromInline var spans = HashedKeyMap<UInt64>()
    @usableFromInline var docs: [Int64] = []

    public init() {}

    /// Room for `keys` keys of about `perKey` articles each (a batch's lookups), without growing.
    public init(keys: Int, perKey: Int) {
        spans = HashedKeyMap(minimumCapacity: keys)
        docs.reserveCapacity(keys * perKey)
    }

    /// Adds the articles of `key`, which `fill` appends, earliest first. Each key is added once.
    public mutating func add(_ key: Int32, _ fill: (inout [Int64]) throws -> Void) rethrows {
        let start = docs.count
        try fill(&docs)
        if docs.count > start { spans[UInt64(UInt32(bitPattern: key))] = UInt64(start) << 32 | UInt64(docs.count - start) }
    }

    /// Calls `body` with each article under `key`, earliest first.
    @inlinable public func forEach(_ key: Int32, _ body: (Int64) throws -> Void) rethrows {
        guard let span = spans[UInt64(UInt32(bitPattern: key))] else { return }
        let start = Int(span >> 32)
        try docs.withUnsafeBufferPointer { d in
            for j in start..<(start + Int(span & 0xFFFF_FFFF)) { try body(d[j]) }
        }
    }

    /// The articles under `key`, earliest first.
    public subscript(key: Int32) -> [Int64] {
        var out: [Int64] = []
        forEach(key) { out.append($0) }
        return out
    }
}
