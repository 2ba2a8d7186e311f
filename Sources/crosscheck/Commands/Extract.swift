import ArgumentParser
import CrosscheckCore
import CrosscheckIngest
import CrosscheckReport
import CrosscheckService
import Foundation

extension Crosscheck {
    struct Extract: AsyncParsableCommand {
        static let configuration = CommandConfiguration(
            abstract: "Clean inputs without storing them: one JSON line per article.",
            discussion: """
            Prints {source, title, published: {value, precision, from}, outlet, authors, language, text, \
            removed: [{text, reason}]}. Ingest uses the same cleaning code. Rejected inputs are reported \
            on standard error.
            """)

        @Argument(help: "Files, folders, glob patterns, or - for standard input.")
        var inputs: [String]

        func validate() throws {
            if inputs.isEmpty { throw ValidationError("name at least one file, folder, pattern, or -") }
        }

        func run() async throws {
            let encoder = JSONOutput.encoder(pretty: false)
            try CleanedInputs.forEach(inputs, onRejected: { Terminal.err("rejected: \($0.line)\n") }) { raw, article in
                let record = ExtractRecord(source: raw.origin.description, id: article.id.hex, title: article.title,
                                           published: article.published, updated: article.updated,
                                           outlet: article.outlet, url: article.url, authors: article.authors,
                                           language: article.language, text: article.text, removed: article.removed)
                Terminal.out(String(decoding: try encoder.encode(record), as: UTF8.self) + "\n")
            }
        }
    }
}

/// One line of `extract` output.
struct ExtractRecord: Encodable {
    var source: String
    var id: String
    var title: String?
    var published: PublishedDate?
    var updated: PublishedDate?
    var outlet: String?
    var url: String?
    var authors: [String]
    var language: String?
    var text: String
    var removed: [RemovedPiece]
}
