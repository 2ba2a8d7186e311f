import ArgumentParser
import CrosscheckCore
import CrosscheckEvents
import CrosscheckIngest
import CrosscheckLanguage
import CrosscheckReport
import CrosscheckService
import Foundation

extension Crosscheck {
    struct Annotate: AsyncParsableCommand {
        static let configuration = CommandConfiguration(
            abstract: "Show what the language layer reads in a text: sentences, entities, quantities, times.",
            discussion: """
            Inputs are cleaned as `extract` cleans them (HTML, JSON lines, text with boilerplate), unless \
            --plain is given, then each file is read as it is. Prints one JSON object per article: \
            {source, title, published, text, sentences: [{start, end, text}], mentions: [{start, end, text, \
            kind, entity, value, place?, quantity?, time?, evidence}], events: [{type, trigger, start, end, sentence, \
            actor, target, place, time, quantity, attribution, status}]}. Offsets count Unicode code points \
            (as Python indexes strings), so text[start:end] is the mention. Relative dates resolve against \
            the article's publication date, or --published.
            """)

        @Argument(help: "Files, folders, glob patterns, or - for standard input.")
        var inputs: [String]

        @Option(help: "Publication date (YYYY-MM-DD) to resolve relative dates against.")
        var published: String?

        @Flag(help: "Read inputs as plain text without cleaning.")
        var plain = false

        @Flag(help: "Pretty-print the JSON.")
        var pretty = false

        func validate() throws {
            if inputs.isEmpty { throw ValidationError("name at least one file, folder, pattern, or -") }
            if let p = published, CivilDay(iso: p) == nil { throw ValidationError("--published must be a date YYYY-MM-DD, not '\(p)'") }
        }

        func run() async throws {
            let annotator = Annotator()
            let encoder = JSONOutput.encoder(pretty: pretty)
            let override = published.flatMap { CivilDay(iso: $0) }
            func emit(source: String, title: String?, date: PublishedDate?, text: String, language: String? = nil) throws {
                let record = annotator.annotate(source: source, title: title, published: override ?? date.flatMap { CivilDay(iso: $0.value) },
                                                text: text, language: language)
                Terminal.out(String(decoding: try encoder.encode(record), as: UTF8.self) + "\n")
            }
            if plain {
                for item in InputEnumerator().items(for: inputs) {
                    switch item {
                    case .rejected(let rejected): Terminal.err("rejected: \(rejected.line)\n")
                    case .standardInput:
                        let data = FileHandle.standardInput.readDataToEndOfFile()
                        let text = String(decoding: data, as: UTF8.self)
                        try emit(source: "-", title: nil, date: nil, text: text, language: LanguageIdentifier.identify(text))
                    case .file(let path, _):
                        do {
                            let data = try Data(contentsOf: URL(fileURLWithPath: path))
                            let text = String(decoding: data, as: UTF8.self)
                            try emit(source: path, title: nil, date: nil, text: text, language: LanguageIdentifier.identify(text))
                        } catch {
                            Terminal.err("rejected: \(path): \(error.localizedDescription)\n")
                        }
                    }
                }
                return
            }
            try CleanedInputs.forEach(inputs, onRejected: { Terminal.err("rejected: \($0.line)\n") }) { raw, article in
                try emit(source: raw.origin.description, title: article.title, date: article.published, text: article.text,
                         language: article.language)
            }
        }
    }
}
