import Foundation
import StorylineIngest
import StorylineSQLite
import StorylineStore
import Testing

@testable import storyline

/// A large JSON Lines file is ingested in segments, on every core, with the same result as reading it whole:
/// the same stored articles and annotations, the same resolved entities, and the same errors by line number.
struct IngestSegmentsTests {
    @Test func aFileIngestedInSegmentsStoresWhatTheWholeFileStores() async throws {
        let dir = try CLI.temporaryDirectory()
        defer { try? FileManager.default.removeItem(at: dir) }
        try CrashSafetyTests.writeInput(to: dir, count: 150, files: 1, sentences: 3)
        let input = dir.appendingPathComponent("part-000.jsonl")
        // A broken line in the middle and a line without text near the end: reported with their line numbers.
        var lines = try String(contentsOf: input, encoding: .utf8).split(separator: "\n").map(String.init)
        lines.insert("{\"text\": \"unterminated", at: 70)
        lines.insert("{\"title\": \"no body\"}", at: 140)
        try Data((lines.joined(separator: "\n") + "\n").utf8).write(to: input)

        func ingest(_ segmenter: JSONLSegments, into name: String) async throws -> (IngestRunner.Summary, SQLiteStore) {
            let store = try SQLiteStore(path: dir.appendingPathComponent(name).path)
            var runner = IngestRunner(store: store, jobs: 2)
            runner.batchSize = 16
            runner.segmenter = segmenter
            return (try await runner.run(paths: [input.path]) { _ in }, store)
        }
        let (whole, wholeStore) = try await ingest(JSONLSegments(), into: "whole.db")
        let (cut, cutStore) = try await ingest(JSONLSegments(segmentBytes: 2000, minimumFileBytes: 0), into: "cut.db")
        #expect(try JSONLSegments(segmentBytes: 2000, minimumFileBytes: 0).split(path: input.path)!.count > 20)

        #expect(whole.files == 1 && cut.files == 1)
        #expect(whole.failedFiles == 0 && cut.failedFiles == 0)
        #expect(whole.inserted == 150 && cut.inserted == 150)
        #expect(cut.bytes == whole.bytes)
        let errors = cut.errors.map { "\($0.location ?? "") \($0.code)" }
        #expect(errors == ["line 71 malformedJSON", "line 141 missingField"])
        #expect(errors == whole.errors.map { "\($0.location ?? "") \($0.code)" })

        let ids = try await wholeStore.articleIDsInPublicationOrder()
        #expect(try await cutStore.articleIDsInPublicationOrder() == ids)
        let expected = try await wholeStore.storedArticles(ids: ids)
        let got = try await cutStore.storedArticles(ids: ids)
        #expect(got.map(\.annotations) == expected.map(\.annotations))
        #expect(got.map(\.article.origin.record) == expected.map(\.article.origin.record))
        let entities = try await wholeStore.resolvedEntities(matching: EntityQuery())
        #expect(!entities.isEmpty)
        #expect(try await cutStore.resolvedEntities(matching: EntityQuery()) == entities)
    }
}

/// JSON Lines piped into `storyline ingest -` are cut as they arrive: the same result as ingesting the file.
struct IngestStdinStreamTests {
    @Test func pipedJSONLinesStoreWhatTheFileStores() async throws {
        let dir = try CLI.temporaryDirectory()
        defer { try? FileManager.default.removeItem(at: dir) }
        try CrashSafetyTests.writeInput(to: dir, count: 500, files: 1, sentences: 3)
        let input = dir.appendingPathComponent("part-000.jsonl")
        var lines = try String(contentsOf: input, encoding: .utf8).split(separator: "\n").map(String.init)
        lines.insert("{\"text\": \"unterminated", at: 450)
        let data = Data((lines.joined(separator: "\n") + "\n").utf8)
        try data.write(to: input)
        #expect(data.count > JSONLSegments().segmentBytes, "more than one segment")

        let fromFile = dir.appendingPathComponent("file.db").path
        let file = try CLI.run(["ingest", input.path, "--db", fromFile, "--json"])
        let fromPipe = dir.appendingPathComponent("pipe.db").path
        let pipe = try CLI.run(["ingest", "-", "--db", fromPipe, "--json"], stdin: data)
        #expect(file.status == 1 && pipe.status == 1)
        let fileSummary = try JSONSerialization.jsonObject(with: Data(file.stdout.utf8)) as? [String: Any]
        let pipeSummary = try JSONSerialization.jsonObject(with: Data(pipe.stdout.utf8)) as? [String: Any]
        #expect(pipeSummary?["inserted"] as? Int == 500 && fileSummary?["inserted"] as? Int == 500)
        #expect(pipeSummary?["files"] as? Int == 1 && pipeSummary?["failedFiles"] as? Int == 0)
        let pipeErrors = (pipeSummary?["errors"] as? [[String: Any]]) ?? []
        #expect(pipeErrors.compactMap { $0["location"] as? String } == ["line 451"])

        let expected = try await ExtractedIngestTests.contents(fromFile)
        let got = try await ExtractedIngestTests.contents(fromPipe)
        #expect(got.ids == expected.ids)
        #expect(got.entities == expected.entities)
        // The articles differ only in their origin: the file's path, or standard input.
        #expect(got.articles.count == expected.articles.count)
    }
}
