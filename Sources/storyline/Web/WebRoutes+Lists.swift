import Hummingbird
import StorylineCore
import StorylineStore

/// `GET /entities` and `GET /articles`: the entity and article lists, a page of the store's own query each.
extension WebRoutes {
    struct EntitiesContent {
        struct Filters {
            var name: String
        }

        struct TypeOption {
            var typeValue: String
            var selected: Bool
        }

        struct Row {
            var entityHref: String
            var name: String
            var entityType: String
            var mentions: Int
            var articleCount: Int
            var firstDay: String
            var lastDay: String
            var spellings: String
        }

        var filters: Filters
        var typeOptions: [TypeOption]
        var noEntities: Bool
        var emptyMessage: String
        var rows: [Row]
        var pager: Pager
    }

    func entities(_ parameters: APIParameters) async throws -> Response {
        let number = try Self.pageNumber(parameters)
        let name = parameters.string("name")
        let type = try parameters.choice("type", EntityType.self)
        // One more than a page: whether a next page exists.
        let query = EntityQuery(name: name, type: type, limit: Pager.size + 1, offset: Pager.offset(number))
        let found = try await store.resolvedEntities(matching: query)
        let rows = found.prefix(Pager.size).map { entity in
            EntitiesContent.Row(
                entityHref: EntityLinks.href(entity.id),
                name: entity.canonicalName,
                entityType: entity.type.rawValue,
                mentions: entity.mentionCount,
                articleCount: entity.articleCount,
                firstDay: Self.day(entity.firstPublished) ?? "—",
                lastDay: Self.day(entity.lastPublished) ?? "—",
                spellings: entity.otherSpellings.prefix(EntitiesCommand.shownSpellings).joined(separator: ", ")
            )
        }
        let filtered = name != nil || type != nil || number > 1
        let content = EntitiesContent(
            filters: .init(name: name ?? ""),
            typeOptions: EntityType.allCases.map { .init(typeValue: $0.rawValue, selected: $0 == type) },
            noEntities: rows.isEmpty,
            emptyMessage: filtered ? "No entities match these filters." : "No entities are stored yet.",
            rows: Array(rows),
            pager: Pager(
                number: number,
                hasNext: found.count > Pager.size,
                path: "/entities",
                parameters: [("name", name), ("type", type?.rawValue)]
            )
        )
        return try render("entities", title: "Entities", nav: .init(entities: true), content)
    }

    struct ArticlesContent {
        struct Filters {
            var since: String
            var until: String
            var outlet: String
        }

        struct Row {
            var articleHref: String
            var articleTitle: String
            var datetime: String?
            var dateText: String
            var articleMeta: String
        }

        var filters: Filters
        var noArticles: Bool
        var emptyMessage: String
        var rows: [Row]
        var pager: Pager
    }

    func articles(_ parameters: APIParameters) async throws -> Response {
        let number = try Self.pageNumber(parameters)
        let since = try parameters.day("since")
        let until = try parameters.day("until")
        let outlet = parameters.string("outlet")
        let query = ArticleQuery(
            since: since,
            until: until,
            outlet: outlet,
            limit: Pager.size + 1,
            offset: Pager.offset(number)
        )
        let found = try await store.articles(query)
        let rows = found.prefix(Pager.size).map { article in
            var meta = [article.outlet ?? "Unknown outlet", Self.count(article.wordCount, "word")]
            if article.sourceCount > 1 { meta.append(Self.count(article.sourceCount, "source")) }
            if article.liveBlogEntryCount > 0 {
                meta.append(Self.count(article.liveBlogEntryCount, "live entry", "live entries"))
            }
            return ArticlesContent.Row(
                articleHref: "/articles/\(article.id)",
                articleTitle: article.title.flatMap { $0.isEmpty ? nil : $0 }
                    ?? "Untitled article \(article.id.prefix(8))",
                datetime: Self.day(article.published),
                dateText: Self.day(article.published) ?? "undated",
                articleMeta: meta.joined(separator: " · ")
            )
        }
        let filtered = since != nil || until != nil || outlet != nil || number > 1
        let content = ArticlesContent(
            filters: .init(since: since?.iso8601 ?? "", until: until?.iso8601 ?? "", outlet: outlet ?? ""),
            noArticles: rows.isEmpty,
            emptyMessage: filtered ? "No articles match these filters." : "No articles are stored yet.",
            rows: Array(rows),
            pager: Pager(
                number: number,
                hasNext: found.count > Pager.size,
                path: "/articles",
                parameters: [("since", since?.iso8601), ("until", until?.iso8601), ("outlet", outlet)]
            )
        )
        return try render("articles", title: "Articles", nav: .init(articles: true), content)
    }
}
