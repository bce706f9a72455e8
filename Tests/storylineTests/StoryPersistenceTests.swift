import Foundation
import StorylineCore
import StorylineSQLite
import StorylineStore
import Testing

@testable import storyline

/// Stories and merged events are computed once, at ingest, and kept in the database: later ingests add to
/// them without merging the earlier articles again, and the reading commands show what is stored.
struct StoryPersistenceTests {
    /// The example corpus's article files, in file order (which is their publication order).
    static func corpusFiles() throws -> [String] {
        let corpus = CLI.repositoryRoot.appendingPathComponent("Examples/corpus")
        return try FileManager.default.contentsOfDirectory(atPath: corpus.path)
            .filter { $0.hasSuffix(".txt") }.sorted().map { corpus.appendingPathComponent($0).path }
    }

    static func ingest(_ paths: [String], into db: String) throws {
        let run = try CLI.run(["ingest"] + paths + ["--db", db])
        #expect(run.status == 0, "\(run.stderr)")
    }

    /// Every event of the timeline (statements included) as comparable text: type, modality, date,
    /// participants, place and reporting articles.
    static func timeline(_ db: String) throws -> [String] {
        let run = try CLI.run(["timeline", "--db", db, "--statements", "--limit", "100000", "--format", "json"])
        #expect(run.status == 0, "\(run.stderr)")
        return try TimelineCommandTests.jsonArray(run.stdout).map { event in
            let reports = (event["reports"] as? [[String: Any]]) ?? []
            let articles = reports.compactMap { $0["articleID"] as? String }
            return [
                event["type"] as? String ?? "", event["modality"] as? String ?? "", event["date"] as? String ?? "",
                TimelineCommandTests.participants(event).joined(separator: ","), event["place"] as? String ?? "",
                articles.joined(separator: ","),
            ].joined(separator: " | ")
        }.sorted()
    }

    @Test func ingestingOneArticleAtATimeGivesTheTimelineOfOneIngest() throws {
        let dir = try CLI.temporaryDirectory()
        defer { try? FileManager.default.removeItem(at: dir) }
        let files = try Self.corpusFiles()
        let together = dir.appendingPathComponent("together.db").path
        try Self.ingest(files, into: together)
        let apart = dir.appendingPathComponent("apart.db").path
        for file in files { try Self.ingest([file], into: apart) }
        let expected = try Self.timeline(together)
        #expect(expected.count > 50, "\(expected)")
        #expect(try Self.timeline(apart) == expected)
    }

    @Test func aLaterIngestAddsReportsWithoutChangingEarlierEvents() async throws {
        let dir = try CLI.temporaryDirectory()
        defer { try? FileManager.default.removeItem(at: dir) }
        let files = try Self.corpusFiles()
        let db = dir.appendingPathComponent("story.db").path
        try Self.ingest(Array(files.prefix(2)), into: db)
        let before = try await StoryBuilder.build(from: SQLiteStore(path: db))
        #expect(!before.computed, "the events were merged at ingest and stored")
        #expect(!before.events.isEmpty)
        try Self.ingest(Array(files.dropFirst(2)), into: db)
        let after = try await StoryBuilder.build(from: SQLiteStore(path: db))
        #expect(!after.computed)
        let byID = Dictionary(uniqueKeysWithValues: after.events.map { ($0.merged.id, $0.merged) })
        for event in before.events.map(\.merged) {
            // Same ID, same type, every earlier report kept: new reports only join or start events.
            let later = try #require(byID[event.id], "event \(event.id) disappeared")
            #expect(later.type == event.type)
            let reports = Set(later.reports.map { "\($0.source.articleID)#\($0.index)" })
            #expect(event.reports.allSatisfy { reports.contains("\($0.source.articleID)#\($0.index)") })
        }
        // The articles of the second ingest joined events of the first: the 27 February meeting of Starmer and
        // Trump, reported on the 27th, the 28th and 3 March.
        let grown = after.events.filter { event in
            let old = before.events.first { $0.merged.id == event.merged.id }
            return old.map { $0.articleIDs.count < event.articleIDs.count } ?? false
        }
        #expect(!grown.isEmpty)
    }

    @Test func storiesLeftOutOfDateAreComputedForReadingAndRebuiltByTheNextIngest() async throws {
        let dir = try CLI.temporaryDirectory()
        defer { try? FileManager.default.removeItem(at: dir) }
        let files = try Self.corpusFiles()
        let db = dir.appendingPathComponent("story.db").path
        try Self.ingest(files, into: db)
        let expected = try Self.timeline(db)
        // What a `storyline reextract` killed before its rebuild leaves: new annotations, no stories, no
        // resolver snapshot.
        let store = try SQLiteStore(path: db)
        let stored = try #require(try await store.storedArticles(ids: [store.articleIDsInPublicationOrder()[0]]).first)
        try await store.replaceAnnotations(
            [(id: stored.article.id, annotations: try #require(stored.annotations))],
            extractorVersion: stored.extractorVersion
        )
        #expect(try await store.storyArticles().isEmpty)
        #expect(try await StoryBuilder.build(from: store).computed)
        #expect(try Self.timeline(db) == expected)
        // The next ingest, even of nothing new, rebuilds and stores them.
        try Self.ingest([files[0]], into: db)
        #expect(try await store.storyArticles().count == files.count)
        #expect(try await !StoryBuilder.build(from: store).computed)
        #expect(try Self.timeline(db) == expected)
    }
}
