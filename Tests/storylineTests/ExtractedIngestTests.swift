import Foundation
import StorylineSQLite
import StorylineStore
import Testing

/// Extraction run elsewhere (`storyline extract --annotated`, the map step of a cluster run) and loaded with
/// `storyline ingest --extracted` stores what a direct `storyline ingest` of the same input stores.
struct ExtractedIngestTests {
    /// Article ids, annotations with their pipeline version and record numbers, and resolved entities.
    static func contents(_ path: String) async throws -> (ids: [String], articles: [String], entities: [StoredEntity]) {
        let store = try SQLiteStore(path: path)
        let ids = try await store.articleIDsInPublicationOrder()
        let articles = try await store.storedArticles(ids: ids).map { stored in
            "\(stored.article.id) \(stored.article.origin.record ?? -1) \(stored.article.title ?? "") "
                + "\(stored.extractorVersion ?? "none") \(String(describing: stored.annotations))"
        }
        return (ids, articles, try await store.resolvedEntities(matching: EntityQuery()))
    }

    @Test func extractedElsewhereAndIngestedEqualsADirectIngest() async throws {
        let dir = try CLI.temporaryDirectory()
        defer { try? FileManager.default.removeItem(at: dir) }
        try CrashSafetyTests.writeInput(to: dir, count: 40, files: 2, sentences: 4)
        let inputs = ["part-000.jsonl", "part-001.jsonl"].map { dir.appendingPathComponent($0).path }
        let direct = dir.appendingPathComponent("direct.db").path
        let ingest = try CLI.run(["ingest"] + inputs + ["--db", direct])
        #expect(ingest.status == 0, "\(ingest.stderr)")

        // The map step, one output per input part (the second compressed, as cluster outputs often are).
        var parts: [String] = []
        for (n, input) in inputs.enumerated() {
            let run = try CLI.run(["extract", "--annotated", input])
            #expect(run.status == 0, "\(run.stderr)")
            #expect(run.stdout.split(separator: "\n").count == 20)
            let part = dir.appendingPathComponent("annotated-\(n).jsonl").path
            try Data(run.stdout.utf8).write(to: URL(fileURLWithPath: part))
            parts.append(part)
        }
        let gzip = Process()
        gzip.executableURL = URL(fileURLWithPath: "/bin/gzip")
        gzip.arguments = [parts[1]]
        try gzip.run()
        gzip.waitUntilExit()
        #expect(gzip.terminationStatus == 0)
        parts[1] += ".gz"

        let loaded = dir.appendingPathComponent("loaded.db").path
        let load = try CLI.run(["ingest", "--extracted"] + parts + ["--db", loaded, "--json"])
        #expect(load.status == 0, "\(load.stderr)")
        let summary = try JSONSerialization.jsonObject(with: Data(load.stdout.utf8)) as? [String: Any]
        #expect(summary?["inserted"] as? Int == 40)

        let expected = try await Self.contents(direct)
        let got = try await Self.contents(loaded)
        #expect(expected.ids.count == 40)
        #expect(got.ids == expected.ids)
        #expect(got.articles == expected.articles)
        #expect(!expected.entities.isEmpty)
        #expect(got.entities == expected.entities)

        // Loading the same output again changes nothing.
        let again = try CLI.run(["ingest", "--extracted"] + parts + ["--db", loaded, "--json"])
        let second = try JSONSerialization.jsonObject(with: Data(again.stdout.utf8)) as? [String: Any]
        #expect(second?["inserted"] as? Int == 0 && second?["unchanged"] as? Int == 40)
    }

    @Test func badLinesOnEitherSideAreReportedByLineNumberAndTheRestKept() async throws {
        let dir = try CLI.temporaryDirectory()
        defer { try? FileManager.default.removeItem(at: dir) }
        try CrashSafetyTests.writeInput(to: dir, count: 6, files: 1, sentences: 3)
        let input = dir.appendingPathComponent("part-000.jsonl")
        var lines = try String(contentsOf: input, encoding: .utf8).split(separator: "\n").map(String.init)
        lines.insert("{\"id\": \"broken\", \"text\": ", at: 2)
        try Data((lines.joined(separator: "\n") + "\n").utf8).write(to: input)

        let extract = try CLI.run(["extract", "--annotated", input.path])
        #expect(extract.status == 1)
        #expect(extract.stderr.contains("\(input.path):3:"), "\(extract.stderr)")
        var annotated = extract.stdout.split(separator: "\n").map(String.init)
        #expect(annotated.count == 6)

        // A line cut short in transfer, and a line of another format.
        annotated[1] = String(annotated[1].prefix(annotated[1].count / 2))
        annotated.insert("{\"text\": \"Officials met on Thursday.\"}", at: 4)
        let part = dir.appendingPathComponent("annotated.jsonl")
        try Data((annotated.joined(separator: "\n") + "\n").utf8).write(to: part)
        let db = dir.appendingPathComponent("loaded.db").path
        let load = try CLI.run(["ingest", "--extracted", part.path, "--db", db, "--json"])
        #expect(load.status == 1)
        let summary = try JSONSerialization.jsonObject(with: Data(load.stdout.utf8)) as? [String: Any]
        let errors = (summary?["errors"] as? [[String: Any]]) ?? []
        #expect(errors.compactMap { $0["location"] as? String } == ["line 2", "line 5"])
        #expect(errors.allSatisfy { ($0["message"] as? String)?.contains("not an annotated article") == true })
        #expect(summary?["inserted"] as? Int == 5)
        #expect(try await SQLiteStore(path: db).counts().articles == 5)
    }
}
