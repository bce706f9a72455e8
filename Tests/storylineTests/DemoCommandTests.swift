import Foundation
import Testing

#if canImport(FoundationNetworking)
    import FoundationNetworking
#endif

/// `storyline demo`, the README's "main job on the bundled example corpus".
struct DemoCommandTests {
    @Test func demoStoresExactlyTheExampleArticles() throws {
        let dir = try CLI.temporaryDirectory()
        defer { try? FileManager.default.removeItem(at: dir) }
        let db = dir.appendingPathComponent("demo.db").path

        let demo = try CLI.run(["demo", "--db", db, "--no-serve"])
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
        #expect(!demo.stdout.contains("Serving"), "--no-serve only prints the summary")
    }

    /// The real binary: `storyline demo --port 0` ends by serving the story and printing its URL; the API answers
    /// over real HTTP; the process stops on SIGTERM (as on Ctrl-C).
    @Test func demoServesTheStoryAtThePrintedURL() async throws {
        let dir = try CLI.temporaryDirectory()
        defer { try? FileManager.default.removeItem(at: dir) }
        let db = dir.appendingPathComponent("demo.db").path

        let process = Process()
        process.executableURL = CLI.binary
        process.arguments = ["demo", "--db", db, "--port", "0"]
        let out = Pipe()
        let err = Pipe()
        process.standardOutput = out
        process.standardError = err
        process.standardInput = FileHandle.nullDevice
        let output = OutputBuffer()
        out.fileHandleForReading.readabilityHandler = { handle in output.append(handle.availableData) }
        err.fileHandleForReading.readabilityHandler = { handle in output.appendError(handle.availableData) }
        try process.run()
        defer {
            if process.isRunning { process.terminate() }
            process.waitUntilExit()
            out.fileHandleForReading.readabilityHandler = nil
            err.fileHandleForReading.readabilityHandler = nil
        }

        // The ingest runs first (a debug build on a busy machine is slow): wait for the URL line.
        var url: URL?
        let deadline = Date().addingTimeInterval(300)
        while url == nil, Date() < deadline, process.isRunning {
            url = Self.servedURL(in: output.text)
            if url == nil { try await Task.sleep(for: .milliseconds(200)) }
        }
        url = url ?? Self.servedURL(in: output.text)
        let base = try #require(url, "no URL printed; stdout: \(output.text) stderr: \(output.errorText)")
        #expect(base.absoluteString.hasPrefix("http://127.0.0.1:"))
        #expect(base.port != nil && base.port != 0)

        let (data, response) = try await URLSession.shared.data(from: base.appendingPathComponent("api/articles"))
        let http = try #require(response as? HTTPURLResponse)
        #expect(http.statusCode == 200)
        let page = try #require(try JSONSerialization.jsonObject(with: data) as? [String: Any])
        let items = try #require(page["items"] as? [[String: Any]])
        #expect(items.count == 5, "\(page)")

        process.terminate()
        process.waitUntilExit()
        #expect(!process.isRunning)
    }

    /// The URL in the line `storyline demo` prints once it serves ("Serving the example story at http://…/ — …").
    static func servedURL(in output: String) -> URL? {
        for line in output.split(separator: "\n") where line.hasPrefix("Serving") {
            guard let start = line.range(of: "http://") else { continue }
            let url = line[start.lowerBound...].prefix { !$0.isWhitespace }
            return URL(string: String(url))
        }
        return nil
    }
}

/// What a child process wrote so far, appended from its pipes' handlers.
final class OutputBuffer: @unchecked Sendable {
    private let lock = NSLock()
    private var out = Data()
    private var err = Data()

    func append(_ data: Data) { lock.withLock { out.append(data) } }
    func appendError(_ data: Data) { lock.withLock { err.append(data) } }
    var text: String { lock.withLock { String(decoding: out, as: UTF8.self) } }
    var errorText: String { lock.withLock { String(decoding: err, as: UTF8.self) } }
}
