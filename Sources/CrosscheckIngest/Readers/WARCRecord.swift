import CrosscheckCore

/// One WARC record's parts, read from its bytes (the WARC header and the block, as `WARCReader` stores them): the
/// named fields, and for an HTTP response the status, the HTTP header fields and where the payload starts.
/// Field names are compared case-insensitively, as WARC and HTTP say.
public struct WARCRecord: Sendable {
    public let version: String
    /// WARC header fields, names lowercased, in order.
    public let fields: [(name: String, value: String)]
    /// The block's bounds in the record's bytes.
    public let blockStart: Int
    public let blockEnd: Int
    /// For a `response` whose block is an HTTP message: its status code and header fields (names lowercased).
    public private(set) var httpStatus: Int?
    public private(set) var httpFields: [(name: String, value: String)] = []
    /// Where the payload starts: after the HTTP header for a response, the block's start otherwise.
    public private(set) var payloadStart: Int

    /// Reads the header of `bytes` (a whole record, or at least its header); nil when they do not start a WARC record.
    public init?<C: RandomAccessCollection>(_ bytes: C, blockLength: Int? = nil) where C.Element == UInt8, C.Index == Int {
        let base = bytes.startIndex
        guard let headerEnd = Self.find([13, 10, 13, 10], in: bytes, from: base) else { return nil }
        let lines = Self.lines(bytes[base..<headerEnd])
        guard let first = lines.first, first.hasPrefix("WARC/") else { return nil }
        version = String(first.dropFirst(5))
        fields = Self.fields(lines.dropFirst())
        blockStart = headerEnd + 4 - base
        let length = blockLength ?? Int(fields.first { $0.name == "content-length" }?.value ?? "") ?? (bytes.count - blockStart)
        blockEnd = min(bytes.count, blockStart + max(0, length))
        payloadStart = blockStart
        if type == "response", let http = Self.http(bytes, from: base + blockStart, to: base + blockEnd) {
            httpStatus = http.status
            httpFields = http.fields
            payloadStart = http.payload - base
        }
    }

    public subscript(_ name: String) -> String? { fields.first { $0.name == name }?.value }

    public func http(_ name: String) -> String? { httpFields.first { $0.name == name }?.value }

    /// `WARC-Type`, lowercased.
    public var type: String { self["warc-type"]?.lowercased() ?? "" }

    /// `WARC-Target-URI` without the angle brackets some writers of WARC 1.0 put around it.
    public var targetURI: String? {
        guard var uri = self["warc-target-uri"], !uri.isEmpty else { return nil }
        if uri.hasPrefix("<"), uri.hasSuffix(">") { uri = String(uri.dropFirst().dropLast()) }
        return uri
    }

    /// The payload's media type, lowercased and without parameters: the HTTP `Content-Type` of a response, the WARC
    /// one of a resource.
    public var mediaType: String? {
        let raw = httpStatus != nil ? http("content-type") : self["content-type"]
        return raw.map { String($0.split(separator: ";").first ?? "").trimmingCharacters(in: .whitespaces).lowercased() }
    }

    /// The `charset` parameter of the payload's `Content-Type`, if any.
    public var charset: String? {
        let raw = (httpStatus != nil ? http("content-type") : self["content-type"]) ?? ""
        for parameter in raw.split(separator: ";").dropFirst() {
            let pair = parameter.split(separator: "=", maxSplits: 1)
            guard pair.count == 2, pair[0].trimmingCharacters(in: .whitespaces).lowercased() == "charset" else { continue }
            let value = pair[1].trimmingCharacters(in: CharacterSet(charactersIn: " \t\"'"))
            return value.isEmpty ? nil : value
        }
        return nil
    }

    /// Media types read as articles; a record of another type (an image, a script, a stylesheet) is skipped.
    static let articleTypes: Set<String> = ["text/html", "application/xhtml+xml", "text/plain"]

    /// Why this record is not an article, or nil when it may be one: a response with a 2xx status and an HTML or text
    /// payload, or a resource of such a type.
    public var notArticleReason: String? {
        switch type {
        case "response":
            guard let status = httpStatus else { return "response without an HTTP message" }
            guard (200..<300).contains(status) else { return "HTTP status \(status)" }
        case "resource":
            // A crawler's own files (wget's log and arguments at metadata://…) are not pages.
            if let uri = targetURI, let scheme = uri.split(separator: ":").first?.lowercased(), !["http", "https", "file"].contains(scheme) {
                return "resource at \(scheme):"
            }
        default: return "\(type.isEmpty ? "untyped" : type) record"
        }
        if let media = mediaType, !media.isEmpty, !Self.articleTypes.contains(media) { return "payload of type \(media)" }
        return nil
    }

    static func find<C: RandomAccessCollection>(_ pattern: [UInt8], in bytes: C, from: Int) -> Int? where C.Element == UInt8, C.Index == Int {
        guard bytes.count >= pattern.count else { return nil }
        var i = from
        let last = bytes.endIndex - pattern.count
        while i <= last {
            if bytes[i] == pattern[0] {
                var k = 1
                while k < pattern.count && bytes[i + k] == pattern[k] { k += 1 }
                if k == pattern.count { return i }
            }
            i += 1
        }
        return nil
    }

    static func lines<C: Collection>(_ bytes: C) -> [String] where C.Element == UInt8 {
        String(decoding: bytes, as: UTF8.self).split(omittingEmptySubsequences: false, whereSeparator: { $0 == "\n" || $0 == "\r\n" })
            .map { $0.hasSuffix("\r") ? String($0.dropLast()) : String($0) }
    }

    /// `Name: value` lines (a line starting with a space or tab continues the previous one), names lowercased.
    static func fields<S: Sequence>(_ lines: S) -> [(name: String, value: String)] where S.Element == String {
        var out: [(name: String, value: String)] = []
        for line in lines {
            if let c = line.first, c == " " || c == "\t", !out.isEmpty {
                out[out.count - 1].value += " " + line.trimmingCharacters(in: .whitespaces)
                continue
            }
            guard let colon = line.firstIndex(of: ":") else { continue }
            out.append((line[..<colon].trimmingCharacters(in: .whitespaces).lowercased(),
                        line[line.index(after: colon)...].trimmingCharacters(in: .whitespaces)))
        }
        return out
    }

    /// The status and header fields of an HTTP response at `from`, and where its payload starts.
    static func http<C: RandomAccessCollection>(_ bytes: C, from: Int, to: Int) -> (status: Int, fields: [(name: String, value: String)], payload: Int)?
    where C.Element == UInt8, C.Index == Int {
        guard to - from >= 12, bytes[from] == UInt8(ascii: "H"), bytes[from + 1] == UInt8(ascii: "T") else { return nil }
        // Header ends at CRLF CRLF (or a bare LF LF from a sloppy server), within the block and its first 64 KiB.
        let window = bytes[from..<min(to, from + 65_536)]
        let crlf = find([13, 10, 13, 10], in: window, from: from)
        let lf = find([10, 10], in: bytes[from..<(crlf ?? window.endIndex)], from: from)
        let end: (at: Int, length: Int)
        switch (crlf, lf) {
        case let (c?, l?): end = c <= l ? (c, 4) : (l, 2)
        case let (c?, nil): end = (c, 4)
        case let (nil, l?): end = (l, 2)
        default: end = (to, 0)
        }
        let lines = Self.lines(bytes[from..<end.at])
        let parts = lines.first?.split(separator: " ") ?? []
        guard parts.count >= 2, parts[0].hasPrefix("HTTP/"), let status = Int(parts[1]) else { return nil }
        return (status, fields(lines.dropFirst()), end.at + end.length)
    }
}

import Foundation
