/// A set of 64-bit word hashes in one open-addressing table (0 marks an empty slot, so 0 itself is
/// never a member): a lookup is a probe or two with no hashing of its own, since word hashes are
/// already spread. For the fixed vocabularies read once per word of every article.
struct HashSet64: Sendable {
    private let table: [UInt64]
    private let mask: Int
    let count: Int

    init(_ hashes: some Sequence<UInt64>) {
        let unique = Set(hashes.lazy.filter { $0 != 0 })
        var size = 16
        while size < unique.count * 4 { size <<= 1 }
        var table = [UInt64](repeating: 0, count: size)
        for h in unique {
            var i = Int(truncatingIfNeeded: h) & (size - 1)
            while table[i] != 0 { i = (i + 1) & (size - 1) }
            table[i] = h
        }
        self.table = table
        mask = size - 1
        count = unique.count
    }

    @inline(__always)
    func contains(_ hash: UInt64) -> Bool {
        table.withUnsafeBufferPointer { t in
            var i = Int(truncatingIfNeeded: hash) & mask
            while true {
                let v = t[i]
                if v == hash { return hash != 0 }
                if v == 0 { return false }
                i = (i + 1) & mask
            }
        }
    }
}
