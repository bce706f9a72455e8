import Foundation
import GRDB
import StorylineCore
import StorylineStore
import Testing

@testable import StorylineSQLite

/// The `entity_mention` and `quote` tables as the schema describes them: UTF-8 byte offsets into the body,
/// rows deleted with their article or replaced with its annotations, damaged rows reported.
@Suite("SQLiteStore entity and quote tables")
struct SQLiteAnnotationTableTests {
    @Test("entity mentions and quotes are stored as UTF-8 byte offsets into the body")
    func rowsAreByteOffsets() async throws {
        let ceasefire = QuoteSample.ceasefire()
        try await withTemporaryDirectory { directory in
            let path = directory + "/storyline.db"
            let store = try SQLiteStore(path: path)
            _ = try await store.save([ceasefire, QuoteSample.interview()])
            let queue = try DatabaseQueue(path: path)
            let (entities, quotes, speakers) = try await queue.read { db in
                func spans(_ sql: String) throws -> [String] {
                    try Row.fetchAll(db, sql: sql, arguments: [ceasefire.article.id]).map {
                        String(decoding: $0["span"] as Data, as: UTF8.self)
                    }
                }
                return (
                    try spans(
                        """
                        SELECT substr(CAST(a.body AS BLOB), m.start_byte + 1, m.end_byte - m.start_byte) AS span
                        FROM entity_mention m JOIN article a ON a.id = m.article_id
                        WHERE m.article_id = ? ORDER BY m.id
                        """
                    ),
                    try spans(
                        """
                        SELECT substr(CAST(a.body AS BLOB), q.start_byte + 1, q.end_byte - q.start_byte) AS span
                        FROM quote q JOIN article a ON a.id = q.article_id
                        WHERE q.article_id = ? ORDER BY q.id
                        """
                    ),
                    try spans(
                        """
                        SELECT substr(CAST(a.body AS BLOB), q.speaker_start + 1, q.speaker_end - q.speaker_start) AS span
                        FROM quote q JOIN article a ON a.id = q.article_id
                        WHERE q.article_id = ? ORDER BY q.id
                        """
                    )
                )
            }
            let text = Array(ceasefire.article.text.utf8)
            #expect(
                entities == ceasefire.annotations.entities.map { String(decoding: text[$0.range.range], as: UTF8.self) }
            )
            #expect(entities.contains("Marco Rubio") && entities.contains("Russia"))
            #expect(quotes.last == "Moscow would study the proposal carefully")
            #expect(quotes.contains("the ball is now in Russia’s court."), "curly quotes before it: bytes, not scalars")
            #expect(
                speakers == [
                    "Secretary of State Marco Rubio", "Secretary of State Marco Rubio", "Rubio",
                    "A Kremlin spokesman, Dmitry Peskov",
                ]
            )
        }
    }

    @Test("entity and quote rows are deleted with their article and replaced with its annotations")
    func rowsFollowTheirArticle() async throws {
        let ceasefire = QuoteSample.ceasefire()
        let interview = QuoteSample.interview()
        try await withTemporaryDirectory { directory in
            let path = directory + "/storyline.db"
            let store = try SQLiteStore(path: path)
            _ = try await store.save([ceasefire, interview])
            let queue = try DatabaseQueue(path: path)
            func count(_ table: String, _ id: String) async throws -> Int {
                try await queue.read { db in
                    try Int.fetchOne(db, sql: "SELECT COUNT(*) FROM \(table) WHERE article_id = ?", arguments: [id])
                        ?? -1
                }
            }
            #expect(try await count("entity_mention", ceasefire.article.id) == 11)
            #expect(try await count("quote", ceasefire.article.id) == 4)

            try await store.replaceAnnotations(
                [(id: ceasefire.article.id, annotations: ArticleAnnotations())],
                extractorVersion: "v"
            )
            #expect(try await count("entity_mention", ceasefire.article.id) == 0)
            #expect(try await count("quote", ceasefire.article.id) == 0)

            try await queue.write { db in
                try db.execute(sql: "DELETE FROM article WHERE id = ?", arguments: [interview.article.id])
            }
            #expect(try await count("entity_mention", interview.article.id) == 0)
            #expect(try await count("quote", interview.article.id) == 0)
            #expect(try store.integrityCheck() == [])
        }
    }

    @Test("a damaged entity or quote row is reported with the article, not trusted")
    func damagedRows() async throws {
        let article = QuoteSample.macron()
        try await withTemporaryDirectory { directory in
            let path = directory + "/storyline.db"
            let store = try SQLiteStore(path: path)
            _ = try await store.save([article])
            let queue = try DatabaseQueue(path: path)
            let damages = [
                "UPDATE entity_mention SET end_byte = 100000",
                "UPDATE entity_mention SET type = 'ANIMAL'",
                "UPDATE quote SET start_byte = end_byte + 1",
                "UPDATE quote SET kind = 'rumour'",
                "UPDATE quote SET speaker_end = NULL",
                "UPDATE quote SET speaker_start = 100000, speaker_end = 100001",
            ]
            for damage in damages {
                try await queue.write { db in try db.execute(sql: damage) }
                let error = await #expect(throws: StoreError.self) { try await store.article(id: article.article.id) }
                #expect(error?.message.contains(article.article.id) == true, "\(damage)")
                try await queue.write { db in
                    try SQLiteStore.deleteAnnotations(articleID: article.article.id, db)
                    try SQLiteStore.insertAnnotations(article.annotations, articleID: article.article.id, db)
                }
            }
            #expect(try await store.article(id: article.article.id)?.annotations == article.annotations)
        }
    }

    @Test("entity queries group through the canonical-name index")
    func entityQueryPlan() async throws {
        try await withTemporaryDirectory { directory in
            let path = directory + "/storyline.db"
            _ = try SQLiteStore(path: path)
            let plan = try await DatabaseQueue(path: path).read { db in
                try Row.fetchAll(
                    db,
                    sql: """
                        EXPLAIN QUERY PLAN
                        SELECT m.canonical, m.type, COUNT(*) FROM entity_mention m JOIN article a ON a.id = m.article_id
                        GROUP BY m.canonical, m.type
                        """
                ).map { $0["detail"] as String }.joined(separator: "; ")
            }
            #expect(plan.contains("entity_mention_canonical"), "\(plan)")
        }
    }
}
