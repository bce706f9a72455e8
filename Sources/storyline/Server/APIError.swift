import Hummingbird

/// A failure the JSON API reports to its client: an HTTP status and a message that says what was wrong with the
/// request. Its body is ``Body``: `{"error": {"status": 400, "message": "…"}}`. Messages quote the offending
/// parameter, never a file path or an internal error (those go to the server's log only).
struct APIError: Error, Sendable, Equatable {
    var status: HTTPResponse.Status
    var message: String

    static func badRequest(_ message: String) -> APIError {
        APIError(status: .badRequest, message: message)
    }

    static func notFound(_ message: String) -> APIError {
        APIError(status: .notFound, message: message)
    }

    /// What a client sees of any failure the server does not explain (a store that cannot be read…).
    static let internalError = APIError(
        status: .internalServerError,
        message: "the server could not answer this request; its log says why"
    )

    /// The JSON body of an error response.
    struct Body: Encodable {
        struct Detail: Encodable {
            /// The HTTP status code, repeated for clients that only keep the body.
            var status: Int
            var message: String
        }

        var error: Detail
    }

    var body: Body { Body(error: Body.Detail(status: status.code, message: message)) }
}
