/// The name of an annotation layer: `sentences`, `tokens`, `mentions`, `quantities`, `times`…
public struct LayerName: Hashable, Codable, Sendable, ExpressibleByStringLiteral, CustomStringConvertible {
    public let rawValue: String
    public init(_ rawValue: String) { self.rawValue = rawValue }
    public init(stringLiteral value: String) { self.rawValue = value }
    public var description: String { rawValue }

    /// The cleaned text itself; every document has it.
    public static let text: LayerName = "text"
    public static let sentences: LayerName = "sentences"
    public static let tokens: LayerName = "tokens"
    public static let mentions: LayerName = "mentions"
    public static let quantities: LayerName = "quantities"
    public static let times: LayerName = "times"
    public static let eventMentions: LayerName = "event-mentions"
}

/// A labelled range of a document's text: a view (UTF-8 offsets), never a copy.
public struct Span: Hashable, Codable, Sendable {
    /// UTF-8 offset of the first byte.
    public var start: Int
    /// UTF-8 offset one past the last byte.
    public var end: Int
    /// What the span is: a sentence, `PERSON`, `quantity`…
    public var label: String
    /// A normalised value when the layer has one (an entity id, a resolved date, a number).
    public var value: String?

    public init(start: Int, end: Int, label: String, value: String? = nil) {
        precondition(start <= end, "span start after end")
        self.start = start
        self.end = end
        self.label = label
        self.value = value
    }
}

/// One annotation layer: the spans a stage produced.
public struct Layer: Hashable, Codable, Sendable {
    public var name: LayerName
    public var spans: [Span]

    public init(name: LayerName, spans: [Span] = []) {
        self.name = name
        self.spans = spans
    }
}

/// An article's cleaned text with its annotation layers. Owns the text; layers hold offsets into it,
/// so every fact can print the sentence it came from.
public struct Document: Sendable, Hashable {
    /// The article this document annotates.
    public let articleID: ContentID
    /// The cleaned text.
    public let text: String
    /// Layers by name; a stage adds the layers it declares in `produces`.
    public private(set) var layers: [LayerName: Layer]

    public init(articleID: ContentID, text: String) {
        self.articleID = articleID
        self.text = text
        self.layers = [:]
    }

    public init(article: Article) {
        self.init(articleID: article.id, text: article.text)
    }

    /// Sets (or replaces) a layer.
    public mutating func setLayer(_ layer: Layer) {
        layers[layer.name] = layer
    }

    /// The spans of a layer, empty when the layer is absent.
    public func spans(_ name: LayerName) -> [Span] { layers[name]?.spans ?? [] }

    /// The text a span covers.
    public func text(of span: Span) -> Substring {
        let utf8 = text.utf8
        let lo = utf8.index(utf8.startIndex, offsetBy: span.start, limitedBy: utf8.endIndex) ?? utf8.endIndex
        let hi = utf8.index(utf8.startIndex, offsetBy: span.end, limitedBy: utf8.endIndex) ?? utf8.endIndex
        return text[lo..<hi]
    }
}
