import Hummingbird

/// HTML responses of the pages: `text/html; charset=utf-8` (which gives them the page Content-Security-Policy,
/// ``SecurityHeadersMiddleware``), never cached by shared caches.
enum HTMLResponse {
    static let contentType = "text/html; charset=utf-8"

    /// `html` with `status`.
    static func page(_ html: String, status: HTTPResponse.Status = .ok) -> Response {
        var headers = HTTPFields()
        headers[.contentType] = contentType
        headers[.cacheControl] = "no-cache"
        return Response(status: status, headers: headers, body: ResponseBody(byteBuffer: ByteBuffer(string: html)))
    }

    /// A redirect to `location` (a path of this site).
    static func redirect(to location: String, status: HTTPResponse.Status = .found) -> Response {
        var headers = HTTPFields()
        headers[.location] = location
        return Response(status: status, headers: headers)
    }

    /// Whether `response` is a page (its content type is HTML).
    static func isPage(_ response: Response) -> Bool {
        response.headers[.contentType]?.lowercased().hasPrefix("text/html") == true
    }
}
