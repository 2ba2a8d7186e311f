/// A byte range of an article's cleaned text (UTF-8 offsets, end exclusive).
public struct TextRange: Hashable, Codable, Sendable {
    public var start: Int
    public var end: Int
    public init(start: Int, end: Int) {
        precondition(start <= end, "range start after end")
        self.start = start
        self.end = end
    }
}
