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
            let ingestor = Ingestor()
            var total = 0, changed = 0, failed = 0
            var after: ContentID?
            while true {
                let batch = try store.rawArticles(after: after, limit: 256)
                guard let last = batch.last else { break }
                after = last.id
                let results = ingestor.cleanInParallel(batch)
                var updates: [Article] = []
                for (raw, result) in zip(batch, results) {
                    total += 1
                    switch result {
                    case .success(let article):
                        updates.append(article)
                    case .failure(let rejection):
                        failed += 1
                        Terminal.err("kept previous cleaning of \(raw.origin): \(rejection.reason)\n")
                    }
                }
                // One query per batch for the stored versions (not one lookup per article).
                let before = Dictionary(uniqueKeysWithValues: try store.articles(ids: updates.map(\.id)).map { ($0.id, $0) })
                changed += updates.filter { before[$0.id] != $0 }.count
                try store.updateArticles(updates)
            }
            // Texts may have changed: compare and read everything again.
            try store.resetDedup()
            try store.resetAnnotations()
            let summary = try Engine().analyze(store)
            let relations = summary.dedup?.relations.values.reduce(0, +) ?? 0
            Terminal.out("\(total) raw articles re-analysed: \(changed) changed, \(failed) kept as they were; outlet templates removed from \(summary.templated); duplicates compared again: \(relations) relations\n")
        }
    }
}
