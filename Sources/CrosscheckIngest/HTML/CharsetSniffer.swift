/// Chooses the character encoding to parse an HTML page with: a byte-order mark, then a declared
/// `<meta charset>` / `http-equiv` value, then valid UTF-8, then windows-1252.
enum CharsetSniffer {
    /// How far into the page a charset declaration is looked for (the HTML standard says 1024 bytes;
    /// real pages put it later, after long comments and scripts).
    static let declarationWindow = 4096

    static func encoding(for bytes: [UInt8]) -> String {
        if bytes.count >= 3, bytes[0] == 0xEF, bytes[1] == 0xBB, bytes[2] == 0xBF { return "UTF-8" }
        let window = String(decoding: bytes.prefix(declarationWindow).map { $0 >= 65 && $0 <= 90 ? $0 + 32 : $0 },
                            as: UTF8.self)
        if let declared = declaredCharset(in: window) { return declared }
        return UTF8Validation.firstInvalidOffset(bytes) == nil ? "UTF-8" : "windows-1252"
    }

    static func declaredCharset(in lower: String) -> String? {
        var search = lower.startIndex..<lower.endIndex
        while let r = lower.range(of: "charset=", range: search) {
            var value = lower[r.upperBound...].drop(while: { $0 == "\"" || $0 == "'" || $0 == " " })
            value = value.prefix(while: { $0.isLetter || $0.isNumber || $0 == "-" || $0 == "_" || $0 == ":" })
            search = r.upperBound..<lower.endIndex
            guard !value.isEmpty else { continue }
            let name = String(value)
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
            while i < n {
                let c = b[i]
                if c < 0x80 { i += 1; continue }
                var need = 0
                var min: UInt32 = 0
                var cp: UInt32
                if c & 0xE0 == 0xC0 { need = 1; cp = UInt32(c & 0x1F); min = 0x80 }
                else if c & 0xF0 == 0xE0 { need = 2; cp = UInt32(c & 0x0F); min = 0x800 }
                else if c & 0xF8 == 0xF0 { need = 3; cp = UInt32(c & 0x07); min = 0x10000 }
                else { return i }
                guard i + need < n else { return i }
                for k in 1...need {
                    let cc = b[i + k]
                    guard cc & 0xC0 == 0x80 else { return i }
                    cp = cp << 6 | UInt32(cc & 0x3F)
                }
                if cp < min || cp > 0x10FFFF || (cp >= 0xD800 && cp <= 0xDFFF) { return i }
                i += need + 1
            }
            return nil
        }
    }
}
