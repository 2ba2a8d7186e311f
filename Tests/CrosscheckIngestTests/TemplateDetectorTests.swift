import CrosscheckCore
import CrosscheckIngest
import Testing

@Suite struct TemplateDetectorTests {
    let detector = TemplateDetector()

    func article(_ paragraphs: [String]) -> Article {
        var text = ""
        var map: [SourceSegment] = []
        for p in paragraphs {
            if !text.isEmpty { text += "\n\n" }
            map.append(SourceSegment(cleanStart: text.utf8.count, length: p.utf8.count, rawStart: text.utf8.count, rawLength: p.utf8.count))
            text += p
        }
        return Article(id: ContentID(ofText: text), text: text, sourceMap: map, cleanerVersion: 1)
    }

    @Test func recurringShortLinesAreTemplateLongOnesAreNot() {
        let promo = "Follow us on Telegram for the latest news"
        let reprinted = "The regional governor said on Monday that at least fourteen people had died after the river broke through the embankment near the village, and that search teams were still working."
        let articles = (1...4).map { i in
            article(["Water levels rose by \(i) metres overnight in district \(i), officials said.", promo, reprinted])
        }
        let templates = detector.templates(articles.map(detector.paragraphHashes))
        let stripped = try! #require(detector.strip(articles[0], templates: templates, group: "outlet:x"))
        #expect(stripped.removed.map(\.reason) == ["template"])
        #expect(!stripped.text.contains(promo))
        #expect(stripped.text.contains(reprinted), "long recurring paragraphs are reprints, not template")
        // The source map still points each kept paragraph at its own bytes.
        let kept = stripped.text.components(separatedBy: "\n\n")
        #expect(stripped.sourceMap.count == kept.count)
        #expect(stripped.sourceMap[1].cleanStart == kept[0].utf8.count + 2)
    }

    @Test func tooFewArticlesOrTooRareIsNotTemplate() {
        let line = "Read our live blog for updates"
        let two = [article(["A first report on the flood in the valley.", line]), article(["A second report on the flood.", line])]
        #expect(detector.templates(two.map(detector.paragraphHashes)).isEmpty)
        var many = (0..<10).map { article(["Report \($0) about the flood in the valley, officials said."]) }
        many += (0..<3).map { article(["Report \($0) with a line.", line]) }
        #expect(detector.templates(many.map(detector.paragraphHashes)).isEmpty, "3 of 13 is under the 50% share")
    }

    @Test func verdictDoesNotDependOnOrder() {
        let promo = "Subscribe to our channel"
        let articles = (1...3).map { article(["Report \($0) on the river, the committee said on Tuesday.", promo]) }
        let templates = detector.templates(articles.map(detector.paragraphHashes))
        let stripped = articles.map { detector.strip($0, templates: templates, group: "g") ?? $0 }
        // A later article of the same outlet meets the already-stripped ones and is still judged the same.
        let late = article(["Report 4 on the river, the committee said on Wednesday.", promo])
        let again = detector.templates((stripped + [late]).map(detector.paragraphHashes))
        #expect(detector.strip(late, templates: again, group: "g")?.text.contains(promo) == false)
    }

    /// The one-pass hashing splits and counts as `strip` does paragraph by paragraph: extra newlines,
    /// carriage returns, tabs, non-ASCII and a long paragraph that is never template.
    @Test func oneByteIsHashedAsEachParagraphIs() {
        let long = Array(repeating: "word", count: 40).joined(separator: " ")
        let text = "Follow us on Telegram!\n\n\nФото: ТАСС\r\n\n\tShare this\n\n\(long)\n\nA  b\nc"
        let paragraphs = TemplateDetector.paragraphs(text)
        #expect(paragraphs.count == 5 && paragraphs[1] == "\nФото: ТАСС\r" && paragraphs[4] == "A  b\nc")
        let expected = Set(paragraphs.filter { TextCleaner.wordCount($0) <= detector.maxWords }
            .map { detector.paragraphHashes(text: $0, templates: []).first! })
        #expect(detector.paragraphHashes(text: text, templates: []) == expected)
        #expect(expected.count == 4)
    }
}
