import ArgumentParser
import CrosscheckCore
import CrosscheckReport
import CrosscheckService
import CrosscheckStore

extension Crosscheck {
    struct Search: AsyncParsableCommand {
        static let configuration = CommandConfiguration(
            abstract: "Full-text search over article titles and text, ranked by bm25.",
            discussion: """
            Every term must match; a quoted term with spaces ("Shir Khan Bandar") is a phrase. Words are \
            stemmed (withdraw finds withdrawal) and diacritics ignored. A term that is part of an entity's name \
            also matches the entity's other spellings (Rahmon finds Rakhmon; stderr lists them; --exact turns \
            this off). --raw passes SQLite FTS5 syntax (OR, NOT, NEAR, prefix*) through unchanged.
            """)

        @OptionGroup var store: StoreOptions
        @OptionGroup var output: FormatOptions

        @Argument(help: "Search terms.")
        var terms: [String]

        @Flag(help: "Treat the terms as an SQLite FTS5 query.")
        var raw = false

        @Flag(help: "Search the terms as written, not the other spellings of the entities they name.")
        var exact = false

        @Option(help: "At most this many hits.")
        var limit = 20

        func validate() throws {
            if terms.allSatisfy({ $0.trimmingCharacters(in: .whitespaces).isEmpty }) { throw ValidationError("give a search term") }
            try requireNonNegative(["limit": limit])
        }

        func run() async throws {
            let highlight: Highlight = output.format == .table && Terminal.stdoutIsTTY ? .ansi : .markdown
            let hits: [SearchHit]
            do {
                let store = try self.store.openExisting()
                if raw || exact {
                    hits = try store.search(terms, raw: raw, limit: limit, highlight: highlight)
                } else {
                    let found = try ArticleSearch(store: store).search(terms, limit: limit, highlight: highlight)
                    for (term, others) in found.alternatives.sorted(by: { $0.key < $1.key }) {
                        Terminal.err("searching \"\(term)\" also as: " + others.joined(separator: ", ") + "\n")
                    }
                    hits = found.hits
                }
            } catch let error as StoreError {
                throw CLIError(error.description)
            }
            Terminal.out(try Self.listing.render(hits, as: output.format))
        }

        static let listing = Listing<SearchHit>(columns: [
            Column("id", maxWidth: 12) { $0.id.short },
            Column("published", maxWidth: 10) { $0.published?.dayString ?? "" },
            Column("outlet", maxWidth: 20) { $0.outlet ?? "" },
            Column("title", maxWidth: 40) { $0.title ?? "" },
            Column("snippet", maxWidth: 400) { $0.snippet },
        ])
    }
}
