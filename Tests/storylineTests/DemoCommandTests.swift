import Foundation
import Testing

/// `storyline demo`, the README's "main job on the bundled example corpus".
struct DemoCommandTests {
    @Test func demoStoresExactlyTheExampleArticles() throws {
        let dir = try CLI.temporaryDirectory()
        defer { try? FileManager.default.removeItem(at: dir) }
        let db = dir.appendingPathComponent("demo.db").path

        let demo = try CLI.run(["demo", "--db", db])
        #expect(demo.status == 0, "\(demo.stderr)")

        // One stored article per file of the corpus — and nothing else from Examples/ (its README) nor the
        // corpus's source manifest.
        let corpus = CLI.repositoryRoot.appendingPathComponent("Examples/corpus")
        let files = try FileManager.default.contentsOfDirectory(atPath: corpus.path).filter {
            !$0.hasPrefix(".") && $0 != "storyline-sources.jsonl"
        }
        let rows = try CLI.articles(db: db)
        #expect(rows.count == files.count)
        let titles = rows.compactMap { $0["title"] as? String }
        #expect(!titles.contains { $0.hasPrefix("#") || $0.contains("Example corpus") }, "\(titles)")
        #expect(demo.stdout.contains("time expressions"))
    }
}
