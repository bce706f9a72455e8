import Foundation
import Testing

/// `storyline entity NAME`: one entity's profile as a user reads it, over small articles whose facts are known:
/// its days, roles over time, co-mentioned people and its statements reported by two outlets.
@Suite(.serialized)
struct EntityCommandTests {
    static func profile(_ name: String, db: String) throws -> [String: Any] {
        let result = try CLI.run(["entity", name, "--db", db, "--json"])
        #expect(result.status == 0, "\(result.stderr)")
        return try #require(try JSONSerialization.jsonObject(with: Data(result.stdout.utf8)) as? [String: Any])
    }

    static func withFourArticles(_ body: (String) throws -> Void) throws {
        let dir = try CLI.temporaryDirectory()
        defer { try? FileManager.default.removeItem(at: dir) }
        let db = dir.appendingPathComponent("e.db").path
        try ResolutionCommandTests.ingest(
            ResolutionCommandTests.threeArticles + [ResolutionCommandTests.fourthArticle],
            named: "four.jsonl",
            in: dir,
            db: db
        )
        try body(db)
    }

    @Test func profileCountsDaysRolesCoMentionsAndStatements() throws {
        try Self.withFourArticles { db in
            let profile = try Self.profile("zelenskyy", db: db)
            let entity = try #require(profile["entity"] as? [String: Any])
            #expect((entity["name"] as? String)?.hasPrefix("Volodymyr Zelensk") == true, "\(entity)")

            // Reuters (1 March), the BBC (2 March) and AP (4 March) name him; the Guardian's Zelenska does not count.
            let days = try #require(profile["mentionsByDay"] as? [[String: Any]])
            #expect(days.map { $0["day"] as? String } == ["2025-03-01", "2025-03-02", "2025-03-04"])
            #expect(days.allSatisfy { $0["articles"] as? Int == 1 })
            let total =
                days.compactMap { $0["mentions"] as? Int }.reduce(0, +) + (profile["undatedMentions"] as? Int ?? -1)
            #expect(total == entity["mentions"] as? Int)

            // "Ukrainian President Volodymyr Zelensky" on 1 and 4 March.
            let roles = try #require(profile["roles"] as? [[String: Any]])
            let president = try #require(roles.first { $0["role"] as? String == "president" }, "\(roles)")
            #expect(president["articles"] as? Int == 2)
            #expect(president["firstPublished"] as? String == "2025-03-01")
            #expect(president["lastPublished"] as? String == "2025-03-04")

            let others = try #require(profile["coMentioned"] as? [[String: Any]])
            let names = others.compactMap { $0["name"] as? String }
            #expect(names.contains("Keir Starmer") && names.contains("Emmanuel Macron"), "\(names)")
            #expect(!names.contains("Olena Zelenska"), "never named in the same article")
            #expect(others.allSatisfy { ($0["sharedArticles"] as? Int ?? 0) <= (entity["articles"] as? Int ?? 0) })

            // The sentence Reuters and the BBC both quote is one statement with two outlets.
            let quotes = try #require(profile["quotes"] as? [[String: Any]])
            let grateful = try #require(
                quotes.first { ($0["text"] as? String)?.contains("grateful for the support") == true },
                "\(quotes)"
            )
            #expect(grateful["outletCount"] as? Int == 2)
        }
    }

    @Test func namesIdsAndUnknownNames() throws {
        try Self.withFourArticles { db in
            let byName = try Self.profile("Olena Zelenska", db: db)
            let entity = try #require(byName["entity"] as? [String: Any])
            #expect(entity["name"] as? String == "Olena Zelenska")
            let id = try #require(entity["id"] as? Int)
            let byID = try Self.profile(String(id), db: db)
            #expect((byID["entity"] as? [String: Any])?["name"] as? String == "Olena Zelenska")

            let text = try CLI.run(["entity", String(id), "--db", db])
            #expect(text.status == 0)
            #expect(text.stdout.hasPrefix("Olena Zelenska — PERSON"), "\(text.stdout)")
            #expect(text.stdout.contains("2025-03-03"))
            #expect(text.stdout.contains("Children need peace"))

            let unknown = try CLI.run(["entity", "nobody by this name", "--db", db])
            #expect(unknown.status == 1)
            #expect(unknown.stderr.contains("no entity matches \"nobody by this name\""))
        }
    }
}
