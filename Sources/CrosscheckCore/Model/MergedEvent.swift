/// An event merged across articles, with its corroboration.
public struct MergedEvent: Codable, Sendable, Hashable {
    public var id: String
    public var type: String
    public var label: String
    public var plover: String
    public var cameo: String
    public var actor: Participant?
    public var target: Participant?
    public var place: PlaceRef?
    public var placeName: String?
    /// The best-known time: the most specific written time, else the earliest publication day.
    public var time: TimeValue?
    public var timeFromPublication: Bool
    /// The most precise quantity reported (exact beats a bound, a bound beats a vague count).
    public var quantity: QuantityValue?
    public var quantityText: String?
    /// reported, claimed, planned, denied, contested (reported by some, denied by others), hypothetical, walked back.
    public var status: EventStatus
    /// Independent source groups that report it (not counting denials).
    public var sources: Int
    /// Source groups that deny it.
    public var deniedBy: Int
    public var references: [EventReference]
    /// The incident (one real-world happening several articles report) of its earliest telling: a content id
    /// (`inc-` and 12 hex digits of the SHA-256 of the incident's sorted article ids), so the same articles give
    /// the same incident whatever the order they were stored in. Events of one incident are one story's
    /// developments; the brief and the timeline list them together.
    public var incident: String

    /// The sources of its references (`EventReference.source`), each once, in reference order.
    public var sourceNames: [String] {
        var seen = Set<String>()
        return references.map(\.source).filter { seen.insert($0).inserted }
    }

    public init(id: String, type: String, label: String, plover: String, cameo: String, actor: Participant?, target: Participant?,
                place: PlaceRef?, placeName: String?, time: TimeValue?, timeFromPublication: Bool, quantity: QuantityValue?,
                quantityText: String?, status: EventStatus, sources: Int, deniedBy: Int, references: [EventReference],
                incident: String = "") {
        self.id = id
        self.type = type
        self.label = label
        self.plover = plover
        self.cameo = cameo
        self.actor = actor
        self.target = target
        self.place = place
        self.placeName = placeName
        self.time = time
        self.timeFromPublication = timeFromPublication
        self.quantity = quantity
        self.quantityText = quantityText
        self.status = status
        self.sources = sources
        self.deniedBy = deniedBy
        self.references = references
        self.incident = incident
    }
}
