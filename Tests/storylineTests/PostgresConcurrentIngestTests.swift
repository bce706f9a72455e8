import Foundation
import StorylineCore
import StorylinePostgres
import StorylineSQLite
import StorylineStore
import Testing

/// Many workers, one database: `storyline ingest --db postgres://…` processes started together on overlapping
/// inputs store every article, source, quote, entity mention and event exactly once, and resolve entities
/// across documents as one ingest of all the inputs does. Runs only when `STORYLINE_POSTGRES_URL` names a
/// server (each run creates databases of its own there and drops them).
@Suite(.serialized)
struct PostgresConcurrentIngestTests {
    /// What is stored, in numbers: equal for two stores holding the same articles resolved alike.
    struct Census: Equatable, CustomStringConvertible {
        var articles: [String: Int] = [:]  // id → number of sources
        var counts = StoreCounts(articles: 0, sources: 0)
        var quotes = 0
        var mentions = 0
        var events = 0
        var resolvedEntities = 0
        var resolvedMentions = 0
        var articlesWithStory = 0

        var description: String {
            "\(counts.articles) articles, \(counts.sources) sources, \(quotes) quotes, \(mentions) mentions, "
                + "\(events) events, \(resolvedEntities) resolved entities naming \(resolvedMentions) mentions, "
                + "\(articlesWithStory) articles with a story"
        }

        static func of(_ store: any ArticleStore) async throws -> Census {
            var census = Census()
            census.counts = try await store.counts()
            for summary in try await store.articles(ArticleQuery(limit: 1_000_000)) {
                census.articles[summary.id] = summary.sourceCount
            }
            census.quotes = try await store.quotes(matching: QuoteQuery(limit: 1_000_000)).count
            census.mentions = try await store.entities(matching: EntityQuery(limit: 1_000_000)).reduce(0) {
                $0 + $1.mentions
            }
            let ids = try await store.articleIDsInPublicationOrder()
            census.events = try await store.storedArticles(ids: ids).reduce(0) {
                $0 + ($1.annotations?.events.count ?? 0)
            }
            let entities = try await store.resolvedEntities(matching: EntityQuery(limit: 1_000_000))
            census.resolvedEntities = entities.count
            census.resolvedMentions = entities.reduce(0) { $0 + $1.mentionCount }
            census.articlesWithStory = try await store.storyArticles().count
            return census
        }
    }

    @Test(
        "four ingest processes on overlapping inputs store everything exactly once",
        .enabled(
            if: PostgresTestDatabase.serverURL != nil,
            "skipped: STORYLINE_POSTGRES_URL is not set, so the concurrent PostgreSQL ingest does not run"
        )
    )
    func fourWorkersOneDatabase() async throws {
        let server = try #require(PostgresTestDatabase.serverURL)
        let dir = try CLI.temporaryDirectory()
        defer { try? FileManager.default.removeItem(at: dir) }
        let all = dir.appendingPathComponent("all")
        try FileManager.default.createDirectory(at: all, withIntermediateDirectories: true)
        let files = 8
        let total = 320
        try CrashSafetyTests.writeInput(to: all, count: total, files: files, sentences: 8)
        // Worker w reads files 2w…2w+3 (mod 8): half of its input is its left neighbour's, half its right's. The
        // same files, by the same paths: a source is keyed by its locator, so a copy elsewhere is another source.
        let sets: [[String]] = (0..<4).map { worker in
            (0..<4).map { k in
                all.appendingPathComponent(String(format: "part-%03d.jsonl", (2 * worker + k) % files)).path
            }
        }

        // References: one SQLite ingest and one PostgreSQL ingest of the union.
        let sqlitePath = dir.appendingPathComponent("reference.db").path
        let sqliteRun = try CLI.run(["ingest", all.path, "--db", sqlitePath, "--quiet"])
        #expect(sqliteRun.status == 0, "\(sqliteRun.stderr)")
        let expected = try await Census.of(SQLiteStore(path: sqlitePath))
        #expect(expected.counts == StoreCounts(articles: total, sources: total))

        try await PostgresTestDatabase.with(serverURL: server) { sequentialURL in
            let run = try CLI.run(["ingest", all.path, "--db", sequentialURL, "--quiet"])
            #expect(run.status == 0, "\(run.stderr)")
            let store = try PostgresStore(url: sequentialURL)
            let sequential = try await Census.of(store)
            await store.close()
            #expect(sequential == expected, "sequential PostgreSQL: \(sequential); SQLite: \(expected)")
        }

        try await PostgresTestDatabase.with(serverURL: server) { url in
            // Four processes started together, each on its half-shared input.
            var processes: [(Process, Pipe, Pipe)] = []
            for set in sets {
                let process = Process()
                process.executableURL = CLI.binary
                process.arguments = ["ingest"] + set + ["--db", url, "--json", "--jobs", "1"]
                let out = Pipe()
                let err = Pipe()
                process.standardOutput = out
                process.standardError = err
                processes.append((process, out, err))
            }
            let started = Date()
            for (process, _, _) in processes { try process.run() }
            var inserted = 0
            for (process, out, err) in processes {
                let output = out.fileHandleForReading.readDataToEndOfFile()
                let errors = String(decoding: err.fileHandleForReading.readDataToEndOfFile(), as: UTF8.self)
                process.waitUntilExit()
                #expect(process.terminationStatus == 0, "\(errors)")
                let summary = try JSONSerialization.jsonObject(with: output) as? [String: Any]
                inserted += summary?["inserted"] as? Int ?? 0
            }
            let seconds = Date().timeIntervalSince(started)
            // Each article was inserted by exactly one of the workers.
            #expect(inserted == total)

            let store = try PostgresStore(url: url)
            let concurrent = try await Census.of(store)
            await store.close()
            #expect(concurrent.articles == expected.articles)
            #expect(concurrent.counts == expected.counts)
            #expect(concurrent.quotes == expected.quotes)
            #expect(concurrent.mentions == expected.mentions)
            #expect(concurrent.events == expected.events)
            #expect(concurrent.articlesWithStory == expected.articlesWithStory)
            // Every mention resolved once: no batch's resolution lost or applied twice.
            #expect(concurrent.resolvedMentions == concurrent.mentions)
            // No entity created twice by two workers: as many as one ingest of everything resolves.
            #expect(concurrent.resolvedEntities == expected.resolvedEntities, "\(concurrent) vs \(expected)")
            FileHandle.standardError.write(
                Data(
                    "concurrent PostgreSQL ingest: 4 processes, \(total * 2) readings in \(String(format: "%.1f", seconds)) s: \(concurrent)\n"
                        .utf8
                )
            )
        }
    }
}
