/// Who an event mention's facts come from.
public struct Attribution: Codable, Sendable, Hashable {
    public var kind: AttributionKind
    public var name: String?
    public var entity: String?
    /// The words that attribute ("told RFE/RL", "according to Tajik state media").
    public var cue: String?

    public init(kind: AttributionKind, name: String? = nil, entity: String? = nil, cue: String? = nil) {
        self.kind = kind
        self.name = name
        self.entity = entity
        self.cue = cue
    }
}
