import Foundation

/// A cleaned article: main text and metadata, derived from one `RawArticle`.
public struct Article: Sendable, Identifiable, Codable, Hashable {
    /// The id of the raw article it was cleaned from (one raw input gives one article).
    public var id: ContentID
    /// SHA-256 of the cleaned text: equal texts under different boilerplate share it.
    public var textHash: ContentID
    public var title: String?
    public var published: PublishedDate?
    /// When the page says it was updated, kept apart from the original date.
    public var updated: PublishedDate?
    /// Who published it: from metadata, the URL host, or a masthead line.
    public var outlet: String?
    public var url: String?
    /// ISO 639-1 code when identified, `nil` when unsure.
    public var language: String?
    public var authors: [String]
    /// Main text: paragraphs separated by a blank line.
    public var text: String
    /// What cleaning removed, with reasons.
    public var removed: [RemovedPiece]
    /// Runs of `text` mapped back to the raw bytes.
    public var sourceMap: [SourceSegment]
    /// The version of the cleaning code that produced it; `reanalyze` refreshes older ones.
    public var cleanerVersion: Int

    public init(id: ContentID, title: String? = nil, published: PublishedDate? = nil, updated: PublishedDate? = nil,
                outlet: String? = nil, url: String? = nil, language: String? = nil, authors: [String] = [],
                text: String, removed: [RemovedPiece] = [], sourceMap: [SourceSegment] = [], cleanerVersion: Int,
                textHash: ContentID? = nil) {
        self.id = id
        self.textHash = textHash ?? ContentID(ofText: text)
        self.title = title
        self.published = published
        self.updated = updated
        self.outlet = outlet
        self.url = url
        self.language = language
        self.authors = authors
        self.text = text
        self.removed = removed
        self.sourceMap = sourceMap
        self.cleanerVersion = cleanerVersion
    }

    /// Number of whitespace-separated words in `text`.
    public var wordCount: Int {
        var count = 0
        var inWord = false
        for b in text.utf8 {
            let space = b == 32 || b == 10 || b == 9 || b == 13
            if !space && !inWord { count += 1 }
            inWord = !space
        }
        return count
    }
}
