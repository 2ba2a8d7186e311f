import CrosscheckCore
import CrosscheckLanguage

/// One object of `annotate` output, with code-point offsets.
public struct AnnotationRecord: Encodable, Sendable {
    public struct SentenceRecord: Encodable, Sendable {
        public var start: Int, end: Int
        public var text: String
    }

    public var source: String
    public var title: String?
    public var published: String?
    public var text: String
    public var sentences: [SentenceRecord]
    /// The language layer's mentions, their offsets in code points.
    public var mentions: [Mention]
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
        mentions = analysis.mentions.map { m in
            var m = m
            m.start = offsets[m.start]; m.end = offsets[m.end]
            return m
        }
        self.events = events.map { e in
            var e = e
            e.start = offsets[e.start]; e.end = offsets[e.end]
            e.sentenceStart = offsets[e.sentenceStart]; e.sentenceEnd = offsets[e.sentenceEnd]
            return e
        }
    }
}
