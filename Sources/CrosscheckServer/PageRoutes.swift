import CrosscheckService
import CrosscheckStore
import Hummingbird

/// The pages: for now the situation page, the brief with numbered citations (rendered by `BriefModel.html()`, which
/// escapes every article's text).
struct PageRoutes: Sendable {
    let store: any Store

    func register(on router: Router<BasicRequestContext>) {
        router.get("/") { _, _ in
            let html = try await Blocking.run { try SituationReader(store: store).brief()?.html() ?? "" }
            return APIRoutes.body(html, type: "text/html; charset=utf-8").response
        }
    }
}
