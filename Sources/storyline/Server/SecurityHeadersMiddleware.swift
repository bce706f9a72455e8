import Hummingbird

/// A header name (`HTTPField.Name`, which Hummingbird does not re-export).
typealias HTTPHeaderName = HTTPFields.Element.Name

/// Adds the safety headers to every response, errors included: a Content-Security-Policy, no MIME sniffing, and
/// no referrer sent on. A page (an HTML response, ``HTMLResponse``) may load the site's own style sheet, scripts
/// and images and submit forms to the site, nothing else, and inline script or style never runs
/// (``pagePolicy``); any other response — JSON, a static file, a redirect — may load nothing (``policy``).
/// Neither may be framed.
struct SecurityHeadersMiddleware<Context: RequestContext>: RouterMiddleware {
    /// The policy of every response but pages.
    static var policy: String { "default-src 'none'; frame-ancestors 'none'" }

    /// The policy of pages.
    static var pagePolicy: String {
        "default-src 'none'; style-src 'self'; script-src 'self'; img-src 'self'; form-action 'self'; "
            + "base-uri 'none'; frame-ancestors 'none'"
    }

    /// The headers of every response but pages.
    static var headers: [(HTTPHeaderName, String)] {
        [
            (.contentSecurityPolicy, policy),
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
        if HTMLResponse.isPage(response) { response.headers[.contentSecurityPolicy] = Self.pagePolicy }
        return response
    }
}
