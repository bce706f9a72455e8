import Foundation
import Hummingbird
import HummingbirdTesting
import StorylineCore
import StorylineSQLite
import StorylineStore
import Testing

@testable import storyline

/// `storyline serve`'s JSON API, in process (HummingbirdTesting's router framework) over the example corpus
/// ingested by the CLI. Every JSON response is validated against the OpenAPI document's schema for its route and
/// status (``OpenAPIValidator``).
struct ServerTests {
    /// The folder of the shared database, removed when the test process exits.
    static let folder = FileManager.default.temporaryDirectory.appendingPathComponent(
        "storyline-server-tests-\(ProcessInfo.processInfo.processIdentifier)"
    )

    /// The example corpus, ingested once for the whole suite (the routes only read it).
    static let corpus: Result<String, CLIError> = {
        let db = folder.appendingPathComponent("corpus.db").path
        let source = CLI.repositoryRoot.appendingPathComponent("Examples/corpus").path
        do {
            try FileManager.default.createDirectory(at: folder, withIntermediateDirectories: true)
            atexit { try? FileManager.default.removeItem(at: ServerTests.folder) }
            let ingest = try CLI.run(["ingest", source, "--db", db])
            guard ingest.status == 0 else { return .failure(CLIError(ingest.stderr)) }
            return .success(db)
        } catch {
            return .failure(CLIError("\(error)"))
        }
    }()

    static let validator: Result<OpenAPIValidator, CLIError> = Result {
        try OpenAPIValidator(APIServer.openAPIDocument())
    }.mapError { CLIError("\($0)") }

    /// Runs `test` with a client of the API over `store` (the example corpus when nil).
    static func withClient(
        store: (any ArticleStore)? = nil,
        _ test: @escaping @Sendable (any TestClientProtocol) async throws -> Void
    ) async throws {
        let store = try store ?? SQLiteStore(path: corpus.get())
        let app = Application(router: try APIServer.router(store: store))
        try await app.test(.router, test)
    }

    /// `GET uri`: checks the status, the JSON content type and the safety headers, validates the body against the
    /// document's schema for the route and status (``Error`` for a path the document does not have), and returns it.
    @discardableResult
    static func get(
        _ client: any TestClientProtocol,
        _ uri: String,
        status: HTTPResponse.Status = .ok,
        body: ByteBuffer? = nil
    ) async throws -> JSONValue {
        let response = try await client.execute(uri: uri, method: .get, body: body)
        let data = Data(response.body.readableBytesView)
        #expect(response.status == status, "\(uri): \(String(decoding: data, as: UTF8.self))")
        #expect(response.headers[.contentType] == "application/json; charset=utf-8", "\(uri)")
        #expect(response.headers[.contentSecurityPolicy] == "default-src 'none'; frame-ancestors 'none'", "\(uri)")
        #expect(response.headers[.xContentTypeOptions] == "nosniff", "\(uri)")
        #expect(response.headers[HTTPHeaderName("Referrer-Policy")!] == "no-referrer", "\(uri)")
        let validator = try Self.validator.get()
        let path = String(uri.split(separator: "?", maxSplits: 1)[0])
        let problems: [String]
        if validator.template(for: path) != nil {
            problems = try validator.validate(body: data, path: path, status: Int(response.status.code))
        } else {
            let schema = JSONValue.object(["$ref": .string("#/components/schemas/Error")])
            problems = validator.validate(try JSONValue.parse(data), against: schema)
        }
        #expect(problems.isEmpty, "\(uri): \(problems.prefix(10))")
        return try JSONValue.parse(data)
    }

    static func items(_ page: JSONValue) throws -> [JSONValue] {
        try #require(page["items"]?.array)
    }

    // MARK: Routes

    @Test func articlesListTheCorpusNewestFirst() async throws {
        try await Self.withClient { client in
            let page = try await Self.get(client, "/api/articles")
            #expect(page["limit"]?.int == 50 && page["offset"]?.int == 0)
            let items = try Self.items(page)
            #expect(items.count == 5, "\(items)")
            let days = items.compactMap { $0["published"]?.string?.prefix(10) }
            #expect(days.count == 5 && days == days.sorted(by: >), "\(days)")

            let august = try Self.items(try await Self.get(client, "/api/articles?since=2025-08-01&until=2025-08-31"))
            #expect(!august.isEmpty && august.count < 5)
            #expect(august.allSatisfy { $0["published"]?.string?.hasPrefix("2025-08") == true }, "\(august)")

            // The corpus gives no outlets: an outlet filter finds nothing (and is not an error).
            #expect(items.allSatisfy { $0["outlet"] == nil })
            let none = try Self.items(try await Self.get(client, "/api/articles?outlet=The%20Nowhere%20Times"))
            #expect(none.isEmpty)
        }
    }

    @Test func pagesOfTwoAreDisjoint() async throws {
        try await Self.withClient { client in
            let first = try await Self.get(client, "/api/articles?limit=2")
            let second = try await Self.get(client, "/api/articles?limit=2&offset=2")
            #expect(first["limit"]?.int == 2 && second["offset"]?.int == 2)
            let a = try Self.items(first).compactMap { $0["id"]?.string }
            let b = try Self.items(second).compactMap { $0["id"]?.string }
            #expect(a.count == 2 && b.count == 2)
            #expect(Set(a).isDisjoint(with: b), "\(a) \(b)")
            let all = try Self.items(try await Self.get(client, "/api/articles")).compactMap { $0["id"]?.string }
            #expect(Array(all.prefix(4)) == a + b)

            // Every list pages the same way.
            for route in ["/api/entities", "/api/quotes", "/api/timeline", "/api/events", "/api/stories"] {
                let one = try Self.items(try await Self.get(client, "\(route)?limit=2"))
                let two = try Self.items(try await Self.get(client, "\(route)?limit=2&offset=2"))
                #expect(!one.isEmpty, "\(route)")
                if route != "/api/stories" { #expect(one.count == 2 && !two.isEmpty, "\(route)") }
                #expect(one.allSatisfy { item in !two.contains(item) }, "\(route)")
            }
        }
    }

    @Test func anArticleComesWithItsAnnotations() async throws {
        try await Self.withClient { client in
            let list = try Self.items(try await Self.get(client, "/api/articles"))
            let id = try #require(list.first?["id"]?.string)
            let detail = try await Self.get(client, "/api/articles/\(id)")
            #expect(detail["article"]?["id"]?.string == id)
            #expect(detail["sources"]?.array?.isEmpty == false)
            let annotations = try #require(detail["annotations"])
            #expect(annotations["entities"]?.array?.isEmpty == false, "\(annotations)")
            #expect(annotations["timexes"]?.array?.isEmpty == false, "\(annotations)")
            // A unique prefix names the article too, as in `storyline show`.
            let byPrefix = try await Self.get(client, "/api/articles/\(id.prefix(8))")
            #expect(byPrefix["article"]?["id"]?.string == id)
        }
    }

    @Test func entitiesAreResolvedAndFiltered() async throws {
        try await Self.withClient { client in
            let people = try Self.items(try await Self.get(client, "/api/entities?type=person&limit=500"))
            #expect(!people.isEmpty && people.allSatisfy { $0["type"]?.string == "PERSON" })
            #expect(!people.contains { $0["type"]?.string == "ORG" })
            #expect(!people.allSatisfy { $0["type"]?.string == "ORG" }, "a predicate that must fail does")
            let zelensky = try Self.items(try await Self.get(client, "/api/entities?name=zelensk"))
            let names = zelensky.compactMap { $0["name"]?.string }
            #expect(names.contains("Volodymyr Zelenskyy"), "\(names)")
            let mentions = people.compactMap { $0["mentions"]?.int }
            #expect(mentions == mentions.sorted(by: >), "most mentioned first")
        }
    }

    @Test func anEntityProfileAgreesWithTheLists() async throws {
        try await Self.withClient { client in
            let people = try Self.items(try await Self.get(client, "/api/entities?type=person&limit=1"))
            let top = try #require(people.first)
            let id = try #require(top["id"]?.int)
            let profile = try await Self.get(client, "/api/entities/\(id)?coMentions=3&quotes=2")
            #expect(profile["entity"]?["name"]?.string == top["name"]?.string)
            let days = try #require(profile["mentionsByDay"]?.array)
            let counted = days.compactMap { $0["mentions"]?.int }.reduce(0, +) + (profile["undatedMentions"]?.int ?? -1)
            #expect(counted == top["mentions"]?.int, "every mention is on a day or undated")
            #expect((profile["coMentioned"]?.array?.count ?? 99) <= 3)
            let quotes = try #require(profile["quotes"]?.array)
            #expect(quotes.count <= 2)
            // Its statements are the quote book's statements by the same speaker.
            let name = try #require(top["name"]?.string)
            let book = try Self.items(
                try await Self.get(
                    client,
                    "/api/quotes?limit=500&speaker=\(name.replacingOccurrences(of: " ", with: "%20"))"
                )
            )
            let texts = Set(book.compactMap { $0["text"]?.string })
            for statement in quotes { #expect(texts.contains(statement["text"]?.string ?? ""), "\(statement)") }

            try await Self.get(client, "/api/entities/999999", status: .notFound)
            try await Self.get(client, "/api/entities/abc", status: .notFound)
            try await Self.get(client, "/api/entities/\(id)?quotes=1000", status: .badRequest)
        }
    }

    @Test func quotesOfStarmerAreOnlyStarmers() async throws {
        try await Self.withClient { client in
            let statements = try Self.items(try await Self.get(client, "/api/quotes?speaker=Starmer&limit=500"))
            #expect(!statements.isEmpty)
            for statement in statements {
                #expect(statement["speaker"]?.string?.contains("Starmer") == true, "\(statement)")
                for report in statement["reports"]?.array ?? [] {
                    let said = [report["speaker"]?.string, report["speakerText"]?.string].compactMap { $0 }
                    #expect(said.contains { $0.contains("Starmer") }, "\(report)")
                }
            }
            let all = try Self.items(try await Self.get(client, "/api/quotes?limit=500"))
            #expect(all.count > statements.count)
            let about = try Self.items(try await Self.get(client, "/api/quotes?about=peace&limit=500"))
            #expect(!about.isEmpty)
            #expect(about.allSatisfy { $0["text"]?.string?.lowercased().contains("peace") == true }, "\(about)")
        }
    }

    @Test func theTimelineHasThePlannedAlaskaSummit() async throws {
        try await Self.withClient { client in
            let events = try Self.items(try await Self.get(client, "/api/timeline?entity=putin&type=CONSULT"))
            #expect(events.allSatisfy { $0["type"]?.string == "CONSULT" })
            let summit = events.first(where: Self.isTheAlaskaSummit)
            let found = try #require(summit, "\(events)")
            #expect(found["modality"]?.string == "planned", "\(found)")
            let reports = try #require(found["reports"]?.array)
            #expect(!reports.isEmpty && reports.allSatisfy { $0["sentence"]?.string?.contains("Putin") == true })

            let inRange = try Self.items(try await Self.get(client, "/api/timeline?from=2025-02-27&to=2025-03-03"))
            #expect(!inRange.isEmpty)
            let statements = try Self.items(try await Self.get(client, "/api/timeline?statements=true&limit=500"))
            #expect(statements.contains { $0["type"]?.string == "STATEMENT" })

            // Each event lists its earliest reports, as many as asked, and says how many it has.
            let all = try Self.items(try await Self.get(client, "/api/timeline?statements=true&limit=500&reports=1000"))
            let one = try Self.items(try await Self.get(client, "/api/timeline?statements=true&limit=500&reports=1"))
            #expect(all.count == one.count)
            #expect(all.contains { ($0["reports"]?.array?.count ?? 0) > 1 }, "some event has several reports")
            for (full, cut) in zip(all, one) {
                let reports = try #require(full["reports"]?.array)
                #expect(full["reportCount"]?.int == Int64(reports.count))
                #expect(cut["reportCount"]?.int == Int64(reports.count))
                #expect(cut["reports"]?.array == Array(reports.prefix(1)))
            }
        }
    }

    @Test func eventReportsAreFiltered() async throws {
        try await Self.withClient { client in
            let all = try Self.items(try await Self.get(client, "/api/events?limit=500"))
            #expect(all.count > 10)
            let days = all.compactMap { $0["published"]?.string?.prefix(10) }
            #expect(days == days.sorted(), "publication order")

            let consult = try Self.items(try await Self.get(client, "/api/events?type=consult&limit=500"))
            #expect(!consult.isEmpty && consult.count < all.count)
            #expect(consult.allSatisfy { $0["type"]?.string == "CONSULT" })

            let putin = try Self.items(try await Self.get(client, "/api/events?entity=PUTIN&limit=500"))
            #expect(!putin.isEmpty && putin.count < all.count)
            for report in putin {
                let names = ((report["actors"]?.array ?? []) + (report["targets"]?.array ?? [])).compactMap(\.string)
                #expect(names.contains { $0.lowercased().contains("putin") }, "\(report)")
            }

            // One article's reports, by a prefix of its id; an unknown article has none.
            let id = try #require(all.last?["articleID"]?.string)
            let one = try Self.items(try await Self.get(client, "/api/events?article=\(id.prefix(8))&limit=500"))
            #expect(!one.isEmpty && one.allSatisfy { $0["articleID"]?.string == id })
            #expect(one.count == all.filter { $0["articleID"]?.string == id }.count)
            #expect(try Self.items(try await Self.get(client, "/api/events?article=ffffffffffffffff")).isEmpty)

            // By the event's own date: the Alaska summit of 15 August 2025.
            let august = try Self.items(try await Self.get(client, "/api/events?from=2025-08-15&to=2025-08-15"))
            #expect(!august.isEmpty && august.count < all.count)
            #expect(august.allSatisfy { $0["date"]?.string?.hasPrefix("2025-08") == true }, "\(august)")
            let combined = try Self.items(
                try await Self.get(client, "/api/events?from=2025-08-15&to=2025-08-15&entity=putin&type=CONSULT")
            )
            #expect(!combined.isEmpty && combined.count <= august.count)
        }
    }

    @Test func storiesHoldEveryArticle() async throws {
        try await Self.withClient { client in
            let stories = try Self.items(try await Self.get(client, "/api/stories"))
            let articles = stories.flatMap { $0["articles"]?.array ?? [] }.compactMap { $0["id"]?.string }
            #expect(Set(articles).count == 5, "\(stories)")
            // A story's events are on the timeline filtered by its id.
            let story = try #require(stories.first?["id"]?.int)
            let events = try Self.items(try await Self.get(client, "/api/timeline?story=\(story)"))
            #expect(events.allSatisfy { $0["stories"]?.array?.contains { $0.int == story } == true })
        }
    }

    @Test func searchFindsAPhraseWithMarkedSnippets() async throws {
        try await Self.withClient { client in
            let page = try await Self.get(client, "/api/search?q=%22coalition%20of%20the%20willing%22")
            let hits = try Self.items(page)
            let days = hits.compactMap { $0["article"]?["published"]?.string?.prefix(10) }
            #expect(Set(days) == ["2025-03-03", "2025-08-14"], "\(hits)")
            for hit in hits {
                let matched = (hit["snippet"]?.array ?? []).filter { $0["match"] == .bool(true) }
                #expect(!matched.isEmpty, "\(hit)")
            }
            // One page after the other, disjoint.
            let one = try Self.items(try await Self.get(client, "/api/search?q=trump&limit=2"))
            let two = try Self.items(try await Self.get(client, "/api/search?q=trump&limit=2&offset=2"))
            #expect(one.count == 2 && !two.isEmpty && one.allSatisfy { !two.contains($0) })
            // No words, or no q at all: 400.
            for uri in ["/api/search?q=%22%22", "/api/search"] {
                let error = try await Self.get(client, uri, status: .badRequest)
                #expect(error["error"]?["message"]?.string?.contains("q") == true, "\(uri)")
            }
        }
    }

    @Test func theOpenAPIDocumentDescribesEveryRoute() async throws {
        try await Self.withClient { client in
            let response = try await client.execute(uri: "/openapi.json", method: .get)
            #expect(response.status == .ok)
            #expect(response.headers[.contentType] == "application/json; charset=utf-8")
            let document = try JSONValue.parse(Data(response.body.readableBytesView))
            #expect(document["openapi"]?.string == "3.1.0")
            let paths = Set(document["paths"]?.object?.keys.map { $0 } ?? [])
            #expect(paths == Set(APIServer.paths))
        }
    }

    // MARK: Errors and safety

    @Test func badParametersAre400WithAMessage() async throws {
        try await Self.withClient { client in
            let cases = [
                ("/api/articles?limit=abc", "limit"), ("/api/articles?limit=0", "limit"),
                ("/api/articles?limit=501", "limit"), ("/api/entities?offset=-1", "offset"),
                ("/api/articles?since=2025-13-01", "since"), ("/api/quotes?until=yesterday", "until"),
                ("/api/timeline?type=MEETING", "type"), ("/api/entities?type=PLANET", "type"),
                ("/api/timeline?statements=maybe", "statements"), ("/api/timeline?story=x", "story"),
                ("/api/timeline?from=2025-02-27T10:00", "from"), ("/api/events?type=MEETING", "type"),
                ("/api/events?from=2025-02-30", "from"), ("/api/events?to=soon", "to"),
                ("/api/events?limit=9999", "limit"), ("/api/timeline?reports=1001", "reports"),
            ]
            for (uri, parameter) in cases {
                let error = try await Self.get(client, uri, status: .badRequest)
                #expect(error["error"]?["status"]?.int == 400)
                let message = error["error"]?["message"]?.string ?? ""
                #expect(message.contains(parameter), "\(uri): \(message)")
            }
        }
    }

    @Test func unknownArticlesAndRoutesAre404JSON() async throws {
        try await Self.withClient { client in
            let article = try await Self.get(client, "/api/articles/ffffffffffffffff", status: .notFound)
            #expect(article["error"]?["status"]?.int == 404)
            #expect(article["error"]?["message"]?.string?.contains("ffffffffffffffff") == true)
            // Outside /api/ a missing page is an HTML page (WebPageTests); / redirects to the timeline.
            for uri in ["/api/nothing", "/api/articles/a/b", "/api"] {
                let route = try await Self.get(client, uri, status: .notFound)
                #expect(route["error"]?["message"]?.string?.contains("no route") == true, "\(uri)")
            }
        }
    }

    @Test func aBodyOverTheLimitIs413() async throws {
        try await Self.withClient { client in
            let body = ByteBuffer(repeating: UInt8(ascii: "x"), count: 100_000)
            let error = try await Self.get(client, "/api/articles", status: .contentTooLarge, body: body)
            #expect(error["error"]?["status"]?.int == 413)
        }
    }

    /// Issue 7: no response shows a path on the server — not the ingested folder, not the database's, not the
    /// repository's — and no string in it starts with `/`; an article's sources name their input by its file name.
    @Test func noResponseContainsAServerPath() async throws {
        try await Self.withClient { client in
            let list = try Self.items(try await Self.get(client, "/api/articles"))
            var uris = [
                "/api/articles", "/api/entities?limit=500", "/api/quotes?limit=500", "/api/timeline?limit=500",
                "/api/timeline?statements=true&limit=500", "/api/events?limit=500", "/api/stories?limit=500",
                "/api/search?q=trump&limit=500", "/api/articles/ffffffffffffffff", "/api/nothing",
                "/api/articles?limit=x",
            ]
            uris += list.compactMap { $0["id"]?.string }.map { "/api/articles/\($0)" }
            let forbidden = [
                CLI.repositoryRoot.path, Self.folder.path, FileManager.default.temporaryDirectory.path,
                "Examples/corpus", NSHomeDirectory(),
            ].filter { $0.count > 1 }
            var fileNames: Set<String> = []
            for uri in uris {
                let status: HTTPResponse.Status =
                    uri.hasSuffix("ffff") || uri == "/api/nothing" ? .notFound : uri.hasSuffix("=x") ? .badRequest : .ok
                let json = try await Self.get(client, uri, status: status)
                for text in Self.strings(in: json) {
                    #expect(!text.hasPrefix("/"), "\(uri): \(text)")
                    for path in forbidden { #expect(!text.contains(path), "\(uri): \(text)") }
                }
                for source in json["sources"]?.array ?? [] {
                    if let path = source["origin"]?["path"]?.string { fileNames.insert(path) }
                    // A source without a URL is keyed by its format and input: the file's name.
                    let key = source["key"]?.string ?? ""
                    #expect(!key.hasPrefix("text:") || !key.dropFirst(5).contains("/"), "\(source)")
                }
            }
            let corpus = CLI.repositoryRoot.appendingPathComponent("Examples/corpus").path
            let files = try FileManager.default.contentsOfDirectory(atPath: corpus).filter { $0.hasSuffix(".txt") }
            #expect(fileNames == Set(files), "each article's source names its file")
            let quotes = try Self.items(try await Self.get(client, "/api/quotes?limit=1"))
            let input = quotes.first?["reports"]?.array?.first?["sources"]?.array?.first?["input"]?.string
            #expect(input.map { files.contains($0) } == true, "\(String(describing: input))")
        }
    }

    /// Every string in `json`, object keys left out.
    static func strings(in json: JSONValue) -> [String] {
        switch json {
        case .string(let text): [text]
        case .array(let items): items.flatMap(strings(in:))
        case .object(let members): members.values.flatMap(strings(in:))
        default: []
        }
    }

    @Test func aStoreFailureIs500WithoutDetails() async throws {
        try await Self.withClient(store: FailingStore()) { client in
            for uri in [
                "/api/articles", "/api/articles/abcd1234", "/api/quotes", "/api/timeline", "/api/stories",
                "/api/events", "/api/events?article=abcd",
            ] {
                let error = try await Self.get(client, uri, status: .internalServerError)
                let message = error["error"]?["message"]?.string ?? ""
                #expect(!message.contains("/secret") && !message.contains("disk"), "\(message)")
            }
        }
    }

    // MARK: The validator

    @Test func theValidatorRejectsAResponseMissingARequiredField() async throws {
        try await Self.withClient { client in
            let response = try await client.execute(uri: "/api/articles", method: .get)
            let validator = try Self.validator.get()
            let page = try JSONValue.parse(Data(response.body.readableBytesView))
            let schema = try validator.responseSchema(path: "/api/articles", status: 200)
            #expect(validator.validate(page, against: schema).isEmpty)

            guard case .object(var members) = page, case .array(var items) = members["items"],
                case .object(var first) = items[0]
            else {
                Issue.record("not a page: \(page)")
                return
            }
            first["wordCount"] = nil
            items[0] = .object(first)
            members["items"] = .array(items)
            let problems = validator.validate(.object(members), against: schema)
            #expect(problems.contains { $0.contains("wordCount") }, "\(problems)")

            // A wrong type, an undocumented property and a bad enum value fail too.
            first["wordCount"] = .string("many")
            first["secret"] = .bool(true)
            let wrong = validator.validate(
                .object(first),
                against: .object(["$ref": .string("#/components/schemas/ArticleSummary")])
            )
            #expect(wrong.count == 2, "\(wrong)")
            let entityType = JSONValue.object(["$ref": .string("#/components/schemas/EntityType")])
            #expect(!validator.validate(.string("PLANET"), against: entityType).isEmpty)
            // An envelope without its limit fails; a keyword the validator does not know is reported.
            members["limit"] = nil
            #expect(validator.validate(.object(members), against: schema).contains { $0.contains("limit") })
            #expect(!validator.validate(.string("x"), against: .object(["pattern": .string("^y$")])).isEmpty)
        }
    }

    /// Whether `event` is the Trump–Putin meeting of 15 August 2025.
    static func isTheAlaskaSummit(_ event: JSONValue) -> Bool {
        let date: String? = event["date"]?.string
        let actors: [JSONValue] = event["actors"]?.array ?? []
        let targets: [JSONValue] = event["targets"]?.array ?? []
        let names: [String] = (actors + targets).compactMap { $0.string }
        return date == "2025-08-15" && names.contains("Donald Trump") && names.contains("Vladimir Putin")
    }

    static func escaped(_ text: String) -> String {
        text.addingPercentEncoding(withAllowedCharacters: .alphanumerics) ?? text
    }
}
