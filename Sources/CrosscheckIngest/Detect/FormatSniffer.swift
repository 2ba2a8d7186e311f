/// What the first bytes of an input say it is.
public enum SniffedKind: Equatable, Sendable {
    case gzip
    case html
    case jsonLines
    case text
    /// A syndication feed or other XML; not ingested yet, reported as such.
    case xml
    /// Not text at all: the MIME type it looks like.
    case binary(String)
}

/// Detects an input's kind from its content; the file name is only a tie-breaker.
public enum FormatSniffer {
    /// How many leading bytes are examined.
    public static let probeLength = 8192

    /// Share of control bytes (other than tab, CR, LF, FF) above which bytes are not text.
    static let maxControlShare = 0.02

    private static let magic: [(bytes: [UInt8], mime: String)] = [
        ([0x25, 0x50, 0x44, 0x46], "application/pdf"),
        ([0x89, 0x50, 0x4E, 0x47], "image/png"),
        ([0xFF, 0xD8, 0xFF], "image/jpeg"),
        ([0x47, 0x49, 0x46, 0x38], "image/gif"),
        ([0x50, 0x4B, 0x03, 0x04], "application/zip"),
        ([0x42, 0x5A, 0x68], "application/x-bzip2"),
        ([0xFD, 0x37, 0x7A, 0x58, 0x5A, 0x00], "application/x-xz"),
        ([0x37, 0x7A, 0xBC, 0xAF, 0x27, 0x1C], "application/x-7z-compressed"),
        ([0x28, 0xB5, 0x2F, 0xFD], "application/zstd"),
        ([0x7F, 0x45, 0x4C, 0x46], "application/x-executable"),
        ([0x49, 0x44, 0x33], "audio/mpeg"),
        ([0x00, 0x00, 0x01, 0x00], "image/x-icon"),
        ([0x52, 0x49, 0x46, 0x46], "image/webp or audio/wav (RIFF)"),
        ([0xD0, 0xCF, 0x11, 0xE0], "application/msword (OLE)"),
    ]

    /// Tags whose presence near the start marks a fragment as HTML even without `<html>`.
    private static let htmlMarkers = [
        "<!doctype html", "<html", "<head", "<body", "<meta ", "<title", "<div", "<p>", "<p ", "<article",
        "<span", "<br", "<a href", "<table", "<h1", "<h2", "<script", "<style", "<section",
    ]

    /// Classifies `prefix` (the first bytes of the input).
    public static func sniff<C: Collection>(_ prefix: C) -> SniffedKind where C.Element == UInt8, C.Index == Int {
        let probe = Array(prefix.prefix(probeLength))
        if probe.count >= 2, probe[0] == 0x1F, probe[1] == 0x8B { return .gzip }
        for (bytes, mime) in magic where probe.count >= bytes.count && Array(probe[0..<bytes.count]) == bytes {
            return .binary(mime)
        }
        // UTF-16 text has a BOM; we do not ingest it, but call it what it is.
        if probe.count >= 2, (probe[0] == 0xFF && probe[1] == 0xFE) || (probe[0] == 0xFE && probe[1] == 0xFF) {
            return .binary("UTF-16 text (convert to UTF-8)")
        }
        var control = 0
        for b in probe {
            if b == 0 { return .binary("application/octet-stream (NUL bytes)") }
            if b < 0x20 && b != 0x09 && b != 0x0A && b != 0x0D && b != 0x0C { control += 1 }
        }
        if !probe.isEmpty, Double(control) / Double(probe.count) > maxControlShare {
            return .binary("application/octet-stream (control bytes)")
        }
        var start = 0
        if probe.count >= 3, probe[0] == 0xEF, probe[1] == 0xBB, probe[2] == 0xBF { start = 3 }
        while start < probe.count, isSpace(probe[start]) { start += 1 }
        guard start < probe.count else { return .text }
        let first = probe[start]
        if first == UInt8(ascii: "{") { return .jsonLines }
        let lower = String(decoding: probe[start...].map { $0 >= 65 && $0 <= 90 ? $0 + 32 : $0 }, as: UTF8.self)
        if first == UInt8(ascii: "<") {
            if lower.hasPrefix("<?xml") || lower.hasPrefix("<rss") || lower.hasPrefix("<feed") {
                // XHTML declares itself XML too.
                return lower.contains("<html") ? .html : .xml
            }
            if lower.hasPrefix("<!--") || htmlMarkers.contains(where: { lower.hasPrefix($0) }) { return .html }
        }
        // Text that carries real markup (a fragment pasted without a head) is HTML.
        var tags = 0
        for marker in ["<p>", "<p ", "</p>", "<div", "</div>", "<br", "<html", "<body"] where lower.contains(marker) {
            tags += 1
        }
        return tags >= 2 ? .html : .text
    }

    @inline(__always)
    static func isSpace(_ b: UInt8) -> Bool { b == 0x20 || b == 0x0A || b == 0x0D || b == 0x09 || b == 0x0C }

    /// Whether bytes that start like JSON lines are one pretty-printed JSON document instead: the first
    /// non-empty line holds the opening brace alone.
    public static func isPrettyJSONDocument(_ bytes: [UInt8]) -> Bool {
        var k = 0
        if bytes.count >= 3, bytes[0] == 0xEF, bytes[1] == 0xBB, bytes[2] == 0xBF { k = 3 }
        while k < bytes.count, isSpace(bytes[k]) { k += 1 }
        guard k < bytes.count, bytes[k] == UInt8(ascii: "{") else { return false }
        k += 1
        while k < bytes.count, bytes[k] == 0x20 || bytes[k] == 0x09 || bytes[k] == 0x0D { k += 1 }
        return k < bytes.count && bytes[k] == 0x0A
    }
}
