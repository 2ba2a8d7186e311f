import CrosscheckCore
import CrosscheckIngest
import CrosscheckServer
import CrosscheckService
import CrosscheckStore
import CrosscheckTesting
import Foundation
import Hummingbird
import HummingbirdTesting
import HTTPTypes
import Testing

/// The API through its router, without a socket (HummingbirdTesting), on the demo corpus and one hostile article.
@Suite struct APIRoutesTests {
    /// The demo corpus plus an article whose text holds markup and script, analysed once for the suite.
    static let store: SQLiteStore = {
        let dir = try! TemporaryDirectory("server")
        let store = try! SQLiteStore(path: dir.path("server.sqlite"))
        let hostile = try! dir.write("hostile.html", """
            <html><head><title>Hostile &lt;script&gt;alert(1)&lt;/script&gt; page</title></head><body><article>
            <p>Residents of Hamadoni said the water rose quickly &lt;img src=x onerror=alert(2)&gt; on Sunday night and that
            officials evacuated 300 families to schools on higher ground, according to the district head.</p>
            <p>A link said &lt;a href="javascript:alert(3)"&gt;click&lt;/a&gt; while rescue teams worked through the night to
            reach the villages cut off by the flood along the river, the emergencies committee said on Monday.</p>
            </article></body></html>
            """)
        _ = try! Ingestor().ingest([SharedData.demoCorpus.path, hostile], into: store)
        try! Engine().analyze(store)
        return store
    }()

    static func app() -> some ApplicationProtocol { Application(router: CrosscheckServer.router(store: store)) }

    static func json(_ buffer: ByteBuffer) -> Any? { try? JSONSerialization.jsonObject(with: Data(String(buffer: buffer).utf8)) }

    @Test func everyRouteIsInTheOpenAPIDocumentAndBack() async throws {
        try await Self.app().test(.router) { client in
            try await client.execute(uri: "/api/v1/openapi.json", method: .get) { response in
                #expect(response.status == .ok)
                let document = try #require(Self.json(response.body) as? [String: Any])
                #expect(document["openapi"] as? String == "3.1.0")
                let paths = try #require(document["paths"] as? [String: [String: Any]])
                let documented = Set(paths.flatMap { path, item in item.keys.map { "\($0) \(path)" } })
                let routed = Set(CrosscheckServer.routes(store: Self.store).map { "\($0.method) \($0.path)" })
                #expect(documented == routed)
            }
            // Every listed route answers (a sample id where one is needed).
            let id = try #require(try Self.store.articles(ArticleQuery(limit: 1)).first?.id.hex)
            for route in CrosscheckServer.routes(store: Self.store) {
                let eventID = try #require(try Self.store.storedEvents(EventQuery(limit: 1)).first?.id)
                let sample = route.path.hasPrefix("/api/v1/events/") ? eventID : String(id.prefix(12))
                try await client.execute(uri: route.path.replacingOccurrences(of: "{id}", with: sample) + (route.path.hasSuffix("search") ? "?q=flood" : ""),
                                         method: .get) { response in
                    #expect(response.status == .ok, "\(route.path)")
                }
            }
        }
    }

    @Test func articlesPageAndAreFoundByPrefix() async throws {
        try await Self.app().test(.router) { client in
            let first = try await client.execute(uri: "/api/v1/articles?limit=3", method: .get) { response in
                #expect(response.status == .ok)
                #expect(response.headers[.contentType] == "application/json")
                let list = try #require(Self.json(response.body) as? [[String: Any]])
                #expect(list.count == 3)
                return try #require(list.first?["id"] as? String)
            }
            try await client.execute(uri: "/api/v1/articles/\(first.prefix(10))", method: .get) { response in
                #expect((Self.json(response.body) as? [String: Any])?["article"] != nil || (Self.json(response.body) as? [String: Any])?["id"] != nil)
            }
            try await client.execute(uri: "/api/v1/articles/\(first.prefix(10))/raw", method: .get) { response in
                #expect(response.headers[.contentType] == "application/octet-stream")
                #expect(response.headers[.contentDisposition] == "attachment")
                #expect(response.body.readableBytes > 100)
            }
        }
    }

    @Test func errorsAreProblemDetails() async throws {
        try await Self.app().test(.router) { client in
            for (uri, status) in [("/api/v1/articles/ffffffffffff", HTTPResponse.Status.notFound), ("/api/v1/articles/zz", .badRequest),
                                  ("/api/v1/events?status=rumoured", .badRequest), ("/api/v1/events?limit=0", .badRequest),
                                  ("/api/v1/events?limit=ten", .badRequest), ("/api/v1/events?since=yesterday", .badRequest),
                                  ("/api/v1/events?cursor=%25%25", .badRequest), ("/api/v1/search", .badRequest),
                                  ("/api/v1/brief?story=nosuchstory", .notFound), ("/api/v1/nothing", .notFound)] {
                try await client.execute(uri: uri, method: .get) { response in
                    #expect(response.status == status, "\(uri)")
                    #expect(response.headers[.contentType] == "application/problem+json", "\(uri)")
                    let problem = Self.json(response.body) as? [String: Any]
                    #expect(problem?["status"] as? Int == Int(status.code), "\(uri)")
                    #expect((problem?["detail"] as? String)?.isEmpty == false, "\(uri)")
                    #expect(response.headers[HTTPField.Name("Content-Security-Policy")!] != nil, "\(uri)")
                }
            }
        }
    }

    @Test func aReadOverItsTimeoutIsAnswered504() async throws {
        let app = Application(router: CrosscheckServer.router(store: Self.store, configuration: ServerConfiguration(readTimeout: 0.000_001)))
        try await app.test(.router) { client in
            try await client.execute(uri: "/api/v1/brief?limit=200", method: .get) { response in
                #expect(response.status == .gatewayTimeout)
                #expect(response.headers[.contentType] == "application/problem+json")
            }
        }
    }

    @Test func eventPagesCoverEveryEventOnce() async throws {
        let all = try Self.store.storedEvents(EventQuery(limit: 10_000)).map(\.id)
        #expect(all.count > 20)
        try await Self.app().test(.router) { client in
            var seen: [String] = [], cursor: String? = nil
            repeat {
                let uri = "/api/v1/events?limit=7" + (cursor.map { "&cursor=" + $0 } ?? "")
                cursor = try await client.execute(uri: uri, method: .get) { response in
                    #expect(response.status == .ok)
                    let page = try #require(Self.json(response.body) as? [String: Any])
                    seen += (page["items"] as? [[String: Any]] ?? []).compactMap { $0["id"] as? String }
                    return page["next"] as? String
                }
            } while cursor != nil
            #expect(seen == all)
            // A listing previews three tellings and counts them all; the event's own route has every one.
            let full = try #require(try Self.store.storedEvents(EventQuery(limit: 10_000)).max { $0.references.count < $1.references.count })
            #expect(full.references.count > 3)
            try await client.execute(uri: "/api/v1/events/\(full.id)", method: .get) { response in
                #expect((Self.json(response.body) as? [String: Any])?["references"] as? [Any] != nil)
                #expect(((Self.json(response.body) as? [String: Any])?["references"] as? [Any])?.count == full.references.count)
            }
            try await client.execute(uri: "/api/v1/events?limit=1000", method: .get) { response in
                let items = (Self.json(response.body) as? [String: Any])?["items"] as? [[String: Any]] ?? []
                let listed = try #require(items.first { $0["id"] as? String == full.id })
                #expect((listed["references"] as? [Any])?.count == 3)
                #expect(listed["referenceCount"] as? Int == full.references.count)
            }
            try await client.execute(uri: "/api/v1/events/nosuchevent", method: .get) { response in #expect(response.status == .notFound) }
            try await client.execute(uri: "/api/v1/events?status=contested&minSources=1", method: .get) { response in
                let items = (Self.json(response.body) as? [String: Any])?["items"] as? [[String: Any]] ?? []
                #expect(items.allSatisfy { $0["status"] as? String == "contested" })
            }
        }
    }

    /// Events inside a map box, and of one story; a bad box is a 400 naming the form, an unknown story a 404.
    @Test func eventsByMapBoxAndStory() async throws {
        let placed = try #require(try Self.store.storedEvents(EventQuery(limit: 1000)).first { $0.place != nil }?.place)
        let story = try #require(try Self.store.storedStories().first)
        try await Self.app().test(.router) { client in
            let box = "\(placed.longitude - 0.1),\(placed.latitude - 0.1),\(placed.longitude + 0.1),\(placed.latitude + 0.1)"
            try await client.execute(uri: "/api/v1/events?limit=1000&bbox=" + box, method: .get) { response in
                #expect(response.status == .ok)
                let items = try #require((Self.json(response.body) as? [String: Any])?["items"] as? [[String: Any]])
                #expect(!items.isEmpty)
                for item in items {
                    let place = try #require(item["place"] as? [String: Any])
                    #expect(abs((place["latitude"] as? Double ?? 0) - placed.latitude) <= 0.1)
                }
            }
            try await client.execute(uri: "/api/v1/events?limit=1000&story=" + String(story.id.prefix(12)), method: .get) { response in
                #expect(response.status == .ok)
                let items = try #require((Self.json(response.body) as? [String: Any])?["items"] as? [[String: Any]])
                #expect(Set(items.compactMap { $0["id"] as? String }) == Set(story.events))
            }
            for (uri, status) in [("/api/v1/events?bbox=1,2,3", HTTPResponse.Status.badRequest), ("/api/v1/events?bbox=0,50,10,40", .badRequest),
                                  ("/api/v1/events?bbox=%27;DROP%20TABLE%20x", .badRequest), ("/api/v1/events?story=story-nope", .notFound)] {
                try await client.execute(uri: uri, method: .get) { response in
                    #expect(response.status == status, "\(uri)")
                    #expect(response.headers[.contentType] == "application/problem+json")
                }
            }
        }
    }

    @Test func pagesAreInertAndCarryThePolicy() async throws {
        try await Self.app().test(.router) { client in
            for uri in ["/", "/api/v1/brief.html", "/api/v1/search?q=Hamadoni", "/api/v1/articles?limit=100"] {
                try await client.execute(uri: uri, method: .get) { response in
                    #expect(response.status == .ok, "\(uri)")
                    let policy = response.headers[HTTPField.Name("Content-Security-Policy")!] ?? ""
                    #expect(policy.contains("default-src 'none'") && policy.contains("frame-ancestors 'none'"))
                    #expect(response.headers[HTTPField.Name("X-Content-Type-Options")!] == "nosniff")
                    let body = String(buffer: response.body)
                    if uri.hasSuffix("html") || uri == "/" {
                        #expect(!body.contains("<script>alert") && !body.contains("<img src=x") && !body.contains("href=\"javascript:"), "\(uri)")
                    }
                }
            }
        }
    }
}
