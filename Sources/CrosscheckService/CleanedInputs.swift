import CrosscheckCore
import CrosscheckIngest
import Foundation

/// Reads and cleans inputs as ingest does, without storing: what `extract` and `annotate` share.
/// Rejected inputs and articles that do not clean are passed to `onRejected`; the rest go on.
public enum CleanedInputs {
    public static func forEach(_ inputs: [String], onRejected: (RejectedInput) -> Void,
                               _ body: (RawArticle, Article) throws -> Void) throws {
        let reader = InputReader()
        let cleaner = ArticleCleaner()
        for item in InputEnumerator().items(for: inputs) {
            try reader.read(item, receivedAt: Date()) { event in
                switch event {
                case .progress, .skipped: break
                case .rejected(let rejected): onRejected(rejected)
                case .article(let raw):
                    switch cleaner.clean(raw) {
                    case .failure(let rejection):
                        onRejected(RejectedInput(origin: raw.origin, rejection: rejection))
                    case .success(let article):
                        try body(raw, article)
                    }
                }
            }
        }
    }
}
