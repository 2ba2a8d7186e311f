import ArgumentParser
import CrosscheckReport
import CrosscheckStore

extension Crosscheck {
    struct Rejections: AsyncParsableCommand {
        static let configuration = CommandConfiguration(abstract: "List inputs that could not be stored, with reasons.")

        @OptionGroup var store: StoreOptions
        @OptionGroup var output: FormatOptions

        @Option(help: "At most this many entries.")
        var limit = 1000

        func validate() throws { try requireNonNegative(["limit": limit]) }

        func run() async throws {
            Terminal.out(try Self.listing.render(try store.openExisting().rejections(limit: limit), as: output.format))
        }

        static let listing = Listing<RejectionRecord>(columns: [
            Column("origin", maxWidth: 60) { $0.origin },
            Column("code", maxWidth: 22) { $0.code },
            Column("reason", maxWidth: 70) { $0.reason },
            Column("attempts", maxWidth: 8) { String($0.attempts) },
            Column("last_seen", maxWidth: 24) { $0.lastSeen.formatted(.iso8601) },
        ])
    }
}
