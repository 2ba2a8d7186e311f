import ArgumentParser

@main
struct Crosscheck: AsyncParsableCommand {
    static let configuration = CommandConfiguration(commandName: "crosscheck")
}
