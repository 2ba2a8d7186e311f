/// Weights of the ranking of developments (`DevelopmentRanking`): what makes a happening worth a line of the
/// brief and a date of the timeline.
public struct DevelopmentConfiguration: Sendable, Hashable {
    /// Per doubling of the independent sources that report the event itself.
    public var corroboration = 2.0
    /// Per doubling of the independent sources that report anything of its incident (how much the happening
    /// was covered, beyond this one fact).
    public var salience = 1.0
    /// A day written in the text (not the publication date), a coarser written time (a month, a week).
    public var writtenDay = 1.5
    public var writtenPeriod = 0.75
    /// A town or village; a region; a country.
    public var locality = 0.75
    public var region = 0.5
    public var country = 0.25
    /// A precise figure of a countable thing; a named actor.
    public var figure = 0.5
    public var actor = 0.5
    /// Reported by some and denied or walked back by others: what an analyst must see.
    public var disputed = 1.5
    /// Taken off the score of every further entry of one incident, per entry already chosen from it, so a
    /// story told by many articles does not fill the brief with its side events.
    public var perIncidentEntry = 1.5

    public init() {}
}
