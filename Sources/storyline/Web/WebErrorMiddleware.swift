import Hummingbird
import Logging

/// Turns every failure of a page request into an HTML error page in the site's layout: a ``WebError`` as it
/// says, a bad query parameter (the ``APIError`` that ``APIParameters`` throws) as 400 with its message, no route
/// for the path as 404, and anything else — a store that cannot be read — as 500 with a generic message (the
/// real error goes to the log). Requests of the JSON API (`/api/…`, `/openapi.json`) are not pages: their
/// failures pass on to ``APIErrorMiddleware``, which answers JSON.
struct WebErrorMiddleware<Context: RequestContext>: RouterMiddleware {
    let templates: WebTemplates

    /// Whether `path` belongs to the JSON API rather than the pages.
    static func isAPI(_ path: String) -> Bool {
        path == "/api" || path.hasPrefix("/api/") || path == "/openapi.json"
    }

    func handle(
        _ request: Request,
        context: Context,
        next: (Request, Context) async throws -> Response
    ) async throws -> Response {
        guard !Self.isAPI(request.uri.path) else { return try await next(request, context) }
        do {
            return try await next(request, context)
        } catch let error as WebError {
            return render(error)
        } catch let error as APIError {
            return render(WebError(status: error.status, heading: Self.sentence(error.message)))
        } catch let error as HTTPError {
            switch error.status {
            case .notFound:
                return render(
                    .notFound(
                        "Page not found",
                        message: "There is no page at \(APIParameters.quoted(request.uri.path))."
                    )
                )
            default:
                return render(WebError(status: error.status, heading: error.status.reasonPhrase))
            }
        } catch {
            context.logger.error(
                "page failed",
                metadata: ["method": "\(request.method)", "path": "\(request.uri.path)", "error": "\(error)"]
            )
            return render(.internalError)
        }
    }

    /// The error page of `error`, in the layout; a bare page if the templates fail.
    func render(_ error: WebError) -> Response {
        let page = WebPage(
            pageTitle: error.heading,
            nav: .init(),
            searchQuery: "",
            content: ErrorContent(heading: error.heading, message: error.message ?? "")
        )
        let html =
            (try? templates.render(page, "error"))
            ?? "<!doctype html><html lang=\"en\"><meta charset=\"utf-8\"><title>Error — Storyline</title>"
            + "<main id=\"main\"><h1>\(HTML.escape(error.heading))</h1></main></html>"
        return HTMLResponse.page(html, status: error.status)
    }

    struct ErrorContent {
        var heading: String
        var message: String
    }

    /// `message` as a sentence: its first letter in upper case.
    static func sentence(_ message: String) -> String {
        message.prefix(1).uppercased() + message.dropFirst()
    }
}
