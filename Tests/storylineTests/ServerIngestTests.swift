import Foundation
import Hummingbird
import HummingbirdTesting
import StorylineSQLite
import StorylineStore
import Testing

@testable import storyline

/// `POST /api/articles`: off without a token, bearer-token protected, the same pipeline as `storyline ingest`,
/// per-record results, a larger body limit than every other route. Each test ingests into a fresh database.
/// Every JSON response is validated against the OpenAPI document (``OpenAPIValidator``).
struct ServerIngestTests {
    static let token = "test-token-0123456789abcdef"

    /// Runs `test` with a client of the API over a new empty database, ingest on with ``token`` (or `settings`).
    static func withClient(
        settings: IngestSettings? = nil,
        _ test: @escaping @Sendable (any TestClientProtocol) async throws -> Void
    ) async throws {
        let dir = try CLI.temporaryDirectory()
        defer { try? FileManager.default.removeItem(at: dir) }
        let store = try SQLiteStore(path: dir.appendingPathComponent("ingest.db").path)
        let ingest = try settings ?? IngestSettings(token: BearerToken(token, source: "the test"))
        let app = Application(router: try APIServer.router(store: store, ingest: ingest))
        try await app.test(.router, test)
    }

    /// `POST /api/articles` with `body`: checks the status and the JSON content type, validates the response against
    /// the document's schema for the post and status, and returns the JSON and the response.
    @discardableResult
    static func post(
        _ client: any TestClientProtocol,
        _ body: String,
        token: String? = ServerIngestTests.token,
        contentType: String? = "application/x-ndjson",
        status: HTTPResponse.Status
    ) async throws -> (json: JSONValue, response: TestResponse) {
        var headers = HTTPFields()
        if let token { headers[.authorization] = "Bearer \(token)" }
        if let contentType { headers[.contentType] = contentType }
        let response = try await client.execute(
            uri: "/api/articles",
            method: .post,
            headers: headers,
            body: ByteBuffer(string: body)
        )
        let data = Data(response.body.readableBytesView)
        #expect(response.status == status, "\(String(decoding: data, as: UTF8.self))")
        #expect(response.headers[.contentType] == APIResponse.contentType)
        #expect(response.headers[.contentSecurityPolicy] == "default-src 'none'; frame-ancestors 'none'")
        let validator = try ServerTests.validator.get()
        let problems = try validator.validate(
            body: data,
            path: "/api/articles",
            status: Int(response.status.code),
            method: "post"
        )
        #expect(problems.isEmpty, "\(problems.prefix(10))")
        return (try JSONValue.parse(data), response)
    }

    /// One JSONL line per example article `files` (their text, day and a made-up outlet).
    static func lines(_ files: [String]) throws -> [String] {
        let corpus = CLI.repositoryRoot.appendingPathComponent("Examples/corpus")
        let manifest = try String(contentsOf: corpus.appendingPathComponent("storyline-sources.jsonl"), encoding: .utf8)
        var days: [String: String] = [:]
        for line in manifest.split(separator: "\n") {
            let fields = try JSONSerialization.jsonObject(with: Data(line.utf8)) as? [String: String] ?? [:]
            if let file = fields["file"] { days[file] = fields["published"] }
        }
        return try files.map { file in
            let text = try String(contentsOf: corpus.appendingPathComponent(file), encoding: .utf8)
            let record = ["text": text, "published": days[file] ?? "", "source": "The Test Wire", "id": file]
            let data = try JSONSerialization.data(withJSONObject: record, options: [.sortedKeys])
            return String(decoding: data, as: UTF8.self)
        }
    }

    static let first = "000_89fc080949aaadfc.txt"
    static let second = "004_a1818fcdcc1e5877.txt"

    static func records(_ report: JSONValue) throws -> [JSONValue] {
        try #require(report["records"]?.array)
    }

    // MARK: Access

    @Test func ingestIsOffWithoutAToken() async throws {
        try await Self.withClient(settings: .off) { client in
            let (error, _) = try await Self.post(client, try Self.lines([Self.first])[0], status: .forbidden)
            let message = error["error"]?["message"]?.string ?? ""
            #expect(message.contains("--token-file") && message.contains("STORYLINE_API_TOKEN"), "\(message)")
            #expect(try ServerTests.items(try await ServerTests.get(client, "/api/articles")).isEmpty)
        }
    }

    @Test func aMissingOrWrongTokenIs401WithAChallenge() async throws {
        try await Self.withClient { client in
            let line = try Self.lines([Self.first])[0]
            let wrong = [nil, "wrong-token-0123456789abcdef", String(Self.token.dropLast()), Self.token + "x", ""]
            for token in wrong {
                let (error, response) = try await Self.post(client, line, token: token, status: .unauthorized)
                #expect(response.headers[.wwwAuthenticate]?.hasPrefix("Bearer") == true, "\(String(describing: token))")
                #expect(error["error"]?["status"]?.int == 401)
            }
            // Another scheme is no bearer token either.
            let basic = try await client.execute(
                uri: "/api/articles",
                method: .post,
                headers: [.authorization: "Basic \(Self.token)"],
                body: ByteBuffer(string: line)
            )
            #expect(basic.status == .unauthorized)
            #expect(try ServerTests.items(try await ServerTests.get(client, "/api/articles")).isEmpty)
        }
    }

    @Test func tokensAreCheckedWhenConfigured() throws {
        #expect(throws: TokenError.self) { try BearerToken("short", source: "the test") }
        #expect(throws: TokenError.self) { try BearerToken("   \n", source: "the test") }
        #expect(throws: TokenError.self) { try BearerToken("has a space in the middle", source: "the test") }
        let trimmed = try BearerToken("  \(Self.token)\n", source: "the test")
        #expect(trimmed.matches(Self.token) && !trimmed.matches(Self.token + " "))
        #expect(BearerToken.constantTimeEqual(Array("abc".utf8), Array("abc".utf8)))
        #expect(!BearerToken.constantTimeEqual(Array("abd".utf8), Array("abc".utf8)))
        #expect(!BearerToken.constantTimeEqual(Array("ab".utf8), Array("abc".utf8)))
        #expect(!BearerToken.constantTimeEqual([], Array("abc".utf8)))
        #expect(BearerToken.fromAuthorization("bearer  \(Self.token) ") == Substring(Self.token))
        #expect(BearerToken.fromAuthorization("Basic abc") == nil)
        // From the environment when there is no file; neither: off.
        let environment = [IngestSettings.environmentVariable: Self.token]
        #expect(try BearerToken.configured(file: nil, environment: environment)?.matches(Self.token) == true)
        #expect(try BearerToken.configured(file: nil, environment: [:]) == nil)
        let error = #expect(throws: TokenError.self) {
            try BearerToken.configured(file: nil, environment: [IngestSettings.environmentVariable: "tiny"])
        }
        #expect(error?.description.contains("STORYLINE_API_TOKEN") == true)
        #expect(error?.description.contains("tiny") == false, "the message never shows the token")
    }

    @Test func serveRefusesAShortTokenFile() throws {
        let dir = try CLI.temporaryDirectory()
        defer { try? FileManager.default.removeItem(at: dir) }
        let file = dir.appendingPathComponent("token").path
        try "abc\n".write(toFile: file, atomically: true, encoding: .utf8)
        let result = try CLI.run(["serve", "--db", dir.appendingPathComponent("x.db").path, "--token-file", file])
        #expect(result.status == 2)
        #expect(result.stderr.contains("at least 16"), "\(result.stderr)")
        #expect(!result.stderr.contains("abc"), "\(result.stderr)")
    }

    // MARK: Ingest

    @Test func theRightTokenStoresArticlesThatReadsThenSee() async throws {
        try await Self.withClient { client in try await Self.ingestAndRead(client) }
    }

    /// Posts two articles with a broken record between them, then reads them back through every route.
    static func ingestAndRead(_ client: any TestClientProtocol) async throws {
        let lines = try Self.lines([Self.first, Self.second])
        // A broken record between two good ones: reported, and the others stored.
        let body = lines[0] + "\n{\"title\": \"no text\"}\n\n" + lines[1] + "\n"
        let (report, _) = try await Self.post(client, body, status: .created)
        #expect(report["added"]?.int == 2 && report["failed"]?.int == 1 && report["duplicates"]?.int == 0)
        let records = try Self.records(report)
        #expect(records.map { $0["status"]?.string } == ["added", "failed", "added"], "\(records)")
        #expect(records.map { $0["record"]?.int } == [1, 2, 4], "lines of the body")
        #expect(records[1]["code"]?.string == "missingField")
        #expect(records[1]["message"]?.string?.contains("text") == true, "\(records[1])")
        let ids = records.compactMap { $0["id"]?.string }
        #expect(ids.count == 2)
        #expect((report["entities"]?.int ?? 0) > 0)

        // Every read route sees them: articles, entities, quotes, events, the timeline and the stories.
        let articles = try ServerTests.items(try await ServerTests.get(client, "/api/articles"))
        #expect(Set(articles.compactMap { $0["id"]?.string }) == Set(ids))
        #expect(articles.allSatisfy { $0["outlet"]?.string == "The Test Wire" })
        let detail = try await ServerTests.get(client, "/api/articles/\(ids[0])")
        let source = try #require(detail["sources"]?.array?.first)
        #expect(source["origin"]?["path"] == nil && source["origin"]?["format"]?.string == "jsonl", "\(source)")
        #expect(source["origin"]?["externalID"]?.string == Self.first)
        let people = try ServerTests.items(try await ServerTests.get(client, "/api/entities?type=PERSON"))
        #expect(people.contains { $0["name"]?.string == "Keir Starmer" }, "\(people)")
        let quotes = try ServerTests.items(try await ServerTests.get(client, "/api/quotes?speaker=Starmer"))
        #expect(!quotes.isEmpty)
        let events = try ServerTests.items(try await ServerTests.get(client, "/api/events"))
        #expect(!events.isEmpty)
        let timeline = try ServerTests.items(try await ServerTests.get(client, "/api/timeline"))
        #expect(!timeline.isEmpty)
        let stories = try ServerTests.items(try await ServerTests.get(client, "/api/stories"))
        let storied = stories.flatMap { $0["articles"]?.array ?? [] }.compactMap { $0["id"]?.string }
        #expect(Set(storied) == Set(ids))
        let hits = try ServerTests.items(try await ServerTests.get(client, "/api/search?q=Starmer"))
        #expect(!hits.isEmpty)
    }

    @Test func postingTheSameArticlesAgainReportsDuplicates() async throws {
        try await Self.withClient { client in
            let body = try Self.lines([Self.first, Self.second]).joined(separator: "\n")
            let (first, _) = try await Self.post(client, body, status: .created)
            let (again, _) = try await Self.post(client, body, status: .ok)
            #expect(again["added"]?.int == 0 && again["duplicates"]?.int == 2)
            let records = try Self.records(again)
            #expect(records.allSatisfy { $0["status"]?.string == "duplicate" && $0["newSource"] == .bool(false) })
            let firstIDs = try Self.records(first).compactMap { $0["id"]?.string }
            #expect(records.compactMap { $0["id"]?.string } == firstIDs)
            #expect(try ServerTests.items(try await ServerTests.get(client, "/api/articles")).count == 2)
        }
    }

    @Test func aSingleJSONObjectIsOneRecord() async throws {
        try await Self.withClient { client in
            let record: [String: Any] = [
                "text": "Kyiv, 3 March 2025. Foreign ministers met in Kyiv on Monday.\n\nThe meeting lasted two hours.",
                "title": "Ministers meet",
                "published": "2025-03-03",
            ]
            let pretty = try JSONSerialization.data(withJSONObject: record, options: [.prettyPrinted, .sortedKeys])
            let body = String(decoding: pretty, as: UTF8.self)
            #expect(body.contains("\n"))
            let (report, _) = try await Self.post(client, body, contentType: "application/json", status: .created)
            let records = try Self.records(report)
            #expect(report["added"]?.int == 1 && records.first?["record"]?.int == 1)
            let articles = try ServerTests.items(try await ServerTests.get(client, "/api/articles"))
            #expect(articles.first?["title"]?.string == "Ministers meet")
            #expect(articles.first?["published"]?.string == "2025-03-03")
        }
    }

    @Test func aBodyWithoutAReadableRecordIs400AndStoresNothing() async throws {
        try await Self.withClient { client in
            for body in ["", "\n  \n", "not json at all\n{\"text\": 3}", "[{\"text\": \"an array\"}]"] {
                let (error, _) = try await Self.post(client, body, status: .badRequest)
                let message = error["error"]?["message"]?.string ?? ""
                #expect(message.contains("nothing was stored") || message.contains("no article"), "\(message)")
                #expect(!message.contains("/tmp") && !message.contains(CLI.repositoryRoot.path), "\(message)")
            }
            let (error, _) = try await Self.post(client, "not json", status: .badRequest)
            #expect(error["error"]?["message"]?.string?.contains("record 1") == true)
            // Another media type: 415.
            let (html, _) = try await Self.post(
                client,
                "<p>hi</p>",
                contentType: "text/html",
                status: .unsupportedMediaType
            )
            #expect(html["error"]?["message"]?.string?.contains("application/x-ndjson") == true)
            #expect(try ServerTests.items(try await ServerTests.get(client, "/api/articles")).isEmpty)
        }
    }

    @Test func theIngestRouteHasItsOwnBodyLimit() async throws {
        let settings = IngestSettings(token: try BearerToken(Self.token, source: "the test"), maxBodyBytes: 200_000)
        try await Self.withClient(settings: settings) { client in
            let line = try Self.lines([Self.second])[0]
            // Over 64 KiB, the limit of every other request, but under the ingest limit: stored.
            let padded = String(repeating: "\n", count: 100_000) + line
            let (report, _) = try await Self.post(client, padded, status: .created)
            #expect(report["added"]?.int == 1)
            let records = try Self.records(report)
            #expect(records.first?["record"]?.int == 100_001)
            // Over the ingest limit: 413, whose message gives the limit.
            let (error, _) = try await Self.post(
                client,
                String(repeating: "\n", count: 300_000) + line,
                status: .contentTooLarge
            )
            #expect(error["error"]?["message"]?.string?.contains("200000") == true, "\(error)")
            // The ingest limit is the ingest route's only: a GET still has 64 KiB.
            let body = ByteBuffer(repeating: UInt8(ascii: "x"), count: 100_000)
            try await ServerTests.get(client, "/api/articles", status: .contentTooLarge, body: body)
            // Without the token, a large body is refused as unauthorized before it is read.
            try await Self.post(client, String(repeating: "\n", count: 300_000), token: nil, status: .unauthorized)
        }
    }

    @Test func concurrentIngestsRunOneAtATime() async throws {
        try await Self.withClient { client in
            let lines = try Self.lines([
                Self.first, "001_7bab49cd3b03e6d8.txt", "002_12acf4030be661a4.txt", Self.second,
            ])
            // Four requests at once, each continuing the resolution the one before committed: none conflicts.
            try await withThrowingTaskGroup(of: Void.self) { group in
                for line in lines {
                    group.addTask { try await Self.post(client, line, status: .created) }
                }
                try await group.waitForAll()
            }
            let articles = try ServerTests.items(try await ServerTests.get(client, "/api/articles"))
            #expect(articles.count == 4)
            let stories = try ServerTests.items(try await ServerTests.get(client, "/api/stories"))
            let storied: [JSONValue] = stories.flatMap { $0["articles"]?.array ?? [] }
            let ids = Set(storied.compactMap { $0["id"]?.string })
            #expect(ids.count == 4)
        }
    }
}
