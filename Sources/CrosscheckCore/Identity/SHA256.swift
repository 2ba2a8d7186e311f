import CSHA256

/// SHA-256 (FIPS 180-4) over bytes: with the processor's SHA instructions where it has them (`CSHA256`, x86-64
/// SHA-NI: about 5× faster — every raw input is hashed on ingest's reading thread), else in pure Swift.
///
/// Content ids are SHA-256 digests of raw input bytes. Foundation on Linux has no digest API and
/// swift-crypto would add a minute to every clean build for one function, so the core carries its own.
/// Verified against the FIPS test vectors in `SHA256Tests`, both ways.
public struct SHA256: Sendable {
    /// Whether this processor's SHA instructions are used.
    public static let accelerated = crosscheck_sha256_accelerated() != 0
    private let hardware: Bool
    private var state: (UInt32, UInt32, UInt32, UInt32, UInt32, UInt32, UInt32, UInt32) =
        (0x6a09_e667, 0xbb67_ae85, 0x3c6e_f372, 0xa54f_f53a, 0x510e_527f, 0x9b05_688c, 0x1f83_d9ab, 0x5be0_cd19)
    private var buffer: [UInt8] = []
    private var length: UInt64 = 0

    /// A hasher with the initial state; `hardware: false` keeps to the Swift implementation (for tests).
    public init(hardware: Bool = SHA256.accelerated) {
        self.hardware = hardware && Self.accelerated
        buffer.reserveCapacity(64)
    }

    /// The digest of `bytes` in one call.
    public static func hash<C: Collection>(_ bytes: C) -> [UInt8] where C.Element == UInt8 {
        var h = SHA256()
        h.update(bytes)
        return h.finalize()
    }

    /// Feeds more bytes.
    public mutating func update<C: Collection>(_ bytes: C) where C.Element == UInt8 {
        length &+= UInt64(bytes.count)
        let done = bytes.withContiguousStorageIfAvailable { ptr -> Bool in
            absorb(UnsafeRawBufferPointer(ptr))
            return true
        }
        if done == nil {
            let copy = Array(bytes)
            copy.withUnsafeBytes { absorb($0) }
        }
    }

    private mutating func absorb(_ input: UnsafeRawBufferPointer) {
        var offset = 0
        if !buffer.isEmpty {
            let take = min(64 - buffer.count, input.count)
            buffer.append(contentsOf: input[0..<take])
            offset = take
            if buffer.count == 64 {
                let block = buffer
                block.withUnsafeBytes { bytes in
                    if hardware {
                        withUnsafeMutableBytes(of: &state) {
                            crosscheck_sha256_blocks($0.baseAddress!.assumingMemoryBound(to: UInt32.self),
                                                     bytes.baseAddress!.assumingMemoryBound(to: UInt8.self), 1)
                        }
                    } else {
                        compress(bytes.baseAddress!)
                    }
                }
                buffer.removeAll(keepingCapacity: true)
            }
        }
        let blocks = (input.count - offset) / 64
        if hardware, blocks > 0 {
            withUnsafeMutableBytes(of: &state) { words in
                crosscheck_sha256_blocks(words.baseAddress!.assumingMemoryBound(to: UInt32.self),
                                         input.baseAddress!.assumingMemoryBound(to: UInt8.self) + offset, blocks)
            }
            offset += blocks * 64
        }
        while input.count - offset >= 64 {
            compress(input.baseAddress! + offset)
            offset += 64
        }
        if offset < input.count {
            buffer.append(contentsOf: input[offset...])
        }
    }

    /// Finishes and returns the 32-byte digest.
    public mutating func finalize() -> [UInt8] {
        let bitLength = length &* 8
        var pad: [UInt8] = [0x80]
        let rem = (buffer.count + 1) % 64
        pad.append(contentsOf: repeatElement(0, count: rem <= 56 ? 56 - rem : 120 - rem))
        for i in (0..<8).reversed() { pad.append(UInt8(truncatingIfNeeded: bitLength >> (UInt64(i) * 8))) }
        let savedLength = length
        update(pad)
        length = savedLength
        var out: [UInt8] = []
        out.reserveCapacity(32)
        for word in [state.0, state.1, state.2, state.3, state.4, state.5, state.6, state.7] {
            out.append(UInt8(truncatingIfNeeded: word >> 24))
            out.append(UInt8(truncatingIfNeeded: word >> 16))
            out.append(UInt8(truncatingIfNeeded: word >> 8))
            out.append(UInt8(truncatingIfNeeded: word))
        }
        return out
    }

    private static let k: [UInt32] = Array(UnsafeBufferPointer(start: crosscheck_sha256_constants(), count: 64))

    @inline(__always)
    private static func rotr(_ x: UInt32, _ n: UInt32) -> UInt32 { (x >> n) | (x << (32 - n)) }

    private mutating func compress(_ block: UnsafeRawPointer) {
        withUnsafeTemporaryAllocation(of: UInt32.self, capacity: 64) { w in
            for i in 0..<16 {
                let b = block + i * 4
                w[i] = UInt32(b.load(as: UInt8.self)) << 24 | UInt32(b.load(fromByteOffset: 1, as: UInt8.self)) << 16
                    | UInt32(b.load(fromByteOffset: 2, as: UInt8.self)) << 8 | UInt32(b.load(fromByteOffset: 3, as: UInt8.self))
            }
            for i in 16..<64 {
                let s0 = Self.rotr(w[i - 15], 7) ^ Self.rotr(w[i - 15], 18) ^ (w[i - 15] >> 3)
                let s1 = Self.rotr(w[i - 2], 17) ^ Self.rotr(w[i - 2], 19) ^ (w[i - 2] >> 10)
                w[i] = w[i - 16] &+ s0 &+ w[i - 7] &+ s1
            }
            var (a, b, c, d, e, f, g, h) = state
            Self.k.withUnsafeBufferPointer { k in
                for i in 0..<64 {
                    let s1 = Self.rotr(e, 6) ^ Self.rotr(e, 11) ^ Self.rotr(e, 25)
                    let ch = (e & f) ^ (~e & g)
                    let t1 = h &+ s1 &+ ch &+ k[i] &+ w[i]
                    let s0 = Self.rotr(a, 2) ^ Self.rotr(a, 13) ^ Self.rotr(a, 22)
                    let maj = (a & b) ^ (a & c) ^ (b & c)
                    let t2 = s0 &+ maj
                    h = g; g = f; f = e; e = d &+ t1
                    d = c; c = b; b = a; a = t1 &+ t2
                }
            }
            state = (state.0 &+ a, state.1 &+ b, state.2 &+ c, state.3 &+ d,
                     state.4 &+ e, state.5 &+ f, state.6 &+ g, state.7 &+ h)
        }
    }
}
