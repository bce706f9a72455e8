import Hummingbird
import StorylineCore
import StorylineStore

/// `GET /articles/{id}`: one article with its annotations marked in its text (``ArticleHighlighter``).
extension WebRoutes {
    struct ArticleContent {
        struct OtherSources {
            var otherSourcesCount: Int
            var list: [Source]
        }

        struct Source {
            var otherHref: String?
            var otherLabel: String
        }

        struct Chrome {
            var items: [String]
        }

        var articleID: String
        var articleTitle: String
        var articleOutlet: String?
        var datetime: String?
        var dateText: String
        var modified: String?
        var byline: String?
        /// The article's URL when it is http or https: only such URLs become links.
        var sourceHref: String?
        var otherSources: OtherSources?
        var annotationSummary: String
        /// Each paragraph's HTML, built from escaped parts.
        var paragraphs: [String]
        var chromeCount: Int
        var chrome: Chrome?
    }

    func article(_ id: String) async throws -> Response {
        let found: StoredArticle?
        do {
            found = try await store.article(id: id)
        } catch let error as StoreError where error.code == .ambiguousID {
            throw WebError.badRequest("The id prefix \(APIParameters.quoted(id)) matches more than one article")
        }
        guard let stored = found else {
            throw WebError.notFound(
                "No article with id \(APIParameters.quoted(id))",
                message: "The article list links to every stored article."
            )
        }
        let article = stored.article
        let annotations = stored.annotations ?? ArticleAnnotations()
        let links = annotations.entities.isEmpty ? EntityLinks([:]) : try await entityLinks.links(store)
        let highlighter = ArticleHighlighter(article: article, annotations: annotations) { links.id($0) }
        let others = stored.sources.dropFirst().map { source in
            ArticleContent.Source(
                otherHref: HTML.webURL(source.url),
                otherLabel: [source.outlet ?? source.url ?? source.origin.locator, Self.day(source.published)]
                    .compactMap { $0 }.joined(separator: " · ")
            )
        }
        let summary =
            stored.annotations == nil
            ? "this article was stored before Storyline extracted at ingest; nothing is marked."
            : [
                Self.count(annotations.entities.count, "name"), Self.count(annotations.quotes.count, "quote"),
                Self.count(annotations.timexes.count, "time expression"),
            ].joined(separator: ", ") + "."
        let title = article.title.flatMap { $0.isEmpty ? nil : $0 } ?? "Untitled article \(article.id.prefix(8))"
        let content = ArticleContent(
            articleID: article.id,
            articleTitle: title,
            articleOutlet: article.outlet ?? stored.sources.first?.outlet,
            datetime: Self.day(article.published),
            dateText: article.published?.iso8601 ?? "undated",
            modified: article.modified?.iso8601,
            byline: article.byline.isEmpty ? nil : article.byline.joined(separator: ", "),
            sourceHref: HTML.webURL(article.url),
            otherSources: others.isEmpty ? nil : .init(otherSourcesCount: others.count, list: others),
            annotationSummary: summary,
            paragraphs: highlighter.paragraphs(),
            chromeCount: article.removedChrome.count,
            chrome: article.removedChrome.isEmpty ? nil : .init(items: article.removedChrome)
        )
        return try render("article", title: title, nav: .init(articles: true), content)
    }
}
