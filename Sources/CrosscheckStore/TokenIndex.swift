import Foundation

/// The bearer tokens that may write through the server (`crosscheck token create|list|revoke`). Only a token's
/// SHA-256 is stored: whoever reads the store cannot write with what they find.
public protocol TokenIndex {
    /// Stores a token under `name` by its digest (hex); false when the name is taken.
    func createToken(name: String, digest: String, at date: Date) throws -> Bool
    /// The tokens, by name, without their digests.
    func tokens() throws -> [TokenRecord]
    /// Forgets the token called `name`; false when there was none.
    func revokeToken(name: String) throws -> Bool
    /// The name of the token with this digest (and marks it used), or nil.
    func tokenName(digest: String, usedAt date: Date) throws -> String?
}
