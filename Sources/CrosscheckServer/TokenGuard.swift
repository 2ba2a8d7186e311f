import CrosscheckService
import CrosscheckStore
import HTTPTypes
import Hummingbird

/// Checks the bearer token of a request: writing always needs one; on an address other than loopback, reading too.
struct TokenGuard: Sendable {
    let store: any Store

    /// The name of the request's token holder; a 401 problem when it carries none of the store's tokens.
    func holder(of request: Request) async throws -> String {
        guard let header = request.headers[.authorization], header.lowercased().hasPrefix("bearer ") else {
            throw Problem.unauthorized("this needs a write token: send 'Authorization: Bearer …' (crosscheck token create NAME)")
        }
        let token = String(header.dropFirst(7)).trimmingCharacters(in: .whitespaces)
        guard let name = try await Blocking.run({ try WriteTokens.holder(of: token, in: store) }) else {
            throw Problem.unauthorized("unknown or revoked token")
        }
        return name
    }
}

/// Every request needs a token (a server listening beyond loopback).
struct ReadTokenMiddleware<Context: RequestContext>: RouterMiddleware {
    let guardian: TokenGuard

    func handle(_ request: Request, context: Context, next: (Request, Context) async throws -> Response) async throws -> Response {
        _ = try await guardian.holder(of: request)
        return try await next(request, context)
    }
}
