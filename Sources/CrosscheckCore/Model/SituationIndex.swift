/// Where the merged situation is kept between runs: written by every analysis (ingest, reanalyze), read by the
/// reading commands, which then never merge anything.
public protocol SituationIndex: Sendable {
    /// Replaces the stored situation with `situation` and the views computed from it (JSON texts by name: the default
    /// brief, the developments ranking), stamped with the analysis state it was computed from.
    func saveSituation(_ situation: Situation, views: [String: String], stamp: SituationStamp) throws
    /// A view stored with the situation, by name.
    func situationView(_ name: String) throws -> String?
    /// The stamp of the stored situation; nil when none was ever stored.
    func situationStamp() throws -> SituationStamp?
    /// The state of the analysed store now, to compare with the stored situation's stamp.
    func currentSituationStamp() throws -> SituationStamp
    /// The stored events that pass `query`, in its order, with their tellings.
    func storedEvents(_ query: EventQuery) throws -> [MergedEvent]
    /// The stored events that pass `query`, in its order, each with its first `keeping` tellings only (the others are
    /// not read) and how many it has.
    func storedEventPreviews(_ query: EventQuery, keeping: Int) throws -> [EventPreview]
    /// How many stored events pass `query` (its limit and offset aside).
    func storedEventCount(_ query: EventQuery) throws -> Int
    /// The stored events with these ids (in the merge's order), with their tellings.
    func storedEvents(ids: [String]) throws -> [MergedEvent]
    /// The whole stored situation, in the merge's order.
    func storedSituation() throws -> Situation?
    func storedContradictions() throws -> [Contradiction]
    /// The stored contradictions of one event (only their tellings are read back).
    func storedContradictions(event: String) throws -> [Contradiction]
    func storedStories() throws -> [Story]
}

/// What a stored situation was computed from: the analysed articles and their source groups. A stored situation
/// whose stamp differs from the store's current one is stale (an analysis was interrupted before it was saved).
public struct SituationStamp: Sendable, Hashable, Codable {
    /// Articles the language layer has read, and the last of them (row).
    public var analyzed: Int
    public var lastAnalyzed: Int64
    /// The sum of the articles' source groups (a regrouping changes corroboration without new mentions).
    public var groups: Int64
    /// The merge's version: a situation stored by another version of the merge is recomputed.
    public var version: Int

    /// Bump when the merge, contradictions or stories change what they produce.
    public static let currentVersion = 4  // 4: session 19 (claims meet reports; undated tellings join the largest fit); 3: session 18 (who separates tellings inside an incident); 2: session 15

    public init(analyzed: Int, lastAnalyzed: Int64, groups: Int64, version: Int = SituationStamp.currentVersion) {
        self.analyzed = analyzed
        self.lastAnalyzed = lastAnalyzed
        self.groups = groups
        self.version = version
    }
}
