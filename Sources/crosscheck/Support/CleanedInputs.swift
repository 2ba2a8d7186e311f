import CrosscheckCore
import CrosscheckIngest
import Foundation

/// Reads and cleans inputs as ingest does, without storing: what `extract` and `annotate` share.
/// Rejected inputs and articles that do not clean are reported on standard error; the rest go on.
enum CleanedInputs {
    static func forEach(_ inputs: [String], _ body: (RawArticle, Article) throws -> Void) throws {
        let reader = InputReader()
        let cleaner = ArticleCleaner()
        for item in InputEnumerator().items(for: inputs) {
            try reader.read(item, receivedAt: Date()) { event in
                switch event {
                case .progress: break
                case .rejected(let rejected): Terminal.err("rejected: \(rejected.line)\n")
                case .article(let raw):
                    switch cleaner.clean(raw) {
                    case .failure(let rejection):
                        Terminal.err("rejected: \(RejectedInput(origin: raw.origin, rejection: rejection).line)\n")
                    case .success(let article):
                        try body(raw, article)
                    }
                }
            }
        }
    }
}
