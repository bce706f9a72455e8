import Foundation
import Testing

/// Cross-document resolution at ingest, as a user sees it: `storyline entities` lists one entity for the
/// spellings of one person, keeps its id across ingests, and `storyline quotes` prints a statement reported by
/// two outlets once with both reports.
@Suite(.serialized)
struct ResolutionCommandTests {
    /// Three small articles: Reuters and the BBC spell Zelensky differently and quote the same sentence; the
    /// Guardian's is about Olena Zelenska, another person with (nearly) the same surname.
    static let threeArticles = [
        #"{"id":"r1","title":"Zelensky meets Starmer","published":"2025-03-01","source":"Reuters","url":"https://reuters.example/1","text":"LONDON — Ukrainian President Volodymyr Zelensky met British Prime Minister Keir Starmer in London on Saturday.\n\n\"We are grateful for the support of the British people,\" Zelensky told reporters after the meeting.\n\nStarmer said Britain would stand with Ukraine."}"#,
        #"{"id":"b1","title":"Zelenskyy in London","published":"2025-03-02","source":"BBC","url":"https://bbc.example/1","text":"Volodymyr Zelenskyy has thanked Britain after talks in Downing Street.\n\n\"We are grateful for the support of the British people,\" Zelenskyy told reporters on Saturday.\n\nZelenskyy later flew to Paris."}"#,
        #"{"id":"g1","title":"Olena Zelenska visits school","published":"2025-03-03","source":"Guardian","url":"https://guardian.example/1","text":"Olena Zelenska, the first lady of Ukraine, visited a school in Kyiv on Monday.\n\n\"Children need peace,\" Zelenska said."}"#,
    ]

    /// A later article that names Zelensky again, and one in Paris.
    static let fourthArticle =
        #"{"id":"a2","title":"Zelensky in Paris","published":"2025-03-04","source":"AP","url":"https://ap.example/1","text":"Ukrainian President Volodymyr Zelensky met Emmanuel Macron in Paris on Tuesday."}"#

    /// Writes `lines` as a JSONL file in `dir` and ingests it into `db`.
    static func ingest(_ lines: [String], named name: String, in dir: URL, db: String) throws {
        let file = dir.appendingPathComponent(name)
        try (lines.joined(separator: "\n") + "\n").write(to: file, atomically: true, encoding: .utf8)
        let result = try CLI.run(["ingest", file.path, "--db", db, "--quiet"])
        #expect(result.status == 0, "\(result.stderr)")
    }

    static func people(db: String) throws -> [[String: Any]] {
        try QuotesCommandTests.jsonArray(["entities", "--type", "PERSON", "--limit", "1000"], db: db)
    }

    @Test func spellingsOfOnePersonAreOneEntityAndAnotherPersonIsAnother() throws {
        let dir = try CLI.temporaryDirectory()
        defer { try? FileManager.default.removeItem(at: dir) }
        let db = dir.appendingPathComponent("s.db").path
        try Self.ingest(Self.threeArticles, named: "three.jsonl", in: dir, db: db)

        let people = try Self.people(db: db)
        let zelensky = people.filter { ($0["name"] as? String)?.hasPrefix("Volodymyr Zelensk") == true }
        #expect(zelensky.count == 1, "\(people)")
        let entity = try #require(zelensky.first)
        #expect(entity["articles"] as? Int == 2)
        #expect(entity["firstPublished"] as? String == "2025-03-01")
        #expect(entity["lastPublished"] as? String == "2025-03-02")
        let spellings = try #require(entity["otherSpellings"] as? [String])
        #expect(spellings.contains("Zelenskyy") && spellings.contains("Zelensky"), "\(spellings)")

        let zelenska = try #require(people.first { $0["name"] as? String == "Olena Zelenska" }, "\(people)")
        #expect(zelenska["id"] as? Int != entity["id"] as? Int)
        #expect(zelenska["articles"] as? Int == 1)
        #expect(
            (zelenska["otherSpellings"] as? [String])?.contains { $0.hasPrefix("Zelensk") && $0 != "Zelenska" } == false
        )

        // --name matches any spelling.
        let byVariant = try QuotesCommandTests.jsonArray(["entities", "--name", "zelenskyy"], db: db)
        #expect(byVariant.map { $0["id"] as? Int } == [entity["id"] as? Int])
    }

    @Test func aSecondIngestContinuesTheSameEntitiesAndSyndicatedCopiesAreNotCountedTwice() throws {
        let dir = try CLI.temporaryDirectory()
        defer { try? FileManager.default.removeItem(at: dir) }
        let db = dir.appendingPathComponent("s.db").path
        try Self.ingest(Self.threeArticles, named: "three.jsonl", in: dir, db: db)
        let before = try QuotesCommandTests.jsonArray(["entities", "--limit", "1000"], db: db)
        let idOf = Dictionary(before.map { ($0["name"] as? String ?? "", $0["id"] as? Int ?? 0) }) { a, _ in a }

        // The same inputs again, and a syndicated copy of the Reuters story: nothing is resolved again.
        try Self.ingest(Self.threeArticles, named: "again.jsonl", in: dir, db: db)
        let copy = Self.threeArticles[0].replacingOccurrences(of: "reuters.example", with: "syndicate.example")
            .replacingOccurrences(of: "\"Reuters\"", with: "\"Syndicate\"")
        try Self.ingest([copy], named: "copy.jsonl", in: dir, db: db)
        let unchanged = try QuotesCommandTests.jsonArray(["entities", "--limit", "1000"], db: db)
        #expect(
            unchanged.map { "\($0["id"] ?? "")|\($0["mentions"] ?? "")|\($0["articles"] ?? "")" }
                == before.map { "\($0["id"] ?? "")|\($0["mentions"] ?? "")|\($0["articles"] ?? "")" }
        )

        // A new article continues from the saved resolver: the same ids, one more article.
        try Self.ingest([Self.fourthArticle], named: "fourth.jsonl", in: dir, db: db)
        let after = try QuotesCommandTests.jsonArray(["entities", "--limit", "1000"], db: db)
        let zelensky = try #require(after.first { ($0["name"] as? String)?.hasPrefix("Volodymyr Zelensk") == true })
        let zelenskyID = try #require(idOf.first { $0.key.hasPrefix("Volodymyr Zelensk") }?.value)
        #expect(zelensky["id"] as? Int == zelenskyID)
        #expect(zelensky["articles"] as? Int == 3)
        #expect(zelensky["lastPublished"] as? String == "2025-03-04")
        let paris = try #require(after.first { $0["name"] as? String == "Paris" })
        #expect(paris["id"] as? Int == idOf["Paris"])
        #expect(paris["articles"] as? Int == 2)
        let macron = try #require(after.first { $0["name"] as? String == "Emmanuel Macron" })
        #expect((macron["id"] as? Int ?? 0) > (idOf.values.max() ?? 0), "new entities get new ids")

        // Re-extracting rebuilds the resolution from scratch in publication order: here the same order.
        let reextract = try CLI.run(["reextract", "--all", "--db", db, "--json"])
        #expect(reextract.status == 0, "\(reextract.stderr)")
        let rebuilt = try QuotesCommandTests.jsonArray(["entities", "--limit", "1000"], db: db)
        #expect(
            rebuilt.map { "\($0["id"] ?? "")|\($0["name"] ?? "")|\($0["mentions"] ?? "")" }
                == after.map { "\($0["id"] ?? "")|\($0["name"] ?? "")|\($0["mentions"] ?? "")" }
        )
    }

    @Test func theSameQuoteFromTwoOutletsIsOneStatementWithTwoReports() throws {
        let dir = try CLI.temporaryDirectory()
        defer { try? FileManager.default.removeItem(at: dir) }
        let db = dir.appendingPathComponent("s.db").path
        try Self.ingest(Self.threeArticles, named: "three.jsonl", in: dir, db: db)

        let statements = try QuotesCommandTests.jsonArray(["quotes", "--about", "grateful"], db: db)
        #expect(statements.count == 1, "\(statements)")
        let statement = try #require(statements.first)
        #expect(statement["speaker"] as? String == "Volodymyr Zelensky")
        #expect(statement["published"] as? String == "2025-03-01")
        #expect(statement["outletCount"] as? Int == 2)
        #expect(statement["outlets"] as? [String] == ["Reuters", "BBC"])
        #expect(statement["cue"] as? String == "told")
        #expect(statement["kind"] as? String == "direct")
        let reports = try #require(statement["reports"] as? [[String: Any]])
        #expect(reports.map { $0["outlet"] as? String } == ["Reuters", "BBC"])
        #expect(reports.map { $0["url"] as? String } == ["https://reuters.example/1", "https://bbc.example/1"])
        #expect(Set(reports.compactMap { $0["articleID"] as? String }).count == 2)

        // Every statement once: the other two quotes are statements of their own.
        let all = try QuotesCommandTests.jsonArray(["quotes"], db: db)
        #expect(all.count == 3)
        let text = try CLI.run(["quotes", "--speaker", "zelensky", "--db", db])
        #expect(text.status == 0)
        #expect(
            text.stdout.contains(
                "2025-03-01 · Volodymyr Zelensky · told reporters after the meeting · direct · 2 outlets"
            ),
            "\(text.stdout)"
        )
        #expect(text.stdout.contains("  • Reuters · 2025-03-01 · https://reuters.example/1"), "\(text.stdout)")
        #expect(text.stdout.contains("  • BBC · 2025-03-02 · https://bbc.example/1"), "\(text.stdout)")
    }
}
