/// An attribution of facts to an outlet found in an article's text.
public struct Citation: Hashable, Codable, Sendable {
    public var article: Int64
    /// The outlet's canonical name ("RFE/RL", "Reuters").
    public var outlet: String
    /// The sentence that carries the attribution.
    public var sentence: TextRange
    /// The attribution as written ("told RFE / RL", "according to Radio Liberty").
    public var cue: String

    public init(article: Int64, outlet: String, sentence: TextRange, cue: String) {
        self.article = article
        self.outlet = outlet
        self.sentence = sentence
        self.cue = cue
    }
}
