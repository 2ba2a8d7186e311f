import CrosscheckCore

/// RSS 2.0, RSS 1.0 (RDF) and Atom feeds: each `item` or `entry` element is an article (`.feedItem`, its bytes exactly
/// as in the feed). The feed is scanned, not parsed whole: comments, CDATA sections, processing instructions and the
/// document type (with any entity declarations, which are never expanded) are passed over, and each item's bytes are
/// cut out and parsed alone when cleaned (`FeedItemParser`), so one broken item is rejected with its offset and the
/// rest are read, and memory holds one item at a time.
struct FeedReader: ContainerReader {
    /// Root elements of feeds (local names).
    static let roots: Set<String> = ["rss", "RDF", "feed"]
    /// Elements that are articles (local names).
    static let items: Set<String> = ["item", "entry"]

    func recognizes(_ probe: [UInt8]) -> Bool { FormatSniffer.sniff(probe) == .xml }

    func read(_ stream: inout ByteStream, context: ReadContext, emit: (ReadEvent) throws -> Void) throws {
        var sawRoot = false
        var itemCount = 0
        // While inside an item: its element name, nesting, start (from the stream's unread position), offset in the
        // input, and whether it is too large to keep (then nothing of it is kept, only its end is looked for).
        var item: (name: String, depth: Int, start: Int, offset: Int, oversized: Bool)? = nil
        var cursor = 0
        let limit = context.configuration.maxArticleBytes
        func oversize() throws {
            guard let open = item, !open.oversized else { return }
            item!.oversized = true
            try emit(context.rejected(.tooLarge(bytes: cursor - open.start, limit: limit), offset: open.offset))
        }
        while true {
            // Outside an item (or inside one too large to keep) nothing before the cursor is needed again.
            if item == nil || item!.oversized { stream.consume(cursor); cursor = 0; item?.start = 0 }
            let window = item.map { $0.oversized ? ByteStream.chunk : $0.start + limit + 1 } ?? ByteStream.chunk
            guard let lt = try stream.find([UInt8(ascii: "<")], from: cursor, within: window) else {
                if stream.ended && stream.availableCount <= window { break }
                cursor = min(stream.availableCount, window)
                try oversize()
                continue
            }
            guard let end = try markupEnd(&stream, at: lt, limit: lt + limit) else {
                let offset = stream.source.inputOffset(of: stream.position + lt)
                try emit(context.rejected(.invalidXML(item.map { "the feed ends inside this \($0.name)" } ?? "markup never closed"),
                                          offset: item?.offset ?? offset))
                item = nil
                break
            }
            cursor = end
            if let open = item, !open.oversized, end - open.start > limit { try oversize() }
            guard let tag = try tagName(&stream, at: lt, end: end) else { continue }
            let local = Self.localName(tag.name)
            if !sawRoot {
                guard !tag.closing else { continue }
                sawRoot = true
                guard Self.roots.contains(local) else {
                    try emit(context.rejected(.invalidXML("XML whose root element is <\(tag.name)>, not an RSS or Atom feed"),
                                              offset: stream.source.inputOffset(of: stream.position + lt)))
                    return
                }
                continue
            }
            if let open = item {
                guard local == open.name else { continue }
                item!.depth += tag.closing ? -1 : (tag.selfClosing ? 0 : 1)
                guard item!.depth == 0 else { continue }
                if !open.oversized {
                    let first = stream.available.startIndex
                    try emit(.article(RawArticle(bytes: Array(stream.available[first + open.start ..< first + end]),
                                                 origin: context.origin(offset: open.offset), receivedAt: context.receivedAt,
                                                 format: .feedItem)))
                }
                itemCount += 1
                try emit(.progress(bytes: end - open.start))
                item = nil
            } else if !tag.closing, Self.items.contains(local) {
                let offset = stream.source.inputOffset(of: stream.position + lt)
                if tag.selfClosing { try emit(context.rejected(.empty, offset: offset)) } else { item = (local, 1, lt, offset, false) }
            }
        }
        if let open = item { try emit(context.rejected(.invalidXML("the feed ends inside this \(open.name)"), offset: open.offset)) }
        if !sawRoot { try emit(context.rejected(.invalidXML("no root element"), offset: 0)) }
        else if itemCount == 0 { try emit(context.rejected(.invalidXML("a feed without items"), offset: 0)) }
    }

    /// The offset just after the markup starting with `<` at `at`: a tag (quotes respected), a comment, a CDATA
    /// section, a processing instruction or a document type with its internal subset; nil when the input ends first.
    func markupEnd(_ stream: inout ByteStream, at: Int, limit: Int) throws -> Int? {
        func starts(_ text: String) throws -> Bool {
            let bytes = Array(text.utf8)
            guard try stream.fill(at + bytes.count) else { return false }
            return stream.available.dropFirst(at).starts(with: bytes)
        }
        if try starts("<!--") { return try stream.find(Array("-->".utf8), from: at + 4, within: limit).map { $0 + 3 } }
        if try starts("<![CDATA[") { return try stream.find(Array("]]>".utf8), from: at + 9, within: limit).map { $0 + 3 } }
        if try starts("<?") { return try stream.find(Array("?>".utf8), from: at + 2, within: limit).map { $0 + 2 } }
        // A tag or a declaration: up to the `>` outside quotes (and, for a DOCTYPE, outside its [internal subset]).
        var k = at + 1, quote: UInt8? = nil, brackets = 0
        while k < limit, let b = try stream.byte(at: k) {
            if let q = quote {
                if b == q { quote = nil }
            } else if b == UInt8(ascii: "\"") || b == UInt8(ascii: "'") {
                quote = b
            } else if b == UInt8(ascii: "[") {
                brackets += 1
            } else if b == UInt8(ascii: "]") {
                brackets = max(0, brackets - 1)
            } else if b == UInt8(ascii: ">") && brackets == 0 {
                return k + 1
            }
            k += 1
        }
        return nil
    }

    /// The element name of a start or end tag spanning `at..<end`, or nil for other markup.
    func tagName(_ stream: inout ByteStream, at: Int, end: Int) throws -> (name: String, closing: Bool, selfClosing: Bool)? {
        let tag = stream.available.dropFirst(at).prefix(end - at)
        var k = tag.startIndex + 1
        let closing = k < tag.endIndex && tag[k] == UInt8(ascii: "/")
        if closing { k += 1 }
        let nameStart = k
        while k < tag.endIndex, !FormatSniffer.isSpace(tag[k]), tag[k] != UInt8(ascii: ">"), tag[k] != UInt8(ascii: "/") { k += 1 }
        guard k > nameStart, let first = tag.dropFirst(nameStart - tag.startIndex).first,
              first != UInt8(ascii: "!"), first != UInt8(ascii: "?") else { return nil }
        let selfClosing = end - at >= 2 && tag[tag.endIndex - 2] == UInt8(ascii: "/")
        return (String(decoding: tag[nameStart..<k], as: UTF8.self), closing, selfClosing)
    }

    static func localName(_ name: String) -> String {
        name.lastIndex(of: ":").map { String(name[name.index(after: $0)...]) } ?? name
    }
}
