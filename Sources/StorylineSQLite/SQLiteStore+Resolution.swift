import Foundation
import GRDB
import StorylineCore
import StorylineStore

/// Cross-document entities (schema migration `v5-resolved-entities`): the `entity` table, the entity id of
/// each mention (`entity_mention.entity_id`) and the resolver's snapshot (`resolver_state`, one row). The
/// store keeps what the caller's resolver computed and never resolves names itself.
extension SQLiteStore {
    /// An entity with its JSON columns encoded, ready to be written inside the write transaction.
    struct EncodedEntity: Sendable {
        var entity: StoredEntity
        var names: String
        var aliases: String

        init(_ entity: StoredEntity) throws {
            self.entity = entity
            do {
                names = try SQLiteStore.json(entity.names)
                aliases = try SQLiteStore.json(entity.aliases)
            } catch {
                throw StoreError(.io, "cannot encode entity \(entity.id) for storage", cause: String(describing: error))
            }
        }
    }

    // MARK: - ArticleStore

    public func storedContentHashes(among hashes: [String]) async throws -> Set<String> {
        guard !hashes.isEmpty else { return [] }
        return try await perform("look up content hashes in") {
            try await self.pool.read { db in
                var found: Set<String> = []
                for chunk in Self.chunked(hashes) {
                    let marks = databaseQuestionMarks(count: chunk.count)
                    found.formUnion(
                        try String.fetchAll(
                            db,
                            sql: "SELECT content_hash FROM article WHERE content_hash IN (\(marks))",
                            arguments: StatementArguments(chunk)
                        )
                    )
                }
                return found
            }
        }
    }

    public func entityResolverSnapshot() async throws -> Data? {
        try await perform("read the entity resolver state from") {
            try await self.pool.read { db in
                try Data.fetchOne(db, sql: "SELECT snapshot FROM resolver_state WHERE id = 1")
            }
        }
    }

    public func saveEntityResolverSnapshot(_ snapshot: Data) async throws {
        try await perform("write the entity resolver state to") {
            try await self.pool.write { db in try Self.writeSnapshot(snapshot, db) }
        }
    }

    public func resolvedEntities(matching query: EntityQuery) async throws -> [StoredEntity] {
        var conditions: [String] = []
        var arguments = StatementArguments()
        if let name = StoreKeys.filterKey(query.name) {
            // The canonical name, or a key of the names or aliases JSON objects.
            conditions.append(
                """
                (instr(swiftLowercaseString(e.canonical_name), ?) > 0
                 OR EXISTS (SELECT 1 FROM json_each(e.names) j WHERE instr(swiftLowercaseString(j.key), ?) > 0)
                 OR EXISTS (SELECT 1 FROM json_each(e.aliases) j WHERE instr(swiftLowercaseString(j.key), ?) > 0))
                """
            )
            arguments += [name, name, name]
        }
        if let type = query.type {
            conditions.append("e.type = ?")
            arguments += [type.rawValue]
        }
        arguments += [max(query.limit, 0), max(query.offset, 0)]
        let sql = """
            SELECT * FROM entity e
            \(conditions.isEmpty ? "" : "WHERE " + conditions.joined(separator: " AND "))
            ORDER BY e.mention_count DESC, e.article_count DESC, e.canonical_name, e.id
            LIMIT ? OFFSET ?
            """
        let finalArguments = arguments
        return try await perform("list resolved entities in") {
            try await self.pool.read { db in
                try Row.fetchAll(db, sql: sql, arguments: finalArguments).map(Self.decodeEntity)
            }
        }
    }

    public func replaceEntityResolution(_ resolution: EntityResolution) async throws {
        let entities = try resolution.entities.map(EncodedEntity.init)
        try await perform("replace the entity resolution in") {
            try await self.pool.write { db in
                try db.execute(sql: "UPDATE entity_mention SET entity_id = NULL WHERE entity_id IS NOT NULL")
                try db.execute(sql: "DELETE FROM entity")
                try Self.upsertEntities(entities, db)
                let select = try db.cachedStatement(
                    sql: "SELECT id FROM entity_mention WHERE article_id = ? ORDER BY id"
                )
                let exists = try db.cachedStatement(sql: "SELECT EXISTS (SELECT 1 FROM article WHERE id = ?)")
                let update = try db.cachedStatement(sql: "UPDATE entity_mention SET entity_id = ? WHERE id = ?")
                for (articleID, entityIDs) in resolution.mentionEntityIDs {
                    guard try Bool.fetchOne(exists, arguments: [articleID]) == true else {
                        throw StoreKeys.resolutionConflict(articleID)
                    }
                    let rows = try Int64.fetchAll(select, arguments: [articleID])
                    guard rows.count == entityIDs.count else {
                        throw StoreKeys.mentionCountMismatch(
                            articleID,
                            mentions: rows.count,
                            entityIDs: entityIDs.count
                        )
                    }
                    for (row, entityID) in zip(rows, entityIDs) {
                        try update.execute(arguments: [entityID, row])
                    }
                }
                try Self.clearStories(db)
                if let stories = resolution.stories {
                    let exists = try db.cachedStatement(sql: "SELECT EXISTS (SELECT 1 FROM article WHERE id = ?)")
                    for assignment in stories.articles
                    where try Bool.fetchOne(exists, arguments: [assignment.articleID]) != true {
                        throw StoreKeys.resolutionConflict(assignment.articleID)
                    }
                    try Self.writeStories(stories, db)
                }
                try Self.writeSnapshot(resolution.snapshot, db)
            }
        }
    }

    public func articleIDsInPublicationOrder() async throws -> [String] {
        try await perform("list articles in") {
            try await self.pool.read { db in
                try String.fetchAll(
                    db,
                    sql: "SELECT id FROM article ORDER BY published_key IS NULL, published_key, id"
                )
            }
        }
    }

    public func storedArticles(ids: [String]) async throws -> [StoredArticle] {
        try await perform("read articles from") {
            try await self.pool.read { db in try Self.storedArticles(ids: ids, db) }
        }
    }

    // MARK: - Rows

    /// Inserts the entities, or updates those already stored (by id): names and counts change as articles
    /// arrive. An upsert, not `INSERT OR REPLACE`, which would delete rows that mentions refer to.
    static func upsertEntities(_ entities: [EncodedEntity], _ db: Database) throws {
        guard !entities.isEmpty else { return }
        let statement = try db.cachedStatement(
            sql: """
                INSERT INTO entity (
                    id, type, canonical_name, mention_count, article_count, first_article_id, first_published,
                    last_article_id, last_published, names, aliases)
                VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)
                ON CONFLICT (id) DO UPDATE SET
                    type = excluded.type, canonical_name = excluded.canonical_name,
                    mention_count = excluded.mention_count, article_count = excluded.article_count,
                    first_article_id = excluded.first_article_id, first_published = excluded.first_published,
                    last_article_id = excluded.last_article_id, last_published = excluded.last_published,
                    names = excluded.names, aliases = excluded.aliases
                """
        )
        for encoded in entities {
            let entity = encoded.entity
            try statement.execute(arguments: [
                entity.id, entity.type.rawValue, entity.canonicalName, entity.mentionCount, entity.articleCount,
                entity.firstArticleID, entity.firstPublished?.iso8601, entity.lastArticleID,
                entity.lastPublished?.iso8601, encoded.names, encoded.aliases,
            ])
        }
    }

    /// Replaces the resolver snapshot; nil clears it.
    static func writeSnapshot(_ snapshot: Data?, _ db: Database) throws {
        guard let snapshot else { return try clearSnapshot(db) }
        try db.execute(
            sql: """
                INSERT INTO resolver_state (id, snapshot) VALUES (1, ?)
                ON CONFLICT (id) DO UPDATE SET snapshot = excluded.snapshot,
                    updated_at = strftime('%Y-%m-%dT%H:%M:%fZ', 'now')
                """,
            arguments: [snapshot]
        )
    }

    /// Forgets the resolver snapshot: the stored resolution no longer matches the mentions.
    static func clearSnapshot(_ db: Database) throws {
        try db.execute(sql: "DELETE FROM resolver_state")
    }

    static func decodeEntity(_ row: Row) throws -> StoredEntity {
        let id: Int64 = row["id"]
        let typeName: String = row["type"]
        guard let type = EntityType(rawValue: typeName) else {
            throw StoreError(.io, "entity \(id) is stored with an unknown type \"\(typeName)\"")
        }
        func counts(_ column: String) throws -> [String: Int] {
            let text: String = row[column]
            do {
                return try JSONDecoder().decode([String: Int].self, from: Data(text.utf8))
            } catch {
                throw StoreError(
                    .io,
                    "entity \(id) has unreadable JSON in column \(column)",
                    cause: String(describing: error)
                )
            }
        }
        func date(_ column: String) throws -> PublicationDate? {
            guard let text: String = row[column] else { return nil }
            guard let date = PublicationDate(iso8601: text) else {
                throw StoreError(.io, "entity \(id) has an unreadable date in column \(column): \"\(text)\"")
            }
            return date
        }
        return StoredEntity(
            id: id,
            type: type,
            canonicalName: row["canonical_name"],
            names: try counts("names"),
            aliases: try counts("aliases"),
            mentionCount: row["mention_count"],
            articleCount: row["article_count"],
            firstArticleID: row["first_article_id"],
            firstPublished: try date("first_published"),
            lastArticleID: row["last_article_id"],
            lastPublished: try date("last_published")
        )
    }
}
