/// One event as one sentence of one article tells it.
public struct EventMention: Codable, Sendable, Hashable {
    /// Ontology type (`mobilize`, `flee`, `withdraw`…; see the events resource).
    public var type: String
    /// The trigger word or phrase and its UTF-8 span.
    public var trigger: String
    public var start: Int
    public var end: Int
    /// The evidence sentence and its UTF-8 span.
    public var sentence: String
    public var sentenceStart: Int
    public var sentenceEnd: Int
    public var actor: Participant?
    public var target: Participant?
    public var place: PlaceRef?
    public var placeName: String?
    public var time: TimeValue?
    public var timeText: String?
    /// True when no time was written and the publication date stands in.
    public var timeFromPublication: Bool
    public var quantity: QuantityValue?
    public var quantityText: String?
    public var attribution: Attribution
    /// reported, claimed, denied, planned, hypothetical, walked back.
    public var status: EventStatus
    /// Who denied it, when the status is denied.
    public var deniedBy: Participant?

    public init(type: String, trigger: String, start: Int, end: Int, sentence: String, sentenceStart: Int, sentenceEnd: Int,
                actor: Participant? = nil, target: Participant? = nil, place: PlaceRef? = nil, placeName: String? = nil,
                time: TimeValue? = nil, timeText: String? = nil, timeFromPublication: Bool = false,
                quantity: QuantityValue? = nil, quantityText: String? = nil,
                attribution: Attribution = Attribution(kind: .article), status: EventStatus = .reported, deniedBy: Participant? = nil) {
        self.type = type
        self.trigger = trigger
        self.start = start
        self.end = end
        self.sentence = sentence
        self.sentenceStart = sentenceStart
        self.sentenceEnd = sentenceEnd
        self.actor = actor
        self.target = target
        self.place = place
        self.placeName = placeName
        self.time = time
        self.timeText = timeText
        self.timeFromPublication = timeFromPublication
        self.quantity = quantity
        self.quantityText = quantityText
        self.attribution = attribution
        self.status = status
        self.deniedBy = deniedBy
    }
}
