import Hummingbird

/// A failure a page reports to its reader as an HTML error page (``WebErrorMiddleware``): a status, a heading
/// that says what is wrong (the page's `<h1>`) and an optional explanation. Neither ever holds a file path, a
/// stack trace or a database message: those go to the server's log only.
struct WebError: Error, Sendable, Equatable {
    var status: HTTPResponse.Status
    var heading: String
    var message: String?

    init(status: HTTPResponse.Status, heading: String, message: String? = nil) {
        self.status = status
        self.heading = heading
        self.message = message
    }

    static func badRequest(_ heading: String) -> WebError {
        WebError(status: .badRequest, heading: heading)
    }

    static func notFound(_ heading: String, message: String? = nil) -> WebError {
        WebError(status: .notFound, heading: heading, message: message)
    }

    /// What a reader sees of any failure the server does not explain.
    static let internalError = WebError(
        status: .internalServerError,
        heading: "Something went wrong",
        message: "The server could not show this page; its log says why."
    )
}
