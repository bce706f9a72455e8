import Foundation
import GRDB
import StorylineCore
import StorylineSQLite
import StorylineStore
import Testing

/// What only the SQLite store promises: a file that persists, is shared, and is guarded against foreign
/// or newer databases.
@Suite("SQLiteStore")
struct SQLiteStoreTests {
    @Test("articles and sources persist across closing and reopening the file")
    func persistsAcrossReopen() async throws {
        let live = Sample.liveBlog()
        let copy = Sample.syndicated(live, outlet: "BBC News", url: "https://www.bbc.co.uk/news/live/world-123")
        try await withTemporaryDirectory { directory in
            let path = directory + "/storyline.db"
            do {
                let store = try SQLiteStore(path: path)
                #expect(try await store.save([live, copy]) == [.inserted, .addedSource])
            }
            let reopened = try SQLiteStore(path: path)
            #expect(try await reopened.counts() == StoreCounts(articles: 1, sources: 2))
            let stored = try #require(try await reopened.article(id: live.id))
            #expect(stored.article == live)
            #expect(stored.sources == [ArticleSource(live), ArticleSource(copy)])
            #expect(try await reopened.save([copy, live]) == [.unchanged, .unchanged])
            #expect(try reopened.integrityCheck() == [])
        }
    }

    @Test("two stores on one file see each other's writes and never store a reading twice")
    func sharedFile() async throws {
        let bodies = (0..<12).map { Sample.article("Shared file story \($0).") }
        let copies = bodies.map { Sample.syndicated($0, outlet: "AFP", url: "https://www.afp.com/\($0.id)") }
        try await withTemporaryDirectory { directory in
            let path = directory + "/storyline.db"
            let first = try SQLiteStore(path: path)
            let second = try SQLiteStore(path: path)
            #expect(try await first.save([bodies[0]]) == [.inserted])
            #expect(try await second.article(id: bodies[0].id)?.article == bodies[0])
            #expect(try await second.save([copies[0]]) == [.addedSource])
            #expect(try await first.article(id: bodies[0].id)?.sources.count == 2)

            // Both connections write the same readings at once: the file's lock serializes them.
            let outcomes = try await withThrowingTaskGroup(of: [SaveOutcome].self) { group in
                for (index, store) in [first, second, first, second].enumerated() {
                    let batch = index.isMultiple(of: 2) ? bodies + copies : (copies + bodies).reversed()
                    group.addTask { try await store.save(batch) }
                }
                return try await group.reduce(into: []) { $0 += $1 }
            }
            #expect(outcomes.filter { $0 == .inserted }.count == bodies.count - 1)
            #expect(outcomes.filter { $0 == .addedSource }.count == copies.count - 1)
            #expect(try await first.counts() == StoreCounts(articles: 12, sources: 24))
            #expect(try await second.counts() == StoreCounts(articles: 12, sources: 24))
            #expect(try first.integrityCheck() == [])
        }
    }

    @Test("a write through one store changes the revision another store on the file reads")
    func revisionAcrossConnections() async throws {
        try await withTemporaryDirectory { directory in
            let path = directory + "/storyline.db"
            let reader = try SQLiteStore(path: path)
            let writer = try SQLiteStore(path: path)
            let before = try await reader.revision()
            #expect(try await writer.save([Sample.article("Revision story.")]) == [.inserted])
            let after = try await reader.revision()
            #expect(after != before)
            // Reopened: the number is kept in the file.
            #expect(try await SQLiteStore(path: path).revision() == after)
        }
    }

    @Test("a directory that does not exist cannot be opened, and the message names the path")
    func missingDirectory() async throws {
        try await withTemporaryDirectory { directory in
            let path = directory + "/no/such/dir/storyline.db"
            let error = #expect(throws: StoreError.self) { try SQLiteStore(path: path) }
            #expect(error?.code == .cannotOpen)
            #expect(error?.message == "cannot open database at \(path)")
            #expect(error?.cause != nil)
        }
    }

    @Test("a file that is not a database is refused and left untouched")
    func notADatabase() async throws {
        try await withTemporaryDirectory { directory in
            let path = directory + "/notes.txt"
            let text = String(repeating: "These are my notes, not a database.\n", count: 200)
            try text.write(toFile: path, atomically: true, encoding: .utf8)
            let error = #expect(throws: StoreError.self) { try SQLiteStore(path: path) }
            #expect(error?.code == .incompatibleSchema)
            #expect(error?.message.contains(path) == true)
            #expect(error?.message.contains("not a Storyline database") == true)
            #expect(try String(contentsOfFile: path, encoding: .utf8) == text)
        }
    }

    @Test("another program's SQLite database is refused and left untouched")
    func foreignDatabase() async throws {
        try await withTemporaryDirectory { directory in
            let path = directory + "/other.db"
            try await DatabaseQueue(path: path).write { db in
                try db.execute(sql: "CREATE TABLE contact (name TEXT); INSERT INTO contact VALUES ('Ada')")
            }
            let error = #expect(throws: StoreError.self) { try SQLiteStore(path: path) }
            #expect(error?.code == .incompatibleSchema)
            #expect(error?.message == "the database at \(path) is not a Storyline database; refusing to modify it")
            let tables = try await DatabaseQueue(path: path).read { db in
                try String.fetchAll(db, sql: "SELECT name FROM sqlite_master WHERE type = 'table' ORDER BY name")
            }
            #expect(tables == ["contact"])
        }
    }

    @Test("a database migrated by a newer Storyline is refused")
    func futureSchema() async throws {
        let article = Sample.article("Stored before the upgrade.")
        try await withTemporaryDirectory { directory in
            let path = directory + "/storyline.db"
            do {
                let store = try SQLiteStore(path: path)
                _ = try await store.save([article])
            }
            try await DatabaseQueue(path: path).write { db in
                try db.execute(sql: "INSERT INTO grdb_migrations (identifier) VALUES ('v99-future')")
            }
            let error = #expect(throws: StoreError.self) { try SQLiteStore(path: path) }
            #expect(error?.code == .incompatibleSchema)
            #expect(error?.message.contains("newer version of Storyline") == true)
            #expect(error?.message.contains("v99-future") == true)
        }
    }

    @Test("integrityCheck is empty after writes and reports a dangling source")
    func integrityCheck() async throws {
        try await withTemporaryDirectory { directory in
            let path = directory + "/storyline.db"
            let store = try SQLiteStore(path: path)
            let live = Sample.liveBlog()
            _ = try await store.save([live, Sample.syndicated(live, outlet: "AP", url: "https://apnews.com/live")])
            _ = try await store.save((0..<5).map { Sample.article("Integrity story \($0).") })
            #expect(try store.integrityCheck() == [])

            // Break a foreign key behind the store's back.
            var configuration = Configuration()
            configuration.foreignKeysEnabled = false
            try await DatabaseQueue(path: path, configuration: configuration).write { db in
                try db.execute(
                    sql: """
                        INSERT INTO article_source (article_id, key, byline, origin)
                        VALUES ('0000000000000000', 'orphan', '[]', '{}')
                        """
                )
            }
            let problems = try store.integrityCheck()
            #expect(problems.count == 1)
            #expect(problems.first?.contains("article_source") == true)
        }
    }

    @Test("the default path is a file in the working directory")
    func defaultPath() {
        #expect(SQLiteStore.defaultPath == "storyline.db")
    }
}
