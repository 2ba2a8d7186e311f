import CrosscheckCore
import CrosscheckLanguage
import Testing
@testable import CrosscheckEvents

@Suite struct EventGraphTests {
    static let analyzer = LanguageAnalyzer()
    static let extractor = EventExtractor()

    /// Articles as (group, published, text) → references.
    func references(_ articles: [(group: Int64, published: String, text: String)]) -> [EventReference] {
        var out: [EventReference] = []
        for (k, a) in articles.enumerated() {
            let day = CivilDay(iso: a.published)
            let analysis = Self.analyzer.analyze(a.text, published: day)
            for m in Self.extractor.extract(text: a.text, analysis: analysis, published: day) {
                out.append(EventReference(article: "a\(k)", doc: Int64(k + 1), outlet: "Outlet \(a.group)", title: nil,
                                          published: a.published, group: a.group, mention: m))
            }
        }
        return out
    }

    @Test func corroborationCountsIndependentGroupsNotArticles() {
        let text = "More than 1,000 Afghan troops fled into Tajikistan on July 5, border guards said."
        let refs = references([(1, "2021-07-06", text), (1, "2021-07-06", text), (2, "2021-07-06", "On July 5, 1,037 Afghan servicemen fled into Tajikistan, officials said."),
                               (3, "2021-07-07", "Afghan soldiers fled into Tajikistan on Monday, July 5.")])
        let graph = EventGraph()
        let events = graph.merge(refs).filter { $0.type == "flee" }
        #expect(events.count == 1)
        #expect(events.first?.sources == 3 && events.first?.references.count == 4)
        // "more than 1,000" and "1,037" refine each other: no contradiction.
        #expect(graph.contradictions(events).isEmpty)
    }

    @Test func contradictionsOfDatesFiguresAndDenials() {
        let refs = references([
            // Two articles about the same withdrawal (one-liners sharing two words are not enough to call them one happening).
            (1, "2021-07-06", "President Joe Biden said the withdrawal of US forces from Afghanistan will be completed by August 31."),
            (2, "2021-07-06", "The United States plans to withdraw all its forces from Afghanistan by September 11, President Joe Biden said."),
            (3, "2021-07-06", "Tajikistan mobilized 20,000 reservists on July 5."),
            (4, "2021-07-06", "Tajikistan mobilized 10,000 reservists on July 5."),
            (5, "2021-07-09", "Turkmenistan moved heavy weapons to the border with Afghanistan on July 8, an official who was not authorized to speak said."),
            (6, "2021-07-10", "The Turkmen Foreign Ministry on July 9 rejected reports that Turkmenistan moved heavy weapons to the border."),
        ])
        let graph = EventGraph()
        let events = graph.merge(refs)
        let kinds = Set(graph.contradictions(events).map(\.kind))
        #expect(kinds == [.date, .quantity, .denial], "\(graph.contradictions(events).map(\.summary))")
        #expect(events.first { $0.type == "deploy" }?.status == .contested)
    }

    /// Tolls compare like with like: the dead with the dead, the wounded with the wounded, all victims with all victims;
    /// "two other victims" are more victims, not all of them.
    @Test func tollsOfDifferentRolesDoNotContradict() {
        let day = "2021-03-02"
        let refs = references([
            (1, day, "One person was killed and two were wounded in a shooting at an office in Millbrook on March 1."),
            (2, day, "A gunman opened fire at an office in Millbrook on March 1, and three victims were taken to hospital."),
            (3, day, "In the shooting at the Millbrook office on March 1, the two other victims were treated at a hospital."),
            (4, day, "Two people were killed in a shooting at an office in Millbrook on March 1."),
        ])
        let graph = EventGraph()
        let map = IncidentMap(incidents: [1: 0, 2: 0, 3: 0, 4: 0])
        let events = graph.merge(refs, map: map)
        let figures = graph.contradictions(events).filter { $0.kind == .quantity }
        // The only conflict left: one dead against two dead.
        #expect(figures.count == 1, "\(figures.map(\.summary))")
        #expect(figures.first.map { Set($0.sides.map(\.value)) } == ["One", "Two"], "\(figures.map { $0.sides.map(\.value) })")
    }

    /// One outlet that contradicts itself (a toll revised from 14 to nine) is one source on both sides:
    /// the figures are still flagged, and corroboration stays one.
    @Test func contradictoryReportsFromTheSameOutlet() {
        let refs = references([
            (1, "2025-04-28", "At least 14 people died in the floods in Khatlon on April 27, officials said."),
            (1, "2025-04-29", "Nine people died in the floods in Khatlon on April 27, the emergencies committee said."),
        ])
        let graph = EventGraph()
        let events = graph.merge(refs).filter { $0.type == "casualties" }
        #expect(events.count == 1 && events.first?.sources == 1)
        #expect(graph.contradictions(events).contains { $0.kind == .quantity && $0.sides.count == 2 })
    }

    /// A figure far from the one most tellings give counts something else (a war's toll beside one strike's): no
    /// contradiction; figures near each other still contradict.
    @Test func farFiguresCountSomethingElse() {
        let far = references([
            (1, "2025-04-28", "More than 600 people were killed in the shelling in Millbrook on April 27, officials said."),
            (2, "2025-04-28", "More than 600 people were killed in the shelling in Millbrook on April 27, the committee said."),
            (3, "2025-04-28", "Two people were killed in the shelling in Millbrook on April 27, a witness said."),
        ])
        let graph = EventGraph()
        let map = IncidentMap(incidents: [1: 0, 2: 0, 3: 0])
        let events = graph.merge(far, map: map).filter { $0.type == "casualties" }
        #expect(events.count == 1)
        #expect(!graph.contradictions(events).contains { $0.kind == .quantity }, "\(graph.contradictions(events).map(\.summary))")
        var strict = graph
        strict.configuration.maxFigureRatio = 1000
        #expect(strict.contradictions(events).contains { $0.kind == .quantity })
        let near = references([
            (1, "2025-04-28", "At least 14 people were killed in the shelling in Millbrook on April 27, officials said."),
            (3, "2025-04-28", "Nine people were killed in the shelling in Millbrook on April 27, a witness said."),
        ])
        let tolls = graph.merge(near, map: IncidentMap(incidents: [1: 0, 2: 0])).filter { $0.type == "casualties" }
        #expect(graph.contradictions(tolls).contains { $0.kind == .quantity }, "\(tolls.map { $0.references.map(\.mention.quantityText) })")
    }

    /// A year written by one of many tellings is background, not the event's date; told alone, it is the date.
    @Test func aYearFewTellingsWriteIsBackground() {
        let undated = "Anthony Marsh was charged with drunk driving, police said."
        let refs = references([(1, "", undated), (2, "", undated), (3, "", "Marsh was charged with drunk driving after the crash."),
                               (4, "", "Marsh was charged with drunk driving in 1990, court records show.")])
        let graph = EventGraph()
        let events = graph.merge(refs, map: IncidentMap(incidents: [1: 0, 2: 0, 3: 0, 4: 0])).filter { $0.type == "legal" }
        #expect(events.count == 1 && events.first?.time == nil, "\(events.map { ($0.references.count, $0.time?.value ?? "-") })")
        var always = graph
        always.configuration.backgroundSpan = .max
        #expect(always.merge(refs, map: IncidentMap(incidents: [1: 0, 2: 0, 3: 0, 4: 0])).first { $0.type == "legal" }?.time?.value == "1990")
        let alone = graph.merge(references([(4, "", "Marsh was charged with drunk driving in 1990, court records show.")])).filter { $0.type == "legal" }
        #expect(alone.first?.time?.value == "1990")
    }

    /// A flood's figures count different things in different roles (people moved, people missing): they never
    /// contradict each other; a toll's do.
    @Test func figuresOfManyRolesDoNotContradict() {
        let refs = references([
            (1, "2025-04-28", "About 30,000 people were moved from their homes after the floods in Khatlon on April 27, the governor said."),
            (2, "2025-04-28", "The floods in Khatlon on April 27 left four people missing, the committee said."),
        ])
        let graph = EventGraph()
        let events = graph.merge(refs).filter { $0.type == "disaster" }
        // One merged flood holds both figures.
        #expect(events.contains { Set($0.references.compactMap(\.mention.quantityText)).count >= 2 }, "\(events.map { $0.references.map(\.mention.quantityText) })")
        #expect(!graph.contradictions(events).contains { $0.kind == .quantity }, "\(graph.contradictions(events).map(\.summary))")
        #expect(EventOntology.bundled.figureTypes.contains("casualties") && !EventOntology.bundled.figureTypes.contains("disaster"))
    }

    /// An outlet's appeal to its readers ("Support the Pamir Ledger.") is no corroboration of a pledge in its story.
    @Test func anOutletsAppealIsNoCorroboration() {
        var refs = references([
            (1, "2025-04-28", "The U.S. Embassy in Dushanbe said on April 28 it would provide $250,000 in emergency assistance."),
            (2, "2025-04-28", "The U.S. Embassy in Dushanbe said on April 28 it would provide $250,000 in emergency assistance for Khatlon.\n\nSupport the Pamir Ledger."),
        ])
        for k in refs.indices where refs[k].group == 2 { refs[k].outlet = "Pamir Ledger" }
        #expect(refs.contains { $0.mention.type == "support" && $0.mention.target?.name == "Pamir Ledger" }, "\(refs.map { ($0.mention.type, $0.mention.target?.name) })")
        let events = EventGraph().merge(refs)
        #expect(!events.contains { e in e.references.contains { $0.mention.target?.name == "Pamir Ledger" } })
    }

    /// "Carver was arrested" is keyed by its patient; a telling whose clause roles were read the other way round
    /// (Carver as the doer) names the same participant and joins it inside the incident. Another person does not
    /// separate tellings of one incident either (roles of people are the commonest error), but two organisations
    /// in the same role do.
    @Test func aPatientReadAsTheDoerIsTheSameParticipant() {
        func arrest(_ doc: Int64, actor: String?, target: String?, kind: MentionKind = .person) -> EventReference {
            let prefix = kind == .person ? "person:" : "org:"
            let person = { (name: String) in Participant(entity: prefix + name.lowercased(), name: name, kind: kind) }
            let m = EventMention(type: "arrest", trigger: "arrested", start: 0, end: 8, sentence: "arrested", sentenceStart: 0, sentenceEnd: 8,
                                 actor: actor.map(person), target: target.map(person),
                                 time: TimeValue(value: "2021-03-01", start: "2021-03-01", end: "2021-03-01", granularity: .day, direction: .past, reference: .absolute, anchor: nil))
            return EventReference(article: "a\(doc)", doc: doc, outlet: "Outlet \(doc)", title: nil, published: "2021-03-02", group: doc, mention: m)
        }
        let one = IncidentMap(incidents: [1: 0, 2: 0, 3: 0])
        #expect(EventGraph.participant("target:person:carver") == EventGraph.participant("person:carver"))
        let same = EventGraph().merge([arrest(1, actor: nil, target: "Carver"), arrest(2, actor: "Carver", target: nil)], map: one)
        #expect(same.count == 1 && same.first?.sources == 2)
        let person = EventGraph().merge([arrest(1, actor: nil, target: "Carver"), arrest(3, actor: "Hollis", target: nil)], map: one)
        #expect(person.count == 1)
        let other = EventGraph().merge([arrest(1, actor: "Police", target: nil, kind: .organization), arrest(3, actor: "Army", target: nil, kind: .organization)], map: one)
        #expect(other.count == 2)
    }

    @Test func unrelatedStoriesDoNotMerge() {
        let refs = references([
            (1, "2021-07-06", "Afghan troops fled into Tajikistan on July 5."),
            (2, "2021-03-02", "Syrian refugees fled into Turkey on March 1."),
            (3, "2021-07-06", "Soldiers fled."),
        ])
        let events = EventGraph().merge(refs).filter { $0.type == "flee" }
        #expect(events.count == 3)
    }

    /// Event ids and merges come from content: the same articles stored in another order (other row numbers,
    /// other reference order) give the same events with the same ids.
    @Test func idsDoNotDependOnTheOrderOfIngestion() {
        let articles: [(group: Int64, published: String, text: String)] = [
            (1, "2021-07-06", "More than 1,000 Afghan troops fled into Tajikistan on July 5, Tajik border guards said."),
            (2, "2021-07-06", "On July 5, 1,037 Afghan servicemen fled into Tajikistan, Tajik officials said."),
            (3, "2021-07-06", "Tajikistan mobilized 20,000 reservists on July 5 after Afghan troops fled across the border."),
            (4, "2021-03-02", "Syrian refugees fled into Turkey on March 1."),
        ]
        func run(_ order: [Int]) -> [String: [String]] {
            var refs: [EventReference] = []
            for (row, k) in order.enumerated() {
                for var r in references([articles[k]]) { r.article = "article-\(k)"; r.doc = Int64(row + 100); refs.append(r) }
            }
            var out: [String: [String]] = [:]
            for e in EventGraph().merge(refs.reversed()) { out[e.id] = e.references.map { "\($0.article)@\($0.mention.start)" }.sorted() }
            return out
        }
        let first = run([0, 1, 2, 3]), second = run([3, 2, 1, 0])
        #expect(!first.isEmpty && first == second)
    }

    @Test func tenThousandMentionsOfOneEventMergeInBoundedTime() {
        let one = references([(1, "2021-07-06", "Tajikistan mobilized 20,000 reservists on July 5.")])
        var refs: [EventReference] = []
        for k in 0..<10_000 { for var r in one { r.group = Int64(k % 50); r.doc = Int64(k); refs.append(r) } }
        let events = EventGraph().merge(refs)
        #expect(events.count == 1 && events.first?.sources == 50)
    }

    @Test func storiesKeepUnrelatedSituationsApart() {
        let refs = references([
            (1, "2021-07-06", "More than 1,000 Afghan troops fled into Tajikistan on July 5."),
            (2, "2021-07-06", "On July 5, 1,037 Afghan servicemen fled into Tajikistan."),
            (3, "2021-07-06", "Floods killed nine people in Khatlon on July 4."),
        ])
        let graph = EventGraph()
        let stories = graph.stories(graph.merge(refs))
        #expect(stories.count == 2)
        #expect(stories.first?.articles.count == 2 && stories.first?.sources == 2)
    }

    @Test func talksHaveNoDirectionAndWalkBacksAreContested() {
        let refs = references([
            (1, "2021-07-06", "On July 4, Emomali Rahmon spoke with his Afghan counterpart, Ashraf Ghani, about the border."),
            (2, "2021-07-05", "On Sunday, Afghan President Ashraf Ghani spoke to Emomali Rahmon by phone."),
            (3, "2021-07-14", "A Tajik official said Tajikistan was ready to accept 100,000 refugees. But foreign minister Sirojiddin Muhriddin appeared to walk back that pledge on Tuesday."),
        ])
        let graph = EventGraph()
        let events = graph.merge(refs)
        let talks = events.filter { $0.type == "meet" }
        #expect(talks.count == 1 && talks.first?.sources == 2)
        let refugees = events.first { $0.type == "refugees" }
        #expect(refugees?.status == .walkedBack)
        #expect(graph.contradictions(events).contains { $0.kind == .walkBack })
    }

    @Test func undatedClaimsAndDenialsStayApartFromReports() {
        let refs = references([
            (1, "", "The Taliban captured 26 of the province's 28 districts."),
            (2, "", "The Taliban claims to control 90% of the country's borders. The government in Kabul has dismissed as a lie the Taliban's claim of near-total border control."),
        ])
        let graph = EventGraph()
        let seize = graph.merge(refs).filter { $0.type == "seize" }
        let disputed = seize.first { $0.deniedBy > 0 }
        #expect(disputed != nil && disputed?.references.allSatisfy { $0.group == 2 } == true)
        #expect(graph.contradictions(seize).contains { $0.kind == .denial && $0.sides.first?.value == "claimed" })
    }
}
