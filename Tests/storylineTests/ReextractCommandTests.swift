import Foundation
import StorylineCore
import StorylineSQLite
import StorylineStore
import Testing

/// `storyline reextract` recomputes the annotations of stored articles from their stored text and date: it must
/// leave exactly what `storyline extract` finds, redo only what is outdated, and survive being killed.
@Suite(.serialized)
struct ReextractCommandTests {
    static let corpus = IngestCommandTests.corpus

    /// Runs `reextract ARGS… --json` on `db` and decodes its summary.
    static func reextract(db: String, _ arguments: [String] = []) throws -> [String: Any] {
        let result = try CLI.run(["reextract", "--db", db, "--json"] + arguments)
        #expect(result.status == 0, "\(result.stderr)")
        return try #require(try JSONSerialization.jsonObject(with: Data(result.stdout.utf8)) as? [String: Any])
    }

    /// The `extractorVersion` of every stored article, from `show --json` (`"∅"` for JSON null).
    static func versions(db: String) throws -> [String: String] {
        var versions: [String: String] = [:]
        for row in try CLI.articles(db: db) {
            let id = try #require(row["id"] as? String)
            versions[id] = try CLI.show(id, db: db)["extractorVersion"] as? String ?? "∅"
        }
        return versions
    }

    @Test func redoesOnlyOutdatedArticlesAndStoresWhatExtractFinds() async throws {
        let dir = try CLI.temporaryDirectory()
        defer { try? FileManager.default.removeItem(at: dir) }
        let db = dir.appendingPathComponent("s.db").path
        let ingest = try CLI.run(["ingest", Self.corpus, "--db", db])
        #expect(ingest.status == 0, "\(ingest.stderr)")

        // Ingest records one version, the current one, for every article.
        let ingested = try IngestExtractionTests.shownArticles(db: db)
        #expect(ingested.count == 5)
        let current = try #require(Set(try Self.versions(db: db).values).first)
        #expect(try Set(Self.versions(db: db).values) == [current])
        #expect(current != "∅")

        // Make two articles outdated through the store: one's annotations come from an old extractor that found
        // nothing, the other's are right but from an unknown version (as in a database from before versions).
        let byCount = ingested.sorted { ($0.timexes?.count ?? 0) > ($1.timexes?.count ?? 0) }
        let (stale, unversioned) = (byCount[0], byCount[1])
        #expect((stale.timexes?.count ?? 0) > 3, "the test needs an article with time expressions")
        do {
            let store = try SQLiteStore(path: db)
            let kept = try #require(try await store.article(id: unversioned.id)?.annotations)
            try await store.replaceAnnotations(
                [(id: stale.id, annotations: ArticleAnnotations())],
                extractorVersion: "2000.01.01-0"
            )
            try await store.replaceAnnotations([(id: unversioned.id, annotations: kept)], extractorVersion: nil)
        }
        let before = try IngestExtractionTests.shownArticles(db: db)
        #expect(before.first { $0.id == stale.id }?.timexes == [], "the stale article's annotations were replaced")
        #expect(before.first { $0.id == stale.id }?.quotes == [])
        #expect(before.first { $0.id == stale.id }?.entities == [])
        let show = try CLI.run(["show", stale.id, "--db", db])
        #expect(
            show.stdout.contains("2000.01.01-0 (this is \(current); `storyline reextract` updates"),
            "\(show.stdout)"
        )

        let first = try Self.reextract(db: db)
        #expect(first["extractorVersion"] as? String == current)
        #expect(first["articles"] as? Int == 5)
        #expect(first["selected"] as? Int == 2)
        #expect(first["reextracted"] as? Int == 2)
        #expect(first["changed"] as? Int == 1)
        #expect(first["unchanged"] as? Int == 1)
        #expect(first["upToDate"] as? Int == 3)
        #expect(first["timexesBefore"] as? Int == unversioned.timexes?.count)
        #expect(first["timexesAfter"] as? Int == (stale.timexes?.count ?? 0) + (unversioned.timexes?.count ?? 0))
        #expect(first["entitiesBefore"] as? Int == unversioned.entities?.count)
        #expect(first["entitiesAfter"] as? Int == (stale.entities?.count ?? 0) + (unversioned.entities?.count ?? 0))
        #expect(first["quotesBefore"] as? Int == unversioned.quotes?.count)
        #expect(first["quotesAfter"] as? Int == (stale.quotes?.count ?? 0) + (unversioned.quotes?.count ?? 0))
        #expect((stale.quotes?.count ?? 0) > 0 && (stale.entities?.count ?? 0) > 0, "the stale article quotes someone")

        // What is stored now is what `extract` finds in the same text with the same date.
        let after = try IngestExtractionTests.shownArticles(db: db)
        #expect(try IngestExtractionTests.expectStoredMatchExtract(after) >= 10)
        #expect(after.map(\.timexes) == ingested.map(\.timexes))
        #expect(after.map(\.entities) == ingested.map(\.entities))
        #expect(after.map(\.quotes) == ingested.map(\.quotes))
        #expect(try Set(Self.versions(db: db).values) == [current])

        // Nothing is left to do; --all redoes everything and finds the same.
        let second = try Self.reextract(db: db)
        #expect(second["reextracted"] as? Int == 0)
        #expect(second["upToDate"] as? Int == 5)
        let all = try Self.reextract(db: db, ["--all", "--jobs", "2"])
        #expect(all["selected"] as? Int == 5)
        #expect(all["reextracted"] as? Int == 5)
        #expect(all["changed"] as? Int == 0)
        #expect(all["upToDate"] as? Int == 0)
        #expect(all["timexesBefore"] as? Int == all["timexesAfter"] as? Int)
        #expect(all["quotesBefore"] as? Int == all["quotesAfter"] as? Int)
        let redone = try IngestExtractionTests.shownArticles(db: db)
        #expect(redone.map(\.timexes) == ingested.map(\.timexes))
        #expect(redone.map(\.entities) == ingested.map(\.entities))
        #expect(redone.map(\.quotes) == ingested.map(\.quotes))

        let text = try CLI.run(["reextract", "--db", db])
        #expect(text.status == 0)
        #expect(text.stdout.contains("Re-extracted 0 of 5 articles with extractor \(current)"), "\(text.stdout)")
        #expect(text.stdout.contains("5 already up to date, skipped."), "\(text.stdout)")
    }

    @Test func aMissingDatabaseIsAnError() throws {
        let dir = try CLI.temporaryDirectory()
        defer { try? FileManager.default.removeItem(at: dir) }
        let db = dir.appendingPathComponent("none.db").path
        let result = try CLI.run(["reextract", "--db", db])
        #expect(result.status == 2)
        #expect(result.stderr.contains("no database at \(db)"))
        #expect(!FileManager.default.fileExists(atPath: db))
    }
}
