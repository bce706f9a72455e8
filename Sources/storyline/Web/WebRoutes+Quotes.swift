import Hummingbird
import StorylineCore
import StorylineStore

/// `GET /quotes`: the quote book — statements as `storyline quotes` forms them, earliest first report first.
extension WebRoutes {
    struct QuotesContent {
        struct Filters {
            var speaker: String
            var about: String
            var since: String
            var until: String
        }

        struct Statement {
            var speakerLink: EntityLink?
            var datetime: String?
            var dateText: String
            var cue: String?
            var kind: String
            var outletsLabel: String
            var wordings: [Wording]
            var sources: [Source]
        }

        struct Wording {
            var wording: String
            var wordingOutlets: String
        }

        struct Source {
            var sourceHref: String
            var sourceLabel: String
        }

        var filters: Filters
        var summary: String
        var noStatements: Bool
        var emptyMessage: String
        var statements: [Statement]
        var pager: Pager
    }

    func quotes(_ parameters: APIParameters) async throws -> Response {
        let number = try Self.pageNumber(parameters)
        let speaker = parameters.string("speaker")
        let about = parameters.string("about")
        let since = try parameters.day("since")
        let until = try parameters.day("until")
        // Statements are formed from the matching quotes, read only as far as the page needs (as `/api/quotes`).
        let found = try await QuotesCommand.statementPage(
            QuoteQuery(speaker: speaker, about: about, since: since, until: until),
            offset: Pager.offset(number),
            limit: Pager.size,
            from: store
        )
        let (page, hasNext) = (found.page, found.more)
        let statements = try await statementViews(page)
        let filtered = speaker != nil || about != nil || since != nil || until != nil
        let content = QuotesContent(
            filters: .init(
                speaker: speaker ?? "",
                about: about ?? "",
                since: since?.iso8601 ?? "",
                until: until?.iso8601 ?? ""
            ),
            summary: found.total.map { Self.count($0, "statement") + "." }
                ?? "More than \(Pager.offset(number) + page.count) statements.",
            noStatements: statements.isEmpty,
            emptyMessage: filtered || number > 1 ? "No statements match these filters." : "No quotes are stored yet.",
            statements: statements,
            pager: Pager(
                number: number,
                hasNext: hasNext,
                path: "/quotes",
                parameters: [
                    ("speaker", speaker), ("about", about), ("since", since?.iso8601), ("until", until?.iso8601),
                ]
            )
        )
        return try render("quotes", title: "Quote book", nav: .init(quotes: true), content)
    }

    /// The statements of a page as the quote book and the entity page show them: each report's wording and
    /// outlets, the speaker linked to its entity page, and links to `/articles/{id}#q-N` (N: the quote's index
    /// in its article).
    func statementViews(_ page: [QuotesCommand.Grouped]) async throws -> [QuotesContent.Statement] {
        // The quotes' indices in their articles, for links to `/articles/{id}#q-N`.
        let ids = StoryBuilder.orderedUnique(page.flatMap { $0.quotes.map(\.articleID) })
        var quoteIndex: [String: [TextRange: Int]] = [:]
        for stored in try await store.storedArticles(ids: ids) {
            var indices: [TextRange: Int] = [:]
            for (index, quote) in (stored.annotations?.quotes ?? []).enumerated() where indices[quote.range] == nil {
                indices[quote.range] = index
            }
            quoteIndex[stored.article.id] = indices
        }
        let links = try await entityLinks.links(store)
        return page.map { grouped -> QuotesContent.Statement in
            let first = grouped.first
            let name = grouped.statement.speaker ?? first.quote.attributedName
            var wordings: [QuotesContent.Wording] = []
            var wordingOutlets: [[String]] = []
            for stored in grouped.quotes {
                let outlets =
                    stored.sources.isEmpty
                    ? [Self.sourceName(outlet: stored.outlet, title: stored.title, articleID: stored.articleID)]
                    : stored.sources.map {
                        Self.sourceName(outlet: $0.outlet, title: $0.title, articleID: stored.articleID)
                    }
                if let n = wordings.firstIndex(where: { $0.wording == stored.text }) {
                    wordingOutlets[n] += outlets
                } else {
                    wordings.append(.init(wording: stored.text, wordingOutlets: ""))
                    wordingOutlets.append(outlets)
                }
            }
            for n in wordings.indices {
                wordings[n].wordingOutlets =
                    "— " + StoryBuilder.orderedUnique(wordingOutlets[n]).joined(separator: "; ")
            }
            let sources = grouped.quotes.map { stored -> QuotesContent.Source in
                let index = quoteIndex[stored.articleID]?[stored.quote.range]
                let name = Self.sourceName(outlet: stored.outlet, title: stored.title, articleID: stored.articleID)
                return .init(
                    sourceHref: "/articles/\(stored.articleID)" + (index.map { "#q-\($0)" } ?? ""),
                    sourceLabel: name + " · " + (Self.day(stored.published) ?? "undated")
                )
            }
            return .init(
                speakerLink: name.map(links.link),
                datetime: Self.day(first.published),
                dateText: Self.day(first.published) ?? "undated",
                cue: first.quote.cue,
                kind: first.quote.kind.rawValue,
                outletsLabel: Self.count(grouped.statement.outletCount, "outlet"),
                wordings: wordings,
                sources: sources
            )
        }
    }
}
