/// Thresholds of incident clustering (which articles report the same happening). Measured on ECB+
/// (two different happenings of the same kind per topic) and NewsWCL50; the figures are in docs/EVENTS.md.
public struct IncidentConfiguration: Sendable, Hashable {
    /// Named people and organisations kept per article profile (most mentioned first).
    public var maxNames = 24
    /// Places kept per article profile.
    public var maxPlaces = 16
    /// Distinctive words kept per article profile (most frequent first).
    public var maxWords = 80
    /// Shorter words carry little about a happening ("the", "said" are four letters and get no weight anyway).
    public var minWordLength = 4

    /// Weights of each kind of feature in the similarity of two articles (times tf-idf).
    public var personWeight = 3.0
    public var organizationWeight = 2.0
    public var localityWeight = 3.0
    public var regionWeight = 1.5
    public var countryWeight = 0.5
    public var dayWeight = 2.5
    public var figureWeight = 2.0
    public var wordWeight = 1.0
    public var kindWeight = 1.0

    /// With the cosine model (`channelModel` off): two articles report one happening when the cosine of their
    /// weighted profiles reaches this…
    public var minSimilarity = 0.15
    /// …and an incident takes another only when the mean similarity over all their pairs of articles
    /// (pairs never compared count as 0) reaches this, so a chain of near pairs does not join two happenings.
    public var minAverageSimilarity = 0.18
    /// With the channel model: the same two floors, as probabilities (swept on ECB+ val's tuning half:
    /// `CROSSCHECK_SWEEP=channels swift test --filter IncidentSweepTests`).
    public var minProbability = 0.5
    public var minAverageProbability = 0.6

    /// The floors of the model in use.
    public var pairFloor: Double { channelModel ? minProbability : minSimilarity }
    public var linkFloor: Double { channelModel ? minAverageProbability : minAverageSimilarity }
    /// Features held by more articles than this (or than `maxShare` of them) do not propose candidates:
    /// "Taliban" in a war coverage says nothing about which battle.
    public var maxCandidateFrequency = 200
    public var maxShare = 0.2
    /// An article's heaviest rare features (weight holds rarity) propose its candidates: the cost per article stays
    /// bounded however many words it shares with others.
    public var proposingFeatures = 16
    /// Candidates compared per article (the most shared features first), so clustering stays near-linear.
    public var maxCandidates = 12

    /// Articles published further apart than this many days are other happenings (or other developments).
    public var publicationWindow = 7
    /// Subtracted from two articles' similarity for each kind of soft evidence that they tell different
    /// happenings (logistic fit on ECB+ val's tuning half, in cosine units: 1.6, 0.8, 1.0, 0.5 and 0 over 24).
    public var yearsPenalty = 0.065
    public var countryPenalty = 0.035
    public var personPenalty = 0.04
    public var localityPenalty = 0.02
    public var daysPenalty = 0.0
    /// Inside one incident, tellings of one kind of event that name different participants of these kinds in the same
    /// role are different happenings ("Russia deployed" and "Tajikistan deployed"; a river's banks bursting and another
    /// river's embankment breached, `place`). People are left out: a victim, a
    /// witness or an official read as the doer is the commonest error of roles, and splitting on it lost more than
    /// it kept on every set (docs/EVENTS.md, "Merging inside an incident").
    public var separatingParticipants: Set<String> = ["country", "org", "place"]
    /// Events of different incidents join on shared specific facts only when published within this many days.
    public var joinWindow = 30
    /// Full dates further apart than this many days (every written day of one against every day of the other).
    public var dayTolerance = 30
    /// Two incidents stay apart when hard facts separate more than this share of their pairs of articles.
    public var maxVetoShare = 0.2
    /// How many of an article's most named people and organisations count as its leading names: two articles
    /// whose main persons differ and stand among neither's leading names tell of different people.
    public var leadingNames = 3
    /// Two incidents are judged on at most this many pairs of their articles (an even sample).
    public var linkSamples = 32
    /// Two articles must share at least this many features besides event kinds to be compared at all:
    /// "soldiers fled" and "Afghan troops fled into Tajikistan on July 5" share only the kind of event.
    public var minSharedFeatures = 2
    /// For features held by more articles than the candidate cap, an article's heaviest `commonFeatures` such
    /// features propose its `neighbours` nearest holders on each side in publication order.
    public var commonFeatures = 2
    public var neighbours = 3

    /// The channel model: two articles' score is the probability that they tell one happening, from the cosine of each
    /// kind of feature alone (person, organisation, town, province, country, day, figure, word, event kind: in that
    /// order) and the soft evidence of two happenings — a logistic regression fitted on ECB+ val's tuning half
    /// (`scripts/fit_incident_channels.py`). Off, the score is the cosine of the whole profiles minus the penalties.
    public var channelModel = true
    public var channelWeights = SIMD16<Double>(3.39, 0.16, 0.25, 1.78, 1.39, 5.54, 2.76, 26.66, -1.91, 0, 0, 0, 0, 0, 0, 0)
    public var channelBias = -3.51
    /// The soft evidence's weights in the channel model: written years apart, main towns apart, main countries apart,
    /// main persons apart.
    public var yearsWeight = -1.78
    public var localityWeight2 = -0.57
    public var countryWeight2 = -0.2
    public var personWeight2 = -1.29

    public init() {}
}
