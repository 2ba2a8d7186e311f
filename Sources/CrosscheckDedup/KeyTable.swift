import CPrefetch
import CrosscheckCore

#if canImport(Glibc)
import Glibc
#elseif canImport(Darwin)
import Darwin
#endif

/// The in-memory LSH index: (key, article) pairs in one open-addressing table of 64-bit slots, so an
/// entry costs 8 bytes (10.7 at the table's maximum load of three quarters, 21 right after it doubles)
/// instead of a dictionary entry and an array. Three quarters, not a half: a lookup's time is the miss
/// on its first slot, and the runs of eight slots a cache line holds cost little more to walk; the
/// table, and the fresh pages each doubling faults in, are half as large.
/// A reference type: the index that owns it is the only user, under its lock.
final class KeyTable: @unchecked Sendable {
    private var slots: UnsafeMutableBufferPointer<UInt64>
    private var mask: Int
    private(set) var count = 0
    /// Entries per key at most: a key shared by more articles is a stop key (boilerplate that escaped
    /// cleaning, a stock phrase) and adding more would only lengthen its probe run.
    let maxPerKey: Int

    init(capacity: Int = 1 << 16, maxPerKey: Int = 256) {
        var size = 16
        while Self.isOverloaded(capacity, size) { size <<= 1 }
        slots = Self.zeroed(size)
        mask = size - 1
        self.maxPerKey = maxPerKey
    }

    deinit { Self.release(slots) }

    /// A zero-filled table straight from the kernel. Large ones ask for huge pages: a table of tens of
    /// megabytes is otherwise faulted in 4 KB at a time, which cost more than all the inserts into it
    /// (measured on the 100k-article bench in a VM).
    private static func zeroed(_ count: Int) -> UnsafeMutableBufferPointer<UInt64> {
        let bytes = count * MemoryLayout<UInt64>.stride
        #if canImport(Glibc)
        if bytes >= 1 << 21, let raw = mmap(nil, bytes, PROT_READ | PROT_WRITE, MAP_PRIVATE | MAP_ANONYMOUS, -1, 0), raw != MAP_FAILED {
            _ = madvise(raw, bytes, MADV_HUGEPAGE)
            return UnsafeMutableBufferPointer(start: raw.assumingMemoryBound(to: UInt64.self), count: count)
        }
        #endif
        let buffer = UnsafeMutableBufferPointer<UInt64>.allocate(capacity: count)
        buffer.initialize(repeating: 0)
        return buffer
    }

    private static func release(_ buffer: UnsafeMutableBufferPointer<UInt64>) {
        #if canImport(Glibc)
        if buffer.count * MemoryLayout<UInt64>.stride >= 1 << 21 {
            munmap(buffer.baseAddress, buffer.count * MemoryLayout<UInt64>.stride)
            return
        }
        #endif
        buffer.deallocate()
    }

    /// Whether `entries` in `slots` exceed the maximum load.
    @inline(__always) private static func isOverloaded(_ entries: Int, _ slots: Int) -> Bool { entries * 4 > slots * 3 }

    /// Bytes held by the table.
    var bytes: Int { slots.count * 8 }

    @inline(__always) private static func slot(_ key: UInt32) -> Int { Int(truncatingIfNeeded: WordScanner.mix(UInt64(key))) }

    /// Where `key`'s probe run starts: visiting keys in this order walks the table forwards, so
    /// consecutive probes share memory pages (a random walk over a large table misses the TLB each time).
    func home(_ key: UInt32) -> Int { Self.slot(key) & mask }

    /// Starts loading the cache line where `key`'s run starts. Lookups and inserts go through a batch's
    /// keys in table order, a few lines apart in a table of many megabytes: each is a cache miss, and
    /// asking for the line some keys ahead overlaps those misses instead of waiting for each in turn.
    @inline(__always) func prefetch(_ key: UInt32, forWriting: Bool = false) {
        let line = UnsafeRawPointer(slots.baseAddress! + home(key))
        if forWriting { cc_prefetch_write(line) } else { cc_prefetch(line) }
    }

    /// How many keys ahead `prefetch` is asked for.
    static let prefetchDistance = 8

    /// Grows the table now, so that `more` inserts keep the current slots.
    func reserve(_ more: Int) {
        while Self.isOverloaded(count + more, slots.count) { grow() }
    }

    /// Adds `doc` (1 ..< 2³²) under `key`; false when the key is full or the pair is there already.
    @discardableResult
    func insert(key: UInt32, doc: UInt32) -> Bool {
        precondition(doc != 0, "article numbers start at 1")
        if Self.isOverloaded(count + 1, slots.count) { grow() }
        let entry = UInt64(key) << 32 | UInt64(doc)
        var i = Self.slot(key) & mask
        var same = 0
        while slots[i] != 0 {
            if slots[i] == entry { return false }
            if slots[i] >> 32 == UInt64(key) {
                same += 1
                if same >= maxPerKey { return false }
            }
            i = (i + 1) & mask
        }
        slots[i] = entry
        count += 1
        return true
    }

    /// Calls `body` with up to `limit` articles under `key`, in insertion order.
    @inline(__always) func forEachDoc(key: UInt32, limit: Int, _ body: (UInt32) -> Void) {
        var i = Self.slot(key) & mask
        var found = 0
        while slots[i] != 0, found < limit {
            if slots[i] >> 32 == UInt64(key) {
                body(UInt32(truncatingIfNeeded: slots[i]))
                found += 1
            }
            i = (i + 1) & mask
        }
    }

    private func grow() {
        let old = slots
        slots = Self.zeroed(old.count * 2)
        mask = slots.count - 1
        count = 0
        for entry in old where entry != 0 {
            var i = Self.slot(UInt32(truncatingIfNeeded: entry >> 32)) & mask
            while slots[i] != 0 { i = (i + 1) & mask }
            slots[i] = entry
            count += 1
        }
        Self.release(old)
    }
}
