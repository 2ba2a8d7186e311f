/// Why an input could not be stored. A value with a stable `code` and a one-line human `reason`;
/// cases are added without breaking callers.
public struct Rejection: Error, Hashable, Sendable, CustomStringConvertible {
    private enum Kind: Hashable, Sendable {
        case empty
        case notText(detected: String)
        case invalidUTF8(offset: Int)
        case tooLarge(bytes: Int, limit: Int)
        case corruptCompression(String)
        case invalidJSON(String)
        case missingField(String)
        case unreadable(String)
        case emptyAfterCleaning
        case notHTML
        case corruptRecord(String)
        case invalidXML(String)
    }

    private let kind: Kind

    /// Nothing but whitespace, or zero bytes.
    public static let empty = Rejection(kind: .empty)
    /// Binary content (an image, a PDF, an archive, random bytes).
    public static func notText(detected: String) -> Rejection { Rejection(kind: .notText(detected: detected)) }
    /// Text that is not valid UTF-8 and declares no other charset.
    public static func invalidUTF8(offset: Int) -> Rejection { Rejection(kind: .invalidUTF8(offset: offset)) }
    /// Larger than the configured limit.
    public static func tooLarge(bytes: Int, limit: Int) -> Rejection { Rejection(kind: .tooLarge(bytes: bytes, limit: limit)) }
    /// A gzip stream that is truncated or damaged.
    public static func corruptCompression(_ detail: String) -> Rejection { Rejection(kind: .corruptCompression(detail)) }
    /// A JSON line that does not parse as a JSON object.
    public static func invalidJSON(_ detail: String) -> Rejection { Rejection(kind: .invalidJSON(detail)) }
    /// A JSON record without a required field.
    public static func missingField(_ field: String) -> Rejection { Rejection(kind: .missingField(field)) }
    /// A file or folder that could not be read (permissions, vanished, not a regular file).
    public static func unreadable(_ detail: String) -> Rejection { Rejection(kind: .unreadable(detail)) }
    /// Input that parsed but had no main text left after cleaning.
    public static let emptyAfterCleaning = Rejection(kind: .emptyAfterCleaning)
    /// Input labelled HTML that has no HTML structure.
    public static let notHTML = Rejection(kind: .notHTML)
    /// A container's record that cannot be read: a WARC record cut short, whose length lies, or whose header is broken.
    public static func corruptRecord(_ detail: String) -> Rejection { Rejection(kind: .corruptRecord(detail)) }
    /// A feed or feed item that is not well-formed XML, or not a feed.
    public static func invalidXML(_ detail: String) -> Rejection { Rejection(kind: .invalidXML(detail)) }

    /// A stable machine-readable code: `empty`, `not-text`, `invalid-utf8`, `too-large`,
    /// `corrupt-compression`, `invalid-json`, `missing-field`, `unreadable`, `empty-after-cleaning`, `not-html`.
    public var code: String {
        switch kind {
        case .empty: "empty"
        case .notText: "not-text"
        case .invalidUTF8: "invalid-utf8"
        case .tooLarge: "too-large"
        case .corruptCompression: "corrupt-compression"
        case .invalidJSON: "invalid-json"
        case .missingField: "missing-field"
        case .unreadable: "unreadable"
        case .emptyAfterCleaning: "empty-after-cleaning"
        case .notHTML: "not-html"
        case .corruptRecord: "corrupt-record"
        case .invalidXML: "invalid-xml"
        }
    }

    /// One line saying what is wrong.
    public var reason: String {
        switch kind {
        case .empty: "empty input"
        case .notText(let detected): "not text: looks like \(detected)"
        case .invalidUTF8(let offset): "not valid UTF-8 (first bad byte at offset \(offset))"
        case .tooLarge(let bytes, let limit): "too large: \(bytes) bytes, limit \(limit)"
        case .corruptCompression(let detail): "damaged gzip data: \(detail)"
        case .invalidJSON(let detail): "not a JSON object: \(detail)"
        case .missingField(let field): "JSON record has no \(field)"
        case .unreadable(let detail): "cannot read: \(detail)"
        case .emptyAfterCleaning: "no main text left after cleaning"
        case .notHTML: "labelled HTML but has no HTML structure"
        case .corruptRecord(let detail): "damaged record: \(detail)"
        case .invalidXML(let detail): "not a readable feed: \(detail)"
        }
    }

    public var description: String { "\(code): \(reason)" }
}

/// A rejection together with the input it concerns.
public struct RejectedInput: Hashable, Sendable {
    public var origin: Origin
    public var rejection: Rejection

    public init(origin: Origin, rejection: Rejection) {
        self.origin = origin
        self.rejection = rejection
    }

    /// `path: reason`, the one-line form the CLI prints.
    public var line: String { "\(origin): \(rejection.reason)" }
}
