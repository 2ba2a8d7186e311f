/// Which incident each article belongs to, and each article's main country (which stands in for the doer of a
/// telling that names none). Computed from the stored profiles before the event mentions are read, so the
/// clustering's working memory is freed before the mentions fill it.
public struct IncidentMap: Sendable {
    /// Article row → incident number (numbers are in content order: the same articles give the same numbers).
    public var incidents: [Int64: Int]
    /// Article row → `country:XX`.
    public var focus: [Int64: String]

    public init(incidents: [Int64: Int] = [:], focus: [Int64: String] = [:]) {
        self.incidents = incidents
        self.focus = focus
    }

    /// The incident of an article; an article without a profile is an incident of its own.
    public func incident(of doc: Int64) -> Int { incidents[doc] ?? -1 - Int(doc) }
}
