/// An article's address normalised so that one page read twice (from a feed item and from the page itself, from two
/// crawls) gets one key: scheme and `www.` dropped, host lowercased, fragment and tracking parameters (`utm_*`,
/// `fbclid`, `gclid`) dropped, a trailing slash dropped. Nil for what is not a web address.
public enum AddressKey {
    public static func of(_ url: String?) -> String? {
        guard var rest = url?.trimmingCharacters(in: .whitespacesAndNewlines), !rest.isEmpty else { return nil }
        let lower = rest.lowercased()
        if lower.hasPrefix("https://") { rest.removeFirst(8) } else if lower.hasPrefix("http://") { rest.removeFirst(7) } else { return nil }
        if let hash = rest.firstIndex(of: "#") { rest = String(rest[..<hash]) }
        var path = ""
        if let slash = rest.firstIndex(where: { $0 == "/" || $0 == "?" }) {
            path = String(rest[slash...])
            rest = String(rest[..<slash])
        }
        var host = rest.lowercased()
        if host.hasPrefix("www.") { host.removeFirst(4) }
        if host.hasSuffix(":80") || host.hasSuffix(":443") { host = String(host[..<host.lastIndex(of: ":")!]) }
        guard !host.isEmpty else { return nil }
        var query = ""
        if let q = path.firstIndex(of: "?") {
            let kept = path[path.index(after: q)...].split(separator: "&").filter { parameter in
                let name = parameter.split(separator: "=").first.map { $0.lowercased() } ?? ""
                return !(name.hasPrefix("utm_") || name == "fbclid" || name == "gclid")
            }
            query = kept.isEmpty ? "" : "?" + kept.joined(separator: "&")
            path = String(path[..<q])
        }
        while path.hasSuffix("/") { path.removeLast() }
        return host + path + query
    }
}

import Foundation
