/// Chooses the character encoding to parse an HTML page with: a byte-order mark, then a declared
/// `<meta charset>` / `http-equiv` value, then valid UTF-8, then windows-1252.
enum CharsetSniffer {
    /// How far into the page a charset declaration is looked for (the HTML standard says 1024 bytes;
    /// real pages put it later, after long comments and scripts).
    static let declarationWindow = 4096

    /// `transport` is the charset the page was served with (HTTP `Content-Type`), which wins over the page's own
    /// declaration, as the HTML standard orders them.
    static func encoding(for bytes: [UInt8], transport: String? = nil) -> String {
        if bytes.count >= 3, bytes[0] == 0xEF, bytes[1] == 0xBB, bytes[2] == 0xBF { return "UTF-8" }
        let declaration = transport.flatMap { name -> String? in
            Array(("charset=" + name).utf8).withUnsafeBufferPointer { declaredCharset(in: $0) }
        } ?? bytes.withUnsafeBufferPointer { declaredCharset(in: UnsafeBufferPointer(rebasing: $0.prefix(declarationWindow))) }
        if let declared = declaration {
            // A page declared as a single-byte charset that is in fact valid UTF-8 with non-ASCII text
            // was re-served by a CMS that forgot to change its meta tag.
            if declared != "UTF-8", UTF8Validation.firstInvalidOffset(bytes) == nil, bytes.contains(where: { $0 >= 0x80 }) {
                return "UTF-8"
            }
            return declared
        }
        return UTF8Validation.firstInvalidOffset(bytes) == nil ? "UTF-8" : undeclaredSingleByte(bytes)
    }

    /// Frequent Russian letters (о е а и н т с р) in windows-1251 and in KOI8-R.
    static let cp1251Frequent: Set<UInt8> = [0xEE, 0xE5, 0xE0, 0xE8, 0xED, 0xF2, 0xF1, 0xF0]
    static let koi8Frequent: Set<UInt8> = [0xCF, 0xC5, 0xC1, 0xC9, 0xCE, 0xD4, 0xD3, 0xD2]

    /// Guesses the single-byte charset of a page with no declaration that is not UTF-8: Cyrillic pages
    /// have most letters in the high half, and their most frequent letters land on different bytes in
    /// windows-1251 and KOI8-R. Everything else is read as windows-1252 (a superset of Latin-1).
    static func undeclaredSingleByte(_ bytes: [UInt8]) -> String {
        var high = 0, latin = 0, cp1251 = 0, koi8 = 0
        for b in bytes.prefix(1 << 16) {
            if b >= 0xC0 {
                high += 1
                if cp1251Frequent.contains(b) { cp1251 += 1 }
                if koi8Frequent.contains(b) { koi8 += 1 }
            } else if (b | 0x20) >= 0x61 && (b | 0x20) <= 0x7A {
                latin += 1
            }
        }
        // Markup is Latin letters too, so Cyrillic text needs only a fair share of high bytes.
        guard high * 4 > latin, max(cp1251, koi8) * 4 > high else { return "windows-1252" }
        return cp1251 >= koi8 ? "windows-1251" : "KOI8-R"
    }

    static let charsetKey = Array("charset=".utf8)

    /// The charset a page's start declares (`charset=` in any case, the value lowercased), or nil.
    static func declaredCharset(in window: UnsafeBufferPointer<UInt8>) -> String? {
        var from = 0
        while from < window.count,
              let end = MetadataCollector.find(charsetKey, in: UnsafeBufferPointer(rebasing: window[from...])).map({ $0 + from }) {
            from = end
            var i = end
            while i < window.count, window[i] == 34 || window[i] == 39 || window[i] == 32 { i += 1 }
            var value: [UInt8] = []
            while i < window.count {
                var b = window[i]
                if b >= 65 && b <= 90 { b += 32 }
                // Letters and digits (any non-ASCII byte counts as a letter, as Character.isLetter did for most), - _ :
                guard (b >= 97 && b <= 122) || (b >= 48 && b <= 57) || b == 45 || b == 95 || b == 58 || b >= 0x80 else { break }
                value.append(b)
                i += 1
            }
            guard !value.isEmpty else { continue }
            let name = String(decoding: value, as: UTF8.self)
            // Pages served as UTF-8 often still say iso-8859-1; a declared Latin-1 page that is valid
            // UTF-8 is handled by the caller's validation.
            switch name {
            case "utf8": return "UTF-8"
            case "latin1", "latin-1": return "ISO-8859-1"
            case "win-1251", "cp1251": return "windows-1251"
            default: return name.uppercased()
            }
        }
        return nil
    }
}

/// UTF-8 validation over bytes.
public enum UTF8Validation {
    /// Offset of the first byte that breaks UTF-8, or `nil` when all of `bytes` is valid.
    public static func firstInvalidOffset(_ bytes: [UInt8]) -> Int? {
        bytes.withUnsafeBufferPointer { b in
            var i = 0
            let n = b.count
            let base = UnsafeRawPointer(b.baseAddress)
            while i < n {
                // Eight ASCII bytes at a time: most of a page is markup.
                if let base, i + 8 <= n, base.loadUnaligned(fromByteOffset: i, as: UInt64.self) & 0x8080_8080_8080_8080 == 0 {
                    i += 8
                    continue
                }
                if b[i] < 0x80 { i += 1; continue }
                guard let scalar = multiByteScalar(b.baseAddress! + i, n - i) else { return i }
                i += scalar.length
            }
            return nil
        }
    }

    /// The scalar of the multi-byte sequence at `p` (its lead byte 0x80 or above) and the sequence's
    /// length, or nil when it is not valid UTF-8: a stray continuation byte, an overlong form, a
    /// surrogate, beyond U+10FFFF, or cut short by the end (`available` bytes from `p`).
    @inline(__always)
    static func multiByteScalar(_ p: UnsafePointer<UInt8>, _ available: Int) -> (value: UInt32, length: Int)? {
        let c = p.pointee
        let length: Int, shortest: UInt32
        var value: UInt32
        if c & 0xE0 == 0xC0 { length = 2; value = UInt32(c & 0x1F); shortest = 0x80 }
        else if c & 0xF0 == 0xE0 { length = 3; value = UInt32(c & 0x0F); shortest = 0x800 }
        else if c & 0xF8 == 0xF0 { length = 4; value = UInt32(c & 0x07); shortest = 0x10000 }
        else { return nil }
        guard available >= length else { return nil }
        for k in 1..<length {
            let cc = p[k]
            guard cc & 0xC0 == 0x80 else { return nil }
            value = value << 6 | UInt32(cc & 0x3F)
        }
        guard value >= shortest, value <= 0x10FFFF, value < 0xD800 || value > 0xDFFF else { return nil }
        return (value, length)
    }
}
