import CrosscheckCore
import CrosscheckStore
import Foundation

/// Bearer tokens for writing through the server: made here, shown once, stored as their SHA-256 only.
public enum WriteTokens {
    /// A new token for `name` (letters, digits, `-`, `_`, `.`; at most 64), stored by its digest; nil when the name is
    /// taken. The token itself is never stored: the caller shows it once.
    public static func create(name: String, in store: any Store, now: Date = Date()) throws -> String? {
        guard isValidName(name) else { throw TokenError.badName(name) }
        var generator = SystemRandomNumberGenerator()
        let token = "cct_" + (0..<4).map { _ in String(format: "%016llx", generator.next() as UInt64) }.joined()
        return try store.createToken(name: name, digest: digest(of: token), at: now) ? token : nil
    }

    /// The name of the token a request carries (`Authorization: Bearer …`), or nil when it is none of the store's.
    public static func holder(of token: String, in store: any Store, now: Date = Date()) throws -> String? {
        guard token.hasPrefix("cct_"), token.count <= 128 else { return nil }
        return try store.tokenName(digest: digest(of: token), usedAt: now)
    }

    public static func digest(of token: String) -> String { ContentID(ofText: token).hex }

    public static func isValidName(_ name: String) -> Bool {
        !name.isEmpty && name.count <= 64 && name.allSatisfy { $0.isASCII && ($0.isLetter || $0.isNumber || "-_.".contains($0)) }
    }

    public enum TokenError: Error, CustomStringConvertible {
        case badName(String)
        public var description: String {
            switch self {
            case .badName(let name): "a token name is 1 to 64 letters, digits, '-', '_' or '.', not '\(name)'"
            }
        }
    }
}
