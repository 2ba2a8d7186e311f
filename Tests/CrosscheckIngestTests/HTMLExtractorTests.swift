import CrosscheckCore
import CrosscheckIngest
import Foundation
import Testing

@Suite struct HTMLExtractorTests {
    let extractor = HTMLExtractor()

    static let page = """
    <!DOCTYPE html><html lang="en"><head><meta charset="utf-8">
    <title>Floods hit Khatlon | Pamir Ledger</title>
    <meta property="og:site_name" content="Pamir Ledger">
    <meta property="article:published_time" content="2025-04-28T09:15:00+05:00">
    <script type="application/ld+json">{"@type":"NewsArticle","headline":"Floods hit Khatlon","author":{"@type":"Person","name":"Farhod Nazarov"}}</script>
    <script>var tracking = "Leave a reply";</script></head>
    <body><nav><a href="/">Home</a> <a href="/region">Region</a></nav>
    <div class="cookie-banner">We use cookies. Accept all</div>
    <article><h1>Floods hit Khatlon</h1>
    <p>At least 14 people have died in Tajikistan's southern Khatlon region after the swollen Panj river broke through an embankment, officials said.</p>
    <div class="ad-slot">Advertisement: buy a boat</div>
    <p>The river tore through a section of the embankment near the village of Dahana in the early hours of Sunday, flooding homes.</p>
    <figure><img src="x.jpg"><figcaption>Residents carry bedding through floodwater.</figcaption></figure>
    <blockquote>"Nobody will be left alone with this disaster," the governor said.</blockquote>
    <div class="share-bar"><a href="#">Share on Facebook</a></div>
    </article>
    <section id="comments"><h3>2 comments</h3><p>Great article! Posted on <time datetime="2025-05-09">May 9, 2025</time></p>
    <form><textarea></textarea><button>Post comment</button></form></section>
    <footer>© 2025 Pamir Ledger. All rights reserved.</footer></body></html>
    """

    @Test func mainTextAndMetadata() throws {
        let page = try extractor.extract(Array(Self.page.utf8)).get()
        #expect(page.title == "Floods hit Khatlon")
        #expect(page.outlet == "Pamir Ledger")
        #expect(page.published?.value == "2025-04-28T09:15:00+05:00")
        #expect(page.published?.from == "html:meta[article:published_time]")
        #expect(page.authors == ["Farhod Nazarov"])
        #expect(page.language == "en")
        let paragraphs = page.text.components(separatedBy: "\n\n")
        #expect(paragraphs.count == 3)
        #expect(paragraphs[0].hasPrefix("At least 14 people"))
        #expect(paragraphs[2].hasPrefix("\"Nobody will be left alone"))
        for noise in ["Home", "cookies", "Advertisement", "Residents carry bedding", "Share on Facebook", "Great article", "All rights reserved"] {
            #expect(!page.text.contains(noise), "kept noise: \(noise)")
        }
        let reasons = Set(page.removed.map(\.reason))
        #expect(reasons.isSuperset(of: ["navigation", "cookie-banner", "advertising", "photo-caption", "share", "comments", "footer"]))
    }

    @Test func commentDatesNeverBecomeThePublicationDate() throws {
        let html = """
        <html><body><article><p>The committee said on Monday that nine people had died and four were still missing in the floods.</p></article>
        <div class="comments"><time datetime="2025-05-09">May 9</time></div></body></html>
        """
        let page = try extractor.extract(Array(html.utf8)).get()
        #expect(page.published == nil)
    }

    @Test func windows1251PageIsDecoded() throws {
        // "Паводок в Хатлоне" in windows-1251, declared in a meta tag.
        let head = Array("<html><head><meta http-equiv=\"Content-Type\" content=\"text/html; charset=windows-1251\"></head><body><p>".utf8)
        let body: [UInt8] = [0xCF, 0xE0, 0xE2, 0xEE, 0xE4, 0xEE, 0xEA, 0x20, 0xE2, 0x20, 0xD5, 0xE0, 0xF2, 0xEB, 0xEE, 0xED, 0xE5]
        let page = try extractor.extract(head + body + Array("</p></body></html>".utf8)).get()
        #expect(page.text == "Паводок в Хатлоне")
    }

    @Test func undeclaredCyrillicCharsetsAreDetected() throws {
        let russian = "Паводок в Хатлоне: вода поднялась ночью, сообщили в комитете по чрезвычайным ситуациям."
        let page = "<html><body><p>\(russian)</p></body></html>"
        for encoding in [String.Encoding.windowsCP1251] {
            let bytes = [UInt8](try #require(page.data(using: encoding)))
            #expect(try extractor.extract(bytes).get().text == russian)
        }
        // KOI8-R by hand for the letters used: map through a small table built from the standard.
        let koi8Upper = Array("юабцдефгхийклмнопярстужвьызшэщчъ".unicodeScalars)
        var koi8: [UInt8] = []
        for scalar in page.unicodeScalars {
            if scalar.value < 0x80 { koi8.append(UInt8(scalar.value)); continue }
            let lower = Character(scalar).lowercased().unicodeScalars.first!
            let index = koi8Upper.firstIndex(of: lower)!
            koi8.append(UInt8(lower == scalar ? 0xC0 + index : 0xE0 + index))
        }
        #expect(try extractor.extract(koi8).get().text == russian)
        // A page that says latin-1 but is UTF-8.
        let mislabelled = Array("<html><head><meta charset=\"iso-8859-1\"></head><body><p>Düsseldorf: Überschwemmung am Rhein, sagte die Stadt.</p></body></html>".utf8)
        #expect(try extractor.extract(mislabelled).get().text == "Düsseldorf: Überschwemmung am Rhein, sagte die Stadt.")
    }

    @Test func hostileMarkupDoesNotCrash() {
        let deep = String(repeating: "<div>", count: 100_000) + "<p>Deep text that is long enough to count as content here.</p>"
        _ = extractor.extract(Array(deep.utf8))
        let truncated = String(Self.page.prefix(900))
        _ = extractor.extract(Array(truncated.utf8))
        let scriptsOnly = "<html><head><script>var a = 1;</script></head><body><script>alert(1)</script></body></html>"
        guard case .failure(let rejection) = extractor.extract(Array(scriptsOnly.utf8)) else {
            Issue.record("a page of scripts produced text")
            return
        }
        #expect(rejection.code == "empty-after-cleaning")
        var withNul = Array("<html><body><p>Text with a NUL".utf8)
        withNul.append(0)
        withNul += Array(" byte and &bogus; &#xFFFFFFF; entities in it, long enough to be kept.</p></body></html>".utf8)
        _ = extractor.extract(withNul)
    }

    static let body = """
    <p>The river tore through a section of the embankment near the village of Dahana in the early hours of Sunday, flooding homes.</p>
    <p>Emergency workers moved more than 2,000 residents to schools on higher ground, the regional committee said in a statement.</p>
    <p>The committee said on Monday that nine people had died and four were still missing, and that the water was falling again. \
    Officials in Dushanbe promised money to rebuild the embankment before the autumn rains, while residents of Dahana said they \
    had warned the district for years that the old earth wall would not hold another spring flood like the one in 2021.</p>
    """

    /// A standfirst between the headline and the body's container is part of the article; headings after the
    /// last paragraph of prose (related stories, newsletter box) are not.
    @Test func leadJoinsAndTrailingHeadingsGo() throws {
        let html = """
        <html><head><title>Floods hit Khatlon</title></head><body><article><header><h1>Floods hit Khatlon</h1>
        <p class="standfirst">At least 14 people have died after the swollen Panj river broke through an embankment in the south.</p></header>
        <div class="article-body">\(Self.body)
        <h2>More from the region</h2><h3>Sign up</h3></div></article></body></html>
        """
        let page = try extractor.extract(Array(html.utf8)).get()
        #expect(page.text.hasPrefix("At least 14 people have died"))
        #expect(!page.text.contains("More from the region"))
        #expect(page.removed.contains { $0.reason == "trailing-heading" && $0.text == "Sign up" })
    }

    /// A negated noise word ("no-share", "has-sidebar") and a page builder's "elementor-widget-wrap" do not make
    /// the article noise; a long quote or list inside the article does not win the container vote.
    @Test func negatedAndCompoundClassWordsKeepTheArticle() throws {
        let html = """
        <html><body><div class="entry-content no-share"><div class="elementor-widget-wrap">\(Self.body)
        <blockquote><p>"Nobody will be left alone with this disaster, and every family will get help to rebuild," the governor said.</p></blockquote>
        </div></div><div class="share-bar"><a href="#">Share on Facebook</a></div></body></html>
        """
        let page = try extractor.extract(Array(html.utf8)).get()
        #expect(page.text.contains("The river tore through"))
        #expect(page.text.contains("Nobody will be left alone"))
        #expect(!page.text.contains("Share on Facebook"))
    }

    /// A blog's first `<h1>` is the site's name, which the `<title>` repeats after the post's; the post's own
    /// heading is the title. Without a matching heading, the title's headline part is.
    @Test func titleSkipsTheSiteName() throws {
        let blog = """
        <html><head><title>Scherenschnitt (3) | gnaddrig ad libitum</title></head><body>
        <h1>gnaddrig ad libitum</h1><div class="post"><h1>Scherenschnitt (3)</h1>\(Self.body)</div></body></html>
        """
        #expect(try extractor.extract(Array(blog.utf8)).get().title == "Scherenschnitt (3)")
        let plain = "<html><head><title>Villa Galaxy - Ferienvilla in Florida</title></head><body>\(Self.body)</body></html>"
        #expect(try extractor.extract(Array(plain.utf8)).get().title == "Villa Galaxy")
        // The og:title names no site; the <title> does, and the page's only <h1> is that site name.
        let logo = """
        <html><head><title>Sesiona IV Pleno del Comité Central | Cubadebate</title>
        <meta property="og:title" content="Sesiona IV Pleno del Comité Central"></head><body>
        <div id="logo"><h1><style>.logo{display:block}</style>Cubadebate</h1></div>\(Self.body)</body></html>
        """
        #expect(try extractor.extract(Array(logo.utf8)).get().title == "Sesiona IV Pleno del Comité Central")
    }

    /// Elements hidden from readers (`aria-hidden="true"`, `hidden`, `display: none`) are not text; upper-case
    /// tag names and the long ones (`FIGCAPTION`, `BLOCKQUOTE`) are read like any other.
    @Test func hiddenElementsAndTagCaseAreHandled() throws {
        let html = """
        <html><body><ARTICLE>\(Self.body)
        <div aria-hidden="true">Open the navigation drawer and choose a region</div>
        <div aria-hidden="false"><p>Rescue teams reached the last cut-off villages on Tuesday, local officials said.</p></div>
        <div style="DISPLAY: none">Please enable JavaScript to continue reading this page</div>
        <FIGURE><img src="x.jpg"><FIGCAPTION>Residents carry bedding through floodwater.</FIGCAPTION></FIGURE>
        <BLOCKQUOTE><p>"Nobody will be left alone with this disaster," the governor said.</p></BLOCKQUOTE>
        </ARTICLE></body></html>
        """
        let page = try extractor.extract(Array(html.utf8)).get()
        #expect(!page.text.contains("navigation drawer"))
        #expect(!page.text.contains("enable JavaScript"))
        #expect(page.text.contains("Rescue teams reached"))
        #expect(!page.text.contains("Residents carry bedding"))
        #expect(page.removed.contains { $0.reason == "photo-caption" && $0.text.contains("Residents carry bedding") })
        #expect(page.text.contains("Nobody will be left alone"))
    }
}
