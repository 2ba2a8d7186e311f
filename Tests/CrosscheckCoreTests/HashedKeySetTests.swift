import CrosscheckCore
import Testing

@Suite struct HashedKeySetTests {
    /// The open-addressing set answers as `Set` does, for members, non-members and colliding slots.
    @Test func hashSetAgreesWithSet() {
        var rng = SystemRandomNumberGenerator()
        for size in [0, 1, 7, 100, 5_000] {
            // Members sharing their low byte, probes drawn from the same shape: near misses.
            let members = (0..<size).map { _ in UInt64.random(in: 1...UInt64.max, using: &rng) & ~0xFF | 0x42 }
            let table = HashedKeySet(members)
            let reference = Set(members)
            #expect(table.count == reference.count)
            for m in members { #expect(table.contains(m)) }
            for _ in 0..<2_000 {
                let probe = UInt64.random(in: 0...UInt64.max, using: &rng) & (size.isMultiple(of: 2) ? ~0xFF | 0x42 : .max)
                #expect(table.contains(probe) == reference.contains(probe))
            }
            #expect(!table.contains(0))
        }
    }
}

@Suite struct WindowKeySetTests {
    /// The branch-free set answers as `Set` does, for random hashes, zero, and keys built to share one
    /// home slot (which no table size separates: they go to the overflow set).
    @Test func windowSetAgreesWithSet() {
        var rng = SystemRandomNumberGenerator()
        // (k · inverse) · golden = k: keys whose slot products differ only in their low bits.
        var inverse: UInt64 = 1
        for _ in 0..<6 { inverse = inverse &* (2 &- 0x9E37_79B9_7F4A_7C15 &* inverse) }
        #expect(inverse &* 0x9E37_79B9_7F4A_7C15 == 1)
        let crowded = (1...40).map { (0xABCD_0000_0000_0000 | UInt64($0)) &* inverse }
        for members in [[], [0], (0..<1_800).map { _ in UInt64.random(in: 1...UInt64.max, using: &rng) },
                        crowded, crowded + [0, 7, 9]] as [[UInt64]] {
            let table = WindowKeySet(members + members.prefix(3))  // repeats count once
            let reference = Set(members)
            #expect(table.count == reference.count)
            for m in members { #expect(table.contains(m)) }
            for _ in 0..<2_000 {
                let probe = UInt64.random(in: 0...UInt64.max, using: &rng)
                #expect(table.contains(probe) == reference.contains(probe))
            }
            for near in crowded.map({ $0 &+ inverse &* 1_000 }) { #expect(table.contains(near) == reference.contains(near)) }
            #expect(table.contains(0) == reference.contains(0))
        }
    }
}
