import CrosscheckReport
import HTTPTypes
import CrosscheckStore
import Hummingbird

/// Turns every error of a route into problem details: ours as they are, a store's "no such article" as 404, a
/// Hummingbird error (unknown route, oversized body) with its status, anything else as 500 with its description.
struct ProblemMiddleware<Context: RequestContext>: RouterMiddleware {
    func handle(_ request: Request, context: Context, next: (Request, Context) async throws -> Response) async throws -> Response {
        do {
            return try await next(request, context)
        } catch {
            return Self.response(Problem(describing: error))
        }
    }

    static func response(_ problem: Problem) -> Response {
        let body = (try? JSONOutput.object(problem, pretty: false)) ?? "{}"
        var headers: HTTPFields = [.contentType: "application/problem+json"]
        if problem.status == 401 { headers[.wwwAuthenticate] = "Bearer" }
        return Response(status: HTTPResponse.Status(code: problem.status), headers: headers, body: .init(byteBuffer: ByteBuffer(string: body)))
    }
}

extension Problem {
    /// The problem an error is: ours as it is, a store's "no such article" 404, a Hummingbird error with its status,
    /// anything else 500 with its description.
    init(describing error: any Error) {
        switch error {
        case let problem as Problem: self = problem
        case let error as StoreError: self.init(error.isNotFound ? .notFound : .badRequest, error.description)
        case let error as any HTTPResponseError: self.init(error.status, (error as? HTTPError)?.body ?? "\(error.status.reasonPhrase)")
        default: self.init(.internalServerError, "\(error)")
        }
    }
}
