import CrosscheckCore
@testable import CrosscheckReport
import Foundation
import Testing

/// The brief's renderings come from its model: article text is hostile input and never reaches HTML unescaped; JSON
/// gives the same model back.
@Suite struct BriefModelTests {
    static let hostile = "<script>alert('x')</script> & \"quoted\""

    var model: BriefModel {
        let citations = BriefModel.Citations(numbers: [1, 2], more: 3)
        return BriefModel(
            title: "Brief " + Self.hostile, articles: 3, independentSources: 2, year: "2021",
            developments: [
                BriefModel.Development(number: 1, dated: true, when: "2021-07-05", headline: Self.hostile, event: "evt-1", incident: "inc-1",
                                       sources: 2, citations: citations, status: .contested,
                                       dispute: BriefModel.Dispute(kind: .denied, by: Self.hostile, on: "2021-07-06", citations: citations),
                                       anonymous: nil,
                                       evidence: BriefModel.Evidence(sentence: Self.hostile, attribution: Self.hostile, citation: 1)),
                BriefModel.Development(number: 2, dated: false, when: "undated", headline: "Undated", event: "evt-2", incident: "inc-2",
                                       sources: 1, citations: BriefModel.Citations(numbers: [2], more: 0), status: .claimed, dispute: nil,
                                       anonymous: "an official", evidence: nil),
            ],
            contested: [BriefModel.Contested(event: "evt-1", title: Self.hostile, kind: .quantity,
                                             sides: [.init(value: "14", who: Self.hostile, citations: citations)])],
            moreContested: 0, actors: [.init(name: Self.hostile, count: 2)], places: [.init(name: "Kulob", count: 1)],
            sources: [BriefModel.Source(number: 1, article: "ab12", outlet: Self.hostile, date: "2021-07-05", dateInferred: true,
                                        title: Self.hostile, source: 1, with: [2], cites: ["RFE/RL"])])
    }

    @Test func htmlEscapesEveryText() {
        let html = model.html()
        #expect(!html.contains("<script>"))
        #expect(html.contains("&lt;script&gt;alert(&#39;x&#39;)&lt;/script&gt; &amp; &quot;quoted&quot;"))
        #expect(html.contains("Content-Security-Policy"))
        #expect(html.contains("<a href=\"#source-1\">[1]</a>") && html.contains("<li id=\"source-1\">"))
        #expect(html.contains("<h2>Also reported (no date in the text)</h2>"))
    }

    @Test func markdownShowsEachPart() {
        let md = model.markdown()
        #expect(md.contains("1. **2021-07-05** — \(Self.hostile) — 2 independent sources [1][2] +3 more; **denied** by \(Self.hostile) on 2021-07-06 [1][2] +3 more\n"))
        #expect(md.contains("   > \(Self.hostile) — \(Self.hostile) [1]\n"))
        #expect(md.contains("2. **undated** — Undated — 1 independent source [2]; claimed (anonymous: an official)\n"))
        #expect(md.contains("- \(Self.hostile) — quantity: **14** (\(Self.hostile)) [1][2] +3 more\n"))
        #expect(md.contains("1. \(Self.hostile), 2021-07-05 (inferred from the text) — \(Self.hostile) (source 1, with [2]); cites RFE/RL\n"))
    }

    @Test func jsonGivesTheModelBack() throws {
        let data = try JSONEncoder().encode(model)
        #expect(try JSONDecoder().decode(BriefModel.self, from: data) == model)
    }

    /// A date without a year reads as a date, never as bare digits ("05" could be a day or a month).
    @Test func datesWithoutAYearReadAsDates() {
        #expect(Brief.yearless("XXXX-05-12") == "May 12 (year not stated)")
        #expect(Brief.yearless("XXXX-05") == "May (year not stated)")
        #expect(Brief.yearless("XXXX-W19") == "W19 (year not stated)")
        #expect(Brief.yearless("XXXX-13") == "13 (year not stated)")
    }
}
