import CrosscheckCore
import CrosscheckEvents
import CrosscheckReport
import CrosscheckStore

/// What a brief's source list says about its cited articles beyond their events, read from the store.
public enum BriefNotes {
    /// The brief's model with its sources annotated: only the cited articles are read (a brief of a 100,000-article
    /// situation cites a hundred).
    public static func model(of brief: Brief, store: any Store) throws -> BriefModel {
        var model = brief.model()
        model.annotate(with: try load(store, articles: model.sources.map(\.article)))
        return model
    }

    /// For these articles (hex ids): how their publication date was found and which outlets they cite (the duplicate
    /// finder's `cites` relations), so the source list tells a stated date from an inferred one and an unnamed
    /// outlet's article from its origin.
    public static func load(_ store: any Store, articles: [String]) throws -> [String: Brief.SourceNote] {
        let ids = Set(articles)
        guard !ids.isEmpty else { return [:] }
        var notes: [String: Brief.SourceNote] = [:]
        for article in try store.articles(ids: ids.compactMap { ContentID(hex: $0) }) {
            notes[article.id.hex] = Brief.SourceNote(publishedFrom: article.published?.from)
        }
        for id in ids.sorted() {
            for relation in try store.relations(RelationQuery(article: id, kinds: [.cites], limit: 1000)) where relation.article.id.hex == id {
                guard let outlet = relation.outlet else { continue }
                var note = notes[id] ?? Brief.SourceNote()
                if !note.cites.contains(outlet) { note.cites.append(outlet) }
                notes[id] = note
            }
        }
        return notes
    }
}
