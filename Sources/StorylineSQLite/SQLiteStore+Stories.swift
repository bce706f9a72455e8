import Foundation
import GRDB
import StorylineCore
import StorylineStore

/// Stories and merged events (schema migration `v8-stories`): the `story`, `article_story` and `story_event`
/// tables, written with the entity resolution (``StorylineStore/EntityResolution/stories``). The store keeps
/// what the caller's clusterer and merger computed — each story and event as its JSON record — and never
/// merges anything itself.
extension SQLiteStore {
    // MARK: - ArticleStore

    public func storyArticles() async throws -> [ArticleStory] {
        try await perform("read the story of each article from") {
            try await self.pool.read { db in
                try Row.fetchAll(
                    db,
                    sql: "SELECT article_id, story_id, thread_id, duplicate_of FROM article_story ORDER BY article_id"
                ).map { row in
                    ArticleStory(
                        articleID: row["article_id"],
                        story: row["story_id"],
                        thread: row["thread_id"],
                        duplicateOf: row["duplicate_of"]
                    )
                }
            }
        }
    }

    public func storedStories() async throws -> [StoredStory] {
        try await perform("read the stories from") {
            try await self.pool.read { db in
                try Row.fetchAll(db, sql: "SELECT id, record FROM story ORDER BY id").map { row in
                    StoredStory(id: row["id"], record: Data((row["record"] as String).utf8))
                }
            }
        }
    }

    public func storyEvents(matching query: StoryEventQuery) async throws -> [StoredStoryEvent] {
        var conditions: [String] = []
        var arguments = StatementArguments()
        if let type = query.type {
            conditions.append("type = ?")
            arguments += [type.rawValue]
        } else if query.excludeStatements {
            conditions.append("type <> ?")
            arguments += [EventType.statement.rawValue]
        }
        if let from = query.fromDay {
            conditions.append("last_day >= ?")
            arguments += [from]
        }
        if let to = query.toDay {
            conditions.append("first_day <= ?")
            arguments += [to]
        }
        let sql = """
            SELECT id, type, first_day, last_day, record FROM story_event
            \(conditions.isEmpty ? "" : "WHERE " + conditions.joined(separator: " AND "))
            ORDER BY first_day IS NULL, first_day, id
            """
        let finalArguments = arguments
        return try await perform("read the merged events from") {
            try await self.pool.read { db in
                try Self.values(db, sql, finalArguments) { row in
                    let id: String = row["id"]
                    let typeName: String = row["type"]
                    guard let type = EventType(rawValue: typeName) else {
                        throw StoreError(.io, "merged event \(id) is stored with an unknown type \"\(typeName)\"")
                    }
                    return StoredStoryEvent(
                        id: id,
                        type: type,
                        firstDay: row["first_day"],
                        lastDay: row["last_day"],
                        record: Data((row["record"] as String).utf8)
                    )
                }
            }
        }
    }

    // MARK: - Rows

    /// Inserts the assignments and writes the stories and events by id (a story or event already stored is
    /// replaced: events gain reports, stories change label as articles arrive).
    static func writeStories(_ stories: StoryResolution, _ db: Database) throws {
        let assign = try db.cachedStatement(
            sql: """
                INSERT INTO article_story (article_id, story_id, thread_id, duplicate_of) VALUES (?, ?, ?, ?)
                ON CONFLICT (article_id) DO UPDATE SET story_id = excluded.story_id,
                    thread_id = excluded.thread_id, duplicate_of = excluded.duplicate_of
                """
        )
        for a in stories.articles {
            try assign.execute(arguments: [a.articleID, a.story, a.thread, a.duplicateOf])
        }
        let story = try db.cachedStatement(
            sql: """
                INSERT INTO story (id, record) VALUES (?, ?)
                ON CONFLICT (id) DO UPDATE SET record = excluded.record
                """
        )
        for s in stories.stories {
            try story.execute(arguments: [s.id, String(decoding: s.record, as: UTF8.self)])
        }
        let event = try db.cachedStatement(
            sql: """
                INSERT INTO story_event (id, type, first_day, last_day, record) VALUES (?, ?, ?, ?, ?)
                ON CONFLICT (id) DO UPDATE SET type = excluded.type, first_day = excluded.first_day,
                    last_day = excluded.last_day, record = excluded.record
                """
        )
        for e in stories.events {
            try event.execute(arguments: [
                e.id, e.type.rawValue, e.firstDay, e.lastDay, String(decoding: e.record, as: UTF8.self),
            ])
        }
    }

    /// Deletes every story, assignment and merged event: they no longer match the stored annotations.
    static func clearStories(_ db: Database) throws {
        try db.execute(sql: "DELETE FROM article_story; DELETE FROM story; DELETE FROM story_event")
    }
}
