import CrosscheckCore
import Foundation

/// Markers placed around each match in a search snippet.
public struct Highlight: Sendable {
    public var open: String
    public var close: String
    public init(open: String, close: String) {
        self.open = open
        self.close = close
    }

    /// `**match**`: readable in a terminal, in JSON and in Markdown.
    public static let markdown = Highlight(open: "**", close: "**")
    /// Bold yellow on an ANSI terminal.
    public static let ansi = Highlight(open: "\u{1B}[1;33m", close: "\u{1B}[0m")
}
