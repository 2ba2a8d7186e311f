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
        } catch let problem as Problem {
            return Self.response(problem)
        } catch let error as StoreError {
            let status: HTTPResponse.Status = error.isNotFound ? .notFound : .badRequest
            return Self.response(Problem(status, error.description))
        } catch let error as any HTTPResponseError {
            let detail = (error as? HTTPError)?.body ?? "\(error.status.reasonPhrase)"
            return Self.response(Problem(error.status, detail))
        } catch {
            return Self.response(Problem(.internalServerError, "\(error)"))
        }
    }

    static func response(_ problem: Problem) -> Response {
        let body = (try? JSONOutput.object(problem, pretty: false)) ?? "{}"
        var headers: HTTPFields = [.contentType: "application/problem+json"]
        if problem.status == 401 { headers[.wwwAuthenticate] = "Bearer" }
        return Response(status: HTTPResponse.Status(code: problem.status), headers: headers, body: .init(byteBuffer: ByteBuffer(string: body)))
    }
}
