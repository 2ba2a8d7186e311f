import CrosscheckService
import CrosscheckStore
import Hummingbird

/// `crosscheck serve`: the JSON API under `/api/v1` and the situation page, on Hummingbird, over the service library
/// (never the CLI). Reading is open; every response carries a Content-Security-Policy; errors are problem details.
public enum CrosscheckServer {
    /// The router with every route and middleware, for the application and for tests without a socket.
    public static func router(store: any Store, configuration: ServerConfiguration = ServerConfiguration()) -> Router<BasicRequestContext> {
        let router = Router()
        router.middlewares.add(SecurityHeadersMiddleware())
        router.middlewares.add(ProblemMiddleware())
        if configuration.tokenForReading { router.middlewares.add(ReadTokenMiddleware(guardian: TokenGuard(store: store))) }
        APIRoutes(store: store, configuration: configuration).register(on: router)
        PageRoutes(store: store).register(on: router)
        return router
    }

    /// (method, path) of every API route: what the OpenAPI document must describe.
    public static func routes(store: any Store) -> [(method: String, path: String)] {
        APIRoutes(store: store, configuration: ServerConfiguration()).routes
    }

    /// The application listening on the configured address.
    public static func application(store: any Store, configuration: ServerConfiguration = ServerConfiguration()) -> some ApplicationProtocol {
        Application(router: router(store: store, configuration: configuration),
                    configuration: ApplicationConfiguration(address: .hostname(configuration.host, port: configuration.port),
                                                            serverName: "crosscheck"))
    }
}
