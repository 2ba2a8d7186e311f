import CrosscheckCore
import CrosscheckIngest
import CrosscheckReport
import CrosscheckService
import CrosscheckStore
import Foundation
import HTTPTypes
import Hummingbird

/// The JSON API under `/api/v1`, over the service library: the same values, field names and codes as the CLI's JSON.
/// Every route is in `Resources/openapi.json` (a test keeps the two equal).
struct APIRoutes: Sendable {
    let store: any Store
    let configuration: ServerConfiguration

    var reader: SituationReader { SituationReader(store: store) }

    /// Reading answers, shared by the routes of one router.
    let cache = ResponseCache()

    typealias Handler = @Sendable (Request, BasicRequestContext) async throws -> Payload

    /// Every route: the router is made from this table, and the OpenAPI document must describe exactly these paths.
    var table: [(path: String, handler: Handler)] {
        [
            ("/api/v1/openapi.json", { _, _ in Self.body(OpenAPIDocument.json, type: "application/json") }),
            ("/api/v1/articles", { request, _ in try await articles(request) }),
            ("/api/v1/articles/{id}", { _, context in try await article(context.parameters.require("id")) }),
            ("/api/v1/articles/{id}/raw", { _, context in try await raw(context.parameters.require("id")) }),
            ("/api/v1/articles/{id}/text", { _, context in try await text(context.parameters.require("id")) }),
            ("/api/v1/search", { request, _ in try await search(request) }),
            ("/api/v1/entities", { request, _ in try await entities(request) }),
            ("/api/v1/events", { request, _ in try await events(request) }),
            ("/api/v1/events/{id}", { _, context in try await event(context.parameters.require("id")) }),
            ("/api/v1/contradictions", { _, _ in try Self.json(try await Blocking.run(timeout: configuration.readTimeout) { try reader.contradictions().contradictions }) }),
            ("/api/v1/stories", { _, _ in try Self.json(try await Blocking.run(timeout: configuration.readTimeout) { try reader.stories().stories }) }),
            ("/api/v1/timeline", { request, _ in try await timeline(request) }),
            ("/api/v1/brief", { request, _ in try Self.json(try await brief(request)) }),
            ("/api/v1/brief.md", { request, _ in Self.body(try await brief(request).markdown(), type: "text/markdown; charset=utf-8") }),
            ("/api/v1/brief.html", { request, _ in Self.body(try await brief(request).html(), type: "text/html; charset=utf-8") }),
            ("/api/v1/groups", { request, _ in try await groups(request) }),
        ]
    }

    /// The routes that write: each needs a bearer token.
    var writes: [(path: String, handler: Handler)] {
        [("/api/v1/articles", { request, _ in try await ingest(request) })]
    }

    /// (method, path) of every route.
    var routes: [(method: String, path: String)] { table.map { ("get", $0.path) } + writes.map { ("post", $0.path) } }

    func register(on router: Router<BasicRequestContext>) {
        for (path, handler) in table {
            router.get(RouterPath(path)) { request, context in
                // "Cache-Control: no-cache" asks for an answer made now.
                if request.headers[.cacheControl]?.contains("no-cache") == true { return try await handler(request, context).response }
                let stamp = try await Blocking.run(timeout: configuration.readTimeout) { try store.situationStamp() }
                return try await cache.payload(for: request.uri.description, stamp: stamp) { try await handler(request, context) }.response
            }
        }
        for (path, handler) in writes { router.post(RouterPath(path)) { request, context in try await handler(request, context).response } }
    }

    // MARK: Writing

    /// Ingests the request's body (text, HTML, JSON lines, a WARC, a feed; gzip or not), as `crosscheck ingest` does
    /// with a file: its origin is `api:` and the token's name. Then the situation is analysed again.
    func ingest(_ request: Request) async throws -> Payload {
        let holder = try await TokenGuard(store: store).holder(of: request)
        let buffer = try await request.body.collect(upTo: configuration.maxBodyBytes)
        let receipt = try await IngestReceipt.ingest([UInt8](buffer: buffer), origin: "api:" + holder, into: store)
        var payload = try Self.json(receipt)
        payload.status = receipt.new > 0 ? .created : .ok
        return payload
    }

    // MARK: Articles and search

    func articles(_ request: Request) async throws -> Payload {
        let query = ArticleQuery(limit: try Self.int(request, "limit", default: 50, in: 1...configuration.maxPageSize),
                                 offset: try Self.int(request, "offset", default: 0, in: 0...Int.max),
                                 outlet: request.uri.queryParameters.get("outlet"))
        return try Self.json(try await Blocking.run(timeout: configuration.readTimeout) { try store.articles(query) })
    }

    func article(_ id: String) async throws -> Payload {
        try Self.checkID(id)
        return try Self.json(try await Blocking.run(timeout: configuration.readTimeout) { try store.article(idPrefix: id) })
    }

    /// The bytes as received, never rendered: an article is hostile input.
    func raw(_ id: String) async throws -> Payload {
        try Self.checkID(id)
        let bytes = try await Blocking.run(timeout: configuration.readTimeout) { () throws -> [UInt8] in
            let stored = try store.article(idPrefix: id)
            guard let raw = try store.rawArticle(id: stored.article.id) else { throw Problem.notFound("no raw bytes for \(id)") }
            return raw.bytes
        }
        return Payload(type: "application/octet-stream", body: ByteBuffer(bytes: bytes), headers: [.contentDisposition: "attachment"])
    }

    func text(_ id: String) async throws -> Payload {
        try Self.checkID(id)
        return Self.body(try await Blocking.run(timeout: configuration.readTimeout) { try store.article(idPrefix: id).article.text }, type: "text/plain; charset=utf-8")
    }

    func search(_ request: Request) async throws -> Payload {
        guard let q = request.uri.queryParameters.get("q")?.trimmingCharacters(in: .whitespaces), !q.isEmpty else {
            throw Problem.badRequest("give the words to search for as q")
        }
        let limit = try Self.int(request, "limit", default: 20, in: 1...configuration.maxPageSize)
        let hits = try await Blocking.run(timeout: configuration.readTimeout) { try ArticleSearch(store: store).search(q.split(separator: " ").map(String.init), limit: limit, highlight: .markdown).hits }
        return try Self.json(hits)
    }

    func entities(_ request: Request) async throws -> Payload {
        var kind: MentionKind?
        if let text = request.uri.queryParameters.get("kind") {
            guard let parsed = MentionKind(rawValue: text) else { throw Problem.badRequest("unknown kind \(text); one of \(MentionKind.allCases.map(\.rawValue).joined(separator: ", "))") }
            kind = parsed
        }
        let query = EntityQuery(kind: kind, name: request.uri.queryParameters.get("name"),
                                limit: try Self.int(request, "limit", default: 100, in: 1...configuration.maxPageSize))
        return try Self.json(try await Blocking.run(timeout: configuration.readTimeout) { try store.entities(query) })
    }

    func groups(_ request: Request) async throws -> Payload {
        let query = RelationQuery(minGroupSize: try Self.int(request, "minSize", default: 2, in: 1...Int.max),
                                  limit: try Self.int(request, "limit", default: 100, in: 1...configuration.maxPageSize))
        return try Self.json(try await Blocking.run(timeout: configuration.readTimeout) { try store.sourceGroups(query) })
    }

    // MARK: The situation

    func events(_ request: Request) async throws -> Payload {
        let p = request.uri.queryParameters
        var status: EventStatus?
        if let text = p.get("status") {
            guard let parsed = EventStatus(rawValue: text) else { throw Problem.badRequest("unknown status \(text); one of \(EventStatus.allCases.map(\.rawValue).joined(separator: ", "))") }
            status = parsed
        }
        for key in ["since", "until"] {
            if let day = p.get(key), !EventQuery.isDay(day) { throw Problem.badRequest("\(key) must be a day as YYYY-MM-DD, not \(day)") }
        }
        var offset = 0
        if let cursor = p.get("cursor") {
            guard let decoded = Cursor.decode(cursor) else { throw Problem.badRequest("not a cursor of this API: \(cursor)") }
            offset = decoded
        }
        var box: GeoBox?
        if let text = p.get("bbox") {
            guard let parsed = GeoBox(parsing: text) else {
                throw Problem.badRequest("bbox is \(GeoBox.form), not \(text)")
            }
            box = parsed
        }
        let limit = try Self.int(request, "limit", default: 50, in: 1...configuration.maxPageSize)
        // One more than asked: whether a next page exists.
        let query = EventQuery(type: p.get("type"), status: status, actor: p.get("actor"), place: p.get("place"),
                               minSources: try Self.int(request, "minSources", default: 0, in: 0...Int.max),
                               since: p.get("since"), until: p.get("until"), incident: p.get("incident"), box: box,
                               limit: limit + 1, offset: offset)
        let story = p.get("story")
        let found = try await Blocking.run(timeout: configuration.readTimeout) { () throws -> [EventPreview] in
            var query = query
            if let story {
                guard let id = try reader.storyID(named: story) else { throw Problem.notFound("no story \(story)") }
                query.story = id
            }
            return try reader.eventPreviews(query, keeping: EventListing.previewed)
        }
        return try Self.json(EventPage(items: found.prefix(limit).map(EventListing.init), next: found.count > limit ? Cursor.encode(offset + limit) : nil))
    }

    /// One event with every telling.
    func event(_ id: String) async throws -> Payload {
        guard let found = try await Blocking.run(timeout: configuration.readTimeout, { try reader.event(id: id) }) else {
            throw Problem.notFound("no event \(id)")
        }
        return try Self.json(found)
    }

    func timeline(_ request: Request) async throws -> Payload {
        let limit = try Self.int(request, "limit", default: 50, in: 1...configuration.maxPageSize)
        let minSources = try Self.int(request, "minSources", default: 1, in: 0...Int.max)
        let entries = try await Blocking.run(timeout: configuration.readTimeout) { try reader.developments(minSources: minSources, limit: limit).entries }
        return try Self.json(entries)
    }

    func brief(_ request: Request) async throws -> BriefModel {
        let limit = try Self.int(request, "limit", default: SituationViews.briefLimit, in: 1...200)
        let story = request.uri.queryParameters.get("story")
        guard let model = try await Blocking.run(timeout: configuration.readTimeout, { try reader.brief(limit: limit, story: story) }) else {
            throw Problem.notFound("no story \(story ?? "")")
        }
        return model
    }

    // MARK: Helpers

    static func checkID(_ id: String) throws {
        guard id.count >= 4, id.allSatisfy(\.isHexDigit) else { throw Problem.badRequest("an article id is at least 4 hex digits, not \(id)") }
    }

    static func int(_ request: Request, _ name: String, default value: Int, in range: ClosedRange<Int>) throws -> Int {
        guard let text = request.uri.queryParameters.get(name) else { return value }
        guard let n = Int(text), range.contains(n) else {
            throw Problem.badRequest("\(name) must be a whole number\(range.upperBound == .max ? " from \(range.lowerBound)" : " from \(range.lowerBound) to \(range.upperBound)"), not \(text)")
        }
        return n
    }

    static func json<T: Encodable>(_ value: T) throws -> Payload {
        body(try JSONOutput.object(value, pretty: false), type: "application/json")
    }

    static func body(_ text: String, type: String) -> Payload {
        Payload(type: type, body: ByteBuffer(string: text))
    }
}
