import Foundation
import Testing

/// The site the web UI tests browse: the example corpus and the hostile article
/// (`Fixtures/hostile/hostile-council.html`), ingested by the real CLI into a temporary database and served by the real
/// `storyline serve` on a free port.
struct StorylineSite: Sendable {
    /// Such as `http://127.0.0.1:41234`.
    var baseURL: String
    /// The stored id of the hostile article.
    var hostileArticleID: String

    /// The site of the enclosing suite (``StorylineSiteTrait``).
    @TaskLocal static var current: StorylineSite?

    static func shared() throws -> StorylineSite {
        guard let current else { throw CDPError("no site: the suite needs the .storylineSite trait") }
        return current
    }

    /// The hostile article, its title and text full of markup that must stay text.
    static let hostileFixture = CLI.repositoryRoot.appendingPathComponent(
        "Tests/storylineTests/Fixtures/hostile/hostile-council.html"
    )

    /// Where screenshots go: `$STORYLINE_TEST_ARTIFACTS/screenshots`, by default `test-artifacts/screenshots` in the
    /// repository (ignored by git).
    static var screenshots: URL {
        let environment = ProcessInfo.processInfo.environment["STORYLINE_TEST_ARTIFACTS"].flatMap {
            $0.isEmpty ? nil : URL(fileURLWithPath: $0)
        }
        return (environment ?? CLI.repositoryRoot.appendingPathComponent("test-artifacts"))
            .appendingPathComponent("screenshots")
    }

    /// `path` on the site (`/timeline`, `/search?q=…`).
    func url(_ path: String) -> String { baseURL + path }
}

/// Builds the suite's site (``StorylineSite``) before its first test and stops the server and removes the database
/// after its last.
struct StorylineSiteTrait: SuiteTrait, TestScoping {
    var isRecursive: Bool { false }

    func provideScope(
        for test: Test,
        testCase: Test.Case?,
        performing function: @Sendable () async throws -> Void
    ) async throws {
        if StorylineSite.current != nil { return try await function() }
        let folder = try CLI.temporaryDirectory()
        defer { try? FileManager.default.removeItem(at: folder) }
        let db = folder.appendingPathComponent("web.db").path
        let corpus = CLI.repositoryRoot.appendingPathComponent("Examples/corpus").path
        // CLI.run blocks its thread until the command ends: off the threads of Swift concurrency's shared pool.
        let articles = try await withCheckedThrowingContinuation { continuation in
            DispatchQueue.global().async {
                continuation.resume(
                    with: Result {
                        let arguments = ["ingest", corpus, StorylineSite.hostileFixture.path, "--db", db, "--quiet"]
                        let ingest = try CLI.run(arguments)
                        guard ingest.status == 0 else { throw CLIError("ingest failed: \(ingest.stderr)") }
                        return try CLI.articles(db: db)
                    }
                )
            }
        }
        guard
            let hostile = articles.first(where: { ($0["title"] as? String)?.contains("<script>") == true }),
            let id = hostile["id"] as? String
        else {
            throw CLIError("the hostile article is not among the ingested articles: \(articles)")
        }
        let server = try await ServeProcess.start(db: db, log: folder.appendingPathComponent("serve.log").path)
        do {
            let site = StorylineSite(baseURL: server.baseURL, hostileArticleID: id)
            try await StorylineSite.$current.withValue(site) { try await function() }
        } catch {
            await server.stop()
            throw error
        }
        await server.stop()
    }
}

extension Trait where Self == StorylineSiteTrait {
    /// The example corpus and the hostile article served by `storyline serve` (see ``StorylineSiteTrait``).
    static var storylineSite: Self { StorylineSiteTrait() }
}
