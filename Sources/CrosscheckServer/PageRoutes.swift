import CrosscheckCore
import CrosscheckIngest
import CrosscheckReport
import CrosscheckService
import CrosscheckStore
import Foundation
import HTTPTypes
import Hummingbird

/// The web UI: server-rendered pages over the service library, our own stylesheet and script, nothing from elsewhere.
/// A page that fails answers an HTML page saying why, with the problem's status.
struct PageRoutes: Sendable {
    let store: any Store
    let configuration: ServerConfiguration
    let cache = ResponseCache()

    var reader: SituationReader { SituationReader(store: store) }

    typealias Handler = @Sendable (Request, BasicRequestContext) async throws -> String

    /// Every page (GET), by path.
    var pages: [(path: String, handler: Handler)] {
        [
            ("/", { _, _ in try await situation() }),
            ("/timeline", { request, _ in try await timeline(request) }),
            ("/map", { request, _ in try await map(world: request.uri.queryParameters.get("view") == "world") }),
            ("/contested", { _, _ in try await contested() }),
            ("/sources", { _, _ in try await sources() }),
            ("/search", { request, _ in try await search(request) }),
            ("/articles/{id}", { request, context in try await article(context.parameters.require("id"), request) }),
            ("/events/{id}", { _, context in try await event(context.parameters.require("id")) }),
            ("/ingest", { _, _ in IngestPage().html() }),
        ]
    }

    func register(on router: Router<BasicRequestContext>) {
        for (path, handler) in pages {
            router.get(RouterPath(path)) { request, context in
                let stamp = try? await Blocking.run(timeout: configuration.readTimeout) { try store.situationStamp() }
                return try await cache.payload(for: request.uri.description, stamp: stamp) {
                    await Self.page { try await handler(request, context) }
                }.response
            }
        }
        router.post("/ingest") { request, _ in await Self.page { try await ingest(request) }.response }
        for asset in Asset.all {
            router.get(RouterPath(asset.path)) { _, _ in
                Payload(type: asset.type, body: ByteBuffer(string: asset.text), headers: [.cacheControl: "max-age=3600"]).response
            }
        }
    }

    /// An HTML page, or the page of the problem that stopped it (with the problem's status).
    static func page(_ make: () async throws -> String) async -> Payload {
        do {
            return APIRoutes.body(try await make(), type: "text/html; charset=utf-8")
        } catch {
            let problem = Problem(describing: error)
            var payload = APIRoutes.body(PageShell.problem(problem.title, problem.detail), type: "text/html; charset=utf-8")
            payload.status = HTTPResponse.Status(code: problem.status)
            return payload
        }
    }

    func read<T: Sendable>(_ body: @escaping @Sendable () throws -> T) async throws -> T {
        try await Blocking.run(timeout: configuration.readTimeout, body)
    }

    // MARK: Pages

    func situation() async throws -> String {
        guard let brief = try await read({ try reader.brief() }) else { throw Problem.notFound("no brief") }
        return SituationPage(brief: brief).html()
    }

    func timeline(_ request: Request) async throws -> String {
        let p = request.uri.queryParameters
        let found = try await read { try reader.developments(limit: SituationViews.developmentsKept) }
        return TimelinePage(entries: found.entries, year: found.year, type: p.get("type").flatMap { $0.isEmpty ? nil : $0 },
                            place: p.get("place").flatMap { $0.isEmpty ? nil : $0 }).html()
    }

    func map(world: Bool) async throws -> String {
        MapPage(entries: try await read { try reader.developments(limit: SituationViews.developmentsKept).entries }, world: world).html()
    }

    func contested() async throws -> String {
        try await read {
            let contradictions = try reader.contradictions().contradictions
            let events = try store.storedEvents(ids: Array(Set(contradictions.map(\.event))).sorted())
            return ContestedPage(contradictions: contradictions,
                                 headlines: Dictionary(events.map { ($0.id, Brief.headline($0)) }, uniquingKeysWith: { a, _ in a })).html()
        }
    }

    func sources() async throws -> String {
        try await read {
            SourcesPage(outlets: SourcesPage.outletCounts(try store.articleSources()),
                        groups: try store.sourceGroups(RelationQuery(minGroupSize: 2, limit: 100)),
                        relations: try store.relations(RelationQuery(limit: 100)), articleCount: try store.articleCount()).html()
        }
    }

    func search(_ request: Request) async throws -> String {
        let q = request.uri.queryParameters.get("q")?.trimmingCharacters(in: .whitespaces) ?? ""
        guard !q.isEmpty else { return SearchPage(query: "", hits: [], alternatives: [:]).html() }
        let found = try await read { try ArticleSearch(store: store).search(q.split(separator: " ").map(String.init), limit: 50, highlight: SearchPage.highlight) }
        return SearchPage(query: q, hits: found.hits, alternatives: found.alternatives).html()
    }

    func article(_ id: String, _ request: Request) async throws -> String {
        try APIRoutes.checkID(id)
        let p = request.uri.queryParameters
        var cited: TextRange?
        if let from = p.get("from"), let to = p.get("to") {
            guard let a = Int(from), let b = Int(to), a >= 0, b >= a else { throw Problem.badRequest("from and to are a sentence's offsets, from ≤ to") }
            cited = TextRange(start: a, end: b)
        }
        let sentence = cited
        return try await read {
            let stored = try store.article(idPrefix: id)
            return ArticlePage(stored: stored, cited: sentence, relations: try store.relations(RelationQuery(article: stored.article.id.hex, limit: 50))).html()
        }
    }

    func event(_ id: String) async throws -> String {
        guard id.count <= 128, id.allSatisfy({ $0.isLetter || $0.isNumber || $0 == "-" || $0 == "_" || $0 == ":" }) else {
            throw Problem.badRequest("not an event id: \(id.prefix(40))")
        }
        return try await read {
            guard let event = try reader.event(id: id) else { throw Problem.notFound("no event \(id)") }
            return EventDetailPage(event: event, contradictions: try reader.contradictions(event: id)).html()
        }
    }

    // MARK: Writing

    /// The ingest form's submission (`application/x-www-form-urlencoded`: token, text), ingested like the API's POST.
    func ingest(_ request: Request) async throws -> String {
        let buffer = try await request.body.collect(upTo: configuration.maxBodyBytes)
        let form = FormBody(String(buffer: buffer))
        guard let token = form["token"], !token.isEmpty else { return IngestPage(error: "Give a write token.").html() }
        let store = self.store
        guard let holder = try await Blocking.run({ try WriteTokens.holder(of: token, in: store) }) else {
            throw Problem.unauthorized("unknown or revoked token: crosscheck token create NAME prints a new one")
        }
        guard let text = form["text"], !text.trimmingCharacters(in: .whitespacesAndNewlines).isEmpty else {
            return IngestPage(error: "Paste an article's text, HTML or JSON lines.").html()
        }
        return IngestPage(receipt: try await IngestReceipt.ingest(Array(text.utf8), origin: "form:" + holder, into: store)).html()
    }
}
