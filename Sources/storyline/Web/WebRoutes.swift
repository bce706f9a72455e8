import Hummingbird
import StorylineCore
import StorylineStore

/// The server-rendered pages of `storyline serve` over one store, next to the JSON API: the timeline, the quote
/// book, the entity and article lists, the article view and search (Mustache templates, ``WebTemplates``), and
/// their static files (``StaticFiles``). `/` redirects to the timeline. Every view is a GET whose filters are
/// query parameters, read and checked as the API reads them (``APIParameters``); list pages take `page`
/// (1-based, ``Pager/size`` items a page). Each page makes the store queries of the matching API route, no more.
///
/// Failures of page requests are HTML error pages (``WebErrorMiddleware``), those of the API stay JSON.
struct WebRoutes: Sendable {
    let store: any ArticleStore
    let templates: WebTemplates
    let staticFiles: StaticFiles
    /// The stories and merged events, built once per store revision (shared with the API).
    let stories: StoryCache
    /// Names → entity ids for links to entity pages, shared by every request.
    let entityLinks = EntityLinks.Cache()

    /// The pages over `store`; reads the templates and static files (once, here).
    init(store: any ArticleStore, stories: StoryCache? = nil) throws {
        self.store = store
        self.stories = stories ?? StoryCache(store: store)
        templates = try WebTemplates()
        staticFiles = try StaticFiles()
    }

    /// Adds the pages to `router`, with the middleware that turns their failures into error pages (it also
    /// answers requests no route matches, outside `/api/`).
    func register(on router: Router<APIServer.Context>) {
        router.add(middleware: WebErrorMiddleware(templates: templates))
        router.get("/") { _, _ in HTMLResponse.redirect(to: "/timeline") }
        router.get("/static/{name}") { request, context in
            try staticFiles.response(name: context.parameters.get("name") ?? "", request: request)
        }
        router.get("/timeline") { request, _ in try await timeline(APIParameters(request)) }
        router.get("/quotes") { request, _ in try await quotes(APIParameters(request)) }
        router.get("/entities") { request, _ in try await entities(APIParameters(request)) }
        router.get("/entities/{id}") { _, context in try await entity(context.parameters.get("id") ?? "") }
        router.get("/articles") { request, _ in try await articles(APIParameters(request)) }
        router.get("/articles/{id}") { _, context in try await article(context.parameters.get("id") ?? "") }
        router.get("/search") { request, _ in try await search(APIParameters(request)) }
    }

    /// The page `template` renders for `content`, as a response.
    func render<Content>(
        _ template: String,
        title: String,
        nav: WebPage<Content>.Nav,
        searchQuery: String = "",
        _ content: Content
    ) throws -> Response {
        let page = WebPage(pageTitle: title, nav: nav, searchQuery: searchQuery, content: content)
        return HTMLResponse.page(try templates.render(page, template))
    }

    /// The `page` parameter: 1 when absent.
    static func pageNumber(_ parameters: APIParameters) throws -> Int {
        try parameters.int("page", in: 1...1_000_000) ?? 1
    }

    /// The items of page `number` of `items`, and whether a page follows.
    static func slice<T>(_ items: [T], page number: Int) -> (items: [T], hasNext: Bool) {
        let start = min(Pager.offset(number), items.count)
        let end = min(start + Pager.size, items.count)
        return (Array(items[start..<end]), end < items.count)
    }

    /// A day for `<time datetime>` and as shown: `YYYY-MM-DD`.
    static func day(_ date: PublicationDate?) -> String? {
        date.map { $0.dateOnly.iso8601 }
    }

    /// How an article is named where its outlet is not known: its outlet, else its title, else its id.
    static func sourceName(outlet: String?, title: String?, articleID: String) -> String {
        if let outlet, !outlet.isEmpty { return outlet }
        if let title, !title.isEmpty { return title }
        return "Article " + articleID.prefix(8)
    }

    /// "1 thing", "2 things".
    static func count(_ n: Int, _ singular: String, _ plural: String? = nil) -> String {
        "\(n) " + (n == 1 ? singular : plural ?? singular + "s")
    }
}
