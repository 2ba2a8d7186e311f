import CrosscheckCore
import Testing
@testable import CrosscheckEvents

@Suite struct DevelopmentRankingTests {
    let graph = EventGraph()

    /// Two outlets on one shooting (an attack and its casualties), one outlet on a flood elsewhere.
    func situation() -> [MergedEvent] {
        graph.merge(EventGraphTests().references([
            (1, "2019-03-04", "Gunmen shot and killed three people in Memphis on March 3, police said. The attack began at a bar near the river, police chief Sam Hollis said."),
            (2, "2019-03-04", "Three people were killed when gunmen opened fire at a bar in Memphis on March 3, police chief Sam Hollis said. The attack lasted minutes."),
            (3, "2019-03-11", "A flood hit Nashville on March 10, killing two people, the mayor said."),
        ]))
    }

    @Test func oneEntryPerHappening() {
        let events = situation()
        let entries = DevelopmentRanking().rank(events, limit: 10)
        let memphis = entries.filter { $0.event.placeName?.contains("Memphis") == true }
        #expect(memphis.count == 1, "\(entries.map { ($0.event.type, $0.event.placeName ?? "-", $0.event.time?.value ?? "-") })")
        #expect(memphis.first?.folded.isEmpty == false)
        #expect(entries.contains { $0.event.placeName?.contains("Nashville") == true })
        // The shooting told by two outlets ranks above the flood told by one.
        #expect(entries.first?.event.placeName?.contains("Memphis") == true)
        #expect(entries.map(\.rank) == Array(1...entries.count))
    }

    @Test func rankingDoesNotDependOnTheOrderOfEvents() {
        let events = situation()
        let a = DevelopmentRanking().rank(events, limit: 10).map(\.event.id)
        let b = DevelopmentRanking().rank(events.reversed(), limit: 10).map(\.event.id)
        #expect(a == b)
    }

    /// A further entry of an incident pays for the ones already chosen: a lone, less told happening outranks
    /// a side event of a big story.
    @Test func furtherEntriesOfAnIncidentArePenalised() {
        var big = MergedEvent(id: "attack-1", type: "attack", label: "attacked", plover: "", cameo: "", actor: nil, target: nil,
                              place: PlaceRef(id: "L:1", name: "Town", latitude: 0, longitude: 0, country: "US", precision: .locality), placeName: "Town",
                              time: nil, timeFromPublication: true, quantity: nil, quantityText: nil, status: .reported,
                              sources: 3, deniedBy: 0, references: [], incident: "inc-a")
        var side = big
        side.id = "arrest-1"; side.type = "arrest"; side.sources = 2
        side.place = PlaceRef(id: "L:2", name: "Other", latitude: 0, longitude: 0, country: "US", precision: .locality); side.placeName = "Other"
        var lone = big
        lone.id = "protest-1"; lone.type = "protest"; lone.sources = 2; lone.incident = "inc-b"
        lone.place = PlaceRef(id: "L:3", name: "Third", latitude: 0, longitude: 0, country: "US", precision: .locality); lone.placeName = "Third"
        big.references = []
        let ranked = DevelopmentRanking().rank([side, lone, big], limit: 2).map(\.event.id)
        #expect(ranked == ["attack-1", "protest-1"])
    }

    @Test func evidenceStatesTheHeadlinesFigure() {
        let events = situation()
        for e in events where e.quantityText != nil {
            #expect(e.evidence?.mention.quantityText == e.quantityText, "\(e.id)")
        }
    }

    @Test func sameHappeningNeedsOneDayAndOnePlace() {
        let ontology = EventOntology.bundled
        #expect(ontology.oneHappening("attack", "casualties"))
        #expect(!ontology.oneHappening("attack", "protest"))
        #expect(ontology.oneHappening("protest", "protest"))
    }
}
