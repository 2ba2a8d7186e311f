import Foundation

/// An opaque page cursor: the position of the next item in the listing's order (base64 of "o:N"), so a client pages
/// without building offsets.
enum Cursor {
    static func encode(_ offset: Int) -> String { Data("o:\(offset)".utf8).base64EncodedString() }

    static func decode(_ cursor: String) -> Int? {
        guard let data = Data(base64Encoded: cursor), let text = String(data: data, encoding: .utf8), text.hasPrefix("o:"),
              let offset = Int(text.dropFirst(2)), offset >= 0 else { return nil }
        return offset
    }
}
