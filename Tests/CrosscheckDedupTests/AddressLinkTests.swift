import CrosscheckCore
import CrosscheckDedup
import Testing

/// Articles at one address are one article: a feed item's summary and the page it links to.
@Suite struct AddressLinkTests {
    static let page = """
        Rescue teams reached Hamadoni district on Tuesday after the road along the Panj reopened, officials said. \
        The emergencies committee said about 3,000 residents remained in schools on higher ground, and that aid \
        convoys from Dushanbe had delivered water, flour and blankets to four villages cut off since Sunday night.
        """
    static let summary = "Teams reach flooded district as road reopens."

    @Test func normalisesAddresses() {
        #expect(AddressKey.of("https://www.News.example/a/b/?utm_source=rss&id=4#top") == "news.example/a/b?id=4")
        #expect(AddressKey.of("http://news.example/a/b?id=4") == "news.example/a/b?id=4")
        #expect(AddressKey.of("https://news.example:443/a/") == "news.example/a")
        #expect(AddressKey.of("tag:amu.example,2025:x") == nil)
        #expect(AddressKey.of(nil) == nil)
    }

    @Test(arguments: [true, false])
    func aFeedSummaryAndItsPageAreOneSourceGroup(_ sameBatch: Bool) throws {
        let index = MemoryDedupIndex()
        let item = DedupDocument(doc: 1, id: ContentID(ofText: Self.summary), outlet: "T", text: Self.summary,
                                 url: "https://t.example/news/hamadoni?utm_medium=rss")
        let page = DedupDocument(doc: 2, id: ContentID(ofText: Self.page), outlet: "T", text: Self.page, url: "https://www.t.example/news/hamadoni/")
        let other = DedupDocument(doc: 3, id: ContentID(ofText: "x"), outlet: "U", text: Self.page.replacingOccurrences(of: "Tuesday", with: "Monday")
                                  + " A second paragraph of its own follows here with other words.", url: "https://u.example/other")
        if sameBatch {
            index.add([item, page, other])
            try Deduplicator().run(on: index)
        } else {
            index.add([item])
            try Deduplicator().run(on: index)
            index.add([page, other])
            try Deduplicator().run(on: index)
        }
        let link = index.relations.first { $0.kind == .sameAddress }
        #expect(link?.article == 2 && link?.other == 1)
        #expect(index.groups[1] == index.groups[2])
        #expect(index.relations.filter { $0.kind == .sameAddress }.count == 1)
    }
}
