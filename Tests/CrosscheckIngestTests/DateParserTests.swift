import CrosscheckCore
import CrosscheckIngest
import Testing

@Suite struct DateParserTests {
    func parse(_ s: String) -> (String, DatePrecision)? {
        DateParser.parse(s, from: "test").map { ($0.value, $0.precision) }
    }

    @Test func isoForms() {
        #expect(parse("2021-07-06")! == ("2021-07-06", .day))
        #expect(parse("2021-07-06T12:36:00Z")! == ("2021-07-06T12:36:00Z", .second))
        #expect(parse("2025-04-28T09:15:00+05:00")! == ("2025-04-28T09:15:00+05:00", .second))
        #expect(parse("2021-07")! == ("2021-07", .month))
        #expect(parse("2021-02-30") == nil)
    }

    @Test func wordForms() {
        #expect(parse("6 July 2021")! == ("2021-07-06", .day))
        #expect(parse("July 6, 2021")! == ("2021-07-06", .day))
        #expect(parse("Tuesday, July 6, 2021")! == ("2021-07-06", .day))
        #expect(parse("Tue, 06 Jul 2021 12:36:00 GMT")! == ("2021-07-06T12:36:00Z", .second))
        #expect(parse("6 July 2021 12:36 pm")! == ("2021-07-06T12:36", .minute))
        #expect(parse("28 April 2025, 09:15")! == ("2025-04-28T09:15", .minute))
        #expect(parse("6. Juli 2021")! == ("2021-07-06", .day))
        #expect(parse("July 2021")! == ("2021-07", .month))
        #expect(parse("06.07.2021")! == ("2021-07-06", .day))
    }

    /// Two-digit years only with dots, the German short form: "30.10.23" is 30 October 2023.
    @Test func dottedTwoDigitYears() {
        #expect(parse("30.10.23")! == ("2023-10-30", .day))
        #expect(parse("03.05.98")! == ("1998-05-03", .day))
        #expect(parse("10/30/23") == nil, "slashes with a two-digit year stay ambiguous")
    }

    @Test func russianUkrainianAndPolishMonths() {
        #expect(parse("15 августа 2016")! == ("2016-08-15", .day))
        #expect(parse("5 липня 2021")! == ("2021-07-05", .day))
        #expect(parse("6 lipca 2021")! == ("2021-07-06", .day))
    }

    @Test func nonDates() {
        #expect(parse("we may march") == nil)
        #expect(parse("No: 18200") == nil)
        #expect(parse("") == nil)
    }

    /// A numeric date is read at the start of a longer byline, with spaces after the dots or bars between the
    /// parts; slashes are month first unless the day cannot be a month or the page's locale says day first.
    @Test func numericPrefixes() {
        #expect(parse("30.01.2022 18:36 / sk")! == ("2022-01-30", .day))
        #expect(parse("4. 2. 2022.")! == ("2022-02-04", .day))
        #expect(parse("26 | 01 | 2022")! == ("2022-01-26", .day))
        #expect(parse("02/10/2020")! == ("2020-02-10", .day))
        #expect(DateParser.parse("02/10/2020", from: "t", slashDayFirst: true)?.value == "2020-10-02")
        #expect(DateParser.parse("13/10/2020", from: "t")?.value == "2020-10-13")
    }

    /// The day is the number next to the month, not any number before it; a range starts on its first day.
    @Test func dayNextToMonth() {
        #expect(parse("Version 3, 29 June 2007")?.0 == "2007-06-29")
        #expect(parse("14. - 20. Januar 2022")?.0 == "2022-01-14")
        #expect(parse("29 de junio de 2019")?.0 == "2019-06-29")
        #expect(parse("06. Mär. 2023")?.0 == "2023-03-06")
        #expect(parse("12 juil. 2019")?.0 == "2019-07-12")
    }

    /// Every full date of a text with its byte offset; a digit glued to a word starts a date too.
    @Test func datesInText() {
        let found = DateParser.parseEmbedded("Von Karrasch3.11.2023 um 10 Uhr", from: "t")
        #expect(found?.value == "2023-11-03")
        let all = DateParser.datesIn("Posted 3 May 2021, updated 4 May 2021")
        #expect(all.map(\.date.value) == ["2021-05-03", "2021-05-04"])
        #expect(all.first?.offset == 7)
    }
}
