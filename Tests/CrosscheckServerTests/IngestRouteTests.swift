import CrosscheckCore
import CrosscheckServer
import CrosscheckService
import CrosscheckStore
import CrosscheckTesting
import Foundation
import HTTPTypes
import Hummingbird
import HummingbirdTesting
import Testing

/// Writing through the API: tokens, the ingest route, limits.
@Suite struct IngestRouteTests {
    static let article = """
        Rescue teams reached Hamadoni district on Tuesday after the road along the Panj reopened, the district head said.
        About 3,000 residents remained in schools on higher ground, and aid convoys delivered water and blankets to four villages.
        """

    func store(_ dir: TemporaryDirectory) throws -> SQLiteStore { try SQLiteStore(path: dir.path("write.sqlite")) }

    static func json(_ buffer: ByteBuffer) -> [String: Any]? {
        try? JSONSerialization.jsonObject(with: Data(String(buffer: buffer).utf8)) as? [String: Any]
    }

    @Test func writingNeedsAValidToken() async throws {
        let dir = try TemporaryDirectory("server-write")
        defer { dir.remove() }
        let store = try store(dir)
        let token = try #require(try WriteTokens.create(name: "desk", in: store))
        #expect(try WriteTokens.create(name: "desk", in: store) == nil, "a name is taken once")
        #expect(throws: WriteTokens.TokenError.self) { try WriteTokens.create(name: "bad name!", in: store) }
        let app = Application(router: CrosscheckServer.router(store: store))
        try await app.test(.router) { client in
            for header in [nil, "Bearer cct_0000", "Basic \(token)"] {
                var headers = HTTPFields()
                if let header { headers[.authorization] = header }
                try await client.execute(uri: "/api/v1/articles", method: .post, headers: headers, body: ByteBuffer(string: Self.article)) { response in
                    #expect(response.status == .unauthorized)
                    #expect(response.headers[.contentType] == "application/problem+json")
                    #expect(response.headers[.wwwAuthenticate] == "Bearer")
                }
            }
            let auth: HTTPFields = [.authorization: "Bearer \(token)"]
            // A reading answer is cached until the situation changes: the listing before and after an ingest differ.
            try await client.execute(uri: "/api/v1/articles", method: .get) { response in #expect(String(buffer: response.body) == "[]\n") }
            try await client.execute(uri: "/api/v1/articles", method: .post, headers: auth, body: ByteBuffer(string: Self.article)) { response in
                #expect(response.status == .created)
                #expect(Self.json(response.body)?["new"] as? Int == 1)
            }
            try await client.execute(uri: "/api/v1/articles", method: .get) { response in
                #expect((try? JSONSerialization.jsonObject(with: Data(String(buffer: response.body).utf8)) as? [Any])?.count == 1)
            }
            try await client.execute(uri: "/api/v1/articles", method: .post, headers: auth, body: ByteBuffer(string: Self.article)) { response in
                #expect(response.status == .ok)
                #expect(Self.json(response.body)?["alreadyStored"] as? Int == 1)
            }
            // A PDF is rejected with the CLI's code, and nothing else is lost.
            try await client.execute(uri: "/api/v1/articles", method: .post, headers: auth, body: ByteBuffer(string: "%PDF-1.7\n%\u{e2}\u{e3}\n1 0 obj")) { response in
                #expect(response.status == .ok)
                let rejections = Self.json(response.body)?["rejections"] as? [[String: Any]]
                #expect(rejections?.first?["code"] as? String == "not-text")
                #expect((rejections?.first?["origin"] as? String) == "api:desk")
            }
        }
        let listed = try store.articles(ArticleQuery())
        #expect(listed.count == 1 && listed.first?.origin.location == "api:desk")
        #expect(try SituationReader(store: store).isCurrent(), "the situation was analysed again")
        #expect(try store.tokens().first?.lastUsed != nil)
        #expect(try store.revokeToken(name: "desk"))
        try await app.test(.router) { client in
            try await client.execute(uri: "/api/v1/articles", method: .post, headers: [.authorization: "Bearer \(token)"],
                                     body: ByteBuffer(string: Self.article + " Again.")) { response in
                #expect(response.status == .unauthorized)
            }
        }
    }

    @Test func oversizedBodiesAreRefused() async throws {
        let dir = try TemporaryDirectory("server-limit")
        defer { dir.remove() }
        let store = try store(dir)
        let token = try #require(try WriteTokens.create(name: "desk", in: store))
        let app = Application(router: CrosscheckServer.router(store: store, configuration: ServerConfiguration(maxBodyBytes: 1000)))
        try await app.test(.router) { client in
            try await client.execute(uri: "/api/v1/articles", method: .post, headers: [.authorization: "Bearer \(token)"],
                                     body: ByteBuffer(string: String(repeating: Self.article, count: 20))) { response in
                #expect(response.status == .contentTooLarge)
                #expect(response.headers[.contentType] == "application/problem+json")
            }
        }
        #expect(try store.articleCount() == 0)
    }

    @Test func beyondLoopbackReadingNeedsATokenToo() async throws {
        let dir = try TemporaryDirectory("server-read")
        defer { dir.remove() }
        let store = try store(dir)
        let token = try #require(try WriteTokens.create(name: "team", in: store))
        var configuration = ServerConfiguration(host: "0.0.0.0")
        configuration.tokenForReading = true
        let app = Application(router: CrosscheckServer.router(store: store, configuration: configuration))
        try await app.test(.router) { client in
            try await client.execute(uri: "/api/v1/articles", method: .get) { response in #expect(response.status == .unauthorized) }
            try await client.execute(uri: "/api/v1/articles", method: .get, headers: [.authorization: "Bearer \(token)"]) { response in
                #expect(response.status == .ok)
            }
        }
    }
}
