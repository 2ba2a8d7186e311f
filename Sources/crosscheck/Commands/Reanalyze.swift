import ArgumentParser
import CrosscheckCore
import CrosscheckEvents
import CrosscheckLanguage
import CrosscheckIngest
import CrosscheckReport
import CrosscheckService
import CrosscheckStore

extension Crosscheck {
    struct Reanalyze: AsyncParsableCommand {
        static let configuration = CommandConfiguration(
            abstract: "Clean every stored raw article again with the current code and update the store.")

        @OptionGroup var store: StoreOptions

        func run() async throws {
            let store = try self.store.open()
            let done = try Engine().reanalyze(store) { raw, rejection in
                Terminal.err("kept previous cleaning of \(raw.origin): \(rejection.reason)\n")
            }
            let relations = done.analysis.dedup?.relations.values.reduce(0, +) ?? 0
            Terminal.out("\(done.total) raw articles re-analysed: \(done.changed) changed, \(done.failed) kept as they were; outlet templates removed from \(done.analysis.templated); duplicates compared again: \(relations) relations\n")
        }
    }
}
