import Hummingbird
import StorylineCore
import StorylineStore

/// `GET /entities/{id}`: one entity's page — its names, roles over time, mentions per day (an SVG bar chart),
/// the entities named in the same articles (an SVG network) and its latest statements; the data of
/// `GET /api/entities/{id}` and `storyline entity`.
extension WebRoutes {
    /// How many co-mentioned entities and statements the page shows.
    static let entityCoMentions = 24
    static let entityStatements = 10

    struct EntityContent {
        struct Alias {
            var alias: String
            var aliasCount: String
        }

        struct Role {
            var roleLabel: String
            var period: String
            var articlesLabel: String
            var firstArticleHref: String
        }

        struct CoMention {
            var name: String
            var entityHref: String?
            var sharedLabel: String
        }

        var name: String
        var summary: String
        var noAliases: Bool
        var aliases: [Alias]
        var noRoles: Bool
        var roles: [Role]
        var mentionsChart: String
        var undatedLabel: String?
        var network: String
        var noCoMentions: Bool
        var coMentions: [CoMention]
        var noStatements: Bool
        var statements: [QuotesContent.Statement]
        var moreQuotesHref: String?
    }

    func entity(_ idText: String) async throws -> Response {
        guard let id = Int64(idText), id > 0 else {
            throw WebError.notFound("There is no entity \(idText).")
        }
        guard let profile = try await store.entityProfile(id: id, coMentionLimit: Self.entityCoMentions) else {
            throw WebError.notFound("There is no entity \(id).")
        }
        let entity = profile.entity
        let (latest, total) = try await EntityProfileJSON.latestStatements(
            ofEntity: id,
            count: Self.entityStatements,
            in: store
        )

        var summary =
            "\(entity.type.rawValue) · " + Self.count(entity.mentionCount, "mention") + " in "
            + Self.count(entity.articleCount, "article")
        if let first = Self.day(entity.firstPublished), let last = Self.day(entity.lastPublished) {
            summary += first == last ? ", on \(first)" : ", \(first) to \(last)"
        }
        let aliases = entity.aliases.filter { $0.key != entity.canonicalName }.sorted { a, b in
            a.value != b.value ? a.value > b.value : a.key.utf8.lexicographicallyPrecedes(b.key.utf8)
        }
        let content = EntityContent(
            name: entity.canonicalName,
            summary: summary + ".",
            noAliases: aliases.isEmpty,
            aliases: aliases.map { .init(alias: $0.key, aliasCount: Self.count($0.value, "mention")) },
            noRoles: profile.roles.isEmpty,
            roles: profile.roles.map { role in
                let first = Self.day(role.firstPublished)
                let last = Self.day(role.lastPublished)
                let period: String
                switch (first, last) {
                case let (first?, last?) where first != last: period = "\(first) to \(last)"
                case let (first?, _): period = first
                default: period = "undated"
                }
                return .init(
                    roleLabel: role.role + (role.affiliation.map { " (\($0))" } ?? ""),
                    period: period,
                    articlesLabel: Self.count(role.articleCount, "article"),
                    firstArticleHref: "/articles/\(role.firstArticleID)"
                )
            },
            mentionsChart: SVGCharts.mentionsChart(
                days: profile.mentionsByDay.map { (day: $0.day.iso8601, count: $0.mentions) }
            ),
            undatedLabel: profile.undatedMentions > 0
                ? Self.count(profile.undatedMentions, "mention") + " in undated articles." : nil,
            network: profile.coMentioned.isEmpty
                ? ""
                : SVGCharts.networkGraph(
                    center: (id: entity.id, name: entity.canonicalName),
                    neighbours: profile.coMentioned.map {
                        (id: $0.entity.id, name: $0.entity.canonicalName, weight: $0.sharedArticles)
                    }
                ),
            noCoMentions: profile.coMentioned.isEmpty,
            coMentions: profile.coMentioned.map {
                .init(
                    name: $0.entity.canonicalName,
                    entityHref: EntityLinks.href($0.entity.id),
                    sharedLabel: Self.count($0.sharedArticles, "article")
                )
            },
            noStatements: latest.isEmpty,
            statements: try await statementViews(latest),
            moreQuotesHref: total > latest.count
                ? "/quotes?speaker="
                    + (entity.canonicalName.addingPercentEncoding(withAllowedCharacters: .alphanumerics) ?? "")
                : nil
        )
        return try render("entity", title: entity.canonicalName, nav: .init(entities: true), content)
    }
}
