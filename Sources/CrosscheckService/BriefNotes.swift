import CrosscheckCore
import CrosscheckEvents
import CrosscheckReport
import CrosscheckStore

public enum BriefNotes {
    /// For the articles a brief cites: how their publication date was found and which outlets they
    /// cite (the duplicate finder's `cites` relations), so the source list tells a stated date from an
    /// inferred one and an unnamed outlet's article from its origin.
    public static func load(_ store: any Store, events: [MergedEvent]) throws -> [String: Brief.SourceNote] {
        let ids = Set(events.flatMap { $0.references.map(\.article) })
        guard !ids.isEmpty else { return [:] }
        var notes: [String: Brief.SourceNote] = [:]
        for article in try store.articles(ids: ids.compactMap { ContentID(hex: $0) }) {
            notes[article.id.hex] = Brief.SourceNote(publishedFrom: article.published?.from)
        }
        for relation in try store.relations(RelationQuery(kinds: [.cites], limit: 100_000)) where ids.contains(relation.article.id.hex) {
            guard let outlet = relation.outlet else { continue }
            var note = notes[relation.article.id.hex] ?? Brief.SourceNote()
            if !note.cites.contains(outlet) { note.cites.append(outlet) }
            notes[relation.article.id.hex] = note
        }
        return notes
    }
}
