import CLibXML2
import CrosscheckCore
import Foundation

/// What a node of an `HTMLTree` is (numbered as libxml2 numbers its node types).
enum HTMLNodeKind: UInt8 {
    /// Comments and processing instructions: kept as nodes only because they separate text nodes.
    case other = 0
    case element = 1
    case text = 3
    /// Script and style contents.
    case cdata = 4
}

/// One node of a parsed page. Elements carry their tag and attributes, text nodes their bytes (UTF-8,
/// NUL-terminated, entities decoded). Pointers stay valid while the tree lives.
struct HTMLNode {
    var kind: HTMLNodeKind
    var tag: HTMLTag
    var attributeCount: Int32 = 0
    /// Line of the page the node starts on (1-based).
    var line: Int32
    var byteCount: Int32 = 0
    var parent: HTMLNodePtr?
    /// The first child.
    var children: HTMLNodePtr?
    var last: HTMLNodePtr?
    var next: HTMLNodePtr?
    /// Text and CDATA nodes: their bytes.
    var bytes: UnsafePointer<UInt8>?
    var attributes: UnsafeMutablePointer<HTMLAttribute>?

    /// A text node's bytes (empty for elements).
    @inline(__always)
    var text: XMLBytes { XMLBytes(start: bytes, count: Int(byteCount)) }

    /// The attributes as written (names lowercased by the parser, values with entities decoded).
    @inline(__always)
    var attributeList: UnsafeBufferPointer<HTMLAttribute> { UnsafeBufferPointer(start: attributes, count: Int(attributeCount)) }
}

typealias HTMLNodePtr = UnsafeMutablePointer<HTMLNode>

/// An attribute: its lowercase name, its value (empty when it has none) and the name packed into eight bytes
/// (`HTMLTag.PackedTable.pack`; 0 for longer names) for quick comparison.
struct HTMLAttribute {
    var key: UInt64
    var name: XMLBytes
    var value: XMLBytes
}

/// A parsed HTML page: libxml2's HTML parser tokenises (with its error recovery, implied and auto-closed
/// elements, entity and charset decoding) and reports each element and text through SAX callbacks; the tree
/// is built here, compactly, in a few large blocks. libxml2's own tree (a malloc per node, attribute and
/// string, a dictionary of names, and the free of each) took about as long as its tokeniser; this tree takes
/// a small fraction of that, knows every text's length and every element's `HTMLTag`, and keeps attributes
/// in an array. It has the same shape as libxml2's tree: text delivered in pieces joins one node unless an
/// element, comment or processing instruction came between, and content after the root closes starts a
/// second top-level element, which `root` ignores as `xmlDocGetRootElement` does.
final class HTMLTree {
    /// The first top-level element.
    let root: HTMLNodePtr?
    /// The blocks the nodes, bytes and attributes live in.
    private let storage: TreeStorage

    /// Parser options: recover from broken markup, stay silent, never touch the network.
    static let options = Int32(HTML_PARSE_RECOVER.rawValue | HTML_PARSE_NOERROR.rawValue
        | HTML_PARSE_NOWARNING.rawValue | HTML_PARSE_NONET.rawValue | HTML_PARSE_COMPACT.rawValue)

    /// libxml2 must be initialised once before parsing from several threads.
    private static let initialised: Bool = {
        xmlInitParser()
        return true
    }()

    /// Parses `bytes` with the given encoding name (`UTF-8`, `windows-1251`…); nil when libxml2 cannot
    /// start (no bytes). `readsRawText`: script and style contents are read by `readRawText` instead of
    /// libxml2's character loop (the same tree; false only to test that).
    init?(bytes: [UInt8], encoding: String, readsRawText: Bool = true) {
        _ = Self.initialised
        // HTML_PARSE_NOERROR does not cover encoding and I/O errors ("encoding error : input conversion
        // failed…"), which libxml2 prints on stderr through its error handler. The handler is
        // per thread, so it is set before each parse: a library must not write to the user's terminal.
        xmlSetStructuredErrorFunc(nil, Self.silence)
        let created: htmlParserCtxtPtr? = bytes.withUnsafeBufferPointer { buf in
            guard let base = buf.baseAddress, !buf.isEmpty else { return nil }
            return base.withMemoryRebound(to: CChar.self, capacity: buf.count) { htmlCreateMemoryParserCtxt($0, Int32(buf.count)) }
        }
        guard let ctxt = created else { return nil }
        // What htmlReadMemory does, with this tree's callbacks in place of libxml2's tree builder.
        var handler = htmlSAXHandler()
        handler.initialized = 1
        handler.startElement = Self.startElement
        handler.endElement = Self.endElement
        handler.characters = Self.characters
        handler.cdataBlock = Self.cdataBlock
        handler.comment = Self.comment
        handler.processingInstruction = Self.processingInstruction
        ctxt.pointee.sax.pointee = handler
        htmlCtxtUseOptions(ctxt, Self.options)
        if let encoder = xmlFindCharEncodingHandler(encoding) {
            xmlSwitchToEncoding(ctxt, encoder)
            // A named encoding wins over the page's own <meta charset> (libxml2 checks this field).
            if let input = ctxt.pointee.input {
                if let old = input.pointee.encoding { free(UnsafeMutableRawPointer(mutating: old)) }
                input.pointee.encoding = strdup(encoding).map { UnsafeRawPointer($0).assumingMemoryBound(to: xmlChar.self) }
            }
        }
        // The builder is reached through a plain pointer: the callbacks run once per token, and a class's
        // stored properties would pay a dynamic exclusivity check on every access.
        let builder = UnsafeMutablePointer<TreeBuilder>.allocate(capacity: 1)
        builder.initialize(to: TreeBuilder())
        builder.pointee.readsRawText = readsRawText
        ctxt.pointee._private = UnsafeMutableRawPointer(builder)
        _ = htmlParseDocument(ctxt)
        ctxt.pointee._private = nil
        if let doc = ctxt.pointee.myDoc { xmlFreeDoc(doc); ctxt.pointee.myDoc = nil }
        htmlFreeParserCtxt(ctxt)
        builder.pointee.closeText()
        root = builder.pointee.root
        storage = builder.pointee.storage
        builder.deinitialize(count: 1)
        builder.deallocate()
    }

    /// Swallows libxml2's error reports: bad markup and undecodable bytes are expected input here.
    private static let silence: xmlStructuredErrorFunc = { _, _ in }

    // MARK: SAX callbacks (the context is libxml2's parser context; `_private` points to the builder)

    @inline(__always)
    private static func builder(_ ctx: UnsafeMutableRawPointer?) -> (UnsafeMutablePointer<TreeBuilder>, htmlParserCtxtPtr) {
        let ctxt = ctx!.assumingMemoryBound(to: htmlParserCtxt.self)
        return (ctxt.pointee._private.assumingMemoryBound(to: TreeBuilder.self), ctxt)
    }

    @inline(__always)
    private static func line(_ ctxt: htmlParserCtxtPtr) -> Int32 { ctxt.pointee.input.map { $0.pointee.line } ?? 0 }

    private static let startElement: startElementSAXFunc = { ctx, name, atts in
        let (builder, ctxt) = builder(ctx)
        builder.pointee.startElement(name, atts, line: line(ctxt))
        guard builder.pointee.readsRawText, let name else { return }
        // libxml2 hands over lowercase names.
        if strcmp(UnsafeRawPointer(name).assumingMemoryBound(to: CChar.self), "script") == 0 {
            readRawText(ctxt, builder, closing: HTMLTree.scriptName)
        } else if strcmp(UnsafeRawPointer(name).assumingMemoryBound(to: CChar.self), "style") == 0 {
            readRawText(ctxt, builder, closing: HTMLTree.styleName)
        }
    }

    private static let scriptName = Array("script".utf8), styleName = Array("style".utf8)

    /// Reads the content of the script or style element just started, the way libxml2's `htmlParseScript`
    /// would, and moves the parser past it. A page's scripts and styles are four tenths of its bytes, and
    /// libxml2 reads them one character at a time (decode, check, copy); here they are found with `memchr`
    /// and copied whole.
    ///
    /// libxml2 ends such content at the first `</` followed by the element's name in any case. The content
    /// goes into the tree as libxml2 would deliver it (one CDATA text, its pieces joined). Then the byte
    /// before that `</` is overwritten with `>` and the parser is set on it: it reads the end of the start
    /// tag there, finds the end tag next, and carries on as after an empty `<script></script>`. The line
    /// count gets the content's line breaks. Only when this is exactly what libxml2 would do: the parser
    /// stands on the start tag's `>`, the end tag is in its buffer, and the content is valid UTF-8 of
    /// characters XML allows (libxml2 drops the others, stops at NUL, or changes encoding on bad UTF-8);
    /// otherwise libxml2 reads it itself. The byte written over is in libxml2's own input buffer (a copy
    /// of the page made by `htmlCreateMemoryParserCtxt`, or its decoded form), never in the caller's page.
    private static func readRawText(_ ctxt: htmlParserCtxtPtr, _ builder: UnsafeMutablePointer<TreeBuilder>, closing name: [UInt8]) {
        guard let input = ctxt.pointee.input, let cur = input.pointee.cur, let end = input.pointee.end,
              cur < end, cur.pointee == 0x3E else { return }
        let start = cur + 1
        let nameLength = name.count
        var close: UnsafePointer<xmlChar>?
        var p = start
        while end - p >= 2 + nameLength, let found = memchr(p, 0x3C, end - p) {
            let lt = UnsafePointer(found.assumingMemoryBound(to: xmlChar.self))
            guard end - lt >= 2 + nameLength else { break }
            if lt[1] == 0x2F {
                var k = 0
                while k < nameLength, lt[2 + k] | 0x20 == name[k] { k += 1 }
                if k == nameLength { close = lt; break }
            }
            p = lt + 1
        }
        guard let close, close > start, let newlines = xmlTextLines(start, close) else { return }
        builder.pointee.text(start, Int32(close - start), kind: .cdata, line: 0)
        UnsafeMutablePointer(mutating: close - 1).pointee = 0x3E
        input.pointee.cur = close - 1
        input.pointee.line += newlines
    }

    /// The line breaks in `start..<end`, or nil when the bytes are not valid UTF-8 of XML characters
    /// (tab, line feed, carriage return, U+0020–U+D7FF, U+E000–U+FFFD, U+10000–U+10FFFF).
    static func xmlTextLines(_ start: UnsafePointer<UInt8>, _ end: UnsafePointer<UInt8>) -> Int32? {
        var newlines: Int32 = 0
        var q = start
        while q < end {
            let b = q.pointee
            if b >= 0x20 && b < 0x80 { q += 1; continue }
            if b == 0x0A { newlines += 1; q += 1; continue }
            if b == 0x09 || b == 0x0D { q += 1; continue }
            // Other control characters and NUL; invalid UTF-8; the two non-characters XML excludes.
            guard b >= 0x80, let scalar = UTF8Validation.multiByteScalar(q, end - q),
                  scalar.value != 0xFFFE, scalar.value != 0xFFFF else { return nil }
            q += scalar.length
        }
        return newlines
    }

    private static let endElement: endElementSAXFunc = { ctx, _ in
        builder(ctx).0.pointee.endElement()
    }

    private static let characters: charactersSAXFunc = { ctx, bytes, count in
        let (builder, ctxt) = builder(ctx)
        builder.pointee.text(bytes, count, kind: .text, line: line(ctxt))
    }

    private static let cdataBlock: cdataBlockSAXFunc = { ctx, bytes, count in
        builder(ctx).0.pointee.text(bytes, count, kind: .cdata, line: 0)
    }

    private static let comment: commentSAXFunc = { ctx, _ in
        builder(ctx).0.pointee.other()
    }

    private static let processingInstruction: processingInstructionSAXFunc = { ctx, _, _ in
        builder(ctx).0.pointee.other()
    }
}

/// Owns the blocks a tree's nodes, bytes and attributes live in.
private final class TreeStorage {
    let nodeBlocks: [(HTMLNodePtr, Int)]
    let byteBlocks: [UnsafeMutablePointer<UInt8>]
    let attributeBlocks: [UnsafeMutablePointer<HTMLAttribute>]

    init(nodeBlocks: [(HTMLNodePtr, Int)], byteBlocks: [UnsafeMutablePointer<UInt8>], attributeBlocks: [UnsafeMutablePointer<HTMLAttribute>]) {
        self.nodeBlocks = nodeBlocks
        self.byteBlocks = byteBlocks
        self.attributeBlocks = attributeBlocks
    }

    deinit {
        for (block, count) in nodeBlocks { block.deinitialize(count: count); block.deallocate() }
        for block in byteBlocks { block.deallocate() }
        for block in attributeBlocks { block.deallocate() }
    }
}

/// Builds a tree from the parser's callbacks: nodes, bytes and attributes are carved from blocks that grow
/// geometrically, so a page costs a handful of allocations.
private struct TreeBuilder {
    var root: HTMLNodePtr?
    private var nodeBlocks: [(HTMLNodePtr, Int)] = []
    private var nodeFree: HTMLNodePtr?
    private var nodeLeft = 0
    private var byteBlocks: [UnsafeMutablePointer<UInt8>] = []
    private var byteFree: UnsafeMutablePointer<UInt8>?
    private var byteLeft = 0
    private var attributeBlocks: [UnsafeMutablePointer<HTMLAttribute>] = []
    private var attributeFree: UnsafeMutablePointer<HTMLAttribute>?
    private var attributeLeft = 0
    /// The open element.
    private var current: HTMLNodePtr?
    private var lastTopLevel: HTMLNodePtr?
    /// The text node being filled (the newest node, while text keeps coming) and its bytes so far.
    private var openText: HTMLNodePtr?
    private var pending: [UInt8] = []
    /// Whether script and style contents are read by `HTMLTree.readRawText`.
    var readsRawText = true

    /// The blocks, handed to the tree when the parse is over.
    var storage: TreeStorage {
        TreeStorage(nodeBlocks: nodeBlocks, byteBlocks: byteBlocks, attributeBlocks: attributeBlocks)
    }

    mutating func newNode(_ kind: HTMLNodeKind, tag: HTMLTag, line: Int32) -> HTMLNodePtr {
        if nodeLeft == 0 {
            let count = nodeBlocks.isEmpty ? 256 : min(16_384, nodeBlocks[nodeBlocks.count - 1].1 * 2)
            let block = HTMLNodePtr.allocate(capacity: count)
            nodeBlocks.append((block, 0))
            nodeFree = block
            nodeLeft = count
        }
        let node = nodeFree!
        node.initialize(to: HTMLNode(kind: kind, tag: tag, line: line))
        nodeFree = node + 1
        nodeLeft -= 1
        nodeBlocks[nodeBlocks.count - 1].1 += 1
        return node
    }

    /// A NUL-terminated copy of `count` bytes.
    mutating func copyBytes(_ source: UnsafePointer<UInt8>, _ count: Int) -> UnsafePointer<UInt8> {
        if byteLeft < count + 1 {
            let size = max(count + 1, byteBlocks.isEmpty ? 16_384 : 262_144)
            let block = UnsafeMutablePointer<UInt8>.allocate(capacity: size)
            byteBlocks.append(block)
            byteFree = block
            byteLeft = size
        }
        let out = byteFree!
        out.update(from: source, count: count)
        out[count] = 0
        byteFree = out + count + 1
        byteLeft -= count + 1
        return UnsafePointer(out)
    }

    mutating func newAttributes(_ count: Int) -> UnsafeMutablePointer<HTMLAttribute> {
        if attributeLeft < count {
            let size = max(count, attributeBlocks.isEmpty ? 256 : 4096)
            let block = UnsafeMutablePointer<HTMLAttribute>.allocate(capacity: size)
            attributeBlocks.append(block)
            attributeFree = block
            attributeLeft = size
        }
        let out = attributeFree!
        attributeFree = out + count
        attributeLeft -= count
        return out
    }

    mutating func append(_ node: HTMLNodePtr) {
        if let parent = current {
            node.pointee.parent = parent
            if let last = parent.pointee.last { last.pointee.next = node } else { parent.pointee.children = node }
            parent.pointee.last = node
        } else {
            if let last = lastTopLevel { last.pointee.next = node }
            lastTopLevel = node
        }
    }

    /// Ends the text node being filled: its bytes move into the tree.
    mutating func closeText() {
        guard let node = openText else { return }
        openText = nil
        pending.withUnsafeBufferPointer { buffer in
            node.pointee.bytes = copyBytes(buffer.baseAddress ?? UnsafePointer(bitPattern: 1)!, buffer.count)
            node.pointee.byteCount = Int32(buffer.count)
        }
        pending.removeAll(keepingCapacity: true)
    }

    mutating func startElement(_ name: UnsafePointer<xmlChar>?, _ atts: UnsafeMutablePointer<UnsafePointer<xmlChar>?>?, line: Int32) {
        closeText()
        let node = newNode(.element, tag: HTMLTag(name), line: line)
        if let atts {
            var count = 0
            while atts[2 * count] != nil { count += 1 }
            if count > 0 {
                let list = newAttributes(count)
                for k in 0..<count {
                    let namePtr = atts[2 * k]!
                    let nameLength = strlen(UnsafeRawPointer(namePtr).assumingMemoryBound(to: CChar.self))
                    let storedName = copyBytes(namePtr, nameLength)
                    var value = XMLBytes(start: nil, count: 0)
                    if let valuePtr = atts[2 * k + 1] {
                        let length = strlen(UnsafeRawPointer(valuePtr).assumingMemoryBound(to: CChar.self))
                        value = XMLBytes(start: copyBytes(valuePtr, length), count: length)
                    }
                    (list + k).initialize(to: HTMLAttribute(key: HTMLTag.PackedTable.pack(storedName) ?? 0,
                                                            name: XMLBytes(start: storedName, count: nameLength), value: value))
                }
                node.pointee.attributes = list
                node.pointee.attributeCount = Int32(count)
            }
        }
        append(node)
        if root == nil, current == nil { root = node }
        current = node
    }

    mutating func endElement() {
        closeText()
        current = current?.pointee.parent
    }

    mutating func text(_ bytes: UnsafePointer<xmlChar>?, _ count: Int32, kind: HTMLNodeKind, line: Int32) {
        guard current != nil, let bytes, count > 0 else { return }
        if let open = openText, open.pointee.kind != kind { closeText() }
        if openText == nil {
            let node = newNode(kind, tag: .other, line: kind == .text ? line : 0)
            append(node)
            openText = node
        }
        pending.append(contentsOf: UnsafeBufferPointer(start: bytes, count: Int(count)))
    }

    mutating func other() {
        closeText()
        guard current != nil else { return }
        append(newNode(.other, tag: .other, line: 0))
    }
}
