import ArgumentParser
import CrosscheckService
import CrosscheckStore
import Foundation

extension Crosscheck {
    struct Token: AsyncParsableCommand {
        static let configuration = CommandConfiguration(
            abstract: "Write tokens of `crosscheck serve`: create (shown once), list, revoke. Only their SHA-256 is stored.",
            subcommands: [Create.self, List.self, Revoke.self])

        struct Create: AsyncParsableCommand {
            static let configuration = CommandConfiguration(abstract: "Create a token and print it (it is not shown again).")
            @OptionGroup var store: StoreOptions
            @Argument(help: "A name for whoever holds it (letters, digits, '-', '_', '.').") var name: String

            func run() async throws {
                let store = try self.store.open()
                do {
                    guard let token = try WriteTokens.create(name: name, in: store) else {
                        throw CLIError("a token named \(name) exists; revoke it first or choose another name")
                    }
                    Terminal.out(token + "\n")
                    Terminal.err("token \(name) created; send it as 'Authorization: Bearer …'. It is not stored and not shown again.\n")
                } catch let error as WriteTokens.TokenError {
                    throw ValidationError(error.description)
                }
            }
        }

        struct List: AsyncParsableCommand {
            static let configuration = CommandConfiguration(abstract: "List the tokens: name, created, last used.")
            @OptionGroup var store: StoreOptions

            func run() async throws {
                let tokens = try store.openExisting().tokens()
                var out = "name" .padding(toLength: 24, withPad: " ", startingAt: 0) + " created               last used\n"
                for t in tokens {
                    out += t.name.padding(toLength: 24, withPad: " ", startingAt: 0) + " " + t.created.formatted(.iso8601) + "  "
                        + (t.lastUsed?.formatted(.iso8601) ?? "never") + "\n"
                }
                Terminal.out(tokens.isEmpty ? "no tokens\n" : out)
            }
        }

        struct Revoke: AsyncParsableCommand {
            static let configuration = CommandConfiguration(abstract: "Revoke a token: it stops working at once.")
            @OptionGroup var store: StoreOptions
            @Argument(help: "The token's name.") var name: String

            func run() async throws {
                guard try store.openExisting().revokeToken(name: name) else { throw CLIError("no token named \(name)") }
                Terminal.out("token \(name) revoked\n")
            }
        }
    }
}
