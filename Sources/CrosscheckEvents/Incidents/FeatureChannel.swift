/// The kinds of features of an article profile. Each is its own channel of similarity between two articles (the
/// cosine of their features of that kind alone), and the kind is written in the top bits of a feature's key.
enum FeatureChannel: Int, CaseIterable, Sendable {
    case person, organization, locality, region, country, day, figure, word, kind

    /// `hash` tagged with this channel (its top 4 bits).
    func key(_ hash: UInt64) -> UInt64 { hash & FeatureChannel.hashMask | UInt64(rawValue) << 60 }

    static let hashMask: UInt64 = (1 << 60) - 1

    /// The channel of a tagged key.
    static func of(_ key: UInt64) -> Int { Int(key >> 60) }
}
