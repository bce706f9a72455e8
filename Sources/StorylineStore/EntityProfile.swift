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

extension EntityProfile {
    /// Builds a profile by a scan of the articles whose mentions resolve to one entity, fed in publication order
    /// (dated oldest first, undated last, ties by id): mentions per day, undated mentions, the articles shared
    /// with each other entity, and the roles the articles give it — the stores that scan (in-memory,
    /// PostgreSQL) build it alike.
    package struct Accumulator {
        let id: Int64
        private var days: [Int64: Day] = [:]
        private var undated = 0
        /// Articles shared with each other entity, by its id.
        package private(set) var shared: [Int64: Int] = [:]
        private var roles = RoleGroups()

        package init(id: Int64) { self.id = id }

        /// Adds one article: its annotations and the entity id of each of its mentions, its publication sort key
        /// (nil when undated), id and date.
        package mutating func add(
            _ annotations: ArticleAnnotations,
            entityIDs: [Int64],
            sortKey: Int64?,
            articleID: String,
            published: PublicationDate?
        ) {
            var names: Set<String> = []
            var mentions = 0
            for (mention, mentionID) in zip(annotations.entities, entityIDs) where mentionID == id {
                names.insert(mention.canonical)
                mentions += 1
            }
            if let sortKey {
                let day = StoreKeys.day(ofSortKey: sortKey)
                let dayKey = StoreKeys.dayStart(day)
                days[dayKey, default: Day(day: day, mentions: 0, articles: 0)].mentions += mentions
                days[dayKey]?.articles += 1
            } else {
                undated += mentions
            }
            for other in Set(entityIDs) where other != id { shared[other, default: 0] += 1 }
            var stated: Set<[String?]> = []
            for fact in annotations.roles where names.contains(fact.person) {
                guard stated.insert([fact.role, fact.affiliation]).inserted else { continue }
                roles.add(role: fact.role, affiliation: fact.affiliation, articleID: articleID, published: published)
            }
        }

        /// The profile of `entity`, with the `coMentionLimit` most co-mentioned of `others` (the co-mentioned
        /// entities by id: ``shared``'s keys).
        package func profile(of entity: StoredEntity, others: [Int64: StoredEntity], coMentionLimit: Int)
            -> EntityProfile
        {
            let coMentioned = shared.compactMap { other, count in
                others[other].map { CoMention(entity: $0, sharedArticles: count) }
            }.sorted(by: CoMention.precedes)
            return EntityProfile(
                entity: entity,
                roles: roles.roles,
                mentionsByDay: days.sorted { $0.key < $1.key }.map(\.value),
                undatedMentions: undated,
                coMentioned: Array(coMentioned.prefix(max(coMentionLimit, 0)))
            )
        }
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
