import CrosscheckCore
import CrosscheckLanguage

extension LanguagePass {
    /// The language pass with event extraction: what ingest runs.
    public static func withEvents(extractor: EventExtractor = EventExtractor(), profiler: ArticleProfiler = ArticleProfiler()) -> LanguagePass {
        LanguagePass(events: { text, analysis, day in extractor.extract(text: text, analysis: analysis, published: day) },
                     profile: { text, analysis, events, day in profiler.profile(text: text, analysis: analysis, events: events, published: day) })
    }
}

extension Situation {
    /// Reads every event mention of `store` and merges them.
    /// Incidents first, from the stored profiles (their working memory is freed before the mentions are read);
    /// a store without profiles (written before v11) has its articles profiled from their own mentions.
    public static func read(from store: any AnnotationIndex, ontology: EventOntology = .bundled) throws -> Situation {
        let links = try store.entityLinks()
        let map = try incidents(of: store, graph: EventGraph(ontology: ontology, links: links))
        return make(try store.eventReferences(), links: links, map: map, ontology: ontology)
    }

    /// The incidents of a store's profiled articles (nil when it has none); the profiles are freed on return.
    public static func incidents(of store: any AnnotationIndex, graph: EventGraph) throws -> IncidentMap? {
        let articles = try store.articleProfiles()
        return articles.isEmpty ? nil : graph.incidents(of: articles)
    }

    /// Merges event mentions already read.
    public static func make(_ references: [EventReference], links: [String: String], map: IncidentMap? = nil,
                            ontology: EventOntology = .bundled) -> Situation {
        let graph = EventGraph(ontology: ontology, links: links)
        let events = graph.merge(references, map: map)
        return Situation(events: events, contradictions: graph.contradictions(events), stories: graph.stories(events))
    }
}
