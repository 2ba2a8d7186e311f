import CrosscheckCore
import Testing

/// A stage that records its name in a layer so the run order is visible.
struct MarkStage: Stage {
    let name: String
    let requires: Set<LayerName>
    let produces: Set<LayerName>

    func process(_ document: inout Document, context: StageContext) throws {
        for layer in produces {
            document.setLayer(Layer(name: layer, spans: [Span(start: 0, end: 3, label: name)]))
        }
    }
}

@Suite struct PipelineTests {
    @Test func validPipelineRunsInOrder() throws {
        let pipeline = try Pipeline([
            MarkStage(name: "sentences", requires: [.text], produces: [.sentences]),
            MarkStage(name: "mentions", requires: [.sentences], produces: [.mentions]),
        ])
        var document = Document(articleID: ContentID(ofText: "x"), text: "Tajikistan mobilised reservists.")
        try pipeline.run(&document, context: StageContext())
        #expect(document.spans(.mentions).first?.label == "mentions")
        #expect(document.text(of: document.spans(.sentences)[0]) == "Taj")
    }

    @Test func missingRequirementNamesTheStage() {
        #expect(throws: PipelineError.self) {
            try Pipeline([MarkStage(name: "events", requires: [.mentions], produces: [.eventMentions])])
        }
        do {
            _ = try Pipeline([
                MarkStage(name: "sentences", requires: [], produces: [.sentences]),
                MarkStage(name: "events", requires: [.sentences, .mentions], produces: [.eventMentions]),
            ])
            Issue.record("expected a contract error")
        } catch {
            #expect(error.stage == "events")
            #expect(error.description.contains("mentions"))
        }
    }

    @Test func twoProducersOfOneLayerAreRejected() {
        do {
            _ = try Pipeline([
                MarkStage(name: "a", requires: [], produces: [.sentences]),
                MarkStage(name: "b", requires: [], produces: [.sentences]),
            ])
            Issue.record("expected a contract error")
        } catch {
            #expect(error.stage == "b")
            #expect(error.description.contains("already produced by 'a'"))
        }
    }

    @Test func spanTextUsesUTF8Offsets() {
        let document = Document(articleID: ContentID(ofText: "y"), text: "Rahmon – Rakhmon")
        let span = Span(start: 11, end: 18, label: "PERSON")
        #expect(document.text(of: span) == "Rakhmon")
    }
}
