/// How a telling or a merged event stands. The raw values are the stable codes of JSON, CSV and the store
/// (`event_mention.status`); `docs/EVENTS.md` lists them.
public enum EventStatus: String, Codable, Sendable, Hashable, CaseIterable, CustomStringConvertible {
    /// Stated as fact by the article or its source.
    case reported
    /// Claimed by a party ("the Taliban claims to control 90%").
    case claimed
    /// Announced for the future ("will send 20,000 troops", "by August 31").
    case planned
    /// Rejected by a source ("dismissed the report as a lie").
    case denied
    /// A merged event reported by some sources and denied by others.
    case contested
    /// Conditional or speculative ("could", "if").
    case hypothetical
    /// Stated, then taken back by its source.
    case walkedBack = "walked back"

    public var description: String { rawValue }

    /// Against the event: a denial, or the source itself walking its word back (they do not count as corroboration).
    public var isAgainst: Bool { self == .denied || self == .walkedBack }
}
