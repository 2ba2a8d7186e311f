import CrosscheckCore
import CrosscheckTesting
import Testing
@testable import CrosscheckLanguage

@Suite struct TimeResolverTests {
    static let analyzer = LanguageAnalyzer()
    /// Tuesday 6 July 2021.
    static let published = CivilDay(year: 2021, month: 7, day: 6)!

    func times(_ text: String, published: CivilDay? = TimeResolverTests.published) -> [Mention] {
        Self.analyzer.analyze(text, published: published).mentions.filter { $0.kind == .time }
    }

    func only(_ text: String, published: CivilDay? = TimeResolverTests.published) -> TimeValue? {
        let found = times(text, published: published)
        #expect(found.count == 1, "\(text): \(found.map(\.text))")
        return found.first?.time
    }

    @Test func pronounsModalsAndNounsAreNeverDates() {
        for text in ["We said we would go.", "They may return soon.", "Protesters march on the capital.",
                     "The sun was up.", "About 90% of the troops left.", "Do you want to sat here?", "She will wed in spring."] {
            #expect(times(text).isEmpty, "\(text)")
        }
    }

    @Test func absoluteDates() {
        #expect(only("It happened on July 5.")?.value == "2021-07-05")
        #expect(only("It happened on 6 July 2021.")?.value == "2021-07-06")
        #expect(only("Filed 2021-07-05 by staff.")?.value == "2021-07-05")
        #expect(only("Published 05.07.2021 in Dushanbe.")?.value == "2021-07-05")
        #expect(only("It was July 2021.")?.value == "2021-07")
        #expect(only("It began in 2001.")?.value == "2001")
        #expect(only("It happened on May 3.")?.value == "2021-05-03")
    }

    @Test func relativeDatesResolveAgainstPublication() {
        let sunday = only("Tajik border guards said on Sunday that 1,000 troops crossed.")
        #expect(sunday?.value == "2021-07-04" && sunday?.granularity == .day && sunday?.reference == .relative)
        #expect(only("Officials announced last week that reservists were called.")?.value == "2021-W26")
        #expect(only("The talks resume next week.")?.value == "2021-W28")
        let earlier = only("Earlier this month, US forces left Bagram.")
        #expect(earlier?.value == "2021-07-01/2021-07-06" && earlier?.granularity == .partOfMonth)
        #expect(only("Fighting started last month.")?.value == "2021-06")
        #expect(only("More than 1,000 troops fled overnight.")?.granularity == .night)
        #expect(only("Biden in April announced the withdrawal.")?.value == "2021-04")
        #expect(only("The meeting will take place on Monday.")?.value == "2021-07-12")
        #expect(only("Three days ago the post fell.")?.value == "2021-07-03")
    }

    @Test func deadlinesAndPartsOfMonths() {
        let by = only("The withdrawal will be completed by August 31.")
        #expect(by?.value == "2021-08-31" && by?.direction == .deadline)
        let beginning = only("Troops will leave by the beginning of September.")
        #expect(beginning?.value == "2021-09-01/2021-09-10" && beginning?.direction == .deadline)
        #expect(only("Talks are expected in mid-July.")?.value == "2021-07-11/2021-07-20")
        #expect(only("It ended in late June.")?.value == "2021-06-21/2021-06-30")
    }

    @Test func durationsAreNotDates() {
        #expect(times("After 20 years of war the troops left.").isEmpty)
        #expect(times("Two days after the attack, they returned.").isEmpty)
    }

    @Test func withoutPublicationDateRelativeTimesStayUnresolved() {
        #expect(only("It happened on July 5.", published: nil)?.value == "XXXX-07-05")
        #expect(only("It happened on Sunday.", published: nil)?.value == "unresolved")
        #expect(only("It happened on 6 July 2021.", published: nil)?.value == "2021-07-06")
    }

    @Test func civilDays() {
        let d = CivilDay(year: 2021, month: 7, day: 6)!
        #expect(d.weekday == 2 && d.iso == "2021-07-06" && d.isoWeek == "2021-W27")
        #expect(CivilDay(iso: "2021-07-06T12:36:00Z") == d)
        #expect(CivilDay(year: 2021, month: 2, day: 29) == nil && CivilDay(year: 2020, month: 2, day: 29) != nil)
        #expect(CivilDay(days: d.days + 365).civil.year == 2022)
    }
}

/// No time is read from a pronoun, a modal verb or a common noun anywhere in the dev data.
@Suite struct TimeFalsePositiveCorpusTests {
    @Test(.needs("data/meantime-en"), .tags(.corpus))
    func devDataHasNoDatesFromPronounsOrModals() throws {
        let folder = try #require(SharedData.folder("data/meantime-en"))
        let corpus = try MeantimeCorpus(folder: folder)
        var texts = corpus.documents.map(\.text)
        if let seeds = SharedData.seedFiles() { texts += seeds.compactMap { try? String(contentsOf: $0, encoding: .utf8) } }
        let analyzer = LanguageAnalyzer()
        // Words that are never a time whatever their case; month words count only when written in lower case.
        let forbidden: Set<String> = ["we", "sun", "sat", "wed", "us", "i", "a", "will", "can", "do", "be"]
        var times = 0
        var bad: [String] = []
        for text in texts {
            for m in analyzer.analyze(text, published: CivilDay(year: 2008, month: 6, day: 15)).mentions where m.kind == .time {
                times += 1
                let first = m.text.split(separator: " ").first.map(String.init) ?? m.text
                if forbidden.contains(m.text.lowercased()) || (first.first?.isLowercase == true && TimeResolver.months[Tokenizer.hash(first)] != nil) {
                    bad.append(m.text)
                }
            }
        }
        print("dev data: \(times) time expressions in \(texts.count) texts, \(bad.count) read from pronouns, modals or nouns")
        #expect(bad.isEmpty, "\(bad.prefix(20))")
        #expect(times > 200)
    }
}
