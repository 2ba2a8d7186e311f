import CLibXML2
import Foundation

/// The element names the extractor tells apart, read from the name bytes libxml2 keeps (lowercased by its
/// HTML parser) without making a String: building and hashing a String per element for every set and
/// dictionary lookup was a fifth of the tree walks' time.
enum HTMLTag: UInt8, CaseIterable, Sendable {
    case other
    case html, head, body, title, meta, link, a, span, time
    // Never text (`HTMLExtractor.hardDropTags`).
    case script, style, noscript, template, svg, iframe, object, embed, canvas, video, audio
    case button, select, textarea, input, label, figcaption, dialog
    // Page furniture unless it holds the article (`HTMLExtractor.softDropTags`), and the page header.
    case nav, aside, footer, form, menu, header
    // Blocks (`HTMLExtractor.blockTags`).
    case p, h1, h2, h3, h4, h5, h6, li, blockquote, pre, td, th, dd, dt, dl, div, section, article, main
    case ul, ol, table, tr, figure, br, hr, address, center

    /// The tag as written in HTML.
    var name: String { Self.names[Int(rawValue)] }

    static let names: [String] = allCases.map { "\($0)" }

    /// The tag named by a NUL-terminated lowercase name; `.other` for names the extractor does not know.
    @inline(__always)
    init(_ name: UnsafePointer<xmlChar>?) {
        guard let name else { self = .other; return }
        guard let key = PackedTable.pack(name) else {
            // The two known names longer than eight bytes.
            self = Self.matchesLong(name, "blockquote") ? .blockquote : Self.matchesLong(name, "figcaption") ? .figcaption : .other
            return
        }
        self = Self.packedNames.lookup(key)
    }

    private static func matchesLong(_ name: UnsafePointer<xmlChar>, _ known: StaticString) -> Bool {
        let count = known.utf8CodeUnitCount
        let bytes = known.utf8Start
        for k in 0..<count where name[k] != bytes[k] { return false }
        return name[count] == 0
    }

    /// Names of at most eight bytes packed into a UInt64 (little endian), in an open-addressing table.
    struct PackedTable: Sendable {
        var keys = [UInt64](repeating: 0, count: 256)
        var values = [UInt8](repeating: 0, count: 256)

        @inline(__always)
        static func slot(_ key: UInt64) -> Int { Int(truncatingIfNeeded: (key &* 0x9E37_79B9_7F4A_7C15) >> 56) }

        mutating func insert(_ key: UInt64, _ value: UInt8) {
            var s = Self.slot(key)
            while keys[s] != 0 && keys[s] != key { s = (s + 1) & 255 }
            keys[s] = key
            values[s] = value
        }

        @inline(__always)
        func lookup(_ key: UInt64) -> HTMLTag {
            var s = Self.slot(key)
            while true {
                let k = keys[s]
                if k == key { return HTMLTag(rawValue: values[s]) ?? .other }
                if k == 0 { return .other }
                s = (s + 1) & 255
            }
        }

        /// A NUL-terminated name of at most eight bytes packed little endian; nil for a longer name.
        @inline(__always)
        static func pack(_ name: UnsafePointer<UInt8>) -> UInt64? {
            var key: UInt64 = 0
            var i = 0
            while i < 8 {
                let b = name[i]
                if b == 0 { return key }
                key |= UInt64(b) << UInt64(8 * i)
                i += 1
            }
            return name[8] == 0 ? key : nil
        }

        static func pack(_ name: String) -> UInt64? {
            let bytes = Array(name.utf8)
            guard !bytes.isEmpty, bytes.count <= 8 else { return nil }
            var key: UInt64 = 0
            for (i, b) in bytes.enumerated() { key |= UInt64(b) << UInt64(8 * i) }
            return key
        }
    }

    static let packedNames: PackedTable = {
        var table = PackedTable()
        for tag in allCases where tag != .other {
            if let key = PackedTable.pack(tag.name) { table.insert(key, tag.rawValue) }
        }
        return table
    }()

    /// Per-tag properties, indexed by raw value.
    private static func flags(_ names: some Sequence<String>) -> [Bool] {
        let set = Set(names)
        return allCases.map { $0 != .other && set.contains($0.name) }
    }

    private static let hardDrop: [String?] = allCases.map { $0 == .other ? nil : HTMLExtractor.hardDropTags[$0.name] }
    private static let softDrop: [String?] = allCases.map { $0 == .other ? nil : HTMLExtractor.softDropTags[$0.name] }
    private static let block = flags(HTMLExtractor.blockTags)
    private static let heading = flags(HTMLExtractor.headingTags)
    private static let listLike = flags(BlockWalker.listTags)
    private static let invisible = flags(BlockWalker.invisibleTags)
    private static let metadataNoise = flags(MetadataCollector.noiseElements)

    /// Why this tag's whole subtree is never text (`script`, `embed`, `form`…), or nil.
    var hardDropReason: String? { Self.hardDrop[Int(rawValue)] }
    /// Why this tag is page furniture unless it holds the article, or nil.
    var softDropReason: String? { Self.softDrop[Int(rawValue)] }
    var isBlock: Bool { Self.block[Int(rawValue)] }
    var isHeading: Bool { Self.heading[Int(rawValue)] }
    /// Lists, list items, quotes, definition lists: never the article's container.
    var isListLike: Bool { Self.listLike[Int(rawValue)] }
    /// Scripts, styles, templates, SVG: no visible text.
    var isInvisible: Bool { Self.invisible[Int(rawValue)] }
    /// Elements whose text is never the article's date line.
    var isMetadataNoise: Bool { Self.metadataNoise[Int(rawValue)] }
    /// `<article>` and `<main>`.
    var isArticleElement: Bool { self == .article || self == .main }
}

/// An attribute name or value, or a text node's bytes, as an `HTMLTree` holds them: valid while the tree lives.
typealias XMLBytes = UnsafeBufferPointer<UInt8>

extension UnsafeBufferPointer where Element == UInt8 {
    var string: String { String(decoding: self, as: UTF8.self) }

    /// Whether the bytes start with `prefix` (exact bytes).
    func hasPrefix(_ prefix: StaticString) -> Bool {
        let count = prefix.utf8CodeUnitCount
        guard self.count >= count else { return false }
        let bytes = prefix.utf8Start
        for k in 0..<count where self[k] != bytes[k] { return false }
        return true
    }

    /// Whether the bytes are exactly `other`.
    func equals(_ other: StaticString) -> Bool {
        guard count == other.utf8CodeUnitCount else { return false }
        let bytes = other.utf8Start
        for k in 0..<count where self[k] != bytes[k] { return false }
        return true
    }

    /// Whether the bytes spell `lowercase` (ASCII), ignoring ASCII case.
    func equalsIgnoringCase(_ lowercase: StaticString) -> Bool {
        guard count == lowercase.utf8CodeUnitCount else { return false }
        let other = lowercase.utf8Start
        for k in 0..<count {
            var b = self[k]
            if b >= 65 && b <= 90 { b += 32 }
            if b != other[k] { return false }
        }
        return true
    }
}
