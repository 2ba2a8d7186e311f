import CrosscheckCore
import Foundation

/// Errors of the store: a struct over a private enum, with a one-line message.
public struct StoreError: Error, CustomStringConvertible, Equatable {
    private enum Kind: Equatable {
        case notFound(String)
        case ambiguous(String, Int)
        case badQuery(String, String)
        case unsupported(String)
        case outdated(String)
    }

    private let kind: Kind

    public static func notFound(_ id: String) -> StoreError { StoreError(kind: .notFound(id)) }
    public static func ambiguous(_ id: String, matches: Int) -> StoreError { StoreError(kind: .ambiguous(id, matches)) }
    public static func badQuery(_ query: String, _ detail: String) -> StoreError { StoreError(kind: .badQuery(query, detail)) }
    public static func unsupported(_ what: String) -> StoreError { StoreError(kind: .unsupported(what)) }
    /// A store opened read-only whose schema an older version wrote (it cannot be upgraded without writing).
    public static func outdated(_ path: String) -> StoreError { StoreError(kind: .outdated(path)) }

    /// Whether the error says a thing asked for does not exist (an HTTP 404).
    public var isNotFound: Bool { if case .notFound = kind { true } else { false } }

    public var description: String {
        switch kind {
        case .notFound(let id): "no article with id \(id)"
        case .ambiguous(let id, let n): "id prefix \(id) matches \(n) articles; give more digits"
        case .badQuery(let q, let detail): "cannot search for \(q): \(detail)"
        case .unsupported(let what): "unsupported: \(what)"
        case .outdated(let path): "the store at \(path) was written by an older crosscheck; run `crosscheck reanalyze --db \(path)` to bring it up to date"
        }
    }
}
