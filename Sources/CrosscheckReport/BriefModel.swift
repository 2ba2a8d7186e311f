import CrosscheckCore

/// The brief as data: what `Brief` chose and numbered, which Markdown, HTML and JSON render alike (nothing is parsed
/// back from text). Citations are numbers into `sources`, in order of first citation.
public struct BriefModel: Codable, Sendable, Hashable {
    /// Citations on one line: at most a few numbers, one per independent source first, and how many more articles.
    public struct Citations: Codable, Sendable, Hashable {
        public var numbers: [Int]
        /// The cited sentence of each numbered article (UTF-8 span of its cleaned text), in the order of `numbers`:
        /// where a citation opens the article. Empty in a brief stored before they were kept.
        public var sentences: [TextRange]
        public var more: Int

        public init(numbers: [Int], sentences: [TextRange] = [], more: Int) {
            self.numbers = numbers
            self.sentences = sentences
            self.more = more
        }

        public init(from decoder: any Decoder) throws {
            let c = try decoder.container(keyedBy: CodingKeys.self)
            self.init(numbers: try c.decode([Int].self, forKey: .numbers),
                      sentences: try c.decodeIfPresent([TextRange].self, forKey: .sentences) ?? [], more: try c.decode(Int.self, forKey: .more))
        }

        /// The number and cited sentence of each citation.
        public var cited: [(number: Int, sentence: TextRange?)] {
            numbers.enumerated().map { k, n in (n, k < sentences.count ? sentences[k] : nil) }
        }
    }

    /// A denial or walk-back told beside a development.
    public struct Dispute: Codable, Sendable, Hashable {
        /// `denied` or `walked back`.
        public var kind: EventStatus
        public var by: String
        /// The day of the denial, as written (year read in when missing).
        public var on: String?
        public var citations: Citations
    }

    /// The sentence behind a development.
    public struct Evidence: Codable, Sendable, Hashable {
        public var sentence: String
        /// Its UTF-8 span in the cited article's cleaned text (nil in a brief stored before spans were kept).
        public var range: TextRange?
        public var attribution: String?
        public var citation: Int

        public init(sentence: String, range: TextRange? = nil, attribution: String?, citation: Int) {
            self.sentence = sentence
            self.range = range
            self.attribution = attribution
            self.citation = citation
        }
    }

    /// One key development.
    public struct Development: Codable, Sendable, Hashable {
        public var number: Int
        /// False for a development with no date in the text (listed apart).
        public var dated: Bool
        public var when: String
        public var headline: String
        public var event: String
        public var incident: String
        public var sources: Int
        public var citations: Citations
        public var status: EventStatus
        public var dispute: Dispute?
        /// The anonymous source, when every attributed telling is anonymous.
        public var anonymous: String?
        public var evidence: Evidence?
    }

    /// One contested point: the sides with who says what.
    public struct Contested: Codable, Sendable, Hashable {
        public struct Side: Codable, Sendable, Hashable {
            public var value: String
            public var who: String?
            public var citations: Citations
        }
        public var event: String
        public var title: String
        public var kind: ContradictionKind
        public var sides: [Side]
    }

    /// A name and how many tellings name it ("Rahmon (also Rakhmon): 12").
    public struct NameCount: Codable, Sendable, Hashable {
        public var name: String
        public var count: Int
    }

    /// A cited article.
    public struct Source: Codable, Sendable, Hashable {
        public var number: Int
        public var article: String
        public var outlet: String?
        /// Its publication day (ISO), if known.
        public var date: String?
        /// The date was inferred from the text, not stated.
        public var dateInferred: Bool
        public var title: String?
        /// Its independent source (numbered in order of first citation) and the other cited articles of that source.
        public var source: Int
        public var with: [Int]
        /// Outlets it attributes its facts to.
        public var cites: [String]
    }

    public var title: String
    public var articles: Int
    public var independentSources: Int
    /// The year dates written without one are read in, when the whole story lies in one year.
    public var year: String?
    public var developments: [Development]
    public var contested: [Contested]
    /// Contested points not shown.
    public var moreContested: Int
    public var actors: [NameCount]
    public var places: [NameCount]
    public var sources: [Source]
}

extension BriefModel {
    /// Sets what the store knows about the cited articles: whether their date was inferred, which outlets they cite.
    public mutating func annotate(with notes: [String: Brief.SourceNote]) {
        for k in sources.indices {
            guard let note = notes[sources[k].article] else { continue }
            sources[k].dateInferred = note.publishedFrom?.hasPrefix("inferred") == true
            sources[k].cites = note.cites
        }
    }
}
