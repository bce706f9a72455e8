import Foundation
import StorylineCore
import StorylineSQLite
import StorylineStore
import Testing

/// A killed `reextract` leaves every article with either its old or its new annotations, and a re-run
/// completes the job.
@Suite(.serialized)
struct ReextractCrashSafetyTests {
    /// Every stored article by id, read a page at a time.
    static func storedArticles(_ store: SQLiteStore) async throws -> [String: StoredArticle] {
        var byID: [String: StoredArticle] = [:]
        var after: String?
        while true {
            let page = try await store.storedArticles(after: after, limit: 500, notExtractedBy: nil)
            for stored in page { byID[stored.article.id] = stored }
            guard page.count == 500, let last = page.last else { return byID }
            after = last.article.id
        }
    }

    @Test func killedReextractLeavesOldOrNewAnnotationsAndARerunCompletes() async throws {
        let dir = try CLI.temporaryDirectory()
        defer { try? FileManager.default.removeItem(at: dir) }
        let inputs = dir.appendingPathComponent("in")
        try FileManager.default.createDirectory(at: inputs, withIntermediateDirectories: true)
        let count = 3000
        try CrashSafetyTests.writeInput(to: inputs, count: count, files: 30)
        let db = dir.appendingPathComponent("s.db").path
        #expect(try CLI.run(["ingest", inputs.path, "--db", db, "--quiet"]).status == 0)

        // What ingest stored is the reference; then an "old extractor" that found nothing is made the producer
        // of every article's annotations.
        let store = try SQLiteStore(path: db)
        let reference = try await Self.storedArticles(store)
        #expect(reference.count == count)
        let current = try #require(reference.values.first?.extractorVersion)
        #expect(reference.values.reduce(0) { $0 + ($1.annotations?.timexes.count ?? 0) } > count)
        let old = "2000.01.01-0"
        let ids = reference.keys.sorted()
        for start in stride(from: 0, to: ids.count, by: 500) {
            let batch = ids[start..<min(start + 500, ids.count)].map { (id: $0, annotations: ArticleAnnotations()) }
            try await store.replaceAnnotations(batch, extractorVersion: old)
        }
        #expect(try await store.countArticles(notExtractedBy: current) == count)

        /// Checks that each article has either the old (empty) or the new (reference) annotations; returns how
        /// many have the new ones.
        func expectOldOrNew() async throws -> Int {
            #expect(try store.integrityCheck() == [])
            let stored = try await Self.storedArticles(store)
            #expect(stored.count == count)
            var new = 0
            for (id, article) in stored {
                if article.extractorVersion == current {
                    #expect(article.annotations == reference[id]?.annotations, "article \(id)")
                    new += 1
                } else {
                    #expect(article.extractorVersion == old, "article \(id)")
                    #expect(article.annotations == ArticleAnnotations(), "article \(id)")
                }
            }
            #expect(try await store.countArticles(notExtractedBy: current) == count - new)
            return new
        }

        var generator = SystemRandomNumberGenerator()
        var kills = 0
        var partial = 0
        for _ in 0..<4 {
            let process = Process()
            process.executableURL = CLI.binary
            process.arguments = ["reextract", "--db", db, "--quiet"]
            process.standardOutput = FileHandle.nullDevice
            process.standardError = FileHandle.nullDevice
            let remaining = try await store.countArticles(notExtractedBy: current)
            try process.run()
            // Kill soon after the run's first commit, whenever that comes on a loaded machine.
            let start = ContinuousClock.now
            while process.isRunning, ContinuousClock.now - start < .seconds(120),
                try await store.countArticles(notExtractedBy: current) == remaining
            {
                try await Task.sleep(for: .milliseconds(10))
            }
            try await Task.sleep(for: .milliseconds(Int.random(in: 0...400, using: &generator)))
            if process.isRunning {
                kill(process.processIdentifier, SIGKILL)
                kills += 1
            }
            process.waitUntilExit()
            let new = try await expectOldOrNew()
            if 0 < new && new < count { partial += 1 }
        }
        #expect(kills > 0, "the run always finished before the kill; the test did not exercise a crash")
        #expect(partial > 0, "no kill left a run half done; the test did not exercise a crash mid-run")

        let left = try await store.countArticles(notExtractedBy: current)
        let rerun = try CLI.run(["reextract", "--db", db, "--json"])
        #expect(rerun.status == 0, "\(rerun.stderr)")
        let summary = try JSONSerialization.jsonObject(with: Data(rerun.stdout.utf8)) as? [String: Any]
        #expect(summary?["reextracted"] as? Int == left)
        #expect(summary?["upToDate"] as? Int == count - left)
        #expect(try await expectOldOrNew() == count)
    }
}
