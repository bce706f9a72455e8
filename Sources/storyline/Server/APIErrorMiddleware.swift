import Hummingbird
import Logging

/// Turns every failure below it into a JSON error response (``APIError/Body``): an ``APIError`` as it says,
/// Hummingbird's own errors (no route for the path, a body over the limit) with their status, and anything
/// else — a store that cannot be read — as 500 with a generic message. The real error goes to the log only:
/// a response never carries a stack trace, a file path or a database message.
struct APIErrorMiddleware<Context: RequestContext>: RouterMiddleware {
    func handle(
        _ request: Request,
        context: Context,
        next: (Request, Context) async throws -> Response
    ) async throws -> Response {
        do {
            return try await next(request, context)
        } catch let error as APIError {
            return APIResponse.error(error)
        } catch let error as HTTPError {
            return APIResponse.error(Self.apiError(error, request: request))
        } catch {
            context.logger.error(
                "request failed",
                metadata: ["method": "\(request.method)", "path": "\(request.uri.path)", "error": "\(error)"]
            )
            return APIResponse.error(.internalError)
        }
    }

    /// A Hummingbird error in the API's terms.
    static func apiError(_ error: HTTPError, request: Request) -> APIError {
        switch error.status {
        case .notFound:
            let path = APIParameters.quoted(request.uri.path)
            return .notFound("no route for \(request.method) \(path); /openapi.json lists the routes")
        case .contentTooLarge:
            return APIError(
                status: .contentTooLarge,
                message: "the request body is over the limit of \(RequestBodyLimitMiddleware<Context>.limit) bytes"
            )
        default:
            return APIError(status: error.status, message: error.status.reasonPhrase)
        }
    }
}
