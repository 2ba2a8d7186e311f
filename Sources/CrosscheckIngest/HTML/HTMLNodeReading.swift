import Foundation
import CrosscheckCore

/// Small helpers over `HTMLTree` nodes.
enum Node {
    @inline(__always)
    static func isElement(_ node: HTMLNodePtr) -> Bool { node.pointee.kind == .element }

    @inline(__always)
    static func isText(_ node: HTMLNodePtr) -> Bool { node.pointee.kind == .text || node.pointee.kind == .cdata }

    /// The value of the attribute `name` (lowercase), empty when it is written without one; nil when absent.
    static func attribute(_ node: HTMLNodePtr, _ name: StaticString) -> String? {
        for a in node.pointee.attributeList where a.name.equals(name) { return a.value.string }
        return nil
    }

    /// All text under `node` (text and CDATA nodes, in document order), as libxml2's `xmlNodeGetContent`.
    static func textContent(_ node: HTMLNodePtr) -> String {
        if isText(node) { return node.pointee.text.string }
        guard isElement(node) else { return "" }
        var out: [UInt8] = []
        var n = node.pointee.children
        while let c = n {
            if isText(c) {
                out.append(contentsOf: c.pointee.text)
            } else if isElement(c), let first = c.pointee.children {
                n = first
                continue
            }
            // Next in document order within `node`: the next sibling, else an ancestor's.
            var up: HTMLNodePtr? = c
            n = nil
            while let u = up, u != node {
                if let next = u.pointee.next { n = next; break }
                up = u.pointee.parent
            }
        }
        return String(decoding: out, as: UTF8.self)
    }

    static func content(ofText node: HTMLNodePtr) -> String { node.pointee.text.string }

    static func line(_ node: HTMLNodePtr) -> Int { Int(node.pointee.line) }
}

/// The attributes the extractor looks at, read in one pass over a node's attribute list as views of the
/// tree's bytes (a String per value was a malloc for most class lists).
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

    init(_ node: HTMLNodePtr) {
        for a in node.pointee.attributeList {
            switch a.key {
            case Self.classKey: cls = a.value
            case Self.idKey: id = a.value
            case Self.roleKey: role = a.value
            case Self.styleKey: style = a.value
            case Self.itempropKey: itemprop = a.value
            case Self.hiddenKey: hidden = true
            case 0: if a.name.equals("aria-hidden") { ariaHidden = a.value.equalsIgnoringCase("true") }
            default: break
            }
        }
    }

    /// `itemprop="articleBody"` (any case).
    var isArticleBody: Bool { itemprop?.equalsIgnoringCase("articlebody") == true }
}

extension Node {
    /// The first text under `node`, stopping once more than `maxBytes` bytes were collected (whole
    /// text nodes are taken, so the result may run a little over). Avoids copying a large subtree's
    /// text when only its start is kept.
    static func textPrefix(_ node: HTMLNodePtr, maxBytes: Int) -> String {
        var out: [UInt8] = []
        var stack: [HTMLNodePtr] = [node]
        while let n = stack.popLast(), out.count <= maxBytes {
            if isText(n) {
                out.append(contentsOf: n.pointee.text)
                continue
            }
            guard isElement(n) else { continue }
            // Push children in reverse so they pop in document order.
            var children: [HTMLNodePtr] = []
            var child = n.pointee.children
            while let c = child { children.append(c); child = c.pointee.next }
            stack.append(contentsOf: children.reversed())
        }
        return String(decoding: out, as: UTF8.self)
    }

    /// Characters of text (UTF-8 bytes) under `node`, without copying it; `skippingInvisible` leaves out
    /// scripts, styles, templates and SVG.
    static func textLength(_ node: HTMLNodePtr, limit: Int = .max, skippingInvisible: Bool = false) -> Int {
        var total = 0
        var stack: [HTMLNodePtr] = [node]
        while let n = stack.popLast() {
            if isText(n) {
                total += Int(n.pointee.byteCount)
                if total > limit { return total }
                continue
            }
            guard isElement(n) else { continue }
            if skippingInvisible, n.pointee.tag.isInvisible { continue }
            var child = n.pointee.children
            while let c = child {
                stack.append(c)
                child = c.pointee.next
            }
        }
        return total
    }
}
