import Foundation

/// Plain text that is not UTF-8 but a single-byte charset (windows-1252, the Latin-1 superset most such files
/// use; windows-1251 when the bytes look Cyrillic), decoded with a map back to its bytes so every offset of the
/// cleaned text still points into the raw input.
enum SingleByteText {
    /// The decoded text, the charset, and for each UTF-8 offset of the text (and its end) the raw byte it came from.
    struct Decoded {
        var text: String
        var encoding: String
        var rawOffset: [Int]
    }

    /// Decodes `bytes` when they read as text in a single-byte charset: no control bytes besides tab, line feed,
    /// form feed and carriage return (binary data stays rejected), and a charset the sniffer recognises.
    static func decode(_ bytes: ArraySlice<UInt8>) -> Decoded? {
        guard !bytes.contains(where: { $0 < 0x20 && $0 != 0x09 && $0 != 0x0A && $0 != 0x0C && $0 != 0x0D }) else { return nil }
        let encoding = CharsetSniffer.undeclaredSingleByte(Array(bytes))
        guard let table = table(encoding) else { return nil }
        var utf8: [UInt8] = []
        utf8.reserveCapacity(bytes.count + bytes.count / 8)
        var rawOffset: [Int] = []
        rawOffset.reserveCapacity(bytes.count + bytes.count / 8 + 1)
        for (k, b) in bytes.enumerated() {
            let scalar = table[Int(b)]
            let before = utf8.count
            utf8.append(contentsOf: String(Character(scalar)).utf8)
            for _ in before..<utf8.count { rawOffset.append(k) }
        }
        rawOffset.append(bytes.count)
        return Decoded(text: String(decoding: utf8, as: UTF8.self), encoding: encoding, rawOffset: rawOffset)
    }

    /// Byte → scalar for a charset; bytes the charset leaves undefined become U+FFFD.
    static func table(_ encoding: String) -> [Unicode.Scalar]? {
        switch encoding {
        case "windows-1252": windows1252
        case "windows-1251": windows1251
        default: nil
        }
    }

    /// windows-1252: Latin-1, with printable characters in 0x80–0x9F (the euro, curly quotes, dashes…).
    static let windows1252: [Unicode.Scalar] = {
        let high: [UInt32] = [0x20AC, 0xFFFD, 0x201A, 0x0192, 0x201E, 0x2026, 0x2020, 0x2021, 0x02C6, 0x2030, 0x0160, 0x2039, 0x0152, 0xFFFD, 0x017D, 0xFFFD,
                              0xFFFD, 0x2018, 0x2019, 0x201C, 0x201D, 0x2022, 0x2013, 0x2014, 0x02DC, 0x2122, 0x0161, 0x203A, 0x0153, 0xFFFD, 0x017E, 0x0178]
        return (0..<256).map { b in Unicode.Scalar(b >= 0x80 && b < 0xA0 ? high[b - 0x80] : UInt32(b))! }
    }()

    /// windows-1251 from the platform's converter, byte by byte (each byte is one character).
    static let windows1251: [Unicode.Scalar]? = {
        var out: [Unicode.Scalar] = []
        for b in 0..<256 {
            let decoded = String(data: Data([UInt8(b)]), encoding: .windowsCP1251)?.unicodeScalars
            out.append(decoded?.count == 1 ? decoded!.first! : "\u{FFFD}")
        }
        // A converter that knows nothing of the charset is no table.
        return out[0xE0] == "\u{0430}" ? out : nil
    }()
}
