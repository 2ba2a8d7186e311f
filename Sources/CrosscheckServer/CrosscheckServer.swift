import CrosscheckService
import CrosscheckStore
import Hummingbird
import HummingbirdCore
import Logging
import NIOCore

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
        PageRoutes(store: store, configuration: configuration).register(on: router)
        return router
    }

    /// (method, path) of every API route: what the OpenAPI document must describe.
    public static func routes(store: any Store) -> [(method: String, path: String)] {
        APIRoutes(store: store, configuration: ServerConfiguration()).routes
    }

    /// The application listening on the configured address; `onRunning` gets the port it listens on (port 0 in the
    /// configuration: any free port).
    public static func application(store: any Store, configuration: ServerConfiguration = ServerConfiguration(),
                                   logLevel: Logger.Level = .info,
                                   onRunning: @escaping @Sendable (Int) async -> Void = { _ in }) -> some ApplicationProtocol {
        var logger = Logger(label: "crosscheck.serve")
        logger.logLevel = logLevel
        return
        Application(router: router(store: store, configuration: configuration),
                    server: .http1(configuration: HTTP1Channel.Configuration(idleTimeout: .seconds(configuration.idleTimeout))),
                    configuration: ApplicationConfiguration(address: .hostname(configuration.host, port: configuration.port),
                                                            serverName: "crosscheck"),
                    onServerRunning: { channel in await onRunning(channel.localAddress?.port ?? configuration.port) },
                    logger: logger)
    }
}
