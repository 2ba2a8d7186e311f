import HTTPTypes
import Hummingbird

/// What a route answers, before it becomes a response: kept whole so a reading answer can be cached.
struct Payload: Sendable {
    var status: HTTPResponse.Status = .ok
    var type: String
    var body: ByteBuffer
    var headers: HTTPFields = [:]

    var response: Response {
        var fields = headers
        fields[.contentType] = type
        return Response(status: status, headers: fields, body: .init(byteBuffer: body))
    }
}
