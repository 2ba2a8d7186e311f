import CrosscheckCore
import Testing

@Suite struct SHA256Tests {
    func hex(_ s: String) -> String { ContentID(ofText: s).hex }

    @Test func fipsVectors() {
        #expect(hex("") == "e3b0c44298fc1c149afbf4c8996fb92427ae41e4649b934ca495991b7852b855")
        #expect(hex("abc") == "ba7816bf8f01cfea414140de5dae2223b00361a396177a9cb410ff61f20015ad")
        #expect(hex("abcdbcdecdefdefgefghfghighijhijkijkljklmklmnlmnomnopnopq")
            == "248d6a61d20638b8e5c026930c3e6039a33ce45964ff2167f6ecedd419db06c1")
        #expect(ContentID(of: [UInt8](repeating: UInt8(ascii: "a"), count: 1_000_000)).hex
            == "cdc76e5c9914fb9281a1c7e284d73e67f1809a48a497200e046d39ccc7112cd0")
        var swift = SHA256(hardware: false)
        swift.update(Array("abc".utf8))
        #expect(swift.finalize() == SHA256.hash(Array("abc".utf8)))
    }

    @Test func incrementalEqualsOneShot() {
        let bytes = (0..<1000).map { UInt8(truncatingIfNeeded: $0 &* 31) }
        for split in [0, 1, 55, 56, 63, 64, 65, 500, 999] {
            var h = SHA256()
            h.update(bytes[0..<split])
            h.update(bytes[split...])
            #expect(h.finalize() == SHA256.hash(bytes), "split at \(split)")
        }
    }

    /// The SHA instructions and the Swift rounds agree on every length around block edges and on long inputs.
    @Test func hardwareAndSwiftAgree() {
        var state: UInt64 = 0x9E37_79B9_7F4A_7C15
        for length in Array(0...300) + [4095, 4096, 4097, 65_536 + 7, 1_000_003] {
            let bytes = (0..<length).map { _ -> UInt8 in
                state = state &* 6_364_136_223_846_793_005 &+ 1_442_695_040_888_963_407
                return UInt8(truncatingIfNeeded: state >> 33)
            }
            var swift = SHA256(hardware: false), hardware = SHA256(hardware: true)
            swift.update(bytes)
            hardware.update(bytes[..<(length / 3)])
            hardware.update(bytes[(length / 3)...])
            #expect(swift.finalize() == hardware.finalize(), "length \(length)")
        }
    }

    @Test func contentIDParsing() {
        let id = ContentID(ofText: "abc")
        #expect(ContentID(hex: id.hex.uppercased()) == id)
        #expect(ContentID(hex: "xyz") == nil)
        #expect(ContentID(hex: String(id.hex.dropLast())) == nil)
        #expect(id.short.count == 12 && id.hex.hasPrefix(id.short))
    }
}
