import ArgumentParser
import CrosscheckCore
import CrosscheckEvents
import CrosscheckLanguage
import CrosscheckIngest
import CrosscheckReport
import CrosscheckService
import CrosscheckStore
import Foundation

extension Crosscheck {
    struct Ingest: AsyncParsableCommand {
        static let configuration = CommandConfiguration(
            abstract: "Store articles from files, folders, glob patterns or standard input.",
            discussion: """
            Formats are detected from content: plain text, HTML, JSON lines (one article per line with \
            "text" or "html", optional "title", "url", "published", "outlet"), and gzip of any of them. \
            Ingesting the same bytes again stores nothing new. Inputs that cannot be used are reported \
            with their reason, logged in the store, and the rest of the batch goes on.
            """)

        @OptionGroup var store: StoreOptions

        @Argument(help: "Files, folders (walked recursively), glob patterns, or - for standard input.")
        var inputs: [String]

        @Option(help: "Summary format: table or json (default: table on a terminal, json otherwise).")
        var format: OutputFormat?

        @Option(help: "Largest single article in bytes.")
        var maxArticleBytes = IngestConfiguration().maxArticleBytes

        func validate() throws {
            if inputs.isEmpty { throw ValidationError("name at least one file, folder, pattern, or - for standard input") }
        }

        func run() async throws {
            let store = try self.store.open()
            let configuration = IngestConfiguration(maxArticleBytes: maxArticleBytes)
            let interactive = Terminal.stderrIsTTY
            var bar = ProgressBar()
            let started = Date()
            let summary = try Ingestor(configuration: configuration).ingest(inputs, into: store, excluding: store.files, onRejected: { rejected in
                if interactive { bar.clear() }
                Terminal.err("rejected: \(rejected.line)\n")
            }, onProgress: { progress in
                guard interactive else { return }
                bar.update(done: progress.bytesDone, total: progress.bytesTotal,
                           label: "\(progress.summary.new) new, \(progress.summary.duplicate) already stored, \(progress.summary.rejected) rejected")
            })
            bar.clear()
            try Engine().analyze(store, templates: summary.new > 0)
            let seconds = Date().timeIntervalSince(started)
            let report = IngestReport(store: store.path, new: summary.new, alreadyStored: summary.duplicate,
                                      rejected: summary.rejected, skipped: summary.skipped, bytes: summary.bytes, seconds: seconds)
            switch format ?? (Terminal.stdoutIsTTY ? .table : .json) {
            case .json, .jsonl: Terminal.out(try JSONOutput.object(report, pretty: format == .json))
            case .table, .csv: Terminal.out(report.sentence + "\n")
            }
        }
    }
}

/// What `ingest` prints at the end.
struct IngestReport: Encodable {
    var store: String
    var new: Int
    var alreadyStored: Int
    var rejected: Int
    /// Records of containers that are not articles (WARC requests, images, redirects).
    var skipped: Int
    var bytes: Int
    var seconds: Double

    var sentence: String {
        let size = bytes >= 1 << 20 ? String(format: "%.1f MB", Double(bytes) / 1_048_576) : String(format: "%.1f KB", Double(bytes) / 1024)
        let passed = skipped > 0 ? ", \(skipped) records not articles" : ""
        return "\(new) new, \(alreadyStored) already stored, \(rejected) rejected\(passed) (\(size) in \(String(format: "%.2f", seconds)) s) → \(store)"
    }
}
