import Hummingbird
import StorylineCore
import StorylineResolve
import StorylineStore

/// The JSON API's routes over one store. Each list takes `limit` (1–500, default 50) and `offset` and answers an
/// ``APIPage``; its items have the shape of the matching CLI command's `--json` output, so a client of one reads
/// the other. `/openapi.json` describes them all.
struct APIRoutes: Sendable {
    let store: any ArticleStore
    /// The stories and merged events, built once per store revision (shared with the pages).
    let stories: StoryCache

    init(store: any ArticleStore, stories: StoryCache? = nil) {
        self.store = store
        self.stories = stories ?? StoryCache(store: store)
    }

    func register(on router: Router<APIServer.Context>) {
        router.get("/api/articles") { request, _ in try await articles(APIParameters(request)) }
        router.get("/api/articles/{id}") { _, context in
            try await article(context.parameters.get("id") ?? "")
        }
        router.get("/api/entities") { request, _ in try await entities(APIParameters(request)) }
        router.get("/api/entities/{id}") { request, context in
            try await entity(context.parameters.get("id") ?? "", APIParameters(request))
        }
        router.get("/api/quotes") { request, _ in try await quotes(APIParameters(request)) }
        router.get("/api/timeline") { request, _ in try await timeline(APIParameters(request)) }
        router.get("/api/stories") { request, _ in try await stories(APIParameters(request)) }
        router.get("/api/search") { request, _ in try await search(APIParameters(request)) }
        router.get("/api/events") { request, _ in try await events(APIParameters(request)) }
    }

    /// `GET /api/search`: articles containing every word and phrase of `q`, best match first, with snippets, as
    /// `storyline search --json`.
    func search(_ parameters: APIParameters) async throws -> Response {
        let page = try parameters.page()
        guard let text = parameters.string("q") else { throw APIError.badRequest("the parameter q is required") }
        let query = SearchQuery(
            text,
            since: try parameters.day("since"),
            until: try parameters.day("until"),
            limit: page.limit,
            offset: page.offset
        )
        guard !query.terms.isEmpty else {
            throw APIError.badRequest("q \(APIParameters.quoted(text)) has no word to search for")
        }
        return try APIResponse.json(APIPage(try await store.search(query), page))
    }

    /// `GET /api/articles`: summaries as `storyline articles --json`, newest first.
    func articles(_ parameters: APIParameters) async throws -> Response {
        let page = try parameters.page()
        let query = ArticleQuery(
            since: try parameters.day("since"),
            until: try parameters.day("until"),
            outlet: parameters.string("outlet"),
            limit: page.limit,
            offset: page.offset
        )
        return try APIResponse.json(APIPage(try await store.articles(query), page))
    }

    /// `GET /api/articles/{id}`: one article with its annotations, as `storyline show ID --json`; the id may be a
    /// unique prefix of at least 4 characters. Its sources name their input file, not its path (``APIRedaction``).
    func article(_ id: String) async throws -> Response {
        let found: StoredArticle?
        do {
            found = try await store.article(id: id)
        } catch let error as StoreError where error.code == .ambiguousID {
            throw APIError.badRequest("the id prefix \(APIParameters.quoted(id)) matches more than one article")
        }
        guard let found else {
            throw APIError.notFound("no article with id \(APIParameters.quoted(id))")
        }
        return try APIResponse.json(ShowJSON(APIRedaction.stored(found)))
    }

    /// `GET /api/entities`: entities resolved across articles, as `storyline entities --json`, most mentioned first.
    func entities(_ parameters: APIParameters) async throws -> Response {
        let page = try parameters.page()
        let query = EntityQuery(
            name: parameters.string("name"),
            type: try parameters.choice("type", EntityType.self),
            limit: page.limit,
            offset: page.offset
        )
        let rows = try await store.resolvedEntities(matching: query)
        return try APIResponse.json(APIPage(rows.map(EntitiesCommand.Item.init), page))
    }

    /// `GET /api/entities/{id}`: one entity's profile as `storyline entity ID --json`, with at most `coMentions`
    /// (default 20) co-mentioned entities and `quotes` (default 10) of its latest statements.
    func entity(_ idText: String, _ parameters: APIParameters) async throws -> Response {
        guard let id = Int64(idText), id > 0 else {
            throw APIError.notFound("no entity with id \(APIParameters.quoted(idText))")
        }
        let profile = try await EntityProfileJSON.load(
            id: id,
            coMentions: try parameters.int("coMentions", in: 0...100) ?? 20,
            quotes: try parameters.int("quotes", in: 0...100) ?? 10,
            from: store,
            redact: APIRedaction.quote
        )
        guard let profile else { throw APIError.notFound("no entity with id \(id)") }
        return try APIResponse.json(profile)
    }

    /// `GET /api/quotes`: statements as `storyline quotes --json`, earliest first report first; the page counts
    /// statements.
    func quotes(_ parameters: APIParameters) async throws -> Response {
        let page = try parameters.page()
        let query = QuoteQuery(
            speaker: parameters.string("speaker"),
            about: parameters.string("about"),
            since: try parameters.day("since"),
            until: try parameters.day("until")
        )
        // Statements are formed from the matching quotes, read only as far as the page needs.
        let statements = try await QuotesCommand.statementPage(
            query,
            offset: page.offset,
            limit: page.limit,
            from: store,
            redact: APIRedaction.quote
        )
        return try APIResponse.json(APIPage(QuotesCommand.items(statements.page), page))
    }

    /// `GET /api/timeline`: merged events with their reports (the earliest `reports` of each, default 20), as
    /// `storyline timeline --format json`, by their own date.
    func timeline(_ parameters: APIParameters) async throws -> Response {
        let page = try parameters.page()
        let from = try parameters.day("from")
        let to = try parameters.day("to")
        let filter = TimelineCommand.Filter(
            entity: parameters.string("entity")?.lowercased(),
            story: try parameters.int("story", in: 0...Int(Int32.max)).map { StoryID(rawValue: $0) },
            from: from.map(\.dayNumber),
            to: to.map(\.dayNumber),
            type: try parameters.choice("type", EventType.self),
            statements: try parameters.bool("statements") ?? false
        )
        let reports = try parameters.int("reports", in: 0...1000) ?? 20
        let selected = try await stories.current().events(filter, limit: page.limit, offset: page.offset)
        let events = try await StoryBuilder.withReports(selected, from: store, atMost: reports)
        return try APIResponse.json(APIPage(events.map(TimelineExport.Item.init), page))
    }

    /// `GET /api/stories`: stories with their articles, as `storyline stories --json`, most articles first.
    func stories(_ parameters: APIParameters) async throws -> Response {
        let page = try parameters.page()
        let built = try await stories.current().builder
        let items = StoriesCommand.items(built, summaries: try await StoriesCommand.summaries(store))
        return try APIResponse.json(APIPage(page.slice(items), page))
    }
}
