import ArgumentParser
import CrosscheckCore
import CrosscheckDedup
import CrosscheckReport
import CrosscheckStore

extension RelationKind: ExpressibleByArgument {}

extension Crosscheck {
    struct Duplicates: AsyncParsableCommand {
        static let configuration = CommandConfiguration(
            abstract: "List copies, rewrites and citations between stored articles, or the source groups they form.",
            discussion: """
            Relations: exact (same text), near (most text shared), contains (one holds most of the other: \
            an added lead, a truncated copy), rewrite (several passages align though the wording differs), \
            cites (facts attributed to an outlet: "told RFE/RL"). Each text relation shows its aligned \
            passages. A source group is a connected set of articles linked by text relations: corroboration \
            counts groups, not articles. Citations are kept per sentence and do not merge groups.
            """)

        @OptionGroup var store: StoreOptions
        @OptionGroup var output: FormatOptions

        @Flag(help: "List source groups with their members instead of relations.")
        var groups = false

        @Option(help: "Only relations (or the group) of this article (id prefix).")
        var article: String?

        @Option(help: "Only this kind: exact, near, contains, rewrite, cites (repeatable).")
        var kind: [RelationKind] = []

        @Option(help: "Groups: only those with at least this many articles.")
        var minSize = 2

        @Option(help: "At most this many rows.")
        var limit = 1000

        func validate() throws { try requireNonNegative(["limit": limit, "min-size": minSize]) }

        func run() async throws {
            let store = try self.store.openExisting()
            let query = RelationQuery(article: article, kinds: Set(kind), minGroupSize: minSize, limit: limit)
            if groups {
                Terminal.out(try Self.groupListing.render(try store.sourceGroups(query), as: output.format))
            } else {
                Terminal.out(try Self.relationListing.render(try store.relations(query), as: output.format))
            }
        }

        static func describe(_ ref: ArticleRef?) -> String {
            guard let ref else { return "" }
            return ref.id.short + (ref.outlet.map { " " + $0 } ?? "")
        }

        static let relationListing = Listing<RelationRecord>(columns: [
            Column("group", maxWidth: 12) { $0.group?.short ?? "" },
            Column("kind", maxWidth: 8) { $0.kind.rawValue },
            Column("score", maxWidth: 5) { String(format: "%.2f", $0.score) },
            Column("article", maxWidth: 30) { describe($0.article) },
            Column("other", maxWidth: 30) { $0.kind == .cites ? ($0.outlet ?? "") : describe($0.other) },
            Column("aligned", maxWidth: 7) { $0.kind == .cites ? "" : String($0.aligned.count) },
            Column("why", maxWidth: 90) { row in
                if row.kind == .cites { return "“\(row.cue ?? "")”: " + (row.sentence ?? "") }
                guard let best = row.aligned.first else { return "" }
                return String(format: "%.2f ", best.similarity) + "“" + best.articleText + "” ~ “" + best.otherText + "”"
            },
        ])

        static let groupListing = Listing<SourceGroupRecord>(columns: [
            Column("group", maxWidth: 12) { $0.group.short },
            Column("size", maxWidth: 5) { String($0.size) },
            Column("relations", maxWidth: 30) { $0.kinds.sorted { $0.key < $1.key }.map { "\($0.key) \($0.value)" }.joined(separator: ", ") },
            Column("members", maxWidth: 120) { g in
                g.members.map { m in m.id.short + (m.outlet.map { " (\($0))" } ?? "") + (m.title.map { " " + $0 } ?? "") }.joined(separator: "; ")
            },
        ])
    }
}
