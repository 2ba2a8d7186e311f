import CrosscheckCore
import CrosscheckEvents
import CrosscheckLanguage

/// What `annotate` prints for one text, without a store: the language layer's sentences and mentions and the events
/// (English texts only: event triggers are English words), with code-point offsets.
public struct Annotator: Sendable {
    public var analyzer = LanguageAnalyzer()
    public var extractor = EventExtractor()

    public init() {}

    /// `language` is the identified language (nil when unsure: read as English); `published` anchors relative dates.
    public func annotate(source: String, title: String?, published: CivilDay?, text: String, language: String?) -> AnnotationRecord {
        let analysis = analyzer.analyze(text, published: published)
        let events = language.map { $0 == "en" } ?? true ? extractor.extract(text: text, analysis: analysis, published: published) : []
        return AnnotationRecord(source: source, title: title, published: published?.iso, text: text, analysis: analysis, events: events)
    }
}
