import CrosscheckCore
import CrosscheckEvents
import CrosscheckReport
import CrosscheckStore
import Foundation

/// What the reading commands show by default, computed once when the situation is stored: the brief (its default
/// length, the whole situation) and the developments ranking the timeline lists, so reading them does not rank or
/// tally every event of the store again.
public struct SituationViews: Sendable, Codable, Hashable {
    /// A ranked development by event id (the event itself is read from the stored situation).
    public struct RankedDevelopment: Sendable, Codable, Hashable {
        public var event: String
        public var rank: Int
        public var folded: [String]
        public var score: Double
        public var incidentSources: Int
    }

    /// The developments of events with at least one independent source, best first, at most this many.
    public static let developmentsKept = 200
    /// The brief's default length.
    public static let briefLimit = 20
    public static let briefTitle = "Situation brief"

    public var brief: BriefModel
    public var developments: [RankedDevelopment]
    /// The year dates written without one are read in, if the whole situation lies in one year.
    public var year: String?

    /// Computes the views of `situation`; `store` gives the brief's notes on its sources.
    public static func make(_ situation: Situation, store: any Store) throws -> SituationViews {
        let brief = Brief(title: briefTitle, events: situation.events, contradictions: situation.contradictions, limit: briefLimit)
        let entries = DevelopmentRanking().rank(situation.events, limit: developmentsKept, minSources: 1)
        return SituationViews(brief: try BriefNotes.model(of: brief, store: store),
                              developments: entries.map { RankedDevelopment(event: $0.event.id, rank: $0.rank, folded: $0.folded, score: $0.score,
                                                                            incidentSources: $0.incidentSources) },
                              year: DevelopmentRanking.storyYear(situation.events, minSources: 1))
    }

    /// As stored: one JSON text under the name "views".
    public var stored: [String: String] {
        guard let data = try? CompactJSONEncoder().encode(self) else { return [:] }
        return ["views": String(decoding: data, as: UTF8.self)]
    }

    /// The views stored with a store's situation, if any.
    public static func stored(in store: any Store) throws -> SituationViews? {
        guard let text = try store.situationView("views") else { return nil }
        return try? JSONDecoder().decode(SituationViews.self, from: Data(text.utf8))
    }
}
