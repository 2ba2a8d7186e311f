/// Thresholds of the merged events and the contradictions `EventGraph` makes of them.
public struct EventGraphConfiguration: Sendable, Hashable {
    /// Two figures of one event contradict only within this ratio of the figure most of its tellings give: "14 dead" and
    /// "nine dead" disagree about one toll, but "more than 600 dead" beside "two dead" or "more than 220,000" beside
    /// "four" counts something else (a war's toll against one strike's, a past disaster recalled), not the same thing
    /// told otherwise.
    public var maxFigureRatio = 5.0
    /// A written time at least this many days wide (a year, a decade) given by fewer than half of an event's tellings (of
    /// at least three) is background ("prior convictions spanning 1990 to 1991"), not the event's date.
    public var backgroundSpan = 300

    public init() {}
}
