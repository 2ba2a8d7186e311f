import Hummingbird

/// An error as RFC 9457 problem details (`application/problem+json`): a type, a title, the status and one line saying
/// what is wrong.
public struct Problem: Error, Codable, Sendable, Equatable {
    public var type: String
    public var title: String
    public var status: Int
    public var detail: String

    public init(_ status: HTTPResponse.Status, _ detail: String) {
        self.type = "about:blank"
        self.title = status.reasonPhrase
        self.status = Int(status.code)
        self.detail = detail
    }

    public static func badRequest(_ detail: String) -> Problem { Problem(.badRequest, detail) }
    public static func notFound(_ detail: String) -> Problem { Problem(.notFound, detail) }
    public static func unauthorized(_ detail: String) -> Problem { Problem(.unauthorized, detail) }
}
