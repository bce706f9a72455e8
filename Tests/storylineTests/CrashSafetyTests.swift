import Foundation
import StorylineSQLite
import Testing

/// A killed ingest leaves a consistent database from which a re-run completes.
@Suite(.serialized)
struct CrashSafetyTests {
    /// Writes `count` distinct JSONL articles of `sentences` sentences each (12: a few KB) in `files` files, with
    /// ids `a0`, `a1`, ….
    static func writeInput(to dir: URL, count: Int, files: Int, sentences perArticle: Int = 12) throws {
        let sentences = try String(
            contentsOfFile: CLI.repositoryRoot.appendingPathComponent("Examples/corpus/002_12acf4030be661a4.txt").path,
            encoding: .utf8
        ).split(separator: "\n").filter { $0.count > 60 }.map(String.init)
        for file in 0..<files {
            var out = ""
            for n in stride(from: file, to: count, by: files) {
                // Rotate the paragraphs so that every article has a distinct body.
                let start = n % sentences.count
                let body =
                    (0..<perArticle).map { sentences[(start + $0 * (n % 7 + 1)) % sentences.count] }
                    .joined(separator: "\n") + "\nReport number \(n)."
                let record: [String: Any] = [
                    "id": "a\(n)", "text": body, "source": "Outlet \(n % 5)", "published": "2025-02-\(10 + n % 18)",
                ]
                out += String(decoding: try JSONSerialization.data(withJSONObject: record), as: UTF8.self) + "\n"
            }
            try Data(out.utf8).write(to: dir.appendingPathComponent(String(format: "part-%03d.jsonl", file)))
        }
    }

    @Test func killedIngestLeavesAConsistentDatabaseAndARerunCompletes() async throws {
        let dir = try CLI.temporaryDirectory()
        defer { try? FileManager.default.removeItem(at: dir) }
        let inputs = dir.appendingPathComponent("in")
        try FileManager.default.createDirectory(at: inputs, withIntermediateDirectories: true)
        try Self.writeInput(to: inputs, count: 6000, files: 60)

        // Reference: one uninterrupted run.
        let reference = dir.appendingPathComponent("reference.db").path
        #expect(try CLI.run(["ingest", inputs.path, "--db", reference, "--quiet"]).status == 0)
        let expected = try CLI.articles(db: reference)
        #expect(expected.count == 6000)

        // Kill runs at different moments, then finish with a clean run.
        let db = dir.appendingPathComponent("killed.db").path
        var generator = SystemRandomNumberGenerator()
        var kills = 0
        for _ in 0..<5 {
            let process = Process()
            process.executableURL = CLI.binary
            process.arguments = ["ingest", inputs.path, "--db", db, "--quiet"]
            process.standardOutput = FileHandle.nullDevice
            process.standardError = FileHandle.nullDevice
            try process.run()
            try await Task.sleep(for: .milliseconds(Int.random(in: 50...600, using: &generator)))
            if process.isRunning {
                kill(process.processIdentifier, SIGKILL)
                kills += 1
            }
            process.waitUntilExit()
            // Whatever was committed is readable and consistent.
            #expect(try SQLiteStore(path: db).integrityCheck() == [])
            let partial = try CLI.articles(db: db)
            #expect(partial.count <= 6000)
            #expect(Set(partial.compactMap { $0["id"] as? String }).count == partial.count)
        }
        #expect(kills > 0, "the ingest always finished before the kill; the test did not exercise a crash")
        let rerun = try CLI.run(["ingest", inputs.path, "--db", db, "--quiet", "--json"])
        #expect(rerun.status == 0, "\(rerun.stderr)")
        let final = try CLI.articles(db: db)
        #expect(final.count == expected.count)
        #expect(Set(final.compactMap { $0["id"] as? String }) == Set(expected.compactMap { $0["id"] as? String }))
        #expect(final.map { $0["sourceCount"] as? Int } == expected.map { $0["sourceCount"] as? Int })
    }
}
