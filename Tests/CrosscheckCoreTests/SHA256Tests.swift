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

    @Test func contentIDParsing() {
        let id = ContentID(ofText: "abc")
        #expect(ContentID(hex: id.hex.uppercased()) == id)
        #expect(ContentID(hex: "xyz") == nil)
        #expect(ContentID(hex: String(id.hex.dropLast())) == nil)
        #expect(id.short.count == 12 && id.hex.hasPrefix(id.short))
    }
}
