import GRDB
import StorylineCore
import StorylineStore

/// Entity profiles: aggregates over the mentions resolved to one entity (`entity_mention.entity_id`, indexed),
/// the role facts of the names those mentions carry, and the other entities of the same articles.
extension SQLiteStore {
    public func entityProfile(id: Int64, coMentionLimit: Int) async throws -> EntityProfile? {
        let scale = StoreKeys.dayScale
        return try await perform("read an entity profile in") {
            try await self.pool.read { db -> EntityProfile? in
                guard let row = try Row.fetchOne(db, sql: "SELECT * FROM entity WHERE id = ?", arguments: [id]) else {
                    return nil
                }
                let entity = try Self.decodeEntity(row)

                var days: [EntityProfile.Day] = []
                var undated = 0
                let perDay = try Row.fetchCursor(
                    db,
                    sql: """
                        SELECT MIN(a.published_key) AS day_key, COUNT(*) AS mentions,
                               COUNT(DISTINCT a.id) AS articles
                        FROM entity_mention m JOIN article a ON a.id = m.article_id
                        WHERE m.entity_id = ?
                        GROUP BY a.published_key / \(scale)
                        ORDER BY a.published_key IS NULL, day_key
                        """,
                    arguments: [id]
                )
                while let row = try perDay.next() {
                    if let key: Int64 = row["day_key"] {
                        days.append(
                            EntityProfile.Day(
                                day: StoreKeys.day(ofSortKey: key),
                                mentions: row["mentions"],
                                articles: row["articles"]
                            )
                        )
                    } else {
                        undated = row["mentions"]
                    }
                }

                return EntityProfile(
                    entity: entity,
                    roles: try Self.roles(ofEntity: id, db),
                    mentionsByDay: days,
                    undatedMentions: undated,
                    coMentioned: try Self.coMentioned(withEntity: id, limit: coMentionLimit, db)
                )
            }
        }
    }

    /// The roles stated for names of the entity, grouped by role and affiliation, visiting articles in
    /// publication order (dated oldest first, undated last, ties by id).
    private static func roles(ofEntity id: Int64, _ db: Database) throws -> [EntityProfile.Role] {
        let rows = try Row.fetchCursor(
            db,
            sql: """
                SELECT DISTINCT r.role, r.affiliation, a.id, a.published, a.published_key
                FROM role_fact r JOIN article a ON a.id = r.article_id
                WHERE (r.article_id, r.person) IN (SELECT article_id, canonical FROM entity_mention WHERE entity_id = ?)
                ORDER BY a.published_key IS NULL, a.published_key, a.id
                """,
            arguments: [id]
        )
        var groups = EntityProfile.RoleGroups()
        while let row = try rows.next() {
            let articleID: String = row["id"]
            groups.add(
                role: row["role"],
                affiliation: row["affiliation"],
                articleID: articleID,
                published: try date(row["published"], column: "published", of: articleID)
            )
        }
        return groups.roles
    }

    /// The other entities of the articles that mention the entity, most shared articles first.
    private static func coMentioned(
        withEntity id: Int64,
        limit: Int,
        _ db: Database
    ) throws -> [EntityProfile.CoMention] {
        guard limit > 0 else { return [] }
        let rows = try Row.fetchAll(
            db,
            sql: """
                WITH shared AS (
                    SELECT o.entity_id, COUNT(DISTINCT o.article_id) AS articles
                    FROM (SELECT DISTINCT article_id FROM entity_mention WHERE entity_id = ?) mine
                    JOIN entity_mention o ON o.article_id = mine.article_id
                    WHERE o.entity_id IS NOT NULL AND o.entity_id != ?
                    GROUP BY o.entity_id
                )
                SELECT e.*, shared.articles AS shared_articles
                FROM shared JOIN entity e ON e.id = shared.entity_id
                ORDER BY shared.articles DESC, e.mention_count DESC, e.article_count DESC, e.canonical_name, e.id
                LIMIT ?
                """,
            arguments: [id, id, limit]
        )
        return try rows.map { row in
            EntityProfile.CoMention(entity: try decodeEntity(row), sharedArticles: row["shared_articles"])
        }
    }
}
