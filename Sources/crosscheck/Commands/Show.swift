import ArgumentParser
import Foundation
import CrosscheckCore
import CrosscheckReport
import CrosscheckStore

extension Crosscheck {
    struct Show: AsyncParsableCommand {
        static let configuration = CommandConfiguration(
            abstract: "Show one article: metadata, cleaned text, and what cleaning removed (with reasons).")

        @OptionGroup var store: StoreOptions

        @Argument(help: "Article id or a unique prefix of it (at least 4 hex digits).")
        var id: String

        @Option(help: "Output format: table (readable) or json.")
        var format: OutputFormat = .table

        @Flag(help: "Print the raw bytes as received (a file, a JSON line, a WARC record, a feed item) instead.")
        var raw = false

        func run() async throws {
            let stored: StoredArticle
            do {
                stored = try store.openExisting().article(idPrefix: id)
            } catch let error as StoreError {
                throw CLIError(error.description)
            }
            if raw {
                let store = try store.openExisting()
                guard let bytes = try store.rawArticle(id: stored.article.id)?.bytes else { throw CLIError("no raw bytes for \(stored.article.id.hex)") }
                FileHandle.standardOutput.write(Data(bytes))
                return
            }
            switch format {
            case .json, .jsonl: Terminal.out(try JSONOutput.object(stored, pretty: format == .json))
            case .table, .csv: Terminal.out(Self.render(stored))
            }
        }

        static func render(_ stored: StoredArticle) -> String {
            let a = stored.article
            var fields: [(String, String)] = [
                ("id", a.id.hex), ("title", a.title ?? "—"),
                ("published", a.published.map { "\($0.value) (\($0.precision.rawValue), from \($0.from))" } ?? "—"),
            ]
            if let updated = a.updated { fields.append(("updated", "\(updated.value) (from \(updated.from))")) }
            fields += [
                ("outlet", a.outlet ?? "—"), ("url", a.url ?? "—"), ("language", a.language ?? "—"),
                ("authors", a.authors.isEmpty ? "—" : a.authors.joined(separator: "; ")),
                ("origin", stored.origin.description), ("format", stored.format.rawValue),
                ("received", stored.receivedAt.formatted(.iso8601)), ("raw size", "\(stored.rawSize) bytes"),
                ("words", String(a.wordCount)),
            ]
            var out = ""
            for (key, value) in fields { out += key.padding(toLength: 10, withPad: " ", startingAt: 0) + " " + value + "\n" }
            out += "\n── text ──\n\(a.text)\n"
            out += "\n── removed (\(a.removed.count)) ──\n"
            for piece in a.removed { out += "[\(piece.reason)] \(piece.text.replacingOccurrences(of: "\n", with: " "))\n" }
            return out
        }
    }
}
