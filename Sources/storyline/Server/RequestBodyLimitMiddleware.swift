import Hummingbird

/// Refuses a request whose body is over ``limit`` bytes with 413, before any route sees it: by its
/// Content-Length when it gives one, else by reading at most `limit` bytes of it. No route takes a body yet, so
/// the limit is small.
struct RequestBodyLimitMiddleware<Context: RequestContext>: RouterMiddleware {
    static var limit: Int { 64 * 1024 }

    func handle(
        _ request: Request,
        context: Context,
        next: (Request, Context) async throws -> Response
    ) async throws -> Response {
        if let length = request.headers[.contentLength].flatMap({ Int($0) }), length > Self.limit {
            throw HTTPError(.contentTooLarge)
        }
        var request = request
        // Throws HTTPError(.contentTooLarge) past the limit; the body stays readable for the route.
        _ = try await request.collectBody(upTo: Self.limit)
        return try await next(request, context)
    }
}
