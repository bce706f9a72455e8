import Hummingbird

/// A header name (`HTTPField.Name`, which Hummingbird does not re-export).
typealias HTTPHeaderName = HTTPFields.Element.Name

/// Adds the safety headers to every response, errors included: a Content-Security-Policy that lets a response
/// load nothing and be framed by no page, no MIME sniffing, and no referrer sent on.
struct SecurityHeadersMiddleware<Context: RequestContext>: RouterMiddleware {
    static var headers: [(HTTPHeaderName, String)] {
        [
            (.contentSecurityPolicy, "default-src 'none'; frame-ancestors 'none'"),
            (.xContentTypeOptions, "nosniff"),
            (HTTPHeaderName("Referrer-Policy")!, "no-referrer"),
        ]
    }

    func handle(
        _ request: Request,
        context: Context,
        next: (Request, Context) async throws -> Response
    ) async throws -> Response {
        var response: Response
        do {
            response = try await next(request, context)
        } catch {
            // The error middleware answers every failure; this is the last line of defence.
            context.logger.error("unhandled error", metadata: ["error": "\(error)"])
            response = APIResponse.error(.internalError)
        }
        for (name, value) in Self.headers { response.headers[name] = value }
        return response
    }
}
