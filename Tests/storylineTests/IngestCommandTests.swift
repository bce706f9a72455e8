import Foundation
import Testing

/// `storyline ingest`, `articles` and `show` run as a user would run them.
@Suite(.serialized)
struct IngestCommandTests {
    static let corpus = CLI.repositoryRoot.appendingPathComponent("Examples/corpus").path

    /// Lines of page chrome in the founding corpus that must never reach a body.
    static let chrome = [
        "0 SHARES", "Share Tweet", "Hashtags", "Try Our AI Features", "Explore what Daily8 AI can do for you",
        "No comments yet", "Related Articles", "France 24",
    ]

    @Test func corpusIsIngestedWithStatedDatesAndWithoutChrome() throws {
        let dir = try CLI.temporaryDirectory()
        defer { try? FileManager.default.removeItem(at: dir) }
        let db = dir.appendingPathComponent("s.db").path

        let ingest = try CLI.run(["ingest", Self.corpus, "--db", db])
        #expect(ingest.status == 0, "\(ingest.stderr)")
        #expect(ingest.stdout.contains("5 new"))

        let rows = try CLI.articles(db: db)
        #expect(rows.count == 5)
        // The dates the texts state ("Published February 27, 2025", "date 2025-02-28", "date 2025-03-03") and the
        // ones only the corpus's storyline-sources.jsonl gives (001: 2025-02-27, 003: 2025-08-14).
        let dates = Set(rows.compactMap { $0["published"] as? String })
        #expect(dates == ["2025-02-27", "2025-02-28", "2025-03-03", "2025-08-14"])
        #expect(rows.allSatisfy { $0["published"] is String }, "the manifest dates every article")

        var liveBlogs = 0
        for row in rows {
            let id = try #require(row["id"] as? String)
            let stored = try CLI.show(id, db: db)
            let article = try #require(stored["article"] as? [String: Any])
            let paragraphs = try #require(article["paragraphs"] as? [String])
            let body = paragraphs.joined(separator: "\n\n")
            for line in Self.chrome {
                #expect(!body.contains(line), "\(line) in the body of \(id)")
            }
            if let entries = article["liveBlogEntries"] as? [[String: Any]], !entries.isEmpty {
                liveBlogs += 1
            }
        }
        #expect(liveBlogs >= 1)

        let table = try CLI.run(["articles", "--db", db])
        #expect(table.stdout.contains("Ukraine updates: UK's Starmer meets Trump in Washington"))
        #expect(table.stdout.contains("2025-02-27"))
    }

    @Test func reIngestChangesNothingAndSyndicatedCopiesAddSources() throws {
        let dir = try CLI.temporaryDirectory()
        defer { try? FileManager.default.removeItem(at: dir) }
        let db = dir.appendingPathComponent("s.db").path
        try CLI.run(["ingest", Self.corpus, "--db", db])
        let before = try CLI.articles(db: db)

        let again = try CLI.run(["ingest", Self.corpus, "--db", db, "--json"])
        #expect(again.status == 0)
        let summary = try JSONSerialization.jsonObject(with: Data(again.stdout.utf8)) as? [String: Any]
        #expect(summary?["inserted"] as? Int == 0)
        #expect(summary?["unchanged"] as? Int == 5)
        #expect(try CLI.articles(db: db).count == before.count)

        // The same body from two other outlets, as JSONL on standard input.
        let text = try String(contentsOfFile: Self.corpus + "/002_12acf4030be661a4.txt", encoding: .utf8)
        var lines = ""
        for (outlet, url) in [
            ("Wire Copy Daily", "https://wire.example/a1"), ("The Syndicator", "https://synd.example/x"),
        ] {
            let record: [String: Any] = ["id": url, "text": text, "source": outlet, "url": url]
            lines += String(decoding: try JSONSerialization.data(withJSONObject: record), as: UTF8.self) + "\n"
        }
        let copies = try CLI.run(["ingest", "-", "--db", db, "--json"], stdin: Data(lines.utf8))
        #expect(copies.status == 0, "\(copies.stderr)")
        let copySummary = try JSONSerialization.jsonObject(with: Data(copies.stdout.utf8)) as? [String: Any]
        #expect(copySummary?["addedSources"] as? Int == 2)
        #expect(copySummary?["inserted"] as? Int == 0)

        let rows = try CLI.articles(db: db)
        #expect(rows.count == 5)
        let syndicated = try #require(rows.first { ($0["sourceCount"] as? Int) == 3 })
        let stored = try CLI.show(syndicated["id"] as! String, db: db)
        let outlets = (stored["sources"] as? [[String: Any]])?.compactMap { $0["outlet"] as? String } ?? []
        #expect(outlets.sorted() == ["The Syndicator", "Wire Copy Daily"])
        // Filtering by either outlet finds the stored body.
        let byOutlet = try CLI.run(["articles", "--json", "--outlet", "The Syndicator", "--db", db])
        #expect(byOutlet.stdout.contains(syndicated["id"] as! String))
    }

    @Test func badInputsAreReportedAndTheGoodOnesIngested() throws {
        let dir = try CLI.temporaryDirectory()
        defer { try? FileManager.default.removeItem(at: dir) }
        let inputs = dir.appendingPathComponent("inputs")
        try FileManager.default.createDirectory(at: inputs, withIntermediateDirectories: true)
        // Good files, found by content: one named .dat.
        try FileManager.default.copyItem(
            atPath: Self.corpus + "/001_7bab49cd3b03e6d8.txt",
            toPath: inputs.appendingPathComponent("good.dat").path
        )
        try FileManager.default.copyItem(
            atPath: Self.corpus + "/004_a1818fcdcc1e5877.txt",
            toPath: inputs.appendingPathComponent("good2.txt").path
        )
        // Bad files.
        var invalid = Array("Kyiv says talks will resume next week, officials said on Monday.\n".utf8)
        invalid.insert(contentsOf: [0xC3, 0x28], at: 10)
        try Data(invalid).write(to: inputs.appendingPathComponent("invalid-utf8.txt"))
        try Data(
            [0x89, 0x50, 0x4E, 0x47, 0x0D, 0x0A, 0x1A, 0x0A, 0, 0, 0, 0x0D, 0x49, 0x48, 0x44, 0x52]
                + Array(repeating: 0, count: 64)
        )
        .write(to: inputs.appendingPathComponent("picture.png"))
        let gzipOfText: [UInt8] = [0x1F, 0x8B, 0x08, 0x00, 0x00, 0x00, 0x00, 0x00, 0x00, 0x03, 0xF3, 0x48, 0xCD, 0xC9]
        try Data(gzipOfText).write(to: inputs.appendingPathComponent("truncated.txt.gz"))
        try Data(
            "<?xml version=\"1.0\"?>\n<rss version=\"2.0\"><channel><title>News</title>\n<item><title>Broken</item></channel></rss>"
                .utf8
        )
        .write(to: inputs.appendingPathComponent("broken-feed.xml"))
        try Data().write(to: inputs.appendingPathComponent("empty.txt"))
        let bigLine = Data(repeating: UInt8(ascii: "a"), count: 50 << 20)
        try bigLine.write(to: inputs.appendingPathComponent("one-line.txt"))

        let db = dir.appendingPathComponent("s.db").path
        let result = try CLI.run(["ingest", inputs.path, "--db", db])
        #expect(result.status == 1)
        // Every bad file is named with a reason.
        let expectations: [(String, String)] = [
            ("invalid-utf8.txt", "UTF-8"), ("picture.png", "binary"), ("truncated.txt.gz", "truncated"),
            ("broken-feed.xml", "line"), ("empty.txt", "empty"), ("one-line.txt", "limit"),
        ]
        let errorLines = result.stderr.split(separator: "\n").filter { $0.hasPrefix("error:") }
        for (file, reason) in expectations {
            let line = errorLines.first { $0.contains(file) }
            #expect(line != nil, "no error line for \(file) in:\n\(result.stderr)")
            #expect(line?.localizedCaseInsensitiveContains(reason) == true, "\(file): \(line ?? "")")
        }
        #expect(errorLines.count == expectations.count)
        // The good files are stored.
        let rows = try CLI.articles(db: db)
        #expect(rows.count == 2)
    }

    @Test func missingDatabaseIsAClearError() throws {
        let result = try CLI.run(["articles", "--db", "/nonexistent-dir/x.db"])
        #expect(result.status != 0)
        #expect(result.stderr.contains("no database at /nonexistent-dir/x.db"))
    }

    @Test func unknownIDIsAClearError() throws {
        let dir = try CLI.temporaryDirectory()
        defer { try? FileManager.default.removeItem(at: dir) }
        let db = dir.appendingPathComponent("s.db").path
        try CLI.run(["ingest", Self.corpus, "--db", db])
        let result = try CLI.run(["show", "ffffffffffff", "--db", db])
        #expect(result.status == 1)
        #expect(result.stderr.contains("no article with id ffffffffffff"))
    }
}
