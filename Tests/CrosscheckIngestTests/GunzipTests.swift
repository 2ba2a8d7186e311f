import CrosscheckIngest
import CrosscheckTesting
import Testing

@Suite struct GunzipTests {
    @Test func roundTripAndMultiMember() throws {
        let text = Array(String(repeating: "Flood waters receded on Tuesday. ", count: 500).utf8)
        let gz = try BadInputs.gzip(text)
        #expect(try Gunzip.decompress(gz, limit: 1 << 20).get() == text)
        let twice = try Gunzip.decompress(gz + gz, limit: 1 << 20).get()
        #expect(twice == text + text)
    }

    @Test func truncatedIsCorrupt() throws {
        let gz = try BadInputs.gzip(Array(String(repeating: "abc def ghi ", count: 5000).utf8))
        let result = Gunzip.decompress(Array(gz.prefix(gz.count / 2)), limit: 1 << 20)
        guard case .failure(let rejection) = result else {
            Issue.record("truncated gzip accepted")
            return
        }
        #expect(rejection.code == "corrupt-compression")
    }

    @Test func bombIsStoppedAtTheLimit() throws {
        let gz = try BadInputs.gzip([UInt8](repeating: 0x41, count: 4 << 20))
        guard case .failure(let rejection) = Gunzip.decompress(gz, limit: 1 << 20) else {
            Issue.record("over-limit gzip accepted")
            return
        }
        #expect(rejection.code == "too-large")
    }
}
