import CrosscheckReport
import Foundation
import Testing

struct Row: Encodable { var name: String; var count: Int; var note: String }

@Suite struct ListingTests {
    let listing = Listing<Row>(columns: [
        Column("name", maxWidth: 8) { $0.name },
        Column("count") { String($0.count) },
        Column("note") { $0.note },
    ])
    let rows = [Row(name: "Rahmon", count: 3, note: "Tajik, president"), Row(name: "Rakhmonov-long-name", count: 1, note: "say \"hi\"\nbye")]

    @Test func csvQuotesPerRFC4180() throws {
        let csv = try listing.render(rows, as: .csv)
        #expect(csv == "name,count,note\r\nRahmon,3,\"Tajik, president\"\r\nRakhmonov-long-name,1,\"say \"\"hi\"\"\nbye\"\r\n")
    }

    @Test func tableAlignsAndCuts() throws {
        let lines = try listing.render(rows, as: .table).split(separator: "\n")
        #expect(lines[0].hasPrefix("name      count"))
        #expect(lines[3].hasPrefix("Rakhmon…"))
    }

    @Test func jsonFormsParse() throws {
        let array = try JSONSerialization.jsonObject(with: Data(try listing.render(rows, as: .json).utf8)) as? [[String: Any]]
        #expect(array?.count == 2)
        let lines = try listing.render(rows, as: .jsonl).split(separator: "\n")
        #expect(lines.count == 2)
        #expect(lines[0] == #"{"count":3,"name":"Rahmon","note":"Tajik, president"}"#)
    }
}
