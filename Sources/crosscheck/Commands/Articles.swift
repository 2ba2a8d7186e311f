import ArgumentParser
import CrosscheckCore
import CrosscheckReport
import CrosscheckStore

extension Crosscheck {
    struct Articles: AsyncParsableCommand {
        static let configuration = CommandConfiguration(abstract: "List stored articles by publication date.")

        @OptionGroup var store: StoreOptions
        @OptionGroup var output: FormatOptions

        @Option(help: "Only articles of this outlet.")
        var outlet: String?

        @Option(help: "At most this many articles.")
        var limit = 1000

        @Option(help: "Skip this many articles first.")
        var offset = 0

        func validate() throws { try requireNonNegative(["limit": limit, "offset": offset]) }

        func run() async throws {
            let rows = try store.openExisting().articles(ArticleQuery(limit: limit, offset: offset, outlet: outlet))
            Terminal.out(try Self.listing.render(rows, as: output.format))
        }

        static let listing = Listing<ArticleSummary>(columns: [
            Column("id", maxWidth: 12) { $0.id.short },
            Column("published", maxWidth: 25) { $0.published?.value ?? "" },
            Column("outlet", maxWidth: 24) { $0.outlet ?? "" },
            Column("title", maxWidth: 70) { $0.title ?? "" },
            Column("lang", maxWidth: 4) { $0.language ?? "" },
            Column("words", maxWidth: 7) { String($0.words) },
            Column("group", maxWidth: 16) { a in a.group.map { $0.short + (a.groupSize > 1 ? " (\(a.groupSize))" : "") } ?? "" },
            Column("origin", maxWidth: 40) { $0.origin.description },
        ])
    }
}
