import ArgumentParser
import CrosscheckCore
import CrosscheckEvents
import CrosscheckIngest
import CrosscheckLanguage
import CrosscheckReport
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
            let analyzer = LanguageAnalyzer()
            let extractor = EventExtractor()
            let encoder = JSONOutput.encoder(pretty: pretty)
            let override = published.flatMap { CivilDay(iso: $0) }
            func emit(source: String, title: String?, date: PublishedDate?, text: String, language: String? = nil) throws {
                let day = override ?? date.flatMap { CivilDay(iso: $0.value) }
                let analysis = analyzer.analyze(text, published: day)
                // Event triggers are English words: another identified language gets none.
                let events = language.map { $0 == "en" } ?? true ? extractor.extract(text: text, analysis: analysis, published: day) : []
                let record = AnnotationRecord(source: source, title: title, published: day?.iso, text: text, analysis: analysis,
                                              events: events)
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
            try CleanedInputs.forEach(inputs) { raw, article in
                try emit(source: raw.origin.description, title: article.title, date: article.published, text: article.text,
                         language: article.language)
            }
        }
    }
}

/// One object of `annotate` output, with code-point offsets.
struct AnnotationRecord: Encodable {
    struct SentenceRecord: Encodable { var start: Int; var end: Int; var text: String }
    struct MentionRecord: Encodable {
        var start: Int, end: Int
        var text: String
        var kind: String
        var entity: String?
        var value: String?
        var place: PlaceRef?
        var quantity: QuantityValue?
        var time: TimeValue?
        var evidence: String?
    }

    var source: String
    var title: String?
    var published: String?
    var text: String
    var sentences: [SentenceRecord]
    var mentions: [MentionRecord]
    /// Event mentions (UTF-8 offsets converted like the mentions').
    var events: [EventMention]

    init(source: String, title: String?, published: String?, text: String, analysis: Analysis, events: [EventMention]) {
        self.source = source
        self.title = title
        self.published = published
        self.text = text
        let offsets = CodePointOffsets(text)
        let utf8 = Array(text.utf8)
        func slice(_ a: Int, _ b: Int) -> String { String(decoding: utf8[a..<b], as: UTF8.self) }
        sentences = analysis.sentences.map { SentenceRecord(start: offsets[$0.start], end: offsets[$0.end], text: slice($0.start, $0.end)) }
        mentions = analysis.mentions.map {
            MentionRecord(start: offsets[$0.start], end: offsets[$0.end], text: $0.text, kind: $0.kind.rawValue, entity: $0.entity,
                          value: $0.value, place: $0.place, quantity: $0.quantity, time: $0.time, evidence: $0.evidence)
        }
        self.events = events.map { e in
            var e = e
            e.start = offsets[e.start]; e.end = offsets[e.end]
            e.sentenceStart = offsets[e.sentenceStart]; e.sentenceEnd = offsets[e.sentenceEnd]
            return e
        }
    }
}

/// UTF-8 offset → code-point offset.
struct CodePointOffsets {
    private var table: [Int32]
    init(_ text: String) {
        table = []
        table.reserveCapacity(text.utf8.count + 1)
        var n: Int32 = 0
        for b in text.utf8 {
            table.append(n)
            if b & 0xC0 != 0x80 { n += 1 }
        }
        // The end maps past the last scalar.
        table.append(n)
    }
    subscript(_ utf8: Int) -> Int { Int(table[min(max(utf8, 0), table.count - 1)]) }
}
