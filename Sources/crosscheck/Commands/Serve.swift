import ArgumentParser
import CrosscheckServer

extension Crosscheck {
    struct Serve: AsyncParsableCommand {
        static let configuration = CommandConfiguration(
            abstract: "Serve the store over HTTP: the JSON API under /api/v1 (OpenAPI at /api/v1/openapi.json) and the situation page at /.",
            discussion: "On loopback (127.0.0.1, ::1) reading is open and writing (POST /api/v1/articles) needs a bearer token (crosscheck token create NAME). On any other address every request needs a token, and serving is refused until one exists.")

        @OptionGroup var store: StoreOptions

        @Option(help: "Address to listen on (beyond loopback every request needs a token).")
        var host = "127.0.0.1"

        @Option(help: "Port to listen on.")
        var port = 8080

        func run() async throws {
            var configuration = ServerConfiguration(host: host, port: port)
            guard (1...65_535).contains(port) else { throw ValidationError("--port must be from 1 to 65535") }
            let store = try self.store.openExisting()
            if !configuration.isLoopback {
                // Beyond loopback every request needs a token, so there must be one.
                guard !(try store.tokens()).isEmpty else {
                    throw CLIError("refusing to listen on \(host) with no token: anyone who can reach it could read the store; create one with `crosscheck token create NAME` (then every request needs it), or serve on 127.0.0.1")
                }
                configuration.tokenForReading = true
            }
            Terminal.err("serving \(self.store.path) on http://\(host):\(port)/ (API: /api/v1, OpenAPI: /api/v1/openapi.json)\(configuration.tokenForReading ? "; every request needs a token" : "; writing needs a token"); Ctrl-C stops\n")
            try await CrosscheckServer.application(store: store, configuration: configuration).runService()
        }
    }
}
