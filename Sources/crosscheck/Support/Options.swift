import ArgumentParser
import CrosscheckReport
import CrosscheckStore
import Foundation

extension OutputFormat: ExpressibleByArgument {}

/// `--db`: which store to use.
struct StoreOptions: ParsableArguments {
    @Option(name: .long, help: "Store: a SQLite file path (default ./crosscheck.sqlite, or $CROSSCHECK_DB).")
    var db: String?

    var path: String {
        db ?? ProcessInfo.processInfo.environment["CROSSCHECK_DB"].flatMap { $0.isEmpty ? nil : $0 } ?? "crosscheck.sqlite"
    }

    /// The store for a reading command, opened read-only: it must exist already (a mistyped `--db` would otherwise
    /// create an empty store and print empty listings), and reading never changes it.
    func openExisting() throws -> SQLiteStore {
        if !path.hasPrefix("postgres://"), !path.hasPrefix("postgresql://"), !FileManager.default.fileExists(atPath: path) {
            throw CLIError("no store at \(path); create one with `crosscheck ingest`")
        }
        return try open(readOnly: true)
    }

    func open(readOnly: Bool = false) throws -> SQLiteStore {
        if path.hasPrefix("postgres://") || path.hasPrefix("postgresql://") {
            throw ValidationError("PostgreSQL stores are not built yet; use a SQLite file path")
        }
        do {
            return try SQLiteStore(path: path, readOnly: readOnly)
        } catch let error as StoreError {
            throw CLIError(error.description)
        } catch {
            throw CLIError("cannot open store \(path): \(error)")
        }
    }
}

/// `--format` for listings.
struct FormatOptions: ParsableArguments {
    @Option(name: .long, help: "Output format: table, json, jsonl or csv.")
    var format: OutputFormat = .table
}

/// A failure that stops a command: printed as one line, exit code 1.
struct CLIError: Error, CustomStringConvertible {
    let description: String
    init(_ description: String) { self.description = description }
}

extension CLIError: LocalizedError {
    var errorDescription: String? { description }
}

/// Counts given on the command line (`--limit`, `--offset`, `--min-sources`…) must not be negative: a negative
/// `prefix` traps, and a negative offset or threshold means nothing.
func requireNonNegative(_ values: KeyValuePairs<String, Int>) throws {
    for (name, value) in values where value < 0 {
        throw ValidationError("--\(name) must be 0 or more, not \(value)")
    }
}
