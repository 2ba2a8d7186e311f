import CrosscheckCore
import Testing

@Suite struct RejectionTests {
    @Test func codesAreStableAndReasonsReadable() {
        #expect(Rejection.tooLarge(bytes: 300, limit: 200).code == "too-large")
        #expect(Rejection.tooLarge(bytes: 300, limit: 200).reason == "too large: 300 bytes, limit 200")
        #expect(Rejection.notText(detected: "image/png").reason.contains("image/png"))
        let line = RejectedInput(origin: Origin(location: "feed.jsonl", line: 7), rejection: .invalidJSON("bad")).line
        #expect(line == "feed.jsonl:7: not a JSON object: bad")
    }
}
