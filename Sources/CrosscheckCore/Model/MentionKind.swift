/// What a mention names or measures.
public enum MentionKind: String, Codable, Sendable, CaseIterable {
    case person, organization, place, country, nationality, quantity, time
}
