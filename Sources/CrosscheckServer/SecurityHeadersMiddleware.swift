import HTTPTypes
import Hummingbird

/// Headers every response carries: pages load nothing from elsewhere (articles are hostile input, and the UI must
/// work on an air-gapped laptop), are not framed, and are not sniffed into another type.
struct SecurityHeadersMiddleware<Context: RequestContext>: RouterMiddleware {
    func handle(_ request: Request, context: Context, next: (Request, Context) async throws -> Response) async throws -> Response {
        var response = try await next(request, context)
        for (name, value) in SecurityHeaders.all { response.headers[name] = value }
        return response
    }
}

/// The headers `SecurityHeadersMiddleware` sets.
enum SecurityHeaders {
    static let policy = "default-src 'none'; style-src 'self' 'unsafe-inline'; img-src 'self' data:; script-src 'self'; "
        + "connect-src 'self'; base-uri 'none'; form-action 'self'; frame-ancestors 'none'"

    static let all: [(HTTPField.Name, String)] = [
        (HTTPField.Name("Content-Security-Policy")!, policy), (HTTPField.Name("X-Content-Type-Options")!, "nosniff"),
        (HTTPField.Name("Referrer-Policy")!, "no-referrer"),
    ]
}
