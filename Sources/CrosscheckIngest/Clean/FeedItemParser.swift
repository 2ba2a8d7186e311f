import CLibXML2
import CrosscheckCore
import Foundation

/// Parses one feed item's bytes (cut out of its feed by `FeedReader`) with libxml2's XML parser. The item is parsed
/// inside a wrapper that declares the usual feed namespaces and the HTML 4 character entities (which feeds use
/// without declaring them); nothing else is declared, so an entity the feed itself defines (a "billion laughs")
/// is undefined here and the item is rejected, never expanded. No network, no external DTD.
enum FeedItemParser {
    static func parse(_ bytes: [UInt8]) -> Result<FeedItem, Rejection> {
        var body = bytes
        if UTF8Validation.firstInvalidOffset(bytes) != nil {
            // The feed's declared encoding is not carried into the item: read a non-UTF-8 item as a single-byte charset.
            guard let decoded = SingleByteText.decode(bytes[...]) else { return .failure(.invalidXML("an item in an unknown encoding")) }
            body = Array(decoded.text.utf8)
        }
        let document = prefix + body + suffix
        guard let context = xmlNewParserCtxt() else { return .failure(.invalidXML("libxml2 could not start")) }
        defer { xmlFreeParserCtxt(context) }
        let options = Int32(XML_PARSE_NONET.rawValue | XML_PARSE_NOERROR.rawValue | XML_PARSE_NOWARNING.rawValue
                            | XML_PARSE_NOCDATA.rawValue | XML_PARSE_NOENT.rawValue)
        let doc = document.withUnsafeBufferPointer { buf in
            buf.baseAddress!.withMemoryRebound(to: CChar.self, capacity: buf.count) {
                xmlCtxtReadMemory(context, $0, Int32(buf.count), nil, "UTF-8", options)
            }
        }
        guard let doc else {
            let message = context.pointee.lastError.message.map { String(cString: $0).trimmingCharacters(in: .whitespacesAndNewlines) }
            return .failure(.invalidXML(message ?? "not well-formed XML"))
        }
        defer { xmlFreeDoc(doc) }
        guard let wrapper = xmlDocGetRootElement(doc), let element = elements(of: wrapper).first else {
            return .failure(.invalidXML("no item element"))
        }
        return .success(read(element, doc: doc))
    }

    static func read(_ item: xmlNodePtr, doc: xmlDocPtr) -> FeedItem {
        var out = FeedItem()
        var updated: String?, summary: (text: String, html: Bool)?, permalink: String?
        for child in elements(of: item) {
            let name = String(cString: child.pointee.name)
            let prefix = child.pointee.ns?.pointee.prefix.map { String(cString: $0) }
            switch (prefix, name) {
            case (nil, "title"), ("atom", "title"), ("dc", "title"):
                if out.title == nil { out.title = text(child) }
            case (nil, "link"), ("atom", "link"):
                if let href = attribute(child, "href") {
                    let rel = attribute(child, "rel") ?? "alternate"
                    if rel == "alternate", out.link == nil || attribute(child, "type") == "text/html" { out.link = href }
                } else if out.link == nil, let value = text(child), !value.isEmpty {
                    out.link = value
                }
            case (nil, "guid"):
                if attribute(child, "isPermaLink") != "false", let value = text(child), value.hasPrefix("http") { permalink = value }
            case (nil, "pubDate"), (nil, "published"), ("atom", "published"), ("dc", "date"), (nil, "issued"):
                if out.published == nil { out.published = text(child) }
            case (nil, "updated"), ("atom", "updated"), (nil, "modified"):
                if updated == nil { updated = text(child) }
            case (nil, "author"), ("atom", "author"):
                let named = elements(of: child).first { String(cString: $0.pointee.name) == "name" }
                if let author = text(named ?? child).map(authorName), !author.isEmpty { out.authors.append(author) }
            case ("dc", "creator"):
                if let author = text(child), !author.isEmpty { out.authors.append(author) }
            case ("content", "encoded"):
                out.body = text(child)
                out.bodyIsHTML = true
            case (nil, "content"), ("atom", "content"):
                if out.body == nil || !out.bodyIsHTML { (out.body, out.bodyIsHTML) = content(child, doc: doc) }
            case (nil, "description"), (nil, "summary"), ("atom", "summary"):
                if summary == nil {
                    let value = content(child, doc: doc)
                    if let body = value.text { summary = (body, value.html) }
                }
            default:
                break
            }
        }
        if out.link == nil { out.link = permalink }
        if out.published == nil { out.published = updated }
        if out.body?.trimmingCharacters(in: .whitespacesAndNewlines).isEmpty ?? true, let summary {
            out.body = summary.text
            out.bodyIsHTML = summary.html
        }
        return out
    }

    /// An Atom text construct or an RSS description: its text, and whether that text is HTML.
    static func content(_ node: xmlNodePtr, doc: xmlDocPtr) -> (text: String?, html: Bool) {
        switch attribute(node, "type")?.lowercased() {
        case "xhtml":
            // The markup itself, serialised.
            guard let buffer = xmlBufferCreate() else { return (nil, false) }
            defer { xmlBufferFree(buffer) }
            var child = node.pointee.children
            while let c = child { xmlNodeDump(buffer, doc, c, 0, 0); child = c.pointee.next }
            return (xmlBufferContent(buffer).map { String(cString: $0) }, true)
        case "text", "text/plain":
            return (text(node), false)
        case "html", "text/html":
            return (text(node), true)
        default:
            let value = text(node)
            return (value, value.map(looksLikeHTML) ?? false)
        }
    }

    /// Whether a string holds HTML tags (an RSS description is escaped HTML as often as plain text).
    static func looksLikeHTML(_ s: String) -> Bool {
        s.range(of: #"<(p|br|div|a|img|span|strong|em|b|i|ul|ol|li|h[1-6]|blockquote|figure|table)[\s/>]"#,
                options: [.regularExpression, .caseInsensitive]) != nil
    }

    /// "jdoe@example.com (Jane Doe)" → "Jane Doe"; other forms as they are.
    static func authorName(_ s: String) -> String {
        let t = s.trimmingCharacters(in: .whitespacesAndNewlines)
        if let open = t.firstIndex(of: "("), t.hasSuffix(")"), t[..<open].contains("@") {
            return String(t[t.index(after: open)..<t.index(before: t.endIndex)]).trimmingCharacters(in: .whitespaces)
        }
        return t
    }

    static func elements(of node: xmlNodePtr) -> [xmlNodePtr] {
        var out: [xmlNodePtr] = []
        var child = node.pointee.children
        while let c = child {
            if c.pointee.type == XML_ELEMENT_NODE { out.append(c) }
            child = c.pointee.next
        }
        return out
    }

    /// The text a node holds (its text and CDATA descendants; entities are already replaced), trimmed.
    static func text(_ node: xmlNodePtr) -> String? {
        var bytes: [UInt8] = []
        func collect(_ n: xmlNodePtr) {
            var child = n.pointee.children
            while let c = child {
                if c.pointee.type == XML_TEXT_NODE || c.pointee.type == XML_CDATA_SECTION_NODE, let content = c.pointee.content {
                    var p = content
                    while p.pointee != 0 { bytes.append(p.pointee); p += 1 }
                } else if c.pointee.type == XML_ELEMENT_NODE {
                    collect(c)
                }
                child = c.pointee.next
            }
        }
        collect(node)
        return String(decoding: bytes, as: UTF8.self).trimmingCharacters(in: .whitespacesAndNewlines)
    }

    static func attribute(_ node: xmlNodePtr, _ name: String) -> String? {
        guard let attr = xmlHasProp(node, name) else { return nil }
        var out = ""
        var child = attr.pointee.children
        while let c = child {
            if let content = c.pointee.content { out += String(cString: content) }
            child = c.pointee.next
        }
        return out
    }

    /// The wrapper's start: the HTML 4 entities (`Resources/html-entities.txt`) and the feed namespaces.
    static let prefix: [UInt8] = {
        var s = "<!DOCTYPE crosscheck-item [\n"
        if let url = Bundle.module.url(forResource: "html-entities", withExtension: "txt"),
           let table = try? String(contentsOf: url, encoding: .utf8) {
            for line in table.split(separator: "\n") where !line.hasPrefix("#") {
                let parts = line.split(separator: "\t")
                if parts.count == 2 { s += "<!ENTITY \(parts[0]) \"&#\(parts[1]);\">\n" }
            }
        }
        s += "]>\n<crosscheck-item"
        for (prefix, uri) in namespaces { s += " xmlns:\(prefix)=\"\(uri)\"" }
        return Array((s + ">").utf8)
    }()

    static let suffix: [UInt8] = Array("</crosscheck-item>".utf8)

    static let namespaces: [(String, String)] = [
        ("content", "http://purl.org/rss/1.0/modules/content/"), ("dc", "http://purl.org/dc/elements/1.1/"),
        ("rdf", "http://www.w3.org/1999/02/22-rdf-syntax-ns#"), ("media", "http://search.yahoo.com/mrss/"),
        ("atom", "http://www.w3.org/2005/Atom"), ("slash", "http://purl.org/rss/1.0/modules/slash/"),
        ("wfw", "http://wellformedweb.org/CommentAPI/"), ("sy", "http://purl.org/rss/1.0/modules/syndication/"),
        ("dcterms", "http://purl.org/dc/terms/"),
    ]
}
