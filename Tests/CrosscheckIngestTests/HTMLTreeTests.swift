@testable import CrosscheckIngest
import CrosscheckTesting
import Foundation
import Testing

/// Script and style contents read by `HTMLTree.readRawText` instead of libxml2's character loop give the
/// very tree libxml2 gives: same nodes, tags, lines, texts and attributes.
@Suite struct HTMLTreeTests {
    /// Hand-made pages for each way the shortcut could go wrong.
    static let tricky: [String] = [
        "<html><head><script>var a = 1;\nvar b = '</scr' + 'ipt>';\n</script><style>p { color: red }\n</style></head><body><p>Text</p></body></html>",
        "<html><body><SCRIPT type='text/javascript'>document.write('<div>x</div>');</SCRIPT>\n<p>After</p></body></html>",
        "<html><body><script>if (a < b && c > d) { f('</p>'); }</scripts><p>x</p></body></html>",
        "<html><body><script></script><script> </script><script>\n</script><style/><p>y</p></body></html>",
        "<html><body><script>never closed\n<p>lost</p>",
        "<html><body><script>ends at the buffer's end </scr",
        "<html><body><script>// <!-- a comment opener\n</script><p>z</p><!-- c --></body></html>",
        "<html><body><script>bad utf-8 \u{FFFD}</script><p>ok</p></body></html>",
        "<html><body><script>crlf\r\nline\r\n</script><p>w</p>\n<p>v</p></body></html>",
        "<html><body><script>x</script ><style media=all>a{}</style\n><p>u</p></body></html>",
        "<html><body><script>ünïcödé ✓ 𝄞 end</script><p>t</p></body></html>",
        "<html><body><p>in a paragraph<script>inline()</script> goes on</p><svg><style>.c{}</style></svg></body></html>",
        "<html><body><script type=\"application/ld+json\">{\"datePublished\": \"2021-07-06\"}</script><p>s</p></body></html>",
    ]

    @Test func trickyPagesGiveTheSameTree() {
        for page in Self.tricky {
            Self.expectSameTree(Array(page.utf8), encoding: "UTF-8", page)
        }
        // Bytes libxml2 must see itself: NUL, control characters, invalid UTF-8, in several encodings.
        var raw = Array("<html><body><script>a\u{0}b</script><script>c\u{1}d</script><script>e".utf8)
        raw += [0xC3, 0x28, 0xFF]
        raw += Array("f</script><p>r</p></body></html>".utf8)
        Self.expectSameTree(raw, encoding: "UTF-8", "control and invalid bytes")
        let cyrillic: [UInt8] = Array("<html><body><script>var s = '".utf8) + [0xCF, 0xF0, 0xE8, 0xE2, 0xE5, 0xF2]
            + Array("';\n</script><p>".utf8) + [0xD2, 0xE5, 0xEA, 0xF1, 0xF2] + Array("</p></body></html>".utf8)
        Self.expectSameTree(cyrillic, encoding: "windows-1251", "windows-1251")
    }

    static func expectSameTree(_ page: [UInt8], encoding: String, _ label: String) {
        let fast = HTMLTree(bytes: page, encoding: encoding), slow = HTMLTree(bytes: page, encoding: encoding, readsRawText: false)
        guard let fast, let slow else {
            #expect(fast == nil && slow == nil, "\(label): only one parse started")
            return
        }
        var a = fast.root, b = slow.root
        var compared = 0
        while let x = a, let y = b {
            let same = x.pointee.kind == y.pointee.kind && x.pointee.tag == y.pointee.tag && x.pointee.line == y.pointee.line
                && Array(x.pointee.text) == Array(y.pointee.text) && x.pointee.attributeCount == y.pointee.attributeCount
                && zip(x.pointee.attributeList, y.pointee.attributeList).allSatisfy {
                    Array($0.name) == Array($1.name) && Array($0.value) == Array($1.value)
                }
                && (x.pointee.children == nil) == (y.pointee.children == nil) && (x.pointee.next == nil) == (y.pointee.next == nil)
            if !same {
                Issue.record("\(label): node \(compared) differs (line \(x.pointee.line) vs \(y.pointee.line), \(x.pointee.byteCount) vs \(y.pointee.byteCount) bytes)")
                return
            }
            compared += 1
            (a, b) = (next(x, within: fast.root), next(y, within: slow.root))
        }
        #expect(a == nil && b == nil, "\(label): trees of different sizes")
    }

    /// The node after `node` in document order.
    static func next(_ node: HTMLNodePtr, within root: HTMLNodePtr?) -> HTMLNodePtr? {
        if let child = node.pointee.children { return child }
        var up: HTMLNodePtr? = node
        while let u = up {
            if let sibling = u.pointee.next { return sibling }
            up = u.pointee.parent
        }
        return nil
    }
}

/// The same check on every development page in ../shared/data.
@Suite struct HTMLTreeCorpusTests {
    /// Every development page, in the encoding the extractor picks for it.
    @Test(.needs("data/trafilatura-eval", "data/htmldate-eval"), .tags(.corpus))
    func devPagesGiveTheSameTree() throws {
        for set in ["data/trafilatura-eval", "data/htmldate-eval"] {
            let folder = try #require(SharedData.folder(set))
            let names = try FileManager.default.contentsOfDirectory(atPath: folder.path).filter { $0.hasSuffix(".html.gz") }.sorted()
            for name in names {
                guard let data = FileManager.default.contents(atPath: folder.appendingPathComponent(name).path),
                      case .success(let page) = Gunzip.decompress([UInt8](data), limit: 64 << 20), !page.isEmpty else { continue }
                HTMLTreeTests.expectSameTree(page, encoding: CharsetSniffer.encoding(for: page), name)
            }
        }
    }
}
