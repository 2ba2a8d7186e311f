import CrosscheckEvents
import CrosscheckLanguage
import FuzzDriver

// The language layer (tokens, sentences, entities, places, quantities, times resolved against a publication day)
// and the event extractor on arbitrary text. The first byte picks the publication day, or none.
let analyzer = LanguageAnalyzer()
let extractor = EventExtractor()
runFuzzer { bytes in
    let published = bytes.first.flatMap { $0 < 16 ? nil : CivilDay(days: 18_000 + Int($0) * 37) }
    let text = String(decoding: bytes.dropFirst(), as: UTF8.self)
    let analysis = analyzer.analyze(text, published: published)
    _ = extractor.extract(text: text, analysis: analysis, published: published, outlet: "Fuzz Outlet")
}
