import Testing
@testable import CrosscheckCore

/// The stored form of a profile reads back as the same profile, and text that is not one is refused.
@Suite struct ArticleProfileTests {
    @Test func storedTextRoundTrips() {
        let profile = ArticleProfile(
            names: [.init(entity: "person:eml rhmn", kind: .person, count: 3), .init(entity: "org:taliban", kind: .organization, count: 1)],
            places: [.init(id: "geonames:1135689", country: "AF", precision: .locality, count: 2), .init(id: "C:TJ", country: "TJ", precision: .country, count: 5)],
            days: [18813: 2, -4: 1], years: [2021], figures: ["20000|personnel", "23|pirates"],
            words: [0xFFFF_FFFF_FFFF_FFFF: 2, 0x0123_4567_89AB_CDEF: 1, 7: 12], kinds: ["mobilize": 2, "flee": 1], published: 18814)
        #expect(ArticleProfile(storedText: profile.storedText) == profile)
        #expect(ArticleProfile(storedText: ArticleProfile().storedText) == ArticleProfile())
        #expect(ArticleProfile(storedText: "{\"names\": []}") == nil)
        #expect(ArticleProfile(storedText: "") == nil)
    }
}

extension ArticleProfileTests {
    /// Damaged or hostile stored text never traps: every prefix and a few mangled forms parse or are refused.
    @Test func damagedTextDoesNotTrap() {
        let text = ArticleProfile(names: [.init(entity: "person:a", kind: .person, count: 2)],
                                  places: [.init(id: "geonames:1", country: "AF", precision: .locality, count: 1)],
                                  days: [5: 1], years: [2021], figures: ["3|people"], words: [0xabc: 2], kinds: ["flee": 1], published: 9).storedText
        for n in 0...text.utf8.count {
            _ = ArticleProfile(storedText: String(decoding: Array(text.utf8.prefix(n)), as: UTF8.self))
        }
        for bad in ["v1\nl\t\t\t\t", "v1\nn\tperson\tx\ty", "v1\nw\t::: zz:1 :", "v1\nd\t-\t-", "v1\n\t\t\t\t\t\t\n"] {
            _ = ArticleProfile(storedText: bad)
        }
    }
}
