/// Thresholds of the contradictions `EventGraph.contradictions` raises.
public struct ContradictionConfiguration: Sendable, Hashable {
    /// Two figures of one event contradict only within this ratio of the figure most of its tellings give: "14 dead" and
    /// "nine dead" disagree about one toll, but "more than 600 dead" beside "two dead" or "more than 220,000" beside
    /// "four" counts something else (a war's toll against one strike's, a past disaster recalled), not the same thing
    /// told otherwise.
    public var maxFigureRatio = 5.0

    public init() {}
}
