import CrosscheckCore
import CrosscheckDedup
import CrosscheckLanguage
import CrosscheckReport
import CrosscheckEvents
import CrosscheckIngest
import CrosscheckService
import CrosscheckStore
import CrosscheckTesting
import Foundation
import Testing

/// The engine stores the situation it merges; reading it back gives exactly what merging in memory gives, and the
/// store's filters agree with the in-memory ones.
@Suite struct EngineTests {
    /// A store with the demo corpus ingested and analysed by the engine.
    func analysedDemo(_ dir: TemporaryDirectory) throws -> SQLiteStore {
        let store = try SQLiteStore(path: dir.path("engine.sqlite"))
        _ = try Ingestor().ingest([SharedData.demoCorpus.path], into: store)
        let summary = try Engine().analyze(store)
        #expect(summary.situationStored)
        return store
    }

    @Test func storedSituationIsTheMergedOne() throws {
        let dir = try TemporaryDirectory("engine")
        defer { dir.remove() }
        let store = try analysedDemo(dir)
        let merged = try Situation.read(from: store)
        #expect(merged.events.count > 20)
        #expect(!merged.contradictions.isEmpty)
        let reader = SituationReader(store: store)
        #expect(try reader.isCurrent())
        let (stored, fromStore) = try reader.situation()
        #expect(fromStore)
        #expect(stored.events == merged.events)
        #expect(stored.contradictions == merged.contradictions)
        #expect(stored.stories == merged.stories)
        // Nothing new: a second analysis leaves the stored situation as it is.
        #expect(try Engine().analyze(store, templates: false).situationStored == false)
    }

    @Test func storedFiltersAgreeWithTheMergedEvents() throws {
        let dir = try TemporaryDirectory("engine-filters")
        defer { dir.remove() }
        let store = try analysedDemo(dir)
        let situation = try Situation.read(from: store)
        let merged = situation.events
        let types = Set(merged.map(\.type)).sorted()
        let actors: [String] = merged.compactMap { $0.actor?.name }, places: [String] = merged.compactMap(\.placeName)
        let someActor = try #require(actors.first), somePlace = try #require(places.first)
        var queries = [EventQuery(), EventQuery(limit: 5), EventQuery(limit: 5, offset: 3), EventQuery(minSources: 2),
                       EventQuery(actor: String(someActor.prefix(4)).uppercased()), EventQuery(place: somePlace),
                       EventQuery(since: "2025-04-01"), EventQuery(until: "2025-04-10"), EventQuery(since: "2025-04-05", until: "2025-04-06"),
                       EventQuery(status: .denied), EventQuery(incident: merged[0].incident)]
        queries += types.map { EventQuery(type: $0) }
        // Map boxes: around a placed event, one crossing the antimeridian, the whole world; stories.
        let placed = try #require(merged.first { $0.place != nil }?.place)
        queries += [GeoBox(west: placed.longitude - 0.5, south: placed.latitude - 0.5, east: placed.longitude + 0.5, north: placed.latitude + 0.5),
                    GeoBox(west: 170, south: -90, east: placed.longitude + 1, north: 90), GeoBox(west: -180, south: -90, east: 180, north: 90)]
            .compactMap { $0.map { EventQuery(box: $0) } }
        queries += situation.stories.prefix(3).map { EventQuery(story: $0.id) } + [EventQuery(story: "story-none")]
        #expect(queries.filter { $0.box != nil }.count == 3)
        // Stories partition the articles: unique ids (named by their first article), each article in one story.
        let storyArticles = situation.stories.flatMap(\.articles)
        #expect(Set(situation.stories.map(\.id)).count == situation.stories.count && Set(storyArticles).count == storyArticles.count)
        #expect(merged.contains { $0.place == nil }, "the box filter must leave out unplaced events")
        for query in queries {
            let expected = Array(merged.filter { query.matches($0, in: situation.stories) }
                .sorted { (EventQuery.sortKey(of: $0), $0.id) < (EventQuery.sortKey(of: $1), $1.id) }
                .dropFirst(query.offset).prefix(query.limit))
            let stored = try store.storedEvents(query)
            #expect(stored == expected, "\(query)")
            #expect(try store.storedEventCount(query) == merged.filter { query.matches($0, in: situation.stories) }.count, "\(query)")
        }
        let ids = merged.suffix(3).map(\.id)
        #expect(try store.storedEvents(ids: ids) == merged.suffix(3).map { $0 })
    }

    /// The default brief and the developments ranking are stored with the situation; what they show is what ranking
    /// and tallying the merged events gives (the ranking's first entries whatever its length).
    @Test func storedViewsAreWhatTheMergedSituationGives() throws {
        let dir = try TemporaryDirectory("engine-views")
        defer { dir.remove() }
        let store = try analysedDemo(dir)
        let merged = try Situation.read(from: store)
        let reader = SituationReader(store: store)
        for limit in [SituationViews.briefLimit, 5] {
            let fresh = Brief(title: SituationViews.briefTitle, events: merged.events, contradictions: merged.contradictions, limit: limit,
                              notes: try BriefNotes.load(store, articles: merged.events.flatMap { $0.references.map(\.article) })).model()
            #expect(try reader.brief(limit: limit) == fresh, "limit \(limit)")
        }
        let story = try #require(merged.stories.first)
        let part = try #require(merged.story(story.id))
        let storyBrief = try #require(try reader.brief(story: String(story.id.prefix(10))))
        #expect(storyBrief == Brief(title: SituationViews.briefTitle + ": " + story.title, events: part.events,
                                    contradictions: part.contradictions,
                                    notes: try BriefNotes.load(store, articles: part.events.flatMap { $0.references.map(\.article) })).model())
        #expect(try reader.brief(story: "no-such-story") == nil)
        let events = merged.events.filter { $0.sources >= 1 }
        for limit in [3, 12] {
            let fresh = DevelopmentRanking().rank(events, limit: limit)
            let stored = try reader.developments(limit: limit).entries.sorted { $0.rank < $1.rank }
            #expect(stored.map(\.event.id) == fresh.map(\.event.id), "limit \(limit)")
            #expect(stored.map(\.score) == fresh.map(\.score))
            #expect(stored.map(\.event) == fresh.map(\.event))
        }
    }

    /// An analysis interrupted after the language pass leaves a stale stored situation: readers notice and merge in
    /// memory; the next analysis stores it again.
    @Test func staleSituationIsNoticedAndRepaired() throws {
        let dir = try TemporaryDirectory("engine-stale")
        defer { dir.remove() }
        let store = try analysedDemo(dir)
        let before = try Situation.read(from: store)
        let extra = try dir.write("extra.txt", """
            Flood waters breached an embankment near Kulob on April 7, 2025, officials said. About 300 families were evacuated \
            from two villages, the emergency committee said on Monday.
            """)
        _ = try Ingestor().ingest([extra], into: store)
        _ = try LanguagePassRunner.languageOnly(store)
        let reader = SituationReader(store: store)
        #expect(try !reader.isCurrent())
        let (inMemory, stored) = try reader.situation()
        #expect(!stored)
        #expect(inMemory != before)
        #expect(try Engine().analyze(store).situationStored)
        #expect(try reader.isCurrent())
        #expect(try reader.situation().situation == inMemory)
    }
}

/// Runs the steps of the engine up to the language pass, as an ingest killed before storing its situation leaves them.
enum LanguagePassRunner {
    static func languageOnly(_ store: SQLiteStore) throws -> Int {
        _ = try CrosscheckDedup.Deduplicator().run(on: store)
        return try CrosscheckLanguage.LanguagePass.withEvents().run(on: store).articles
    }
}
