import CrosscheckCore
@testable import CrosscheckIngest
import CrosscheckTesting
import Foundation
import Testing

/// RSS 2.0, RSS 1.0 and Atom feeds, well-formed and broken.
@Suite struct FeedReaderTests {
    static let paragraph = """
        Floodwater from the Panj river reached the outskirts of Hamadoni district on Sunday night, and the regional \
        emergencies committee said about 3,000 residents had been moved to schools on higher ground by Monday morning. \
        Officials said two bridges on the road to Kulob were closed and that the water level was still rising.
        """

    static let rss2 = """
        <?xml version="1.0" encoding="UTF-8"?>
        <rss version="2.0" xmlns:content="http://purl.org/rss/1.0/modules/content/" xmlns:dc="http://purl.org/dc/elements/1.1/">
        <channel>
          <title>Khatlon Today</title><link>https://khatlon.example/</link>
          <!-- an <item> in a comment is no item -->
          <item>
            <title>Hamadoni residents moved as the Panj rises</title>
            <link>https://khatlon.example/2025/04/28/hamadoni</link>
            <pubDate>Mon, 28 Apr 2025 09:30:00 +0500</pubDate>
            <dc:creator>Farrukh Saidov</dc:creator>
            <description>Short summary only.</description>
            <content:encoded><![CDATA[<p>\(paragraph)</p><p>The committee said aid convoys would leave Dushanbe on Tuesday.</p>]]></content:encoded>
          </item>
          <item>
            <title>Bridges closed on the Kulob road</title>
            <link>https://khatlon.example/2025/04/28/bridges</link>
            <guid isPermaLink="false">kt-1234</guid>
            <pubDate>Mon, 28 Apr 2025 11:00:00 +0500</pubDate>
            <author>desk@khatlon.example (Nodira Karimova)</author>
            <description>&lt;p&gt;\(paragraph)&amp;nbsp;Traffic was diverted&nbsp;through Vose.&lt;/p&gt;</description>
          </item>
        </channel>
        </rss>
        """

    static let rss1 = """
        <?xml version="1.0"?>
        <rdf:RDF xmlns:rdf="http://www.w3.org/1999/02/22-rdf-syntax-ns#" xmlns="http://purl.org/rss/1.0/" xmlns:dc="http://purl.org/dc/elements/1.1/">
          <channel rdf:about="https://ledger.example/rss"><title>Pamir Ledger</title><items><rdf:Seq><rdf:li rdf:resource="https://ledger.example/a"/></rdf:Seq></items></channel>
          <item rdf:about="https://ledger.example/a">
            <title>Villagers recount the night the embankment broke</title>
            <link>https://ledger.example/a</link>
            <dc:date>2025-04-29T07:00:00+05:00</dc:date>
            <dc:creator>Zarina Nazarova</dc:creator>
            <description>\(paragraph)</description>
          </item>
        </rdf:RDF>
        """

    static let atom = """
        <?xml version="1.0" encoding="utf-8"?>
        <feed xmlns="http://www.w3.org/2005/Atom">
          <title>Amu Observer</title>
          <entry>
            <title type="text">Officials say the embankment was cut on purpose</title>
            <link rel="alternate" type="text/html" href="https://amu.example/news/embankment"/>
            <link rel="self" href="https://amu.example/feed/embankment.atom"/>
            <id>tag:amu.example,2025:embankment</id>
            <published>2025-04-29T12:00:00Z</published>
            <updated>2025-04-30T08:00:00Z</updated>
            <author><name>Bakhtiyor Rahimov</name></author>
            <content type="html">&lt;p&gt;\(paragraph)&lt;/p&gt;</content>
          </entry>
          <entry>
            <title>Compensation cut</title>
            <link href="https://amu.example/news/compensation"/>
            <updated>2025-05-02T10:00:00Z</updated>
            <content type="xhtml"><div xmlns="http://www.w3.org/1999/xhtml"><p>\(paragraph)</p><p>Payments will be <b>4,000 somoni</b>.</p></div></content>
          </entry>
          <entry>
            <title>Summary only</title>
            <link href="https://amu.example/news/summary"/>
            <published>2025-05-03T10:00:00Z</published>
            <summary>\(paragraph)</summary>
          </entry>
        </feed>
        """

    struct Read {
        var articles: [RawArticle] = []
        var rejected: [RejectedInput] = []
    }

    static func read(_ text: String) throws -> Read { try read(Array(text.utf8)) }

    static func read(_ bytes: [UInt8]) throws -> Read {
        var out = Read()
        try InputReader().read(bytes: bytes, origin: "feed.xml", receivedAt: Date()) { event in
            switch event {
            case .article(let raw): out.articles.append(raw)
            case .rejected(let r): out.rejected.append(r)
            case .progress, .skipped: break
            }
        }
        return out
    }

    static func clean(_ raws: [RawArticle]) throws -> [Article] { try raws.map { try ArticleCleaner().clean($0).get() } }

    @Test func rss2ItemsAreArticlesWithTheirMetadata() throws {
        let read = try Self.read(Self.rss2)
        #expect(read.rejected.isEmpty, "\(read.rejected.map(\.line))")
        #expect(read.articles.count == 2)
        #expect(read.articles.allSatisfy { $0.format == .feedItem })
        // Each item's bytes are exactly its element in the feed, named by their offset.
        let feed = Array(Self.rss2.utf8)
        for raw in read.articles {
            let offset = try #require(raw.origin.offset)
            #expect(Array(feed[offset..<offset + raw.bytes.count]) == raw.bytes)
            #expect(raw.bytes.starts(with: Array("<item>".utf8)))
        }
        let articles = try Self.clean(read.articles)
        #expect(articles[0].title == "Hamadoni residents moved as the Panj rises")
        #expect(articles[0].url == "https://khatlon.example/2025/04/28/hamadoni")
        #expect(articles[0].published?.value.hasPrefix("2025-04-28") == true)
        #expect(articles[0].authors == ["Farrukh Saidov"])
        // content:encoded wins over the description.
        #expect(articles[0].text.contains("aid convoys would leave Dushanbe"))
        #expect(articles[1].authors == ["Nodira Karimova"])
        // Escaped HTML in a description, with an HTML entity XML does not know.
        #expect(articles[1].text.contains("Traffic was diverted\u{00A0}through Vose") || articles[1].text.contains("Traffic was diverted through Vose"))
        #expect(articles[1].outlet == "khatlon.example" || articles[1].outlet != nil)
    }

    @Test func rss1AndAtomEntriesAreArticles() throws {
        let rss1 = try Self.read(Self.rss1)
        #expect(rss1.rejected.isEmpty)
        let ledger = try Self.clean(rss1.articles)
        #expect(ledger.count == 1)
        #expect(ledger.first?.url == "https://ledger.example/a")
        #expect(ledger.first?.authors == ["Zarina Nazarova"])
        #expect(ledger.first?.published?.value.hasPrefix("2025-04-29") == true)

        let atom = try Self.read(Self.atom)
        #expect(atom.rejected.isEmpty, "\(atom.rejected.map(\.line))")
        let entries = try Self.clean(atom.articles)
        #expect(entries.count == 3)
        #expect(entries[0].url == "https://amu.example/news/embankment")
        #expect(entries[0].authors == ["Bakhtiyor Rahimov"])
        #expect(entries[0].published?.value.hasPrefix("2025-04-29") == true)
        // XHTML content, and an entry dated only by its update.
        #expect(entries[1].text.contains("Payments will be 4,000 somoni"))
        #expect(entries[1].published?.value.hasPrefix("2025-05-02") == true)
        #expect(entries[2].text.contains("Hamadoni district"))
    }

    @Test func aBrokenItemIsRejectedWithItsOffsetAndTheRestRead() throws {
        let broken = Self.rss2.replacingOccurrences(of: "<title>Bridges closed on the Kulob road</title>",
                                                    with: "<title>Bridges closed <b>on the Kulob road</title>")
        let read = try Self.read(broken)
        #expect(read.articles.count == 2)
        let results = read.articles.map { ArticleCleaner().clean($0) }
        let failures = results.compactMap { result -> Rejection? in if case .failure(let r) = result { r } else { nil } }
        #expect(failures.count == 1)
        #expect(failures.first?.code == "invalid-xml")
        #expect(read.articles[1].origin.offset == Array(broken.utf8).indices.first { Array(broken.utf8)[$0...].starts(with: Array("<item>\n    <title>Bridges".utf8)) })
    }

    @Test func aFeedCutInsideAnItemKeepsTheItemsBefore() throws {
        let feed = Array(Self.rss2.utf8)
        let second = try #require(try Self.read(Self.rss2).articles.last?.origin.offset)
        let read = try Self.read(Array(feed[..<(second + 120)]))
        #expect(read.articles.count == 1)
        #expect(read.rejected.count == 1)
        #expect(read.rejected.first?.origin.offset == second)
        #expect(read.rejected.first?.rejection.code == "invalid-xml")
    }

    @Test func entitiesTheFeedDeclaresAreNeverExpanded() throws {
        // A "billion laughs": ten levels of ten references, 10^9 copies if expanded.
        var dtd = "<!DOCTYPE rss [\n<!ENTITY lol0 \"lol\">\n"
        for level in 1...9 { dtd += "<!ENTITY lol\(level) \"" + String(repeating: "&lol\(level - 1);", count: 10) + "\">\n" }
        dtd += "]>\n"
        let feed = Self.rss2.replacingOccurrences(of: "<?xml version=\"1.0\" encoding=\"UTF-8\"?>\n", with: "<?xml version=\"1.0\"?>\n" + dtd)
            .replacingOccurrences(of: "<title>Bridges closed on the Kulob road</title>", with: "<title>&lol9;</title>")
        let read = try Self.read(feed)
        #expect(read.articles.count == 2)
        let cleaned = read.articles.map { ArticleCleaner().clean($0) }
        if case .failure(let rejection) = cleaned[1] { #expect(rejection.code == "invalid-xml") } else { Issue.record("the laughing item was read") }
        #expect((try? cleaned[0].get()) != nil)
    }

    @Test func xmlThatIsNoFeedAndAFeedWithoutItemsAreRejected() throws {
        let svg = try Self.read("<?xml version=\"1.0\"?>\n<svg xmlns=\"http://www.w3.org/2000/svg\"><rect/></svg>")
        #expect(svg.articles.isEmpty)
        #expect(svg.rejected.first?.rejection.code == "invalid-xml")
        let empty = try Self.read("<rss version=\"2.0\"><channel><title>Nothing</title></channel></rss>")
        #expect(empty.articles.isEmpty)
        #expect(empty.rejected.first?.rejection.reason.contains("without items") == true)
    }

    @Test func aGzippedFeedIsReadThroughTheSameReader() throws {
        let read = try Self.read(try BadInputs.gzip(Array(Self.atom.utf8)))
        #expect(read.articles.count == 3)
        #expect(read.rejected.isEmpty)
    }
}
