import CLibXML2
import CrosscheckCore

/// Walks a page once: records noise subtrees as removed pieces and the remaining text as blocks,
/// each remembering its ancestor containers so containers can be scored.
struct BlockWalker {
    struct Block {
        var text: String
        var linkChars: Int
        var tag: String
        var line: Int
        /// Ancestor element ids, nearest first.
        var ancestors: [Int]
    }

    let configuration: HTMLExtractorConfiguration
    private(set) var blocks: [Block] = []
    private(set) var removed: [RemovedPiece] = []
    /// Per element id: is it a semantic article container.
    private var semantic: [Int: Bool] = [:]
    private var nextID = 0

    // Current open block state.
    private var current = ""
    private var currentLinks = 0
    private var currentTag = "p"
    private var currentLine = 0
    private var stack: [Int] = []

    init(configuration: HTMLExtractorConfiguration) {
        self.configuration = configuration
    }

    /// Depth guard: libxml2 caps nesting itself, but the walk is iterative anyway.
    mutating func walk(_ root: xmlNodePtr) {
        // Iterative depth-first walk: (node, entering) pairs.
        var work: [(xmlNodePtr, Bool, Int, Bool)] = [(root, true, -1, false)]
        while let (node, entering, id, inLink) = work.popLast() {
            if !entering {
                flush()
                if !stack.isEmpty { stack.removeLast() }
                continue
            }
            if Node.isText(node) {
                let text = Node.content(ofText: node)
                if current.isEmpty { currentLine = Node.line(node) }
                current += text
                if inLink { currentLinks += text.count }
                continue
            }
            guard Node.isElement(node) else { continue }
            let name = Node.name(node)
            if let reason = noiseReason(node, name: name) {
                if reason != "script" && reason != "hidden" && reason != "embed" {
                    let text = HTMLExtractor.collapse(Node.textContent(node))
                    if !text.isEmpty {
                        removed.append(RemovedPiece(text: String(text.prefix(configuration.maxRemovedPieceLength)),
                                                    reason: reason))
                    }
                }
                continue
            }
            let isBlock = HTMLExtractor.blockTags.contains(name)
            let link = inLink || name == "a"
            if isBlock {
                flush()
                currentTag = name
                let elementID = nextID
                nextID += 1
                semantic[elementID] = name == "article" || name == "main"
                    || Node.attribute(node, "itemprop")?.lowercased().contains("articlebody") == true
                stack.append(elementID)
                work.append((node, false, elementID, link))
            }
            var children: [xmlNodePtr] = []
            var child = node.pointee.children
            while let c = child {
                children.append(c)
                child = c.pointee.next
            }
            for c in children.reversed() { work.append((c, true, -1, link)) }
            _ = id
        }
        flush()
    }

    private mutating func flush() {
        let text = HTMLExtractor.collapse(current)
        if !text.isEmpty {
            blocks.append(Block(text: text, linkChars: min(currentLinks, text.count), tag: currentTag,
                                line: currentLine, ancestors: stack.reversed()))
        }
        current = ""
        currentLinks = 0
    }

    func noiseReason(_ node: xmlNodePtr, name: String) -> String? {
        if let reason = HTMLExtractor.dropTags[name] { return reason }
        if name == "header", !insideArticle(node) { return "header" }
        if Node.attribute(node, "hidden") != nil || Node.attribute(node, "aria-hidden") == "true" { return "hidden" }
        if let style = Node.attribute(node, "style")?.lowercased().replacingOccurrences(of: " ", with: ""),
           style.contains("display:none") || style.contains("visibility:hidden") {
            return "hidden"
        }
        if let role = Node.attribute(node, "role")?.lowercased() {
            switch role {
            case "navigation", "menu", "menubar": return "navigation"
            case "banner": return "header"
            case "contentinfo": return "footer"
            case "complementary": return "sidebar"
            case "dialog", "alertdialog": return "popup"
            default: break
            }
        }
        // Never drop the page's own structure because of a class name.
        if name == "body" || name == "html" || name == "article" || name == "main" { return nil }
        for attr in ["class", "id"] {
            guard let value = Node.attribute(node, attr)?.lowercased() else { continue }
            for word in value.split(whereSeparator: { $0 == " " || $0 == "-" || $0 == "_" }) {
                if let reason = HTMLExtractor.noiseWords[String(word)] { return reason }
            }
            for word in value.split(separator: " ") {
                if let reason = HTMLExtractor.noiseWords[String(word)] { return reason }
            }
        }
        return nil
    }

    func insideArticle(_ node: xmlNodePtr) -> Bool {
        var parent = node.pointee.parent
        while let p = parent, p.pointee.type == XML_ELEMENT_NODE {
            let name = Node.name(p)
            if name == "article" || name == "main" { return true }
            parent = p.pointee.parent
        }
        return false
    }

    /// The article's paragraphs and everything left out with its reason.
    func mainText() -> ([(text: String, line: Int)], [RemovedPiece]) {
        var scores: [Int: Double] = [:]
        var total = 0
        for block in blocks {
            let length = block.text.count
            let density = Double(block.linkChars) / Double(max(1, length))
            guard length >= configuration.minVotingBlockLength, density < configuration.maxLinkDensity else { continue }
            total += length
            // Commas mark prose; navigation has none.
            let commas = block.text.reduce(0) { $0 + ($1 == "," ? 1 : 0) }
            let vote = Double(length) * (1 - density) + Double(commas) * 10
            for (depth, ancestor) in block.ancestors.dropFirst().prefix(3).enumerated() {
                scores[ancestor, default: 0] += vote / Double(depth + 1)
            }
        }
        for (id, score) in scores where semantic[id] == true {
            scores[id] = score * configuration.semanticBonus
        }
        let best = scores.max { $0.value < $1.value || ($0.value == $1.value && $0.key > $1.key) }?.key
        var chosen: [Bool] = blocks.map { block in best.map { block.ancestors.contains($0) } ?? true }
        let chosenLength = zip(blocks, chosen).reduce(0) { $0 + ($1.1 ? $1.0.text.count : 0) }
        if chosenLength < configuration.minMainTextLength, total > chosenLength {
            chosen = blocks.map { _ in true }
        }
        var paragraphs: [(String, Int)] = []
        var removed = self.removed
        for (block, inMain) in zip(blocks, chosen) {
            let density = Double(block.linkChars) / Double(max(1, block.text.count))
            let isHeading = HTMLExtractor.headingTags.contains(block.tag)
            if inMain && (density < configuration.maxLinkDensity || isHeading) {
                paragraphs.append((block.text, block.line))
            } else {
                removed.append(RemovedPiece(text: String(block.text.prefix(configuration.maxRemovedPieceLength)),
                                            reason: inMain ? "link-list" : "outside-main-content"))
            }
        }
        return (paragraphs, removed)
    }
}
