/// A read-mostly map from 64-bit token or phrase hashes to values: open addressing with linear probing, the slot
/// taken from the key by one multiply (Fibonacci hashing). The keys are hashes already, so Swift's `Dictionary`
/// (SipHash on every lookup) spent its time re-hashing them: lexicon lookups were 3.5 % of the whole pipeline's
/// profile. Insertions only (the lexicons are built once); `nil` assigned to a key leaves it unchanged.
public struct HashedKeyMap<Value: Sendable>: Sendable, ExpressibleByDictionaryLiteral {
    @usableFromInline var keys: [UInt64]
    @usableFromInline var values: [Value?]
    @usableFromInline var shift: UInt64
    /// Key 0 marks an empty slot; its value, if any, is kept here.
    @usableFromInline var zero: Value?
    public var count: Int { stored }
    @usableFromInline var stored = 0

    public init() {
        keys = [UInt64](repeating: 0, count: 16)
        values = [Value?](repeating: nil, count: 16)
        shift = 60
    }

    /// Room for `capacity` keys without growing.
    public init(minimumCapacity capacity: Int) {
        var bits = 4
        while 1 << bits < capacity * 2 { bits += 1 }
        keys = [UInt64](repeating: 0, count: 1 << bits)
        values = [Value?](repeating: nil, count: 1 << bits)
        shift = UInt64(64 - bits)
    }

    public init(dictionaryLiteral elements: (UInt64, Value)...) {
        self.init()
        for (k, v) in elements { self[k] = v }
    }

    public init<S: Sequence>(_ pairs: S) where S.Element == (UInt64, Value) {
        self.init()
        for (k, v) in pairs { self[k] = v }
    }

    @inlinable @inline(__always)
    static func slot(_ key: UInt64, _ shift: UInt64) -> Int { Int(truncatingIfNeeded: (key &* 0x9E37_79B9_7F4A_7C15) >> shift) }

    @inlinable
    public subscript(key: UInt64) -> Value? {
        get {
            if key == 0 { return zero }
            return keys.withUnsafeBufferPointer { k -> Value? in
                let mask = k.count - 1
                var i = Self.slot(key, shift)
                while true {
                    let found = k[i]
                    if found == key { return values[i] }
                    if found == 0 { return nil }
                    i = (i + 1) & mask
                }
            }
        }
        set {
            guard let newValue else { return }
            if key == 0 {
                if zero == nil { stored += 1 }
                zero = newValue
                return
            }
            if (stored + 1) * 2 > keys.count { grow() }
            let mask = keys.count - 1
            var i = Self.slot(key, shift)
            while keys[i] != 0 && keys[i] != key { i = (i + 1) & mask }
            if keys[i] == 0 { stored += 1; keys[i] = key }
            values[i] = newValue
        }
    }

    @usableFromInline mutating func grow() {
        let oldKeys = keys, oldValues = values
        keys = [UInt64](repeating: 0, count: oldKeys.count * 2)
        values = [Value?](repeating: nil, count: oldKeys.count * 2)
        shift -= 1
        let mask = keys.count - 1
        for (j, key) in oldKeys.enumerated() where key != 0 {
            var i = Self.slot(key, shift)
            while keys[i] != 0 { i = (i + 1) & mask }
            keys[i] = key
            values[i] = oldValues[j]
        }
    }

    /// The pairs in no particular order.
    public var pairs: [(key: UInt64, value: Value)] {
        var out: [(key: UInt64, value: Value)] = []
        if let zero { out.append((0, zero)) }
        for (j, key) in keys.enumerated() where key != 0 { if let v = values[j] { out.append((key, v)) } }
        return out
    }
}

/// A set of 64-bit token or phrase hashes: `HashedKeyMap`'s slots without values, kept at most a
/// quarter full, so a lookup is one multiply and usually one probe into one array (stopwords and cue
/// words are looked up for every word of every article).
public struct HashedKeySet: Sendable, ExpressibleByArrayLiteral {
    @usableFromInline var keys: [UInt64]
    @usableFromInline var shift: UInt64
    /// Key 0 marks an empty slot; whether 0 itself is a member is kept here.
    @usableFromInline var hasZero = false
    public private(set) var count = 0

    public init() {
        keys = [UInt64](repeating: 0, count: 16)
        shift = 60
    }

    public init(arrayLiteral elements: UInt64...) {
        self.init(elements)
    }

    public init<S: Sequence>(_ elements: S) where S.Element == UInt64 {
        self.init()
        for e in elements { insert(e) }
    }

    public var isEmpty: Bool { count == 0 }

    @inlinable @inline(__always)
    public func contains(_ key: UInt64) -> Bool {
        if key == 0 { return hasZero }
        return keys.withUnsafeBufferPointer { k in
            let mask = k.count - 1
            var i = HashedKeyMap<Bool>.slot(key, shift)
            while true {
                let found = k[i]
                if found == key { return true }
                if found == 0 { return false }
                i = (i + 1) & mask
            }
        }
    }

    @discardableResult
    public mutating func insert(_ key: UInt64) -> (inserted: Bool, memberAfterInsert: UInt64) {
        if key == 0 {
            defer { hasZero = true }
            if hasZero { return (false, key) }
            count += 1
            return (true, key)
        }
        if (count + 1) * 4 > keys.count { grow() }
        let mask = keys.count - 1
        var i = HashedKeyMap<Bool>.slot(key, shift)
        while keys[i] != 0 {
            if keys[i] == key { return (false, key) }
            i = (i + 1) & mask
        }
        keys[i] = key
        count += 1
        return (true, key)
    }

    public mutating func formUnion<S: Sequence>(_ other: S) where S.Element == UInt64 { for e in other { insert(e) } }

    private mutating func grow() {
        let old = keys
        keys = [UInt64](repeating: 0, count: old.count * 2)
        shift -= 1
        let mask = keys.count - 1
        for key in old where key != 0 {
            var i = HashedKeyMap<Bool>.slot(key, shift)
            while keys[i] != 0 { i = (i + 1) & mask }
            keys[i] = key
        }
    }
}

/// A fixed set of 64-bit hashes whose lookup has no branch: every key sits within four slots of its
/// home slot (the table grows until that holds), so `contains` reads those four slots and combines the
/// comparisons. For tests whose answer flips from one lookup to the next, as "is this word a stopword"
/// does along a text: `HashedKeySet`'s probe loop then mispredicts about every other word. Keys that
/// crowd one slot beyond any reasonable table size (not hashes, or chosen to collide) go to a small
/// overflow set, which a lookup reads only when it is not empty.
public struct WindowKeySet: Sendable {
    /// The table, with `window - 1` slots past its end so no probe wraps; 0 marks an empty slot.
    @usableFromInline let slots: [UInt64]
    @usableFromInline let shift: UInt64
    @usableFromInline let hasZero: Bool
    @usableFromInline let overflow: HashedKeySet
    public let count: Int
    @usableFromInline static let window = 4

    public init<S: Sequence>(_ elements: S) where S.Element == UInt64 {
        var unique = HashedKeySet()
        var keys: [UInt64] = []
        for key in elements where unique.insert(key).inserted { keys.append(key) }
        count = keys.count
        hasZero = unique.contains(0)
        keys.removeAll { $0 == 0 }
        var bits = 4
        while 1 << bits < keys.count * 4 { bits += 1 }
        let maxBits = bits + 4
        while true {
            var table = [UInt64](repeating: 0, count: (1 << bits) + Self.window - 1)
            var overflow = HashedKeySet()
            let shift = UInt64(64 - bits)
            var fits = true
            for key in keys {
                let home = HashedKeyMap<Bool>.slot(key, shift)
                var i = home
                while i < home + Self.window, table[i] != 0 { i += 1 }
                if i < home + Self.window {
                    table[i] = key
                } else if bits < maxBits {
                    fits = false
                    break
                } else {
                    overflow.insert(key)
                }
            }
            if fits {
                slots = table
                self.shift = shift
                self.overflow = overflow
                return
            }
            bits += 1
        }
    }

    @inlinable @inline(__always)
    public func contains(_ key: UInt64) -> Bool {
        let found = slots.withUnsafeBufferPointer { s in
            let i = HashedKeyMap<Bool>.slot(key, shift)
            let nearest = min(min(s[i] ^ key, s[i + 1] ^ key), min(s[i + 2] ^ key, s[i + 3] ^ key))
            return key == 0 ? hasZero : nearest == 0
        }
        return overflow.isEmpty ? found : found || overflow.contains(key)
    }
}
