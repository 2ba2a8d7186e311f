import ArgumentParser

/// The `crosscheck` command line: a thin shell over the libraries.
@main
struct Crosscheck: AsyncParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "crosscheck",
        abstract: "Turn raw news articles into a cross-checked picture of a developing situation.",
        discussion: """
        The store is ./crosscheck.sqlite unless --db or $CROSSCHECK_DB says otherwise.
        Exit codes: 0 success (also when some inputs were rejected and reported), 1 failure, 2 usage error.
        """,
        subcommands: [Ingest.self, Extract.self, Articles.self, Show.self, Search.self, Rejections.self,
                      Reanalyze.self, Demo.self, Bench.self])
}
