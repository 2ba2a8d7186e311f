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
    /// Lists, list items, quotes and definition lists: never the article's container (a long quote or
    /// list inside the article out-voted the article), so they are left out of the ancestors above a block.
    private var listLike = Set<Int>()
    static let listTags: Set<String> = ["ul", "ol", "li", "blockquote", "dl", "dd", "dt"]
    private var nextID = 0

    // Current open block state.
    /// The open block's text bytes as the tree holds them (collapsed when the block closes).
    private var current: [UInt8] = []
    private var currentLinks = 0
    private var currentTag = "p"
    private var currentLine = 0
    private var stack: [Int] = []

    init(configuration: HTMLExtractorConfiguration) {
        self.configuration = configuration
    }

    /// Text length of the whole page, measured before the walk.
    private var bodyTextLength = 0

    mutating func walk(_ root: HTMLNodePtr) {
        bodyTextLength = Self.visibleTextLength(root)
        // Iterative depth-first walk: (node, entering) pairs.
        var work: [(HTMLNodePtr, Bool, Int, Bool)] = [(root, true, -1, false)]
        while let (node, entering, id, inLink) = work.popLast() {
            if !entering {
                flush()
                if !stack.isEmpty { stack.removeLast() }
                continue
            }
            if Node.isText(node) {
                let text = node.pointee.text
                if current.isEmpty { currentLine = Node.line(node) }
                current.append(contentsOf: text)
                if inLink { currentLinks += text.count }
                continue
            }
            guard Node.isElement(node) else { continue }
            let tag = node.pointee.tag
            let attributes = NodeAttributes(node)
            if let reason = noiseReason(node, tag: tag, attributes: attributes) {
                if reason != "script" && reason != "hidden" && reason != "embed" {
                    let text = HTMLExtractor.collapse(Node.textPrefix(node, maxBytes: configuration.maxRemovedPieceLength * 2))
                    if !text.isEmpty {
                        removed.append(RemovedPiece(text: String(text.prefix(configuration.maxRemovedPieceLength)),
                                                    reason: reason))
                    }
                }
                continue
            }
            let link = inLink || tag == .a
            if tag.isBlock {
                flush()
                currentTag = tag.name
                let elementID = nextID
                nextID += 1
                semantic[elementID] = tag.isArticleElement || attributes.isArticleBody
                if tag.isListLike { listLike.insert(elementID) }
                stack.append(elementID)
                work.append((node, false, elementID, link))
            }
            var children: [HTMLNodePtr] = []
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
        let text = current.withUnsafeBufferPointer { HTMLExtractor.collapse($0) }
        if !text.isEmpty {
            var ancestors: [Int] = []
            ancestors.reserveCapacity(stack.count)
            for (k, id) in stack.reversed().enumerated() where k == 0 || !listLike.contains(id) { ancestors.append(id) }
            blocks.append(Block(text: text, linkChars: min(currentLinks, text.utf8.count), tag: currentTag,
                                line: currentLine, ancestors: ancestors))
        }
        current.removeAll(keepingCapacity: true)
        currentLinks = 0
    }

    /// Why `node` is noise, or `nil`. Tags like `script` always are; class/id hints, `form`, `header`
    /// and `aside` are only trusted for subtrees that do not hold most of the page's text, because
    /// themes put words like "sidebar" or "overlay" on the wrapper around the whole article.
    func noiseReason(_ node: HTMLNodePtr, tag: HTMLTag, attributes: NodeAttributes) -> String? {
        if let reason = tag.hardDropReason { return reason }
        if attributes.hidden || attributes.ariaHidden { return "hidden" }
        if let style = attributes.style, Self.hidesElement(style: style) { return "hidden" }
        var reason: String?
        if let soft = tag.softDropReason {
            reason = soft
        } else if tag == .header, !insideArticle(node) {
            reason = "header"
        } else if let role = attributes.role, !role.isEmpty, role.count <= 16 {
            switch role.string.lowercased() {
            case "navigation", "menu", "menubar": reason = "navigation"
            case "banner": reason = "header"
            case "contentinfo": reason = "footer"
            case "complementary": reason = "sidebar"
            case "dialog", "alertdialog": reason = "popup"
            default: break
            }
        }
        // Never drop the page's own structure because of a class name.
        if reason == nil, tag != .body, tag != .html, !tag.isArticleElement {
            reason = Self.hintReason(attributes.cls) ?? Self.hintReason(attributes.id)
        }
        guard let reason else { return nil }
        // Comment sections, banners and share bars can be long; their class names are reliable.
        if HTMLExtractor.unprotectedReasons.contains(reason), Self.holdsArticle(node) == false { return reason }
        if bodyTextLength > 0, Node.textLength(node, limit: protectedLength) > protectedLength { return nil }
        if Self.holdsArticle(node) { return nil }
        return reason
    }

    /// Text length above which a soft-noise subtree is kept: it holds too much of the page to be a widget.
    var protectedLength: Int {
        max(configuration.minProtectedLength, Int(Double(bodyTextLength) * configuration.protectedShare))
    }

    /// Whether an `<article>`, `<main>` or `itemprop=articleBody` element lies below `node`
    /// (themes wrap the article in an `aside` or a "sidebar-right" layout div).
    static func holdsArticle(_ node: HTMLNodePtr) -> Bool {
        var stack: [HTMLNodePtr] = []
        var child = node.pointee.children
        while let c = child { stack.append(c); child = c.pointee.next }
        while let n = stack.popLast() {
            guard Node.isElement(n) else { continue }
            if n.pointee.tag.isArticleElement { return true }
            if NodeAttributes(n).isArticleBody { return true }
            var grandchild = n.pointee.children
            while let c = grandchild { stack.append(c); grandchild = c.pointee.next }
        }
        return false
    }

    /// Text length of a subtree without scripts, styles, templates and SVG (a page builder's inline CSS and JS
    /// made a page look long enough that no real article was protected).
    static func visibleTextLength(_ node: HTMLNodePtr) -> Int { Node.textLength(node, skippingInvisible: true) }
    static let invisibleTags: Set<String> = ["script", "style", "noscript", "template", "svg"]

    /// The noise reason a class or id value names. First the parts of compound values ("hidden-xs",
    /// "blog_teaser_text": only words that mean noise even as a part, and not after a negation: "no-share",
    /// "has-sidebar"), then whole space-separated classes. One pass over the bytes with a hash per part and no
    /// allocation: this runs twice for every element of every page.
    static func hintReason(_ value: XMLBytes?) -> String? {
        guard let bytes = value, !bytes.isEmpty else { return nil }
        var wholeMatch: String? = nil
        var tokenHash = fnvOffset, tokenLength = 0
        var partHash = fnvOffset, partLength = 0
        var previousPartNegates = false
        var i = 0
        while i <= bytes.count {
            let b: UInt8 = i < bytes.count ? bytes[i] : 32
            let isSpace = b == 32 || b == 9 || b == 10 || b == 13
            if isSpace || b == 45 || b == 95 {
                if partLength > 0 {
                    if !previousPartNegates, mayBeNoise(partHash), let entry = noiseByHash[partHash], !entry.wholeOnly { return entry.reason }
                    previousPartNegates = negationHashes.contains(partHash)
                }
                partHash = fnvOffset; partLength = 0
                if isSpace {
                    if tokenLength > 0, wholeMatch == nil, mayBeNoise(tokenHash), let entry = noiseByHash[tokenHash] { wholeMatch = entry.reason }
                    tokenHash = fnvOffset; tokenLength = 0
                    previousPartNegates = false
                } else {
                    tokenHash = fnvStep(tokenHash, b); tokenLength += 1
                }
            } else {
                let lower = b >= 65 && b <= 90 ? b + 32 : b
                partHash = fnvStep(partHash, lower); partLength += 1
                tokenHash = fnvStep(tokenHash, lower); tokenLength += 1
            }
            i += 1
        }
        return wholeMatch
    }

    /// Whether an inline style hides the element (`display: none`, `visibility:hidden`, any case and spacing).
    static func hidesElement(style: XMLBytes) -> Bool {
        var squeezed: [UInt8] = []
        squeezed.reserveCapacity(style.count)
        for b in style where b != 32 { squeezed.append(b >= 65 && b <= 90 ? b + 32 : b) }
        return squeezed.withUnsafeBufferPointer { s in
            MetadataCollector.find(Self.displayNone, in: s) != nil || MetadataCollector.find(Self.visibilityHidden, in: s) != nil
        }
    }
    static let displayNone = Array("display:none".utf8)
    static let visibilityHidden = Array("visibility:hidden".utf8)

    static let fnvOffset = TemplateDetector.hashSeed
    @inline(__always) static func fnvStep(_ h: UInt64, _ b: UInt8) -> UInt64 { (h ^ UInt64(b)) &* TemplateDetector.hashPrime }
    static func fnv(_ s: String) -> UInt64 { s.utf8.reduce(fnvOffset) { fnvStep($0, $1) } }
    /// Noise words by the FNV-1a hash of their bytes, and whether they count only as a whole class.
    static let noiseByHash: [UInt64: (reason: String, wholeOnly: Bool)] = Dictionary(uniqueKeysWithValues:
        HTMLExtractor.noiseWords.map { (fnv($0.key), ($0.value, HTMLExtractor.wholeClassOnly.contains($0.key))) })
    /// One bit per top 16 bits of a noise word's hash: most class parts are ruled out without a dictionary lookup.
    static let noiseHashBits: [UInt64] = {
        var bits = [UInt64](repeating: 0, count: 1 << 10)
        for hash in noiseByHash.keys { bits[Int(hash >> 54)] |= 1 << ((hash >> 48) & 63) }
        return bits
    }()
    @inline(__always) static func mayBeNoise(_ hash: UInt64) -> Bool { noiseHashBits[Int(hash >> 54)] & (1 << ((hash >> 48) & 63)) != 0 }
    static let negationHashes: [UInt64] = ["no", "has", "with", "without", "not", "non"].map(fnv)

    func insideArticle(_ node: HTMLNodePtr) -> Bool {
        var parent = node.pointee.parent
        while let p = parent, p.pointee.kind == .element {
            if p.pointee.tag.isArticleElement { return true }
            parent = p.pointee.parent
        }
        return false
    }

    /// Page builders scatter one article over columns and modules, so the best-scoring container may
    /// hold only part of it. Widen to the deepest ancestor of `best` that holds `coverageShare` of the
    /// page's prose (blocks of at least `minProseLength` bytes with few links).
    func coverageContainer(containing best: Int) -> Int {
        var prose: [Int: Int] = [:]
        var total = 0
        for block in blocks {
            let length = block.text.utf8.count
            guard length >= configuration.minProseLength,
                  Double(block.linkChars) / Double(length) < configuration.maxSiblingLinkDensity else { continue }
            total += length
            for ancestor in block.ancestors.dropFirst() { prose[ancestor, default: 0] += length }
        }
        guard total > 0, Double(prose[best] ?? 0) < Double(total) * configuration.coverageShare else { return best }
        // Ancestors of `best`, nearest first, from any block inside it.
        guard let chain = blocks.first(where: { $0.ancestors.contains(best) })?.ancestors,
              let start = chain.firstIndex(of: best) else { return best }
        for ancestor in chain[start...] where Double(prose[ancestor] ?? 0) >= Double(total) * configuration.coverageShare {
            return ancestor
        }
        return best
    }

    /// Readability's sibling rule: content often continues in siblings of the best container (a lead
    /// in one div, the body in the next). A sibling joins when it scored at least `siblingShare` of the
    /// best, or when its own blocks read as prose (long, few links, sentence punctuation).
    func includeSiblings(of best: Int, bestScore: Double, scores: [Int: Double], into chosen: inout [Bool]) {
        // The parent of `best` is the element right after it in the ancestor chains that contain it.
        var parent: Int?
        for block in blocks {
            if let i = block.ancestors.firstIndex(of: best), i + 1 < block.ancestors.count {
                parent = block.ancestors[i + 1]
                break
            }
        }
        guard let parent else { return }
        var groups: [Int: [Int]] = [:]
        for (index, block) in blocks.enumerated() {
            guard let i = block.ancestors.firstIndex(of: parent) else { continue }
            let child = i > 0 ? block.ancestors[i - 1] : parent
            if child != best { groups[child, default: []].append(index) }
        }
        for (child, members) in groups {
            let length = members.reduce(0) { $0 + blocks[$1].text.utf8.count }
            let links = members.reduce(0) { $0 + blocks[$1].linkChars }
            let prose = members.contains { Self.endsLikeProse(blocks[$0].text) }
            let joins = (scores[child] ?? 0) >= bestScore * configuration.siblingShare
                || (length >= configuration.minSiblingLength && Double(links) / Double(max(1, length)) < configuration.maxSiblingLinkDensity && prose)
            if joins { for m in members { chosen[m] = true } }
        }
    }

    static func endsLikeProse(_ text: String) -> Bool {
        guard let last = text.utf8.last else { return false }
        return last == UInt8(ascii: ".") || last == UInt8(ascii: "!") || last == UInt8(ascii: "?")
            || last == UInt8(ascii: "\"") || text.hasSuffix("”") || text.hasSuffix("。")
    }

    /// The lead (standfirst, intro, chapô) often sits between the headline and the body's container, in the
    /// article's header: blocks after the headline and before the first chosen block join when they read as
    /// text (`minLeadLength`, few links). The headline is the last `<h1>` before the body, else a block that
    /// is the title, or a heading the title contains.
    func includeLead(title: String?, into chosen: inout [Bool]) {
        guard let first = chosen.firstIndex(of: true), first > 0 else { return }
        var anchor = blocks[..<first].lastIndex { $0.tag == "h1" }
        if anchor == nil, let title {
            let key = HTMLExtractor.normalise(title)
            anchor = blocks[..<first].lastIndex { block in
                let text = HTMLExtractor.normalise(block.text)
                return !text.isEmpty && (text == key || (text.count >= 20 && key.contains(text) && HTMLExtractor.headingTags.contains(block.tag)))
            }
        }
        guard let anchor else { return }
        for k in (anchor + 1)..<first {
            let length = blocks[k].text.utf8.count
            if length >= configuration.minLeadLength, Double(blocks[k].linkChars) / Double(length) < configuration.maxLeadLinkDensity {
                chosen[k] = true
            }
        }
    }

    /// The article's paragraphs and everything left out with its reason.
    func mainText(title: String? = nil) -> ([(text: String, line: Int, tag: String)], [RemovedPiece]) {
        var scores: [Int: Double] = [:]
        var total = 0
        for block in blocks {
            let length = block.text.utf8.count
            let density = Double(block.linkChars) / Double(max(1, length))
            guard length >= configuration.minVotingBlockLength, density < configuration.maxLinkDensity else { continue }
            total += length
            // Commas mark prose; navigation has none.
            let commas = block.text.utf8.reduce(0) { $0 + ($1 == 0x2C ? 1 : 0) }
            let vote = Double(length) * (1 - density) + Double(commas) * 10
            for (depth, ancestor) in block.ancestors.dropFirst().prefix(3).enumerated() {
                scores[ancestor, default: 0] += vote / Double(depth + 1)
            }
        }
        for (id, score) in scores where semantic[id] == true {
            scores[id] = score * configuration.semanticBonus
        }
        let best = scores.max { $0.value < $1.value || ($0.value == $1.value && $0.key > $1.key) }
        let container = best.map { coverageContainer(containing: $0.key) }
        var chosen: [Bool] = blocks.map { block in container.map { block.ancestors.contains($0) } ?? true }
        if let best { includeSiblings(of: best.key, bestScore: best.value, scores: scores, into: &chosen) }
        let chosenLength = zip(blocks, chosen).reduce(0) { $0 + ($1.1 ? $1.0.text.utf8.count : 0) }
        if chosenLength < configuration.minMainTextLength, total > chosenLength {
            chosen = blocks.map { _ in true }
        }
        includeLead(title: title, into: &chosen)
        var paragraphs: [(String, Int, String)] = []
        var removed = self.removed
        for (block, inMain) in zip(blocks, chosen) {
            let density = Double(block.linkChars) / Double(max(1, block.text.utf8.count))
            let isHeading = HTMLExtractor.headingTags.contains(block.tag)
            if inMain && (density < configuration.maxLinkDensity || isHeading) {
                paragraphs.append((block.text, block.line, block.tag))
            } else {
                removed.append(RemovedPiece(text: String(block.text.prefix(configuration.maxRemovedPieceLength)),
                                            reason: inMain ? "link-list" : "outside-main-content"))
            }
        }
        return (paragraphs, removed)
    }
}
