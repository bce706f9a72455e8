import Foundation
import Logging
import PostgresNIO
import StorylineCore
import StorylineStore

/// Cross-document entities, stories and merged events: the resolution the caller computed, written with the
/// batch that changed it (``save(_:resolution:)``) or replacing it whole (``replaceEntityResolution(_:)``).
extension PostgresStore {
    public func storedContentHashes(among hashes: [String]) async throws -> Set<String> {
        guard !hashes.isEmpty else { return [] }
        return try await read("look up content hashes in") { connection in
            var found: Set<String> = []
            for try await hash in try await connection.query(
                "SELECT content_hash FROM article WHERE content_hash = ANY(\(hashes)::text[])",
                logger: self.logger
            ).decode(String.self) {
                found.insert(hash)
            }
            return found
        }
    }

    public func entityResolverSnapshot() async throws -> Data? {
        try await read("read the entity resolver's state from") { connection in
            for try await snapshot in try await connection.query(
                "SELECT snapshot FROM resolver_state WHERE id = 1",
                logger: self.logger
            ).decode(Data.self) {
                return snapshot
            }
            return nil
        }
    }

    public func saveEntityResolverSnapshot(_ snapshot: Data) async throws {
        try await transaction("save the entity resolver's state to") { connection in
            try await Self.writeSnapshot(snapshot, connection, self.logger)
        }
    }

    public func resolvedEntities(matching query: EntityQuery) async throws -> [StoredEntity] {
        let name = StoreKeys.filterKey(query.name)
        var sql = SQLBuilder()
        sql.append("SELECT record FROM entity")
        if let type = query.type {
            sql.append(" WHERE type = ")
            sql.bind(type.rawValue)
        }
        let finalQuery = sql.query
        let matching = try await read("list resolved entities in") { connection in
            var entities: [StoredEntity] = []
            for try await record in try await connection.query(finalQuery, logger: self.logger).decode(String.self) {
                let entity = try Self.decode(StoredEntity.self, record, "an entity")
                if let name, !entity.matches(nameKey: name) { continue }
                entities.append(entity)
            }
            return entities
        }
        let sorted = matching.sorted(by: StoredEntity.ranks)
        let offset = min(max(query.offset, 0), sorted.count)
        let end = offset + min(max(query.limit, 0), sorted.count - offset)
        return Array(sorted[offset..<end])
    }

    public func entityProfile(id: Int64, coMentionLimit: Int) async throws -> EntityProfile? {
        try await read("read the profile of entity \(id) in") { connection in
            guard let entity = try await Self.entities(ids: [id], connection, self.logger)[id] else { return nil }
            var ids: [String] = []
            for try await articleID in try await connection.query(
                """
                SELECT id FROM article WHERE entity_ids @> ARRAY[\(id)]::bigint[]
                ORDER BY published_key NULLS LAST, id
                """,
                logger: self.logger
            ).decode(String.self) {
                ids.append(articleID)
            }
            var profile = EntityProfile.Accumulator(id: id)
            var start = 0
            while start < ids.count {
                let page = Array(ids[start..<min(start + 200, ids.count)])
                start += page.count
                for row in try await Self.articleRows(ids: page, connection, self.logger) {
                    guard let annotations = row.stored.annotations, let entityIDs = row.entityIDs else { continue }
                    profile.add(
                        annotations,
                        entityIDs: entityIDs,
                        sortKey: row.sortKey,
                        articleID: row.stored.article.id,
                        published: row.stored.article.published
                    )
                }
            }
            let others = try await Self.entities(ids: Array(profile.shared.keys), connection, self.logger)
            return profile.profile(of: entity, others: others, coMentionLimit: coMentionLimit)
        }
    }

    /// The stored entities with these ids, by id.
    static func entities(ids: [Int64], _ connection: PostgresConnection, _ logger: Logger) async throws
        -> [Int64: StoredEntity]
    {
        guard !ids.isEmpty else { return [:] }
        var found: [Int64: StoredEntity] = [:]
        for try await (id, record) in try await connection.query(
            "SELECT id, record FROM entity WHERE id = ANY(\(ids)::bigint[])",
            logger: logger
        ).decode((Int64, String).self) {
            found[id] = try decode(StoredEntity.self, record, "entity \(id)")
        }
        return found
    }

    public func replaceEntityResolution(_ resolution: EntityResolution) async throws {
        let entities = try resolution.entities.map(EncodedEntity.init)
        let listed = Array(resolution.mentionEntityIDs.keys)
        try await transaction("replace the entity resolution in") { connection in
            try await connection.query(
                "UPDATE article SET entity_ids = NULL WHERE entity_ids IS NOT NULL",
                logger: self.logger
            )
            try await connection.query("DELETE FROM entity", logger: self.logger)
            try await Self.upsertEntities(entities, connection, self.logger)
            var mentions: [String: Int] = [:]
            for try await (id, count) in try await connection.query(
                """
                SELECT a.id, (SELECT COUNT(*) FROM entity_mention m WHERE m.article_id = a.id)
                FROM article a WHERE a.id = ANY(\(listed)::text[])
                """,
                logger: self.logger
            ).decode((String, Int).self) {
                mentions[id] = count
            }
            for (articleID, entityIDs) in resolution.mentionEntityIDs.sorted(by: { $0.key < $1.key }) {
                guard let count = mentions[articleID] else { throw StoreKeys.resolutionConflict(articleID) }
                guard count == entityIDs.count else {
                    throw StoreKeys.mentionCountMismatch(articleID, mentions: count, entityIDs: entityIDs.count)
                }
                try await connection.query(
                    "UPDATE article SET entity_ids = \(entityIDs) WHERE id = \(articleID)",
                    logger: self.logger
                )
            }
            try await Self.clearStories(connection, self.logger)
            if let stories = resolution.stories {
                let assigned = stories.articles.map(\.articleID)
                var stored: Set<String> = []
                for try await id in try await connection.query(
                    "SELECT id FROM article WHERE id = ANY(\(assigned)::text[])",
                    logger: self.logger
                ).decode(String.self) {
                    stored.insert(id)
                }
                if let missing = assigned.first(where: { !stored.contains($0) }) {
                    throw StoreKeys.resolutionConflict(missing)
                }
                try await Self.writeStories(stories, connection, self.logger)
            }
            try await Self.writeSnapshot(resolution.snapshot, connection, self.logger)
            try await Self.bumpRevision(connection, self.logger)
        }
    }

    public func articleIDsInPublicationOrder() async throws -> [String] {
        try await read("list the articles of") { connection in
            var ids: [String] = []
            for try await id in try await connection.query(
                "SELECT id FROM article ORDER BY published_key NULLS LAST, id",
                logger: self.logger
            ).decode(String.self) {
                ids.append(id)
            }
            return ids
        }
    }

    public func storedArticles(ids: [String]) async throws -> [StoredArticle] {
        try await read("read \(ids.count) article(s) from") { connection in
            try await Self.storedArticles(ids: ids, connection, self.logger)
        }
    }

    /// Inserts or updates entities by id.
    static func upsertEntities(_ entities: [EncodedEntity], _ connection: PostgresConnection, _ logger: Logger)
        async throws
    {
        guard !entities.isEmpty else { return }
        let ids = entities.map(\.entity.id)
        let types = entities.map(\.entity.type.rawValue)
        let names = entities.map(\.entity.canonicalName)
        let mentions = entities.map { Int64($0.entity.mentionCount) }
        let articles = entities.map { Int64($0.entity.articleCount) }
        let records = entities.map(\.record)
        try await connection.query(
            """
            INSERT INTO entity (id, type, canonical_name, mention_count, article_count, record)
            SELECT * FROM unnest(\(ids)::bigint[], \(types)::text[], \(names)::text[], \(mentions)::bigint[],
                                 \(articles)::bigint[], \(records)::text[])
            ON CONFLICT (id) DO UPDATE SET type = excluded.type, canonical_name = excluded.canonical_name,
                mention_count = excluded.mention_count, article_count = excluded.article_count,
                record = excluded.record
            """,
            logger: logger
        )
    }

    /// Replaces the stored snapshot; nil clears it (the store has none until the next one is written).
    static func writeSnapshot(_ snapshot: Data?, _ connection: PostgresConnection, _ logger: Logger) async throws {
        if let snapshot {
            try await connection.query(
                """
                INSERT INTO resolver_state (id, snapshot) VALUES (1, \(snapshot))
                ON CONFLICT (id) DO UPDATE SET snapshot = excluded.snapshot, updated_at = now()
                """,
                logger: logger
            )
        } else {
            try await connection.query("DELETE FROM resolver_state", logger: logger)
        }
    }

    // MARK: - Stories and merged events

    public func storyArticles() async throws -> [ArticleStory] {
        try await read("read the stories of the articles in") { connection in
            var assignments: [ArticleStory] = []
            for try await (id, story, thread, duplicate) in try await connection.query(
                "SELECT article_id, story_id, thread_id, duplicate_of FROM article_story ORDER BY article_id",
                logger: self.logger
            ).decode((String, Int, Int, String?).self) {
                assignments.append(ArticleStory(articleID: id, story: story, thread: thread, duplicateOf: duplicate))
            }
            return assignments
        }
    }

    public func storedStories() async throws -> [StoredStory] {
        try await read("read the stories in") { connection in
            var stories: [StoredStory] = []
            for try await (id, record) in try await connection.query(
                "SELECT id, record FROM story ORDER BY id",
                logger: self.logger
            ).decode((Int, Data).self) {
                stories.append(StoredStory(id: id, record: record))
            }
            return stories
        }
    }

    public func storyEvents(matching query: StoryEventQuery) async throws -> [StoredStoryEvent] {
        let events = try await read("read the merged events in") { connection in
            var events: [StoredStoryEvent] = []
            for try await (id, typeName, first, last, record) in try await connection.query(
                "SELECT id, type, first_day, last_day, record FROM story_event",
                logger: self.logger
            ).decode((String, String, Int?, Int?, Data).self) {
                guard let type = EventType(rawValue: typeName) else {
                    throw StoreError(.io, "merged event \(id) is stored with an unknown type \"\(typeName)\"")
                }
                let event = StoredStoryEvent(id: id, type: type, firstDay: first, lastDay: last, record: record)
                if query.matches(event) { events.append(event) }
            }
            return events
        }
        return events.sorted { a, b in
            switch (a.firstDay, b.firstDay) {
            case let (x?, y?) where x != y: return x < y
            case (_?, nil): return true
            case (nil, _?): return false
            default: return a.id.utf8.lexicographicallyPrecedes(b.id.utf8)
            }
        }
    }

    /// Writes stories, assignments and merged events by id (inserted or replaced).
    static func writeStories(_ stories: StoryResolution, _ connection: PostgresConnection, _ logger: Logger)
        async throws
    {
        for story in stories.stories {
            try await connection.query(
                """
                INSERT INTO story (id, record) VALUES (\(story.id), \(story.record))
                ON CONFLICT (id) DO UPDATE SET record = excluded.record
                """,
                logger: logger
            )
        }
        for assignment in stories.articles {
            try await connection.query(
                """
                INSERT INTO article_story (article_id, story_id, thread_id, duplicate_of)
                VALUES (\(assignment.articleID), \(assignment.story), \(assignment.thread), \(assignment.duplicateOf))
                ON CONFLICT (article_id) DO UPDATE SET story_id = excluded.story_id,
                    thread_id = excluded.thread_id, duplicate_of = excluded.duplicate_of
                """,
                logger: logger
            )
        }
        for event in stories.events {
            try await connection.query(
                """
                INSERT INTO story_event (id, type, first_day, last_day, record)
                VALUES (\(event.id), \(event.type.rawValue), \(event.firstDay), \(event.lastDay), \(event.record))
                ON CONFLICT (id) DO UPDATE SET type = excluded.type, first_day = excluded.first_day,
                    last_day = excluded.last_day, record = excluded.record
                """,
                logger: logger
            )
        }
    }

    /// Forgets every story, assignment and merged event.
    static func clearStories(_ connection: PostgresConnection, _ logger: Logger) async throws {
        try await connection.query("DELETE FROM article_story", logger: logger)
        try await connection.query("DELETE FROM story", logger: logger)
        try await connection.query("DELETE FROM story_event", logger: logger)
    }
}
