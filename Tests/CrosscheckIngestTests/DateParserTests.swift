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
}
