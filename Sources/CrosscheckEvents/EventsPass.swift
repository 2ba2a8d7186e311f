import CrosscheckCore
import CrosscheckLanguage

extension LanguagePass {
    /// The language pass with event extraction: what ingest runs.
    public static func withEvents(extractor: EventExtractor = EventExtractor()) -> LanguagePass {
        LanguagePass(events: { text, analysis, day in extractor.extract(text: text, analysis: analysis, published: day) })
    }
}

/// The merged picture of the store: events, their corroboration and the contradictions.
public struct Situation: Sendable {
    public var events: [MergedEvent]
    public var contradictions: [Contradiction]

    /// Reads every event mention of `store` and merges them.
    public static func read(from store: any AnnotationIndex, ontology: EventOntology = .bundled) throws -> Situation {
        let graph = EventGraph(ontology: ontology, links: try store.entityLinks())
        let events = graph.merge(try store.eventReferences())
        return Situation(events: events, contradictions: graph.contradictions(events))
    }
}
