import Foundation
import CLibXML2
import CrosscheckCore

/// A parsed HTML page owned by libxml2, freed when this value goes away.
final class HTMLDocument {
    let doc: htmlDocPtr

    /// libxml2 must be initialised once before parsing from several threads.
    private static let initialised: Bool = {
        xmlInitParser()
        return true
    }()

    /// Parser options: recover from broken markup, stay silent, never touch the network.
    static let options = Int32(HTML_PARSE_RECOVER.rawValue | HTML_PARSE_NOERROR.rawValue
        | HTML_PARSE_NOWARNING.rawValue | HTML_PARSE_NONET.rawValue | HTML_PARSE_COMPACT.rawValue)

    /// Parses `bytes` with the given encoding name (`UTF-8`, `windows-1251`…).
    init?(bytes: [UInt8], encoding: String) {
        _ = Self.initialised
        // HTML_PARSE_NOERROR does not cover encoding and I/O errors ("encoding error : input conversion
        // failed…"), which libxml2 prints on stderr through its error handler. The handler is
        // per thread, so it is set before each parse: a library must not write to the user's terminal.
        xmlSetStructuredErrorFunc(nil, Self.silence)
        let parsed: htmlDocPtr? = bytes.withUnsafeBufferPointer { buf in
            buf.baseAddress!.withMemoryRebound(to: CChar.self, capacity: buf.count) { ptr in
                htmlReadMemory(ptr, Int32(buf.count), nil, encoding, Self.options)
            }
        }
        guard let parsed else { return nil }
        doc = parsed
    }

    deinit { xmlFreeDoc(doc) }

    /// Swallows libxml2's error reports: bad markup and undecodable bytes are expected input here.
    private static let silence: xmlStructuredErrorFunc = { _, _ in }

    var root: xmlNodePtr? { xmlDocGetRootElement(doc) }
}

/// Small helpers over libxml2 nodes.
enum Node {
    @inline(__always)
    static func isElement(_ node: xmlNodePtr) -> Bool { node.pointee.type == XML_ELEMENT_NODE }

    @inline(__always)
    static func isText(_ node: xmlNodePtr) -> Bool {
        node.pointee.type == XML_TEXT_NODE || node.pointee.type == XML_CDATA_SECTION_NODE
    }

    static func attribute(_ node: xmlNodePtr, _ attr: String) -> String? {
        guard let value = xmlGetProp(node, attr) else { return nil }
        defer { free(value) }
        return String(cString: value)
    }

    static func textContent(_ node: xmlNodePtr) -> String {
        guard let content = xmlNodeGetContent(node) else { return "" }
        defer { free(content) }
        return String(cString: content)
    }

    static func content(ofText node: xmlNodePtr) -> String {
        guard let content = node.pointee.content else { return "" }
        return String(cString: content)
    }

    static func line(_ node: xmlNodePtr) -> Int { Int(xmlGetLineNo(node)) }
}

/// The attributes the extractor looks at, read in one pass over a node's attribute list as views of
/// libxml2's bytes (one `xmlGetProp` call per attribute copied each value several times per element, and a
/// String per value was still a malloc for most class lists).
struct NodeAttributes {
    var cls: XMLBytes?
    var id: XMLBytes?
    var role: XMLBytes?
    var style: XMLBytes?
    var itemprop: XMLBytes?
    var hidden = false
    var ariaHidden = false

    static let classKey = HTMLTag.PackedTable.pack("class")!
    static let idKey = HTMLTag.PackedTable.pack("id")!
    static let roleKey = HTMLTag.PackedTable.pack("role")!
    static let styleKey = HTMLTag.PackedTable.pack("style")!
    static let itempropKey = HTMLTag.PackedTable.pack("itemprop")!
    static let hiddenKey = HTMLTag.PackedTable.pack("hidden")!

    init(_ node: xmlNodePtr) {
        var attr = node.pointee.properties
        while let a = attr {
            attr = a.pointee.next
            guard let name = a.pointee.name else { continue }
            guard let key = HTMLTag.PackedTable.pack(name) else {
                if strcmp(UnsafeRawPointer(name).assumingMemoryBound(to: CChar.self), "aria-hidden") == 0 {
                    ariaHidden = Self.value(a).equalsIgnoringCase("true")
                }
                continue
            }
            switch key {
            case Self.classKey: cls = Self.value(a)
            case Self.idKey: id = Self.value(a)
            case Self.roleKey: role = Self.value(a)
            case Self.styleKey: style = Self.value(a)
            case Self.itempropKey: itemprop = Self.value(a)
            case Self.hiddenKey: hidden = true
            default: break
            }
        }
    }

    /// The value of an attribute node (its first text child), empty when it has none.
    @inline(__always)
    static func value(_ a: UnsafeMutablePointer<xmlAttr>) -> XMLBytes {
        guard let text = a.pointee.children, let content = text.pointee.content else { return XMLBytes(start: nil, count: 0) }
        return XMLBytes(xmlString: content)
    }

    /// `itemprop="articleBody"` (any case).
    var isArticleBody: Bool { itemprop?.equalsIgnoringCase("articlebody") == true }
}

extension Node {
    /// The first text under `node`, stopping once more than `maxBytes` bytes were collected (whole
    /// text nodes are taken, so the result may run a little over). Avoids copying a large subtree's
    /// text when only its start is kept.
    static func textPrefix(_ node: xmlNodePtr, maxBytes: Int) -> String {
        var out: [UInt8] = []
        var stack: [xmlNodePtr] = [node]
        while let n = stack.popLast(), out.count <= maxBytes {
            if isText(n), let content = n.pointee.content {
                let length = strlen(UnsafeRawPointer(content).assumingMemoryBound(to: CChar.self))
                out.append(contentsOf: UnsafeBufferPointer(start: content, count: length))
                continue
            }
            guard isElement(n) else { continue }
            // Push children in reverse so they pop in document order.
            var children: [xmlNodePtr] = []
            var child = n.pointee.children
            while let c = child { children.append(c); child = c.pointee.next }
            stack.append(contentsOf: children.reversed())
        }
        return String(decoding: out, as: UTF8.self)
    }

    /// Characters of text (UTF-8 bytes) under `node`, without copying it; `skippingInvisible` leaves out
    /// scripts, styles, templates and SVG.
    static func textLength(_ node: xmlNodePtr, limit: Int = .max, skippingInvisible: Bool = false) -> Int {
        var total = 0
        var stack: [xmlNodePtr] = [node]
        while let n = stack.popLast() {
            if isText(n), let content = n.pointee.content {
                total += strlen(UnsafeRawPointer(content).assumingMemoryBound(to: CChar.self))
                if total > limit { return total }
                continue
            }
            guard isElement(n) else { continue }
            if skippingInvisible, HTMLTag(n.pointee.name).isInvisible { continue }
            var child = n.pointee.children
            while let c = child {
                stack.append(c)
                child = c.pointee.next
            }
        }
        return total
    }
}
