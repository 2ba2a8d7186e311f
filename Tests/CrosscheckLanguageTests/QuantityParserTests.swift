import CrosscheckCore
import Testing
@testable import CrosscheckLanguage

@Suite struct QuantityParserTests {
    static let analyzer = LanguageAnalyzer()

    func quantities(_ text: String) -> [Mention] {
        Self.analyzer.analyze(text, published: CivilDay(year: 2021, month: 7, day: 6)).mentions.filter { $0.kind == .quantity }
    }

    func only(_ text: String) -> QuantityValue? {
        let found = quantities(text)
        #expect(found.count == 1, "\(text): \(found.map(\.text))")
        return found.first?.quantity
    }

    @Test func qualifiersAreBounds() {
        let q = only("More than 1,000 Afghan troops fled into Tajikistan.")
        #expect(q?.value == 1000 && q?.bound == .lower && q?.low == 1000 && q?.high == nil && q?.noun == "troops")
        #expect(only("Up to 50 people were hurt.")?.bound == .upper)
        #expect(only("About 100 soldiers arrived.")?.bound == .approximate)
        #expect(only("At least 5 posts fell.")?.bound == .lower)
        #expect(only("Nearly 300 families left.")?.bound == .upperApproximate)
    }

    @Test func wordsFractionsAndVagueCounts() {
        let two = only("Two-thirds of the border is under Taliban control.")
        #expect(two.map { abs($0.value - 2.0 / 3.0) < 1e-9 } == true && two?.unit == "fraction" && two?.noun == "border")
        #expect(only("They hold one-third of the districts.").map { abs($0.value - 1.0 / 3.0) < 1e-9 } == true)
        let several = only("Several hundred soldiers crossed.")
        #expect(several?.bound == .vague && several?.low == 300 && several?.high == 900 && several?.noun == "soldiers")
        #expect(only("Hundreds of Afghans have fled.")?.noun == "Afghans")
        #expect(only("Dozens of families left.")?.bound == .vague)
        let six = only("The Taliban seized six key districts.")
        #expect(six?.value == 6 && six?.unit == nil && six?.noun == "key districts")
        #expect(only("Twenty-five posts were lost.")?.value == 25)
        #expect(only("Two million people need aid.")?.value == 2_000_000)
    }

    @Test func unitsAndCountedNouns() {
        let border = only("They share a 1,357-kilometer border.")
        #expect(border?.value == 1357 && border?.unit == "km" && border?.noun == "border")
        #expect(only("Tajikistan called up 20,000 reservists.")?.noun == "reservists")
        #expect(only("Inflation reached 90% last year.")?.unit == "%")
        let money = only("The plan costs $40 billion.")
        #expect(money?.value == 40_000_000_000 && money?.unit == "USD")
        let range = only("Between 5,000 and 7,000 troops moved.")
        #expect(range?.bound == .range && range?.low == 5000 && range?.high == 7000)
    }

    @Test func datesIdsAndPhonesAreNotQuantities() {
        #expect(quantities("On July 5, 2021 the guards spoke.").isEmpty)
        #expect(quantities("No: 18200").isEmpty)
        #expect(quantities("Call +1 555-123-4567 now.").isEmpty)
        #expect(quantities("In 2021 the war ended.").isEmpty)
        #expect(quantities("It was the 5th attack.").isEmpty)
        #expect(quantities("At 12:36 pm the post fell.").isEmpty)
    }
}
