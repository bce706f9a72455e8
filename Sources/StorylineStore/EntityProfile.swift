import StorylineCore

/// What the stored articles say about one resolved entity (``ArticleStore/entityProfile(id:coMentionLimit:)``):
/// the entity, the roles the articles give it over time, its mentions per publication day, and the entities
/// named in the same articles.
///
/// Everything is counted over the mentions that resolve to the entity (``StoredEntity/id``); a role counts when
/// an article gives it to a name of that article that resolves to the entity.
public struct EntityProfile: Sendable, Hashable, Codable {
    /// A role or title, with the organisation or country it belongs to, as the articles give it to the entity.
    public struct Role: Sendable, Hashable, Codable {
        /// The normalized role ("prime minister", "spokesperson"; ``StorylineCore/RoleFact/role``).
        public var role: String
        /// The organisation or country, when an article says (``StorylineCore/RoleFact/affiliation``).
        public var affiliation: String?
        /// How many articles state it.
        public var articleCount: Int
        /// The earliest and latest publication dates of the dated articles stating it (nil when none is dated),
        /// and the first article (earliest; undated last, ties by id).
        public var firstPublished: PublicationDate?
        public var lastPublished: PublicationDate?
        public var firstArticleID: String

        public init(
            role: String,
            affiliation: String?,
            articleCount: Int,
            firstPublished: PublicationDate?,
            lastPublished: PublicationDate?,
            firstArticleID: String
        ) {
            self.role = role
            self.affiliation = affiliation
            self.articleCount = articleCount
            self.firstPublished = firstPublished
            self.lastPublished = lastPublished
            self.firstArticleID = firstArticleID
        }
    }

    /// The entity's mentions in the articles published on one calendar day.
    public struct Day: Sendable, Hashable, Codable {
        /// The day (year, month and day only).
        public var day: PublicationDate
        public var mentions: Int
        public var articles: Int

        public init(day: PublicationDate, mentions: Int, articles: Int) {
            self.day = day
            self.mentions = mentions
            self.articles = articles
        }
    }

    /// Another entity named in articles that name this one.
    public struct CoMention: Sendable, Hashable, Codable {
        public var entity: StoredEntity
        /// How many articles name both.
        public var sharedArticles: Int

        public init(entity: StoredEntity, sharedArticles: Int) {
            self.entity = entity
            self.sharedArticles = sharedArticles
        }
    }

    public var entity: StoredEntity
    /// Ordered by first publication (undated last), then role, then affiliation (absent first), by UTF-8 bytes.
    public var roles: [Role]
    /// Days with at least one mention, oldest first.
    public var mentionsByDay: [Day]
    /// Mentions in articles without a publication date.
    public var undatedMentions: Int
    /// Most shared articles first, then by ``StoredEntity`` rank (mentions, articles, name, id); at most the
    /// limit asked for.
    public var coMentioned: [CoMention]

    public init(
        entity: StoredEntity,
        roles: [Role],
        mentionsByDay: [Day],
        undatedMentions: Int,
        coMentioned: [CoMention]
    ) {
        self.entity = entity
        self.roles = roles
        self.mentionsByDay = mentionsByDay
        self.undatedMentions = undatedMentions
        self.coMentioned = coMentioned
    }
}

extension EntityProfile {
    /// Groups role facts into ``EntityProfile/roles``: given each article's roles once, articles visited in
    /// publication order (dated oldest first, undated last, ties by id), as every store does.
    package struct RoleGroups {
        private struct Key: Hashable {
            var role: String
            var affiliation: String?
        }

        private var groups: [Key: Role] = [:]

        package init() {}

        /// Counts `role` (with `affiliation`) as stated by article `articleID`, published on `published`.
        package mutating func add(role: String, affiliation: String?, articleID: String, published: PublicationDate?) {
            let key = Key(role: role, affiliation: affiliation)
            guard var group = groups[key] else {
                groups[key] = Role(
                    role: role,
                    affiliation: affiliation,
                    articleCount: 1,
                    firstPublished: published,
                    lastPublished: published,
                    firstArticleID: articleID
                )
                return
            }
            group.articleCount += 1
            if let published {
                if group.firstPublished == nil { group.firstPublished = published }
                group.lastPublished = published
            }
            groups[key] = group
        }

        /// The roles in the order of ``EntityProfile/roles``.
        package var roles: [Role] { groups.values.sorted(by: Role.precedes) }
    }
}

extension EntityProfile.Role {
    /// The order of ``EntityProfile/roles``.
    package static func precedes(_ a: Self, _ b: Self) -> Bool {
        switch (a.firstPublished, b.firstPublished) {
        case let (x?, y?) where StoreKeys.sortKey(x) != StoreKeys.sortKey(y):
            return StoreKeys.sortKey(x) < StoreKeys.sortKey(y)
        case (_?, nil): return true
        case (nil, _?): return false
        default: break
        }
        if a.role != b.role { return a.role.utf8.lexicographicallyPrecedes(b.role.utf8) }
        switch (a.affiliation, b.affiliation) {
        case let (x?, y?): return x.utf8.lexicographicallyPrecedes(y.utf8)
        case (nil, _?): return true
        default: return false
        }
    }
}

extension EntityProfile.CoMention {
    /// The order of ``EntityProfile/coMentioned``.
    package static func precedes(_ a: Self, _ b: Self) -> Bool {
        if a.sharedArticles != b.sharedArticles { return a.sharedArticles > b.sharedArticles }
        return StoredEntity.ranks(a.entity, before: b.entity)
    }
}
