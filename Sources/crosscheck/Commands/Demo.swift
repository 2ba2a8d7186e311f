import ArgumentParser
import CrosscheckCore
import CrosscheckEvents
import CrosscheckLanguage
import CrosscheckDedup
import CrosscheckIngest
import CrosscheckReport
import CrosscheckService
import CrosscheckStore
import Foundation

extension Crosscheck {
    struct Demo: AsyncParsableCommand {
        static let configuration = CommandConfiguration(
            abstract: "Ingest the bundled demo corpus (a fictional flood scenario) into a temporary store and show it.")

        @Option(help: "The demo corpus folder (default: Samples/flood-2025 of this checkout).")
        var samples: String?

        @Flag(help: "Keep the temporary store and print its path.")
        var keep = false

        func run() async throws {
            guard let folder = samples ?? Self.defaultSamples() else {
                throw CLIError("cannot find the demo corpus; pass --samples PATH (the Samples/ folder of the repository)")
            }
            let dir = FileManager.default.temporaryDirectory.appendingPathComponent("crosscheck-demo-\(getpid())")
            try FileManager.default.createDirectory(at: dir, withIntermediateDirectories: true)
            defer { if !keep { try? FileManager.default.removeItem(at: dir) } }
            let path = dir.appendingPathComponent("demo.sqlite").path
            let store = try SQLiteStore(path: path)
            let summary = try Ingestor().ingest([folder], into: store, onRejected: { rejected in
                Terminal.err("rejected: \(rejected.line)\n")
            })
            try Engine().analyze(store)
            let readme = URL(fileURLWithPath: folder).deletingLastPathComponent().appendingPathComponent("README.md").path
            Terminal.out("Crosscheck demo — a FICTIONAL spring flood on the Panj / Amu Darya (see \(readme))\n\n")
            Terminal.out("Ingested \(summary.new) articles (\(summary.duplicate) already stored, \(summary.rejected) rejected).\n\n")
            let rows = try store.articles(ArticleQuery())
            Terminal.out(try Crosscheck.Articles.listing.render(rows, as: .table))
            if let hit = try store.search(["evacuated"], raw: false, limit: 3, highlight: .markdown).first {
                Terminal.out("\nsearch \"evacuated\" → \(hit.id.short) \(hit.outlet ?? ""): \(hit.snippet.replacingOccurrences(of: "\n", with: " "))\n")
            }
            let groups = try store.sourceGroups(RelationQuery())
            let grouped = groups.reduce(0) { $0 + $1.size }
            Terminal.out("\nSource groups: \(rows.count) articles come from \(rows.count - grouped + groups.count) independent sources; linked copies:\n")
            Terminal.out(try Crosscheck.Duplicates.relationListing.render(try store.relations(RelationQuery(kinds: [.exact, .near, .contains, .rewrite])), as: .table))
            let brief = try SituationReader(store: store).brief(limit: 12)
            Terminal.out("\n" + (brief.map { b in var b = b; b.title = "Brief of the demo corpus"; return b.markdown() } ?? ""))
            if keep { Terminal.out("\nStore kept at \(path)\n") }
        }

        /// `Samples/flood-2025/` beside the package (found from this source file's path), else `./Samples`.
        static func defaultSamples() -> String? {
            RepositoryPaths.existing("Samples/flood-2025")
        }
    }
}
