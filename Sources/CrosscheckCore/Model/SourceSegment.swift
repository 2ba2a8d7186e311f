import Foundation

/// Maps a run of the cleaned text back to the raw bytes it came from.
public struct SourceSegment: Hashable, Codable, Sendable {
    /// UTF-8 offset of the run in the cleaned text.
    public var cleanStart: Int
    /// UTF-8 length of the run in the cleaned text.
    public var length: Int
    /// Byte offset in the raw input where the run's source starts.
    public var rawStart: Int
    /// Byte length of the run's source in the raw input (differs from `length` when entities or
    /// whitespace were normalised).
    public var rawLength: Int

    public init(cleanStart: Int, length: Int, rawStart: Int, rawLength: Int) {
        self.cleanStart = cleanStart
        self.length = length
        self.rawStart = rawStart
        self.rawLength = rawLength
    }
}
