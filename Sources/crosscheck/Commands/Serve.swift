import ArgumentParser
import CrosscheckServer

extension Crosscheck {
    struct Serve: AsyncParsableCommand {
        static let configuration = CommandConfiguration(
            abstract: "Serve the store over HTTP: the JSON API under /api/v1 (OpenAPI at /api/v1/openapi.json) and the situation page at /.",
            discussion: "Reading is open, so only this machine may connect: the server listens on loopback (127.0.0.1, ::1).")

        @OptionGroup var store: StoreOptions

        @Option(help: "Address to listen on (loopback only).")
        var host = "127.0.0.1"

        @Option(help: "Port to listen on.")
        var port = 8080

        func run() async throws {
            let configuration = ServerConfiguration(host: host, port: port)
            guard configuration.isLoopback else {
                throw CLIError("refusing to listen on \(host): the API is open to whoever connects and write tokens are not built yet; serve on 127.0.0.1 and put a proxy with authentication in front to share it")
            }
            guard (1...65_535).contains(port) else { throw ValidationError("--port must be from 1 to 65535") }
            let store = try self.store.openExisting()
            Terminal.err("serving \(self.store.path) on http://\(host):\(port)/ (API: /api/v1, OpenAPI: /api/v1/openapi.json); Ctrl-C stops\n")
            try await CrosscheckServer.application(store: store, configuration: configuration).runService()
        }
    }
}
