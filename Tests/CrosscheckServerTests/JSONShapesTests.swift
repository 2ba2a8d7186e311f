import CrosscheckCore
import CrosscheckReport
import CrosscheckService
import CrosscheckStore
import Foundation
import Testing
@testable import CrosscheckServer

/// Every JSON the API and the CLI write compactly comes from `CompactJSONEncoder`: on the demo's real values it
/// writes exactly what Foundation's encoder writes.
@Suite struct JSONShapesTests {
    static func same<T: Encodable>(_ value: T, _ name: String) throws {
        let foundation = String(decoding: try JSONOutput.encoder(pretty: false).encode(value), as: UTF8.self)
        let compact = String(decoding: try CompactJSONEncoder().encode(value), as: UTF8.self)
        #expect(compact == foundation, "\(name)")
    }

    @Test func compactJSONEqualsFoundationsOnEveryShape() throws {
        let store = APIRoutesTests.store
        let reader = SituationReader(store: store)
        let brief = try #require(try reader.brief())
        try Self.same(brief, "brief")
        let previews = try reader.eventPreviews(EventQuery(limit: 60), keeping: EventListing.previewed)
        try Self.same(EventPage(items: previews.map(EventListing.init), next: "abc"), "event page")
        let events = try store.storedEvents(EventQuery(limit: 1000))
        #expect(events.count > 20)
        try Self.same(events, "events")
        try Self.same(try reader.contradictions().contradictions, "contradictions")
        try Self.same(try reader.stories().stories, "stories")
        try Self.same(try reader.developments(limit: 50).entries, "timeline")
        let articles = try store.articles(ArticleQuery(limit: 100))
        try Self.same(articles, "articles")
        try Self.same(try store.article(idPrefix: articles[0].id.hex), "article")
        try Self.same(try store.search(["flood"], raw: false, limit: 20, highlight: .markdown), "search")
        try Self.same(try store.sourceGroups(RelationQuery(minGroupSize: 1, limit: 100)), "groups")
        try Self.same(try store.relations(RelationQuery(limit: 100)), "relations")
        try Self.same(try store.entities(EntityQuery(limit: 500)), "entities")
        try Self.same(Problem.badRequest("limit must be a whole number from 1 to 1000, not \"x\""), "problem")
    }
}
