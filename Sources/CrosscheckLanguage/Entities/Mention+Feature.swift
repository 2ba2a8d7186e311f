import CrosscheckCore

extension Mention {
    /// The evidence the recognizer gives a place that is a natural feature (a river, a lake, a dam).
    public static let naturalFeature = "natural feature"

    /// A place that is a natural feature ("the Panj river", "Kajaki Dam"): events can befall it, and it is not the
    /// town of the same name.
    public var isNaturalFeature: Bool { kind == .place && evidence?.hasPrefix(Self.naturalFeature) == true }
}
