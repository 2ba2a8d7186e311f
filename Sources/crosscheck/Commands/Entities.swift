import ArgumentParser
import CrosscheckCore
import CrosscheckEvents
import CrosscheckLanguage
import CrosscheckReport
import CrosscheckStore
import Foundation

extension MentionKind: ExpressibleByArgument {}

extension Crosscheck {
    struct Entities: AsyncParsableCommand {
        static let configuration = CommandConfiguration(
            abstract: "List the people, organizations, places and countries of the stored articles.",
            discussion: """
            One row per entity, merged across articles: transliterations (Rahmon / Rakhmon), aliases \
            (US / U.S. / United States), acronyms and their expansions, and surnames of people named in full \
            elsewhere. Each row shows the kind, the canonical name, the aliases as written with their counts, \
            how many mentions and articles, place coordinates, and (in JSON) every merge with its evidence.
            """)

        @OptionGroup var store: StoreOptions
        @OptionGroup var output: FormatOptions

        @Option(help: "Only this kind: person, organization, place, country.")
        var kind: MentionKind?

        @Option(help: "Only entities whose name or an alias contains this text.")
        var name: String?

        @Option(help: "At most this many rows.")
        var limit = 100

        func validate() throws { try requireNonNegative(["limit": limit]) }

        func run() async throws {
            let store = try self.store.openExisting()
            try self.store.warnIfUnanalyzed(store)
            let rows = try store.entities(EntityQuery(kind: kind, name: name, limit: limit))
            Terminal.out(try Self.listing.render(rows, as: output.format))
        }

        static let listing = Listing<EntityRecord>(columns: [
            Column("kind", maxWidth: 12) { $0.kind.rawValue },
            Column("name", maxWidth: 32) { $0.name },
            Column("mentions", maxWidth: 8) { String($0.mentions) },
            Column("articles", maxWidth: 8) { String($0.articles) },
            Column("aliases", maxWidth: 48) { record in
                record.aliases.sorted { $0.value > $1.value || ($0.value == $1.value && $0.key < $1.key) }
                    .map { "\($0.key) (\($0.value))" }.joined(separator: ", ")
            },
            Column("coordinates", maxWidth: 20) { record in
                guard let lat = record.latitude, let lon = record.longitude else { return "" }
                return String(format: "%.4f, %.4f", lat, lon)
            },
            Column("id", maxWidth: 40) { $0.id },
        ])
    }
}
