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
