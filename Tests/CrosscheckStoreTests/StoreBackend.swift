import CrosscheckStore
import CrosscheckTesting
import Testing

/// A store backend the conformance suite runs on. PostgreSQL adds a case here (available when a server can be
/// started); the tests themselves do not change.
enum StoreBackend: String, CaseIterable, Sendable, CustomTestStringConvertible {
    case sqlite

    /// The backends this machine can run.
    static var all: [StoreBackend] { allCases }

    /// A fresh, empty store in `dir`.
    func make(_ dir: TemporaryDirectory) throws -> any Store {
        switch self {
        case .sqlite: try SQLiteStore(path: dir.path("conformance.sqlite"))
        }
    }

    var testDescription: String { rawValue }
}
