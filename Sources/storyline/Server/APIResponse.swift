import Foundation
import Hummingbird

/// JSON responses of the API: compact, keys sorted, `application/json; charset=utf-8`.
enum APIResponse {
    static let contentType = "application/json; charset=utf-8"

    /// `value` encoded as JSON with `status`.
    static func json<T: Encodable>(_ value: T, status: HTTPResponse.Status = .ok) throws -> Response {
        let encoder = JSONEncoder()
        encoder.outputFormatting = [.sortedKeys, .withoutEscapingSlashes]
        return data(try encoder.encode(value), status: status)
    }

    /// JSON bytes that are already encoded.
    static func data(_ data: Data, status: HTTPResponse.Status = .ok) -> Response {
        var headers = HTTPFields()
        headers[.contentType] = contentType
        return Response(status: status, headers: headers, body: ResponseBody(byteBuffer: ByteBuffer(bytes: data)))
    }

    /// The response for `error`. Encoding an ``APIError/Body`` cannot fail; if it did, a fixed body is sent.
    static func error(_ error: APIError) -> Response {
        (try? json(error.body, status: error.status))
            ?? data(Data(#"{"error":{"status":500,"message":"internal error"}}"#.utf8), status: .internalServerError)
    }
}

/// One page of a list: `{"items": […], "limit": 50, "offset": 0}`. A page shorter than `limit` is the last.
struct APIPage<Item: Encodable>: Encodable {
    var items: [Item]
    /// The page size asked for (or the default), and how many items were skipped before the page.
    var limit: Int
    var offset: Int

    init(_ items: [Item], _ page: APIParameters.Page) {
        self.items = items
        limit = page.limit
        offset = page.offset
    }
}
