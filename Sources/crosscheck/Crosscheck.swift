import ArgumentParser
import Foundation

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
        // The store's schema is the other half of a version: `SQLiteMigrations.all` names each step.
        version: "crosscheck 0.16 (store schema v16)",
        subcommands: [Ingest.self, Extract.self, Annotate.self, Articles.self, Show.self, Search.self, Rejections.self,
                      Reanalyze.self, Duplicates.self, Entities.self, Events.self, Contradictions.self, Timeline.self, Stories.self, BriefCommand.self, Serve.self, Token.self, Demo.self, Bench.self])

    /// Runs the command with the project's exit codes: 0 success, 1 failure, 2 usage error.
    static func main() async {
        do {
            var command = try parseAsRoot()
            if var asyncCommand = command as? any AsyncParsableCommand {
                try await asyncCommand.run()
            } else {
                try command.run()
            }
        } catch {
            let code = exitCode(for: error)
            if code == .success {
                // --help and --version print their text and succeed.
                Terminal.out(fullMessage(for: error) + "\n")
                Foundation.exit(0)
            }
            if error is CLIError {
                Terminal.err("error: \(error)\n")
                Foundation.exit(1)
            }
            if code == .validationFailure {
                Terminal.err(fullMessage(for: error) + "\n")
                Foundation.exit(2)
            }
            Terminal.err("error: \(fullMessage(for: error))\n")
            Foundation.exit(1)
        }
    }
}
