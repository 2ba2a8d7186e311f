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

/// The web UI's pages through the router, without a socket: every page answers HTML under the policy, citations
/// carry the cited sentence, hostile article text is escaped everywhere, bad parameters get a clear 4xx page, and the
/// ingest form needs a token.
@Suite struct PageRoutesTests {
    static var store: SQLiteStore { APIRoutesTests.store }
    static let pages = ["/", "/timeline", "/map", "/map?view=world", "/contested", "/sources", "/search", "/search?q=flood", "/ingest"]

    static func get(_ client: some TestClientProtocol, _ uri: String) async throws -> (status: HTTPResponse.Status, body: String, headers: HTTPFields) {
        try await client.execute(uri: uri, method: .get) { (response: TestResponse) in (response.status, String(buffer: response.body), response.headers) }
    }

    static func hostileID() throws -> String {
        try #require(try store.search(["Hamadoni", "evacuated", "families"], raw: false, limit: 5, highlight: .markdown)
            .first { $0.title?.contains("Hostile") == true }?.id.hex)
    }

    @Test func everyPageIsHTMLUnderThePolicy() async throws {
        try await APIRoutesTests.app().test(.router) { client in
            for uri in Self.pages {
                let page = try await Self.get(client, uri)
                #expect(page.status == .ok, "\(uri)")
                #expect(page.headers[.contentType] == "text/html; charset=utf-8", "\(uri)")
                #expect(page.headers[HTTPField.Name("Content-Security-Policy")!]?.contains("default-src 'none'") == true, "\(uri)")
                #expect(page.body.hasPrefix("<!doctype html>") && page.body.contains("<main id=\"main\">"), "\(uri)")
                // Nothing from elsewhere.
                #expect(!page.body.contains("src=\"http") && !page.body.contains("href=\"//"), "\(uri)")
            }
            for asset in ["/assets/app.css", "/assets/app.js", "/assets/icon.svg"] {
                let got = try await Self.get(client, asset)
                #expect(got.status == .ok && got.body.count > 100, "\(asset)")
            }
        }
    }

    /// Each citation of the situation page opens an article at a sentence, and that article page marks exactly the
    /// sentence the brief quotes.
    @Test func citationsOpenTheCitedSentence() async throws {
        let brief = try #require(try SituationReader(store: Self.store).brief())
        let development = try #require(brief.developments.first { $0.evidence?.range != nil })
        let evidence = try #require(development.evidence)
        let article = try #require(brief.sources.first { $0.number == evidence.citation }?.article)
        let range = try #require(evidence.range)
        try await APIRoutesTests.app().test(.router) { client in
            let home = try await Self.get(client, "/")
            let link = "/articles/\(article)?from=\(range.start)&amp;to=\(range.end)#cited"
            #expect(home.body.contains("href=\"\(link)\""))
            let page = try await Self.get(client, "/articles/\(article)?from=\(range.start)&to=\(range.end)")
            #expect(page.status == .ok)
            let marked = try #require(page.body.range(of: "<mark id=\"cited\" tabindex=\"-1\">").map { page.body[$0.upperBound...] }
                .flatMap { tail in tail.range(of: "</mark>").map { String(tail[..<$0.lowerBound]) } })
            let words = { (s: String) in s.replacingOccurrences(of: "&#39;", with: "'").replacingOccurrences(of: "&quot;", with: "\"")
                .replacingOccurrences(of: "&amp;", with: "&").split(whereSeparator: \.isWhitespace).joined(separator: " ") }
            #expect(words(marked) == words(evidence.sentence))
            // Every development links its event page, which lists its tellings.
            let event = try await Self.get(client, "/events/\(development.event)")
            #expect(event.status == .ok && event.body.contains("<table class=\"tellings\">"))
        }
    }

    @Test func hostileArticleTextIsInertOnEveryPage() async throws {
        let id = try Self.hostileID()
        try await APIRoutesTests.app().test(.router) { client in
            for uri in Self.pages + ["/articles/\(id)", "/articles/\(id)?from=0&to=40", "/search?q=Hamadoni", "/search?q=%3Cscript%3E"] {
                let page = try await Self.get(client, uri)
                #expect(page.status == .ok, "\(uri)")
                #expect(!page.body.contains("<script>alert") && !page.body.contains("<img src=x") && !page.body.contains("href=\"javascript:"), "\(uri)")
                #expect(page.body.components(separatedBy: "<script").count == 2, "\(uri): only our own script")
            }
            let article = try await Self.get(client, "/articles/\(id)")
            #expect(article.body.contains("&lt;img src=x onerror=alert(2)&gt;"))
        }
    }

    @Test func badParametersGetAClearPage() async throws {
        try await APIRoutesTests.app().test(.router) { client in
            for (uri, status) in [("/articles/..%2F..%2Fetc%2Fpasswd", HTTPResponse.Status.badRequest), ("/articles/zz", .badRequest),
                                  ("/articles/ffffffffffff", .notFound), ("/articles/\(try Self.hostileID())?from=9&to=2", .badRequest),
                                  ("/articles/\(try Self.hostileID())?from=x&to=2", .badRequest), ("/events/nope", .notFound),
                                  ("/events/%27%3B%20DROP%20TABLE%20situation_event%3B--", .badRequest),
                                  ("/timeline?type=%27%20OR%201%3D1--&place=%22", .ok), ("/search?q=%27%20OR%201%3D1--%20%22", .ok),
                                  ("/search?q=%FF%FE", .ok), ("/map?view=%00", .ok)] {
                let page = try await Self.get(client, uri)
                #expect(page.status == status, "\(uri)")
                #expect(page.headers[.contentType] == "text/html; charset=utf-8", "\(uri)")
            }
            // A cited span past the text's end or inside a character marks what it can, never crashes.
            let id = try Self.hostileID()
            for range in ["0&to=100000", "100000&to=100001", "1&to=2"] {
                #expect(try await Self.get(client, "/articles/\(id)?from=\(range)").status == .ok)
            }
        }
        #expect(try Self.store.storedEvents(EventQuery(limit: 1)).count == 1, "nothing dropped")
    }

    @Test func theIngestFormNeedsATokenAndStoresText() async throws {
        let dir = try TemporaryDirectory("server-form")
        defer { dir.remove() }
        let store = try SQLiteStore(path: dir.path("form.sqlite"))
        let token = try #require(try WriteTokens.create(name: "desk", in: store))
        let text = IngestRouteTests.article
        let encoded = text.addingPercentEncoding(withAllowedCharacters: .alphanumerics) ?? ""
        let form: @Sendable (String) -> String = { token in "token=\(token)&text=" + encoded }
        let headers: HTTPFields = [.contentType: "application/x-www-form-urlencoded"]
        try await Application(router: CrosscheckServer.router(store: store)).test(.router) { client in
            try await client.execute(uri: "/ingest", method: .post, headers: headers, body: ByteBuffer(string: form("cct_wrong"))) { response in
                #expect(response.status == .unauthorized)
                #expect(String(buffer: response.body).contains("unknown or revoked token"))
            }
            #expect(try store.articleCount() == 0)
            try await client.execute(uri: "/ingest", method: .post, headers: headers, body: ByteBuffer(string: form(token))) { response in
                #expect(response.status == .ok)
                #expect(String(buffer: response.body).contains("<strong>1 new</strong>"))
            }
            #expect(try store.articleCount() == 1)
            let page = try await Self.get(client, "/search?q=convoys")
            #expect(page.status == .ok && page.body.contains("<mark>convoys</mark>"))
        }
    }
}
