/// Settings of `crosscheck serve`. Every value has a documented default.
public struct ServerConfiguration: Sendable {
    public var host: String
    public var port: Int
    /// Largest request body accepted, in bytes (an ingest of JSON lines or a page).
    public var maxBodyBytes: Int
    /// Most events one page of `/api/v1/events` holds.
    public var maxPageSize: Int
    /// Seconds a reading request may take before it is answered 504 (writes are let finish: an ingest is atomic per batch).
    public var readTimeout: Double
    /// Seconds a connection may stay silent (a body that stops arriving) before it is closed.
    public var idleTimeout: Int64

    public init(host: String = "127.0.0.1", port: Int = 8080, maxBodyBytes: Int = 16 << 20, maxPageSize: Int = 1000,
                readTimeout: Double = 30, idleTimeout: Int64 = 30) {
        self.host = host
        self.port = port
        self.maxBodyBytes = maxBodyBytes
        self.maxPageSize = maxPageSize
        self.readTimeout = readTimeout
        self.idleTimeout = idleTimeout
    }

    /// Whether reading needs a token too (set for a server listening beyond loopback).
    public var tokenForReading = false

    /// Whether `host` only accepts connections from this machine.
    public var isLoopback: Bool { ["127.0.0.1", "::1", "localhost"].contains(host) }
}
