import CrosscheckIngest
import CrosscheckTesting
import Testing

@Suite struct FormatSnifferTests {
    @Test func detectsByContentNotExtension() {
        #expect(FormatSniffer.sniff(Array("<!DOCTYPE html><html><body>x</body></html>".utf8)) == .html)
        #expect(FormatSniffer.sniff(Array("\u{FEFF}  <html lang=\"en\">".utf8)) == .html)
        #expect(FormatSniffer.sniff(Array("<p>One paragraph.</p><p>Another.</p>".utf8)) == .html)
        #expect(FormatSniffer.sniff(Array("{\"text\": \"hello\"}\n".utf8)) == .jsonLines)
        #expect(FormatSniffer.sniff(Array("Taliban fighters advance.\nTajikistan mobilises.".utf8)) == .text)
        #expect(FormatSniffer.sniff(Array("<?xml version=\"1.0\"?><rss>".utf8)) == .xml)
        #expect(FormatSniffer.sniff([0x1F, 0x8B, 8, 0]) == .gzip)
        #expect(FormatSniffer.sniff(Array("%PDF-1.4".utf8)) == .binary("application/pdf"))
        #expect(FormatSniffer.sniff([0x89, 0x50, 0x4E, 0x47, 0x0D, 0x0A]) == .binary("image/png"))
    }

    @Test func randomBytesAreBinary() {
        var g = SplitMix(seed: 7)
        let bytes = (0..<2048).map { _ in UInt8(truncatingIfNeeded: g.next()) }
        guard case .binary = FormatSniffer.sniff(bytes) else {
            Issue.record("random bytes not detected as binary")
            return
        }
    }
}
