import CrosscheckCore
import CrosscheckLanguage
import Testing
@testable import CrosscheckEvents

/// What an article profile reads besides names, places and days.
struct ArticleProfilerTests {
    /// Ages after a person's name between commas and "N-year-old" are ages; other figures are not.
    @Test func agesOfPeopleAreReadAsAges() {
        let text = "The victim, Benjamin David Banky, 40, of Vancouver was gunned down Friday. A 66-year-old woman was struck. "
            + "John Smith, 25, and Mary Jones, 31, were killed. Police said 12, including two officers, were hurt. "
            + "The fighting lasted 3 years, and Smith was 7 years old then."
        let analysis = LanguageAnalyzer().analyze(text)
        #expect(ArticleProfiler.ages(analysis.mentions, in: text) == [40, 66, 25, 31, 7])
        let profile = ArticleProfiler().profile(text: text, analysis: analysis, events: [], published: nil)
        #expect(profile.figures.contains("40|age") && profile.figures.contains("66|age") && !profile.figures.contains("12|age"))
    }
}
