import Foundation
import StorylineSQLite
import Synchronization
import Testing

#if canImport(Glibc)
    import Glibc
#elseif canImport(Darwin)
    import Darwin
#endif

/// The real `storyline serve` process over the example corpus, attacked over raw sockets: malformed requests,
/// oversized bodies, slow clients, missing and wrong tokens, SQL-injection strings in every filter, path traversal
/// on static files, and a short load of 64 concurrent connections. Each test checks that the server answers a 4xx
/// (or closes the connection), never a 5xx, and goes on serving everyone else. The long `wrk` runs are
/// `Benchmarks/run-server-load.sh`; the figures of both are in RELIABILITY.md.
@Suite(.serialized)
struct ServerRobustnessTests {
    /// The example corpus ingested once; each test serves a copy.
    static let corpusDB: Result<String, CLIError> = {
        do {
            let dir = try CLI.temporaryDirectory()
            let db = dir.appendingPathComponent("corpus.db").path
            let corpus = CLI.repositoryRoot.appendingPathComponent("Examples/corpus").path
            let ingest = try CLI.run(["ingest", corpus, "--db", db, "--quiet"])
            guard ingest.status == 0 else { return .failure(CLIError("ingest failed: \(ingest.stderr)")) }
            return .success(db)
        } catch {
            return .failure(CLIError("\(error)"))
        }
    }()

    /// A running server over a copy of the corpus database.
    struct Server {
        var process: ChildProcess
        var port: Int
        var db: String
        var log: String
        var baseURL: String
    }

    /// Starts `storyline serve` over a fresh copy of the corpus database with `arguments` added, runs `body`, stops it.
    static func withServer(
        _ arguments: [String] = [],
        _ body: (Server) async throws -> Void
    ) async throws {
        let source = try corpusDB.get()
        let dir = try CLI.temporaryDirectory()
        defer { try? FileManager.default.removeItem(at: dir) }
        let db = dir.appendingPathComponent("s.db").path
        try FileManager.default.copyItem(atPath: source, toPath: db)
        let log = dir.appendingPathComponent("serve.log").path
        let out = dir.appendingPathComponent("serve.out").path
        let process = try ChildProcess.spawn(
            CLI.binary.path,
            ["serve", "--db", db, "--host", "127.0.0.1", "--port", "0"] + arguments,
            name: "storyline serve",
            descriptors: [1: .append(out), 2: .append(log)]
        )
        var baseURL: String?
        func readURL() -> String? {
            ServeProcess.url(in: (try? String(contentsOfFile: out, encoding: .utf8)) ?? "")
        }
        let deadline = ContinuousClock.now.advanced(by: .seconds(120))
        while baseURL == nil && ContinuousClock.now < deadline && !process.hasExited() {
            baseURL = readURL()
            if baseURL == nil { try await Task.sleep(for: .milliseconds(50)) }
        }
        // In a full parallel test run this task can wait minutes for a thread while the server started long
        // ago: look once more before calling it a failure.
        baseURL = baseURL ?? readURL()
        guard let baseURL else {
            await process.stop()
            throw CLIError(
                "storyline serve did not start: \((try? String(contentsOfFile: log, encoding: .utf8)) ?? "")"
            )
        }
        let server = Server(process: process, port: RawHTTP.port(of: baseURL), db: db, log: log, baseURL: baseURL)
        do {
            try await body(server)
        } catch {
            await process.stop()
            throw error
        }
        #expect(!process.hasExited(), "the server died")
        await process.stop()
    }

    /// A normal request is answered 200 with JSON.
    static func expectServing(_ server: Server, _ context: String, sourceLocation: SourceLocation = #_sourceLocation)
        throws
    {
        let answer = try RawHTTP.get(port: server.port, "/api/articles?limit=2")
        #expect(answer.status == 200, "after \(context): \(answer.head)", sourceLocation: sourceLocation)
        #expect(answer.text.contains("\"items\""), "after \(context)", sourceLocation: sourceLocation)
    }

    // MARK: Malformed requests

    @Test func malformedRequestsGetA4xxOrACloseAndTheServerGoesOn() async throws {
        let garbage = (0..<4096).map { UInt8(truncatingIfNeeded: $0 &* 7919 &+ 13) }
        let cases: [(String, [UInt8])] = [
            ("garbage request line", Array("GARBAGE\r\n\r\n".utf8)),
            ("no version", Array("GET /api/articles\r\n\r\n".utf8)),
            ("HTTP/9.9", Array("GET /api/articles HTTP/9.9\r\nHost: x\r\n\r\n".utf8)),
            ("unknown method", Array("BREW /api/articles HTTP/1.1\r\nHost: x\r\n\r\n".utf8)),
            ("header without a colon", Array("GET /api/articles HTTP/1.1\r\nHost: x\r\nNo colon here\r\n\r\n".utf8)),
            ("space before the colon", Array("GET /api/articles HTTP/1.1\r\nHost : x\r\n\r\n".utf8)),
            (
                "control bytes in a header",
                Array("GET /api/articles HTTP/1.1\r\nHost: x\r\nX-A: a".utf8) + [0, 1, 0x7F]
                    + Array("\r\n\r\n".utf8)
            ),
            (
                "a 200 KB header",
                Array("GET /api/articles HTTP/1.1\r\nHost: x\r\nX-Big: ".utf8)
                    + [UInt8](repeating: 0x61, count: 200_000) + Array("\r\n\r\n".utf8)
            ),
            (
                "5,000 headers",
                Array(
                    ("GET /api/articles HTTP/1.1\r\nHost: x\r\n"
                        + (0..<5000).map { "X-H\($0): v\r\n" }.joined() + "\r\n").utf8
                )
            ),
            (
                "a 200 KB URL",
                Array(
                    ("GET /api/articles?outlet=" + String(repeating: "a", count: 200_000)
                        + " HTTP/1.1\r\nHost: x\r\n\r\n").utf8
                )
            ),
            ("bad Content-Length", Array("POST /api/articles HTTP/1.1\r\nHost: x\r\nContent-Length: -5\r\n\r\n".utf8)),
            (
                "two Content-Lengths",
                Array(
                    "POST /api/articles HTTP/1.1\r\nHost: x\r\nContent-Length: 3\r\nContent-Length: 5\r\n\r\nabcde".utf8
                )
            ),
            (
                "bad chunk size",
                Array(
                    "POST /api/articles HTTP/1.1\r\nHost: x\r\nTransfer-Encoding: chunked\r\n\r\nZZZ\r\nabc\r\n0\r\n\r\n"
                        .utf8
                )
            ),
            ("bare newlines", Array("GET /api/articles HTTP/1.1\nHost: x\n\n".utf8)),
            ("only newlines", Array("\r\n\r\n\r\n\r\n".utf8)),
            ("binary junk", garbage),
            (
                "a TLS ClientHello",
                [0x16, 0x03, 0x01, 0x00, 0xA5, 0x01, 0x00, 0x00, 0xA1, 0x03, 0x03] + garbage.prefix(160)
            ),
        ]
        try await Self.withServer { server in
            for (name, request) in cases {
                let answer = try RawHTTP.exchange(port: server.port, request)
                if let status = answer.status {
                    #expect(status < 500, "\(name): \(answer.head)")
                    #expect(status != 200 || name == "bare newlines", "\(name): \(answer.head)")
                }
                try Self.expectServing(server, name)
            }
        }
    }

    // MARK: Bodies

    @Test func oversizedBodiesAre413() async throws {
        let tokenDir = try CLI.temporaryDirectory()
        defer { try? FileManager.default.removeItem(at: tokenDir) }
        let tokenFile = tokenDir.appendingPathComponent("token").path
        let token = "robustness-token-0123456789"
        try token.write(toFile: tokenFile, atomically: true, encoding: .utf8)
        try await Self.withServer(["--token-file", tokenFile, "--max-ingest-mb", "1"]) { server in
            // A GET with a 1 MB body (the limit is 64 KiB), by its length and sent whole.
            let big = [UInt8](repeating: 0x61, count: 1 << 20)
            var answer = try RawHTTP.exchange(
                port: server.port,
                Array("GET /api/articles HTTP/1.1\r\nHost: x\r\nContent-Length: \(big.count)\r\n\r\n".utf8) + big
            )
            #expect(answer.status == 413, "\(answer.head)")
            // A Content-Length of 10 GB with no body behind it: refused at once, not waited for.
            let start = ContinuousClock.now
            answer = try RawHTTP.exchange(
                port: server.port,
                Array("GET /api/search?q=x HTTP/1.1\r\nHost: x\r\nContent-Length: 10000000000\r\n\r\n".utf8),
                timeout: 20
            )
            #expect(answer.status == 413, "\(answer.head)")
            #expect(ContinuousClock.now - start < .seconds(15))
            // A chunked body that grows past the limit, with no length given.
            var chunked = Array("GET /api/entities HTTP/1.1\r\nHost: x\r\nTransfer-Encoding: chunked\r\n\r\n".utf8)
            for _ in 0..<20 { chunked += Array("8000\r\n".utf8) + [UInt8](repeating: 0x62, count: 0x8000) + [13, 10] }
            chunked += Array("0\r\n\r\n".utf8)
            answer = try RawHTTP.exchange(port: server.port, chunked)
            #expect(answer.status == 413, "\(answer.head)")
            // The same to the ingest route, over its own limit (1 MiB here).
            var chunkedIngest = Array(
                ("POST /api/articles HTTP/1.1\r\nHost: x\r\nAuthorization: Bearer \(token)\r\n"
                    + "Content-Type: application/x-ndjson\r\nTransfer-Encoding: chunked\r\n\r\n").utf8
            )
            for _ in 0..<48 {
                chunkedIngest += Array("8000\r\n".utf8) + [UInt8](repeating: 0x62, count: 0x8000) + [13, 10]
            }
            chunkedIngest += Array("0\r\n\r\n".utf8)
            answer = try RawHTTP.exchange(port: server.port, chunkedIngest)
            #expect(answer.status == 413, "\(answer.head)")
            // An ingest with the right token over its own limit (1 MiB here), by its length.
            let line = Array("{\"text\": \"".utf8) + [UInt8](repeating: 0x63, count: 2 << 20) + Array("\"}\n".utf8)
            answer = try RawHTTP.exchange(
                port: server.port,
                Array(
                    ("POST /api/articles HTTP/1.1\r\nHost: x\r\nAuthorization: Bearer \(token)\r\n"
                        + "Content-Type: application/x-ndjson\r\nContent-Length: \(line.count)\r\n\r\n").utf8
                ) + line
            )
            #expect(answer.status == 413, "\(answer.head)")
            try Self.expectServing(server, "oversized bodies")
            #expect(try CLI.articles(db: server.db).count == 5)
        }
    }

    // MARK: Tokens

    @Test func theIngestAPIRefusesAMissingOrWrongToken() async throws {
        let tokenDir = try CLI.temporaryDirectory()
        defer { try? FileManager.default.removeItem(at: tokenDir) }
        let tokenFile = tokenDir.appendingPathComponent("token").path
        let token = "robustness-token-0123456789"
        try "\(token)\n".write(toFile: tokenFile, atomically: true, encoding: .utf8)
        let body = Array(#"{"title": "Token test", "text": "The harbour reopened on Monday, the council said."}"#.utf8)
        func post(_ authorization: String?, port: Int) throws -> RawHTTP.Answer {
            var head = "POST /api/articles HTTP/1.1\r\nHost: x\r\nContent-Type: application/x-ndjson\r\n"
            if let authorization { head += "Authorization: \(authorization)\r\n" }
            head += "Content-Length: \(body.count)\r\nConnection: close\r\n\r\n"
            return try RawHTTP.exchange(port: port, Array(head.utf8) + body)
        }
        // Without a token configured, ingest is off for everyone.
        try await Self.withServer { server in
            let answer = try post("Bearer \(token)", port: server.port)
            #expect(answer.status == 403, "\(answer.head)")
        }
        try await Self.withServer(["--token-file", tokenFile]) { server in
            for authorization in [
                nil, "", "Bearer", "Bearer ", "Bearer wrong-token-0123456789", "Bearer \(token)x",
                "Bearer \(token.dropLast())", "bearer\(token)", "Basic \(Data(token.utf8).base64EncodedString())",
                "Bearer \(token) \(token)",
            ] {
                let answer = try post(authorization, port: server.port)
                #expect(answer.status == 401, "\(authorization ?? "no header"): \(answer.head)")
                #expect(answer.head.lowercased().contains("www-authenticate: bearer"), "\(answer.head)")
            }
            #expect(try CLI.articles(db: server.db).count == 5, "a refused request stored an article")
            let accepted = try post("Bearer \(token)", port: server.port)
            #expect(accepted.status == 201, "\(accepted.head)\n\(accepted.text)")
            #expect(try CLI.articles(db: server.db).count == 6)
        }
    }

    // MARK: SQL injection

    static let injections = [
        "' OR 1=1 --", "\"; DROP TABLE article; --", "%' UNION SELECT name, sql, 1, 2, 3 FROM sqlite_master --",
        "1; DELETE FROM article", "') OR ('1'='1", "' OR ''='", "1' AND sqlite_version() > '0", "\\", "%", "_",
        "*", "\"", "NEAR(a b", "a OR b", "title:x", "^x", "-x", "x\u{0}y", "'; ATTACH DATABASE '/tmp/x.db' AS x; --",
    ]

    /// Every route and its filters: the API's from the OpenAPI document, the pages' as the README lists them.
    static func routes() throws -> [(path: String, parameters: [String])] {
        let url = CLI.repositoryRoot.appendingPathComponent("Sources/storyline/Resources/openapi.json")
        let document = try JSONSerialization.jsonObject(with: Data(contentsOf: url)) as? [String: Any] ?? [:]
        var routes: [(String, [String])] = []
        for (path, operations) in (document["paths"] as? [String: Any] ?? [:]).sorted(by: { $0.key < $1.key }) {
            guard let get = (operations as? [String: Any])?["get"] as? [String: Any] else { continue }
            let parameters = (get["parameters"] as? [[String: Any]] ?? []).compactMap { parameter -> String? in
                if let reference = parameter["$ref"] as? String { return reference.components(separatedBy: "/").last }
                return parameter["name"] as? String
            }
            routes.append((path, parameters))
        }
        routes += [
            ("/timeline", ["story", "entity", "from", "to", "page"]),
            ("/quotes", ["speaker", "about", "since", "until", "page"]),
            ("/entities", ["name", "type", "page"]), ("/entities/{id}", ["id"]),
            ("/articles", ["since", "until", "outlet", "page"]), ("/articles/{id}", ["id"]),
            ("/search", ["q", "page"]),
        ]
        return routes
    }

    /// `value` percent-encoded for a query or a path segment.
    static func encoded(_ value: String) -> String {
        value.addingPercentEncoding(withAllowedCharacters: .alphanumerics) ?? value
    }

    @Test func sqlInjectionStringsInEveryFilterAreHarmless() async throws {
        let routes = try Self.routes()
        #expect(routes.count >= 16)
        try await Self.withServer { server in
            let store = try SQLiteStore(path: server.db)
            let before = try await store.counts()
            let entitiesBefore = try CLI.run(["entities", "--json", "--limit", "100000", "--db", server.db]).stdout
            var requests = 0
            var statuses: [Int: Int] = [:]
            for (path, parameters) in routes {
                for parameter in parameters {
                    for injection in Self.injections {
                        let target: String
                        if parameter == "id" {
                            target = path.replacingOccurrences(of: "{id}", with: Self.encoded(injection))
                        } else {
                            let base = path.replacingOccurrences(of: "{id}", with: "1")
                            let required = path.hasSuffix("search") && parameter != "q" ? "q=talks&" : ""
                            target = base + "?" + required + parameter + "=" + Self.encoded(injection)
                        }
                        let answer = try RawHTTP.get(port: server.port, target)
                        requests += 1
                        let status = answer.status ?? 0
                        statuses[status, default: 0] += 1
                        #expect(
                            [200, 400, 404].contains(status),
                            "\(target): \(answer.head)\n\(answer.text.prefix(300))"
                        )
                        // A text filter that matched everything would be an injection that worked.
                        if status == 200, path.hasPrefix("/api/"), injection == "' OR 1=1 --",
                            ["outlet", "name", "speaker", "about", "entity"].contains(parameter)
                        {
                            #expect(
                                answer.text.contains("\"items\":[]"),
                                "\(target) matched: \(answer.text.prefix(300))"
                            )
                        }
                    }
                }
            }
            print(
                "SQL injection: \(requests) requests over \(routes.count) routes, statuses \(statuses.sorted { $0.key < $1.key })"
            )
            try Self.expectServing(server, "injections")
            #expect(try store.integrityCheck() == [])
            #expect(try await store.counts() == before)
            #expect(
                try CLI.run(["entities", "--json", "--limit", "100000", "--db", server.db]).stdout == entitiesBefore
            )
            #expect(!FileManager.default.fileExists(atPath: "/tmp/x.db"))
        }
    }

    // MARK: Path traversal

    @Test func pathTraversalOnStaticFilesFails() async throws {
        let attempts = [
            "/static/../../etc/passwd", "/static/../../../../../../etc/passwd", "/static/%2e%2e/%2e%2e/etc/passwd",
            "/static/%2e%2e%2f%2e%2e%2f%2e%2e%2fetc%2fpasswd", "/static/%252e%252e%252f%252e%252e%252fetc%252fpasswd",
            "/static/..%2f..%2f..%2f..%2fetc%2fpasswd", "/static/..%252f..%252fetc%252fpasswd",
            "/static/%c0%ae%c0%ae/%c0%ae%c0%ae/etc/passwd", "/static/....//....//etc/passwd",
            "/static/..\\..\\..\\etc\\passwd", "/static/style.css/../../../../etc/passwd",
            "/static/%2fetc%2fpasswd", "/static//etc/passwd", "/static/.%00./etc/passwd", "/../../../../etc/passwd",
            "/static/../Package.swift", "/static/../../../Package.swift", "/static/..%2f..%2f..%2fPackage.swift",
            "/static/../web/templates/layout.mustache", "/static/..%2ftemplates%2flayout.mustache",
            "/static/../../openapi.json", "/api/../../../etc/passwd", "/static/.", "/static/..", "/static/",
        ]
        try await Self.withServer { server in
            let control = try RawHTTP.get(port: server.port, "/static/style.css")
            #expect(control.status == 200, "\(control.head)")
            for path in attempts {
                let answer = try RawHTTP.get(port: server.port, path)
                #expect(answer.status == 404 || answer.status == 400, "\(path): \(answer.head)")
                #expect(!answer.text.contains("root:x:0:0"), "\(path) returned /etc/passwd")
                #expect(!answer.text.contains("PackageDescription"), "\(path) returned Package.swift")
                #expect(!answer.text.contains("{{"), "\(path) returned a template")
            }
            try Self.expectServing(server, "path traversal")
        }
    }

    // MARK: Slow clients

    @Test func slowClientsDoNotStopOthersAndAreClosed() async throws {
        let slowCount = 50
        try await Self.withServer(["--idle-timeout", "3"]) { server in
            // 50 connections that send a request head one byte every 300 ms and never finish it.
            let sockets = try (0..<slowCount).map { _ in try RawHTTP.connect(port: server.port) }
            defer { sockets.forEach { close($0) } }
            let open = Mutex(Set(sockets))
            let stop = Atomic<Bool>(false)
            let head =
                Array("GET /api/articles HTTP/1.1\r\nHost: 127.0.0.1\r\nX-Slow: ".utf8)
                + [UInt8](repeating: 0x73, count: 10_000)
            let attacker = Thread {
                var sent = 0
                while !stop.load(ordering: .relaxed), sent < head.count {
                    for fd in open.withLock({ $0 }) where !RawHTTP.send(fd, [head[sent]]) {
                        open.withLock { _ = $0.remove(fd) }
                    }
                    sent += 1
                    usleep(300_000)
                }
            }
            attacker.start()
            defer { stop.store(true, ordering: .relaxed) }

            // Meanwhile other clients are served, each within a bound (it takes milliseconds).
            let clock = ContinuousClock()
            var slowest = Duration.zero
            for n in 0..<10 {
                let start = clock.now
                let answer = try RawHTTP.get(
                    port: server.port,
                    n.isMultiple(of: 2) ? "/api/articles" : "/timeline",
                    timeout: 20
                )
                let took = clock.now - start
                slowest = max(slowest, took)
                #expect(answer.status == 200, "request \(n) during the attack: \(answer.head)")
                #expect(took < .seconds(10), "request \(n) during the attack took \(took)")
                try await Task.sleep(for: .milliseconds(100))
            }
            // The server closes the slow connections once they have not sent a whole head for its idle timeout (3 s):
            // the writer sees each closed (EPIPE / ECONNRESET) or reads its end.
            let start = clock.now
            while clock.now - start < .seconds(30) {
                for fd in open.withLock({ $0 }) {
                    var byte: UInt8 = 0
                    if recv(fd, &byte, 1, Int32(MSG_DONTWAIT)) == 0 { open.withLock { _ = $0.remove(fd) } }
                }
                if open.withLock({ $0.isEmpty }) { break }
                try await Task.sleep(for: .milliseconds(100))
            }
            let left = open.withLock { $0.count }
            #expect(left == 0, "\(left) of \(slowCount) slow connections still open after 30 s")
            print(
                "slowloris: \(slowCount) slow connections; slowest of 10 requests during the attack "
                    + "\(slowest); all slow connections closed "
                    + String(format: "%.1f s", (clock.now - start).seconds) + " after the requests"
            )
            try Self.expectServing(server, "slow clients")
        }
    }

    // MARK: Load

    @Test func sixtyFourConcurrentConnectionsForFiveSecondsGetNoErrorAndNo5xx() async throws {
        let connections = 64
        let duration = 5.0
        try await Self.withServer { server in
            let articles = try CLI.articles(db: server.db)
            let id = try #require(articles.first?["id"] as? String)
            let paths = [
                "/api/articles", "/api/entities", "/api/quotes?speaker=trump", "/api/timeline", "/api/stories",
                "/api/search?q=ceasefire", "/api/events?type=CONSULT", "/api/articles/\(id)", "/timeline",
                "/articles/\(id)", "/static/style.css", "/openapi.json",
            ]
            struct Tally {
                var requests = 0
                var errors: [String] = []
                var statuses: [Int: Int] = [:]
                var latencies: [Double] = []
            }
            let tally = Mutex(Tally())
            let port = server.port
            let end = Date().addingTimeInterval(duration)
            let group = DispatchGroup()
            for worker in 0..<connections {
                group.enter()
                let thread = Thread {
                    var local = Tally()
                    var n = worker
                    while Date() < end {
                        let path = paths[n % paths.count]
                        n += 1
                        let start = Date()
                        do {
                            let answer = try RawHTTP.get(port: port, path, timeout: 30)
                            local.requests += 1
                            local.latencies.append(Date().timeIntervalSince(start))
                            if let status = answer.status {
                                local.statuses[status, default: 0] += 1
                            } else {
                                local.errors.append("\(path): no answer")
                            }
                        } catch {
                            local.errors.append("\(path): \(error)")
                        }
                    }
                    let finished = local
                    tally.withLock {
                        $0.requests += finished.requests
                        $0.errors += finished.errors
                        $0.latencies += finished.latencies
                        for (status, count) in finished.statuses { $0.statuses[status, default: 0] += count }
                    }
                    group.leave()
                }
                thread.stackSize = 1 << 20
                thread.start()
            }
            await withCheckedContinuation { continuation in
                DispatchQueue.global().async {
                    group.wait()
                    continuation.resume()
                }
            }
            let result = tally.withLock { $0 }
            let sorted = result.latencies.sorted()
            let p99 = sorted.isEmpty ? 0 : sorted[min(sorted.count - 1, Int(Double(sorted.count) * 0.99))]
            print(
                "load: \(connections) connections for \(duration) s: \(result.requests) requests, "
                    + "\(result.errors.count) errors, statuses \(result.statuses.sorted { $0.key < $1.key }), "
                    + String(format: "p99 %.0f ms", p99 * 1000)
            )
            #expect(result.errors.isEmpty, "\(result.errors.prefix(10))")
            #expect(result.statuses.keys.allSatisfy { (200..<300).contains($0) }, "\(result.statuses)")
            #expect(result.requests >= connections)
            try Self.expectServing(server, "the load")
        }
    }
}
