/// What one template run adds.
public struct TemplateRun: Sendable {
    /// Per group: paragraph hash → articles of this run holding it.
    public var counts: [String: [UInt64: Int]] = [:]
    /// Per group: the article rows this run added.
    public var members: [String: [Int64]] = [:]
    /// The touched groups' new state.
    public var groups: [String: TemplateGroup] = [:]
    public var watermark: Int64 = 0

    public init() {}
}
