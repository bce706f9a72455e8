import Foundation
import Hummingbird
import StorylineStore

/// The HTTP server of `storyline serve`: the JSON API over one store (``APIRoutes``) and its OpenAPI document at
/// `/openapi.json`. Every response carries the safety headers (``SecurityHeadersMiddleware``), every failure is a
/// JSON error (``APIErrorMiddleware``) and no request may carry a body over
/// ``RequestBodyLimitMiddleware/limit`` bytes but an ingest. The server only reads the store unless ingest is on
/// (``IngestSettings``).
enum APIServer {
    /// The request context of every route.
    typealias Context = BasicRequestContext

    /// The routes the API serves, as the OpenAPI document names them.
    static let paths = [
        "/api/articles", "/api/articles/{id}", "/api/entities", "/api/entities/{id}", "/api/quotes", "/api/timeline",
        "/api/stories",
        "/api/search", "/api/events", "/openapi.json",
    ]

    /// The OpenAPI 3.1 document kept in the repository (`Sources/storyline/Resources/openapi.json`).
    static func openAPIDocument() throws -> Data {
        guard let url = Bundle.module.url(forResource: "openapi", withExtension: "json") else {
            throw APIError(status: .internalServerError, message: "the OpenAPI document is missing from the build")
        }
        return try Data(contentsOf: url)
    }

    /// The router of the API over `store`; `POST /api/articles` stores articles only as `ingest` allows.
    static func router(store: any ArticleStore, ingest: IngestSettings = .off) throws -> Router<Context> {
        let document = try openAPIDocument()
        let router = Router(context: Context.self)
        // Outermost first: middlewares wrap the routes added after them.
        router.add(middleware: SecurityHeadersMiddleware())
        router.add(middleware: APIErrorMiddleware())
        router.add(middleware: RequestBodyLimitMiddleware(exempt: [(.post, "/api/articles")]))
        let stories = StoryCache(store: store)
        let api = APIRoutes(store: store, stories: stories)
        api.register(on: router)
        api.registerIngest(on: router, settings: ingest)
        try WebRoutes(store: store, stories: stories).register(on: router)
        router.get("/openapi.json") { _, _ in APIResponse.data(document) }
        return router
    }
}
