import Hummingbird
import NIOCore

/// Refuses a request whose body is over ``limit`` bytes with 413, before any route sees it: by its
/// Content-Length when it gives one, else by reading at most `limit` bytes of it. The routes in ``exempt``
/// (`POST /api/articles`) check their own, larger limit once they know the client may send a body at all.
struct RequestBodyLimitMiddleware<Context: RequestContext>: RouterMiddleware {
    static var limit: Int { 64 * 1024 }

    /// Method and path of the routes that limit their bodies themselves.
    var exempt: [(method: HTTPRequest.Method, path: String)] = []

    func handle(
        _ request: Request,
        context: Context,
        next: (Request, Context) async throws -> Response
    ) async throws -> Response {
        if exempt.contains(where: { $0.method == request.method && $0.path == request.uri.path }) {
            return try await next(request, context)
        }
        if let length = request.headers[.contentLength].flatMap({ Int($0) }), length > Self.limit {
            throw HTTPError(.contentTooLarge)
        }
        var request = request
        // The body stays readable for the route. A body without a length that runs past the limit ends in NIO's
        // NIOTooManyBytesError, which would otherwise reach the client as a 500.
        do {
            _ = try await request.collectBody(upTo: Self.limit)
        } catch is NIOTooManyBytesError {
            throw HTTPError(.contentTooLarge)
        }
        return try await next(request, context)
    }
}
