extension AnnotationIndex {
    public func pendingAnnotations(limit: Int) throws -> [PendingAnnotation] { try pendingAnnotations(after: nil, limit: limit) }
}

/// Where the language layer's results live.
public protocol AnnotationIndex: Sendable {
    /// Up to `limit` articles the language layer has not read, in arrival order; with `after`, only
    /// articles after that one (so the next batch can be read while the previous one is being saved).
    func pendingAnnotations(after doc: Int64?, limit: Int) throws -> [PendingAnnotation]
    /// Stores a batch of annotations (replacing any earlier ones of the same articles).
    func saveAnnotations(_ batch: [ArticleAnnotations]) throws
    /// Every entity id with its kind, commonest name and mention count.
    func entitySurvey() throws -> [EntitySurveyRow]
    /// Replaces the cross-document links.
    func saveEntityLinks(_ links: [EntityLink]) throws
    /// Entities merged across documents, most mentioned first.
    func entities(_ query: EntityQuery) throws -> [EntityRecord]
    /// The names each entity is written with (cross-document links followed), for the entities one of whose names
    /// contains `word` as a whole word (any case): one list per entity, most used first.
    func entityNames(containing word: String) throws -> [[String]]
    /// Forgets every annotation, so the next pass reads everything again.
    func resetAnnotations() throws
    /// Every stored event mention with its article's outlet, date and source group.
    func eventReferences() throws -> [EventReference]
    /// Cross-document entity merges: id → canonical id.
    func entityLinks() throws -> [String: String]
    /// The stored profiles of the articles that have event mentions, in row order.
    func articleProfiles() throws -> [ProfiledArticle]
}
