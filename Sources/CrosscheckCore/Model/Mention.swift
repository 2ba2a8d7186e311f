/// One thing a text names or measures, with the exact span it came from.
public struct Mention: Codable, Sendable, Hashable {
    /// UTF-8 offsets of the span in the document's text.
    public var start: Int
    public var end: Int
    public var text: String
    public var kind: MentionKind
    /// The entity this mention refers to, stable across documents: `person:rhmn`,
    /// `place:geonames:1221874`, `org:csto`… nil for quantities and times.
    public var entity: String?
    /// The canonical name of the entity or the normalised value ("2021-07-05", "20000").
    public var value: String?
    public var place: PlaceRef?
    public var quantity: QuantityValue?
    public var time: TimeValue?
    /// Why the recogniser decided this ("title", "gazetteer", "acronym", "surname of …").
    public var evidence: String?

    public init(start: Int, end: Int, text: String, kind: MentionKind, entity: String? = nil, value: String? = nil,
                place: PlaceRef? = nil, quantity: QuantityValue? = nil, time: TimeValue? = nil, evidence: String? = nil) {
        self.start = start
        self.end = end
        self.text = text
        self.kind = kind
        self.entity = entity
        self.value = value
        self.place = place
        self.quantity = quantity
        self.time = time
        self.evidence = evidence
    }
}
