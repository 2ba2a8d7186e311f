import CrosscheckCore
import Testing
@testable import CrosscheckLanguage

@Suite struct EntityRecognizerTests {
    static let analyzer = LanguageAnalyzer()

    func entities(_ text: String) -> [Mention] {
        Self.analyzer.analyze(text).mentions.filter { ![.quantity, .time].contains($0.kind) }
    }

    func kind(of name: String, in text: String) -> MentionKind? {
        entities(text).first { $0.text == name }?.kind
    }

    /// An initialism with or without its periods is one organization ("U.S. Embassy", "US Embassy"); a period after a
    /// longer word still separates ("St. Petersburg" is not "StPetersburg").
    @Test func initialismsWithPeriodsAreOneOrganization() {
        let dotted = entities("The U.S. Embassy issued a travel warning on Monday.").first { $0.text.hasSuffix("Embassy") }
        let plain = entities("The US Embassy issued a travel warning on Monday.").first { $0.text.hasSuffix("Embassy") }
        #expect(dotted?.kind == .organization && dotted?.entity != nil && dotted?.entity == plain?.entity)
        #expect(AliasResolver.slug("U.N. Refugee Agency") == "un-refugee-agency")
        #expect(AliasResolver.slug("St. Petersburg Legislative Assembly") == "st-petersburg-legislative-assembly")
    }

    /// "Elm Street" is an address in the story's town, not the town of Yelm (GeoNames' other name for it is Elm).
    @Test func aStreetIsNotTheTownItsNameMatches() {
        let street = Self.analyzer.analyze("The shooting happened on Elm Street in Springfield around 2 a.m.").mentions
            .first { $0.text == "Elm Street" }
        #expect(street?.kind == .place && street?.place == nil)
    }

    /// "The Sacramento River" and "the Sacramento river" are the river, not the city; "the Kunduz river" runs through
    /// Kunduz province, which stays its place, but it is not the town of Kunduz.
    @Test func aRiverIsNotTheTownOfItsName() {
        for text in ["Flooding closed roads along the Sacramento River on Monday.", "Flooding closed roads along the Sacramento river on Monday."] {
            let river = Self.analyzer.analyze(text).mentions.first { $0.text.hasPrefix("Sacramento") }
            #expect(river?.kind == .place && river?.place == nil, "\(text)")
        }
        let kunduz = Self.analyzer.analyze("Fighters crossed the Kunduz river at dawn.").mentions.first { $0.text == "Kunduz" }
        #expect(kunduz?.place.map { $0.precision != .locality } ?? true)
        let town = Self.analyzer.analyze("Sacramento police said two people were hurt.").mentions.first { $0.text == "Sacramento" }
        #expect(town?.place?.precision == .locality)
    }

    @Test func citiesAreNotPeopleOrOrganizations() {
        #expect(kind(of: "Ashgabat", in: "Taliban representatives visited Ashgabat on Sunday.") == .place)
        #expect(kind(of: "Dushanbe", in: "Officials in Dushanbe denied the report.") == .place)
        #expect(kind(of: "Mary", in: "Troops from a garrison near the town of Mary were sent to the border.") == .place)
        #expect(kind(of: "Mary", in: "Mary, Turkmenistan, is a large city.") == .place)
        #expect(kind(of: "Mary", in: "Mary said she would not go back to school.") == .person)
        let mary = entities("Reservists gathered in Mary.").first { $0.text == "Mary" }
        #expect(mary?.place?.country == "TM" && mary.map { abs($0.place!.latitude - 37.59) < 0.1 } == true)
    }

    @Test func countriesAndNationalities() {
        let found = entities("Tajikistan will reinforce its border. Tajik President Emomali Rahmon ordered 20,000 reservists.")
        #expect(found.first { $0.text == "Tajikistan" }?.kind == .country)
        let tajik = found.first { $0.text == "Tajik" }
        #expect(tajik?.kind == .nationality && tajik?.entity == "country:TJ")
        #expect(found.first { $0.text == "Emomali Rahmon" }?.kind == .person)
        #expect(!found.contains { $0.text.contains("President") })
    }

    @Test func fullNamesAndTitles() {
        let text = "The delegation was led by the chief of the Taliban's political office in Qatar, Sher Mohammad Abbas Stanikzai."
        #expect(kind(of: "Sher Mohammad Abbas Stanikzai", in: text) == .person)
        #expect(kind(of: "Joe Biden", in: "US President Joe Biden has pledged to leave.") == .person)
        #expect(kind(of: "US", in: "US President Joe Biden has pledged to leave.") == .country)
        #expect(kind(of: "Steve Jobs", in: "Apple CEO Steve Jobs unveiled the phone.") == .person)
    }

    /// A place name before a market word is a market term ("Brent crude"), not where anything happened.
    @Test func marketTermsAreNotPlaces() {
        let text = "Brent crude rose 2 percent on Monday as fighting spread, and London shares fell. Protesters gathered in London."
        let found = entities(text)
        #expect(!found.contains { $0.text == "Brent" && $0.kind == .place }, "\(found.map { ($0.text, $0.kind) })")
        #expect(found.filter { $0.text == "London" && $0.kind == .place }.count == 1)
    }

    @Test func organizationsAndAcronyms() {
        let text = "Moscow will act through the Collective Security Treaty Organization (CSTO), a Russian-led alliance. The CSTO met."
        let found = entities(text)
        let full = found.first { $0.text == "Collective Security Treaty Organization" }
        let acronyms = found.filter { $0.text == "CSTO" }
        #expect(full?.kind == .organization && acronyms.count == 2)
        #expect(acronyms.allSatisfy { $0.entity == full?.entity })
        #expect(kind(of: "Afghanistan Analysts Network", in: "An analysis by the Afghanistan Analysts Network, a Kabul think tank.") == .organization)
        // An acronym defined in the text that no vocabulary knows.
        let made = entities("The Khatlon Relief Committee (KRC) opened camps. The KRC said 300 families arrived.")
        let krc = made.filter { $0.text == "KRC" }
        #expect(!krc.isEmpty && krc.allSatisfy { $0.entity == made.first { $0.text == "Khatlon Relief Committee" }?.entity })
    }

    @Test func aliasesWithinAndAcrossDocuments() {
        let a = entities("Tajik President Emomali Rahmon spoke on Monday. Rahmon said the border was safe.")
        let b = entities("President Emomali Rakhmon met Putin. Rakhmon left.")
        let ids = Set((a + b).filter { $0.kind == .person && $0.text.contains("ahmon") || $0.text.contains("akhmon") }.compactMap(\.entity))
        #expect(ids.count == 1, "\(ids)")
        let us = Set(entities("U.S. troops left. The US said so. The United States agreed.").filter { $0.kind == .country }.compactMap(\.entity))
        #expect(us == ["country:US"])
        let naim = entities("Taliban spokesman Mohammad Naim said so.").first { $0.kind == .person }?.entity
        let nayeem = entities("Taliban spokesman Mohammad Nayeem said so.").first { $0.kind == .person }?.entity
        #expect(naim != nil && naim == nayeem)
    }

    @Test func rolesAndGroupsReferToWhatWasNamedBefore() {
        let found = entities("The Taliban seized the district. The militants then moved north.")
        let militants = found.first { $0.text == "The militants" || $0.text == "the militants" }
        #expect(militants?.entity == "org:taliban")
        let role = entities("Tajik President Emomali Rahmon met officials. Later the president spoke to reporters.")
        let president = role.first { $0.text == "the president" }
        #expect(president?.entity == role.first { $0.text == "Emomali Rahmon" }?.entity)
    }

    @Test func transliteratedPlaceNames() {
        let found = entities("Heavy weapons were moved to the Serhetabad area of Turkmenistan.")
        let place = found.first { $0.text == "Serhetabad" }
        #expect(place?.kind == .place && place?.place?.country == "TM")
    }

    @Test func crossDocumentLinker() {
        let rows = [
            EntitySurveyRow(id: "person:eml rhmn", kind: .person, name: "Emomali Rahmon", mentions: 3),
            EntitySurveyRow(id: "person:rhmn", kind: .person, name: "Rakhmon", mentions: 2),
            EntitySurveyRow(id: "org:khatlon-relief-committee", kind: .organization, name: "Khatlon Relief Committee", mentions: 2),
            EntitySurveyRow(id: "org:krc", kind: .organization, name: "KRC", mentions: 1),
        ]
        let links = EntityLinker().links(rows)
        #expect(links.contains { $0.id == "person:rhmn" && $0.canonical == "person:eml rhmn" && $0.evidence.contains("surname") })
        #expect(links.contains { $0.id == "org:krc" && $0.canonical == "org:khatlon-relief-committee" })
    }

    @Test func headlinesInTitleCaseOnlyKeepKnownNames() {
        let found = entities("Turkmenistan Sends Heavy Weapons, Planes To Afghan Border As Security Deteriorates\n\nTurkmenistan moved weapons.")
        #expect(!found.contains { $0.text.contains("Heavy") || $0.text.contains("Planes") || $0.text.contains("Security") })
        #expect(found.contains { $0.text == "Turkmenistan" })
    }

    /// A feature word followed by "of" names a natural feature, not an organization: "Gulf of Aden", "Strait of Hormuz".
    @Test func featureOfNameIsAPlace() {
        let analysis = LanguageAnalyzer().analyze("Pirates attacked a ship in the Gulf of Aden, near the Strait of Hormuz.")
        for name in ["Gulf of Aden", "Strait of Hormuz"] {
            let m = analysis.mentions.first { $0.text == name }
            #expect(m?.kind == .place && m?.isNaturalFeature == true, "\(name): \(String(describing: m?.kind))")
        }
    }
}
