import Hummingbird
import StorylineCore
import StorylineStore

/// `GET /search`: the store's full-text search, best match first, each hit with its snippet (matches marked).
extension WebRoutes {
    struct SearchContent {
        struct Filters {
            var q: String
            var since: String
            var until: String
        }

        struct Hit {
            var hitHref: String
            var hitTitle: String
            var hitMeta: String
            /// The snippet's HTML: its parts escaped, the matched ones in `<mark>`.
            var snippet: String
        }

        var heading: String
        var filters: Filters
        var noHits: Bool
        var hasHits: Bool
        var emptyMessage: String
        var hits: [Hit]
        var pager: Pager
    }

    func search(_ parameters: APIParameters) async throws -> Response {
        let number = try Self.pageNumber(parameters)
        let text = parameters.string("q")
        let since = try parameters.day("since")
        let until = try parameters.day("until")
        var hits: [SearchHit] = []
        if let text {
            let query = SearchQuery(
                text,
                since: since,
                until: until,
                limit: Pager.size + 1,
                offset: Pager.offset(number)
            )
            guard !query.terms.isEmpty else {
                throw WebError.badRequest("The search \(APIParameters.quoted(text)) has no word to search for")
            }
            hits = try await store.search(query)
        }
        let shown = hits.prefix(Pager.size).map { hit in
            let article = hit.article
            let meta = [
                Self.day(article.published) ?? "undated", article.outlet ?? "Unknown outlet",
                Self.count(article.wordCount, "word"),
            ]
            return SearchContent.Hit(
                hitHref: "/articles/\(article.id)",
                hitTitle: article.title.flatMap { $0.isEmpty ? nil : $0 } ?? "Untitled article \(article.id.prefix(8))",
                hitMeta: meta.joined(separator: " · "),
                snippet: Self.snippetHTML(hit.snippet)
            )
        }
        let content = SearchContent(
            heading: text.map { "Search: \($0)" } ?? "Search",
            filters: .init(q: text ?? "", since: since?.iso8601 ?? "", until: until?.iso8601 ?? ""),
            noHits: shown.isEmpty,
            hasHits: !shown.isEmpty,
            emptyMessage: text == nil
                ? "Type words or \"phrases\" to find the articles that contain all of them."
                : "No articles match.",
            hits: Array(shown),
            pager: Pager(
                number: number,
                hasNext: hits.count > Pager.size,
                path: "/search",
                parameters: [("q", text), ("since", since?.iso8601), ("until", until?.iso8601)]
            )
        )
        return try render(
            "search",
            title: content.heading,
            nav: .init(search: true),
            searchQuery: text ?? "",
            content
        )
    }

    /// A snippet as HTML: every part escaped, the matched ones in `<mark>`.
    static func snippetHTML(_ parts: [SearchHit.SnippetPart]) -> String {
        parts.map { $0.match ? "<mark>" + HTML.escape($0.text) + "</mark>" : HTML.escape($0.text) }.joined()
    }
}
