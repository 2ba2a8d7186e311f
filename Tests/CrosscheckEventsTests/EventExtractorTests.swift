import CrosscheckCore
import CrosscheckLanguage
import Testing
@testable import CrosscheckEvents

@Suite struct EventExtractorTests {
    static let analyzer = LanguageAnalyzer()
    static let extractor = EventExtractor()
    static let published = CivilDay(year: 2021, month: 7, day: 6)!

    func events(_ text: String) -> [EventMention] {
        Self.extractor.extract(text: text, analysis: Self.analyzer.analyze(text, published: Self.published), published: Self.published)
    }

    func first(_ type: String, _ text: String) -> EventMention? {
        let found = events(text).first { $0.type == type }
        #expect(found != nil, "no \(type) in: \(text) — found \(events(text).map(\.type))")
        return found
    }

    @Test func slotsComeFromTheSentence() {
        let e = first("flee", "More than 1,000 Afghan troops fled into Tajikistan overnight, Tajik border guards said on July 5.")
        #expect(e?.actor?.entity == "country:AF")
        #expect(e?.place?.country == "TJ")
        #expect(e?.quantity?.value == 1000 && e?.quantity?.bound == "lower")
        #expect(e?.time?.value == "2021-07-05" && e?.timeFromPublication == false)
        #expect(e?.attribution.kind == "institution" && e?.attribution.name == "Tajik border guards")
        #expect(e?.status == "reported")
        #expect(e?.sentence.hasPrefix("More than 1,000") == true)
    }

    @Test func theDeploymentOfTroopsNamesItsActorAfterOf() {
        let e = first("deploy", "Officials discussed the deployment of Turkmen troops along the border with Afghanistan.")
        #expect(e?.actor?.entity == "country:TM")
    }

    @Test func anonymousAndNamedAttribution() {
        let anonymous = first("mobilize", "A senior official from a Turkmen security agency told RFE/RL that more troops were sent to reinforce the border units.")
        #expect(anonymous?.attribution.kind == "anonymous")
        #expect(anonymous?.status == "claimed")
        let named = first("meet", "Taliban spokesman Mohammad Naim said the delegation held talks in Ashgabat on Saturday.")
        #expect(named?.attribution.kind == "person" && named?.attribution.name == "Mohammad Naim")
        let according = first("meet", "On July 4, Rahmon spoke with Ashraf Ghani about the border, according to Tajik state media.")
        #expect(according?.attribution.name?.hasPrefix("Tajik state media") == true)
        let pronoun = events("Tajik President Emomali Rahmon said the border was safe. He said troops crossed the river.")
        #expect(pronoun.first { $0.type == "flee" }?.attribution.kind != "pronoun")
        let none = first("withdraw", "US forces vacated their largest base in Afghanistan.")
        #expect(none?.attribution.kind == "article")
    }

    @Test func statusPlannedDeniedHypothetical() {
        let planned = first("withdraw", "The withdrawal of US forces will be completed by August 31.")
        #expect(planned?.status == "planned" && planned?.time?.direction == "deadline" && planned?.time?.value == "2021-08-31")
        let denied = first("deploy", "The Turkmen Foreign Ministry issued a statement rejecting reports about the deployment of Turkmen troops along the border.")
        #expect(denied?.status == "denied" && denied?.deniedBy?.name == "Turkmen Foreign Ministry")
        let hypothetical = first("support", "Putin said Moscow would support Tajikistan if the Taliban crossed the border.")
        #expect(hypothetical?.status == "hypothetical")
        // "if needed" only hedges a pledge: it is still a plan.
        let pledge = first("support", "Putin said Moscow would support Tajikistan if needed.")
        #expect(pledge?.status == "planned")
        let notADenial = events("Officials let in 152 people but did not comment on whether anyone was denied entry.")
        #expect(notADenial.first { $0.type == "refugees" }?.status != "denied")
    }

    @Test func textsWithoutEventsAndHostileInput() {
        #expect(events("The weather was mild and the market was quiet.").isEmpty)
        for text in ["", "\u{0}\u{1}", String(repeating: "fled ", count: 50_000), "🙂 fled 🙂", "فر الجنود إلى طاجيكستان."] {
            _ = events(text)
        }
    }
}
