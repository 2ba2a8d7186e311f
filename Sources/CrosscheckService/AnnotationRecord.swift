import CrosscheckCore
import CrosscheckLanguage

/// One object of `annotate` output, with code-point offsets.
public struct AnnotationRecord: Encodable, Sendable {
    public struct SentenceRecord: Encodable, Sendable {
        public var start: Int, end: Int
        public var text: String
    }
    public struct MentionRecord: Encodable, Sendable {
        public var start: Int, end: Int
        public var text: String
        public var kind: MentionKind
        public var entity: String?
        public var value: String?
        public var place: PlaceRef?
        public var quantity: QuantityValue?
        public var time: TimeValue?
        public var evidence: String?
    }

    public var source: String
    public var title: String?
    public var published: String?
    public var text: String
    public var sentences: [SentenceRecord]
    public var mentions: [MentionRecord]
    /// Event mentions (UTF-8 offsets converted like the mentions').
    public var events: [EventMention]

    public init(source: String, title: String?, published: String?, text: String, analysis: Analysis, events: [EventMention]) {
        self.source = source
        self.title = title
        self.published = published
        self.text = text
        let offsets = CodePointOffsets(text)
        let utf8 = Array(text.utf8)
        func slice(_ a: Int, _ b: Int) -> String { String(decoding: utf8[a..<b], as: UTF8.self) }
        sentences = analysis.sentences.map { SentenceRecord(start: offsets[$0.start], end: offsets[$0.end], text: slice($0.start, $0.end)) }
        mentions = analysis.mentions.map {
            MentionRecord(start: offsets[$0.start], end: offsets[$0.end], text: $0.text, kind: $0.kind, entity: $0.entity,
                          value: $0.value, place: $0.place, quantity: $0.quantity, time: $0.time, evidence: $0.evidence)
        }
        self.events = events.map { e in
            var e = e
            e.start = offsets[e.start]; e.end = offsets[e.end]
            e.sentenceStart = offsets[e.sentenceStart]; e.sentenceEnd = offsets[e.sentenceEnd]
            return e
        }
    }
}
