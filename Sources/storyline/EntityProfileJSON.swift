import StorylineCore
import StorylineStore

/// One entity's profile as `storyline entity --json` prints it and `GET /api/entities/{id}` answers it: the
/// entity (as in `storyline entities --json`), its roles over time, its mentions per publication day, the
/// entities named in the same articles, and its latest statements (as in `storyline quotes --json`).
struct EntityProfileJSON: Encodable {
    struct Role: Encodable {
        var role: String
        var affiliation: String?
        var articles: Int
        /// The days of the first and last dated article stating it; null when none is dated.
        var firstPublished: PublicationDate?
        var lastPublished: PublicationDate?
        var firstArticleID: String

        private enum CodingKeys: String, CodingKey {
            case role, affiliation, articles, firstPublished, lastPublished, firstArticleID
        }

        func encode(to encoder: any Encoder) throws {
            var container = encoder.container(keyedBy: CodingKeys.self)
            try container.encode(role, forKey: .role)
            try container.encode(affiliation, forKey: .affiliation)
            try container.encode(articles, forKey: .articles)
            try container.encode(firstPublished, forKey: .firstPublished)
            try container.encode(lastPublished, forKey: .lastPublished)
            try container.encode(firstArticleID, forKey: .firstArticleID)
        }
    }

    struct Day: Encodable {
        var day: PublicationDate
        var mentions: Int
        var articles: Int
    }

    struct CoMention: Encodable {
        var id: Int64
        var name: String
        var type: EntityType
        /// Articles that name both.
        var sharedArticles: Int
    }

    var entity: EntitiesCommand.Item
    var roles: [Role]
    /// Days with a mention, oldest first.
    var mentionsByDay: [Day]
    var undatedMentions: Int
    /// Most shared articles first.
    var coMentioned: [CoMention]
    /// The latest statements whose speaker resolves to the entity, latest first.
    var quotes: [QuotesCommand.StatementItem]

    /// The profile of entity `id` with at most `coMentions` co-mentioned entities and `quotes` statements, each
    /// quote as `redact` shows it; nil when no entity has this id.
    static func load(
        id: Int64,
        coMentions: Int,
        quotes: Int,
        from store: any ArticleStore,
        redact: (StoredQuote) -> StoredQuote = { $0 }
    ) async throws -> EntityProfileJSON? {
        guard let profile = try await store.entityProfile(id: id, coMentionLimit: coMentions) else { return nil }
        var statements: [QuotesCommand.StatementItem] = []
        if quotes > 0 {
            let latest = try await latestStatements(ofEntity: id, count: quotes, in: store, redact: redact).latest
            statements = QuotesCommand.items(latest)
        }
        return EntityProfileJSON(
            entity: EntitiesCommand.Item(profile.entity),
            roles: profile.roles.map { role in
                Role(
                    role: role.role,
                    affiliation: role.affiliation,
                    articles: role.articleCount,
                    firstPublished: role.firstPublished?.dateOnly,
                    lastPublished: role.lastPublished?.dateOnly,
                    firstArticleID: role.firstArticleID
                )
            },
            mentionsByDay: profile.mentionsByDay.map { Day(day: $0.day, mentions: $0.mentions, articles: $0.articles) },
            undatedMentions: profile.undatedMentions,
            coMentioned: profile.coMentioned.map { other in
                CoMention(
                    id: other.entity.id,
                    name: other.entity.canonicalName,
                    type: other.entity.type,
                    sharedArticles: other.sharedArticles
                )
            },
            quotes: statements
        )
    }

    /// The latest `count` statements whose speaker resolves to entity `id`, latest first, each quote as `redact`
    /// shows it, and how many statements it has in all: statements are formed from all its quotes.
    static func latestStatements(
        ofEntity id: Int64,
        count: Int,
        in store: any ArticleStore,
        redact: (StoredQuote) -> StoredQuote = { $0 }
    ) async throws -> (latest: [QuotesCommand.Grouped], total: Int) {
        let said = try await store.quotes(matching: QuoteQuery(speakerEntityID: id, limit: Int(Int32.max)))
        let grouped = QuotesCommand.statements(said.map(redact))
        return (Array(grouped.suffix(max(count, 0)).reversed()), grouped.count)
    }
}
