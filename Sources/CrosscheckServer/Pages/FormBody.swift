/// An `application/x-www-form-urlencoded` body: `name=value` pairs joined by `&`, `+` for a space, `%XX` bytes
/// (invalid UTF-8 replaced, never trusted). The first value of a name wins.
struct FormBody {
    private var values: [String: String] = [:]

    init(_ body: String) {
        for pair in body.split(separator: "&") {
            let parts = pair.split(separator: "=", maxSplits: 1, omittingEmptySubsequences: false)
            let name = Self.decode(parts[0]), value = parts.count > 1 ? Self.decode(parts[1]) : ""
            if values[name] == nil { values[name] = value }
        }
    }

    subscript(name: String) -> String? { values[name] }

    static func decode(_ s: Substring) -> String {
        var bytes: [UInt8] = []
        var k = s.utf8.startIndex
        let u = s.utf8
        while k < u.endIndex {
            let b = u[k]
            if b == UInt8(ascii: "+") {
                bytes.append(32)
            } else if b == UInt8(ascii: "%"), let h = u.index(k, offsetBy: 2, limitedBy: u.index(before: u.endIndex)),
                      let v = UInt8(String(decoding: u[u.index(after: k)...h], as: UTF8.self), radix: 16) {
                bytes.append(v)
                k = h
            } else {
                bytes.append(b)
            }
            k = u.index(after: k)
        }
        return String(decoding: bytes, as: UTF8.self)
    }
}
