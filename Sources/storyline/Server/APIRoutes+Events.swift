import Hummingbird
import StorylineCore
import StorylineStore

extension APIRoutes {
    /// `GET /api/events`: every event report (one sentence each) as `storyline events --json`, in publication
    /// order; `article` (an id or a unique prefix), `type`, `entity` and the report's own date (`from`, `to`) filter
    /// them.
    func events(_ parameters: APIParameters) async throws -> Response {
        let page = try parameters.page()
        var filter = EventsCommand.Filter(
            type: try parameters.choice("type", EventType.self),
            entity: parameters.string("entity")?.lowercased(),
            fromDay: try parameters.day("from")?.dayNumber,
            toDay: try parameters.day("to")?.dayNumber
        )
        if let id = parameters.string("article") {
            let found: StoredArticle?
            do {
                found = try await store.article(id: id)
            } catch let error as StoreError where error.code == .ambiguousID {
                throw APIError.badRequest(
                    "parameter article: the id prefix \(APIParameters.quoted(id)) matches more than one article"
                )
            }
            // An unknown article has no events: an empty page, as for any filter that matches nothing.
            guard let found else { return try APIResponse.json(APIPage([EventsCommand.Item](), page)) }
            filter.article = found.article.id
        }
        let reports = try await EventsCommand.reports(in: store, filter: filter, limit: page.offset + page.limit)
        return try APIResponse.json(APIPage(page.slice(reports), page))
    }
}
