import CrosscheckCore
import Foundation
import Testing

@Suite struct JSONWriterTests {
    func roundTrip<T: JSONWritable & Codable & Equatable>(_ value: T) throws -> T {
        try JSONDecoder().decode(T.self, from: Data(value.jsonText.utf8))
    }

    /// What the writer writes, `JSONDecoder` reads back into the same value: escapes, non-ASCII,
    /// control characters, fractions, absent optionals.
    @Test func writtenDetailsDecodeToTheSameValues() throws {
        let mention = Mention(start: 3, end: 17, text: "Mazār-e \"Sharīf\"\n\t\u{1}\\", kind: .place, entity: "place:geonames:1133616",
                              value: "Mazār-e Sharīf", place: PlaceRef(id: "geonames:1133616", name: "Mazār-e Sharīf", latitude: 36.70904,
                                                                     longitude: 67.11087, country: "AF", precision: .locality),
                              quantity: QuantityValue(value: 1.0 / 3.0, low: nil, high: 1e-7, bound: .upper, noun: "districts"),
                              time: TimeValue(value: "XXXX-07-05", start: "XXXX-07-05", end: "XXXX-07-05", granularity: .day,
                                              direction: .past, reference: .relative, anchor: nil),
                              evidence: "gazetteer + context")
        #expect(try roundTrip(mention) == mention)
        var event = EventMention(type: "flee", trigger: "fled", start: -1, end: 40, sentence: "“Nowhere to go” — 1,037 fled 😀",
                                 sentenceStart: 0, sentenceEnd: 99, actor: Participant(entity: "country:AF", name: "Afghanistan", kind: .country),
                                 quantity: QuantityValue(value: 1037, low: 1037, high: 1037, bound: .exact),
                                 attribution: Attribution(kind: .anonymous, name: "a senior official", cue: "told RFE/RL"), status: .claimed)
        event.deniedBy = Participant(entity: nil, name: "Ministry", kind: .organization, country: "TM")
        event.timeFromPublication = true
        #expect(try roundTrip(event) == event)
        // The direct reader reads what the writer writes, and what JSONDecoder's encoder writes.
        #expect(EventMention(json: event.jsonText) == event)
        let encoder = JSONEncoder()
        encoder.outputFormatting = [.prettyPrinted, .sortedKeys]
        #expect(EventMention(json: String(decoding: try encoder.encode(event), as: UTF8.self)) == event)
        #expect(EventMention(json: "{\"type\": 1}") == nil && EventMention(json: "not json") == nil)
        let aligned = [AlignedPassage(article: TextRange(start: 0, end: 10), other: TextRange(start: 5, end: 12), similarity: 0.625)]
        #expect(try JSONDecoder().decode([AlignedPassage].self, from: Data(aligned.jsonText.utf8)) == aligned)
        #expect([AlignedPassage]().jsonText == "[]")
    }

    /// The article's JSON columns (authors, removed pieces, source map) read back directly, also when the
    /// older `JSONEncoder` wrote them (sorted keys, escaped slashes); anything else is nil, not a guess.
    @Test func articleColumnsReadBack() throws {
        let removed = [RemovedPiece(text: "Photo: AP/\"Reuters\" — ©\n2021 😀", reason: "photo-caption"), RemovedPiece(text: "", reason: "template")]
        let map = [SourceSegment(cleanStart: 0, length: 12, rawStart: 3, rawLength: 14), SourceSegment(cleanStart: 14, length: 1, rawStart: 90, rawLength: 5)]
        let authors = ["Bruce Pannier", "Мирзо Рахмон"]
        #expect([RemovedPiece](json: removed.jsonText) == removed)
        #expect([SourceSegment](json: map.jsonText) == map)
        #expect([String](json: authors.jsonText) == authors)
        let encoder = JSONEncoder()
        encoder.outputFormatting = [.sortedKeys]
        #expect([RemovedPiece](json: String(decoding: try encoder.encode(removed), as: UTF8.self)) == removed)
        #expect([SourceSegment](json: String(decoding: try encoder.encode(map), as: UTF8.self)) == map)
        #expect([String](json: "[]") == [] && [String](json: " [ ] ") == [])
        #expect([String](json: "[1]") == nil && [String](json: "[\"a\"] x") == nil && [SourceSegment](json: "[{\"cleanStart\": \"0\"}]") == nil)
    }
}
