import Foundation
import Testing

/// `storyline quotes` and `storyline entities` on the example corpus, run as a user would run them.
@Suite(.serialized)
struct QuotesCommandTests {
    static let corpus = IngestCommandTests.corpus

    /// Runs `ARGS… --db DB --json` and decodes the array it prints.
    static func jsonArray(_ arguments: [String], db: String) throws -> [[String: Any]] {
        let result = try CLI.run(arguments + ["--db", db, "--json"])
        #expect(result.status == 0, "\(result.stderr)")
        return try #require(try JSONSerialization.jsonObject(with: Data(result.stdout.utf8)) as? [[String: Any]])
    }

    /// The text of `article` (from `show --json`) between two Unicode-scalar offsets.
    static func scalars(_ text: String, _ start: Int, _ end: Int) -> String {
        let scalars = Array(text.unicodeScalars)
        var view = String.UnicodeScalarView()
        view.append(contentsOf: scalars[start..<end])
        return String(view)
    }

    /// Ingests the corpus into a new database in `dir`.
    static func ingestCorpus(in dir: URL) throws -> String {
        let db = dir.appendingPathComponent("s.db").path
        let ingest = try CLI.run(["ingest", Self.corpus, "--db", db, "--quiet"])
        #expect(ingest.status == 0, "\(ingest.stderr)")
        return db
    }

    @Test func quotesBySpeakerComeWithTheirArticleContextAndSource() throws {
        let dir = try CLI.temporaryDirectory()
        defer { try? FileManager.default.removeItem(at: dir) }
        let db = try Self.ingestCorpus(in: dir)

        // 001 is a report of Trump meeting Starmer: "I have confidence if we make a deal, it's going to hold," he said.
        let trump = try Self.jsonArray(["quotes", "--speaker", "trump", "--limit", "1000"], db: db)
        #expect(trump.count >= 10, "Trump is quoted all over the corpus")
        let confidence = try #require(
            trump.first { ($0["text"] as? String)?.hasPrefix("I have confidence if we make a deal") == true },
            "\(trump.map { $0["text"] ?? "" })"
        )
        #expect(confidence["speaker"] as? String == "Donald Trump")
        #expect(confidence["kind"] as? String == "direct")
        #expect(confidence["cue"] as? String == "said")
        #expect((confidence["context"] as? String)?.contains("he said") == true, "\(confidence)")
        let sources = try #require(confidence["sources"] as? [[String: Any]])
        #expect(sources.count == 1)
        #expect((sources.first?["input"] as? String)?.hasSuffix("001_7bab49cd3b03e6d8.txt") == true, "\(sources)")

        // Every quote points into its article: its text and its context are there at their offsets, and the
        // speaker is named in it.
        var articles: [String: String] = [:]
        for quote in trump {
            let id = try #require(quote["articleID"] as? String)
            #expect(quote["sources"].flatMap { $0 as? [[String: Any]] }?.first?["articleID"] as? String == id)
            if articles[id] == nil {
                let shown = try CLI.show(id, db: db)
                let article = try #require(shown["article"] as? [String: Any])
                articles[id] = try #require(article["paragraphs"] as? [String]).joined(separator: "\n\n")
            }
            let text = try #require(articles[id])
            let (start, end) = try (#require(quote["start"] as? Int), #require(quote["end"] as? Int))
            #expect(Self.scalars(text, start, end) == quote["text"] as? String)
            let (cs, ce) = try (#require(quote["contextStart"] as? Int), #require(quote["contextEnd"] as? Int))
            #expect(Self.scalars(text, cs, ce) == quote["context"] as? String)
            #expect(cs <= start && end <= ce)
            let speaker = "\(quote["speaker"] ?? "") \(quote["speakerText"] ?? "")".lowercased()
            #expect(speaker.contains("trump"), "\(quote)")
            #expect(text.contains("Trump"))
        }

        // The text output shows the same quote with its speaker, cue, context and source.
        let text = try CLI.run(["quotes", "--speaker", "Trump", "--about", "confidence", "--db", db])
        #expect(text.status == 0)
        let articleID = try #require(confidence["articleID"] as? String)
        #expect(text.stdout.contains("Donald Trump (as \"he\") · said · direct"), "\(text.stdout)")
        #expect(text.stdout.contains("  “I have confidence if we make a deal, it’s going to hold,”"), "\(text.stdout)")
        #expect(text.stdout.contains("001_7bab49cd3b03e6d8.txt · article \(articleID)"), "\(text.stdout)")
        #expect(!text.stdout.contains("\u{1B}"), "colour codes in a pipe")
    }

    @Test func quotesFilterByDateAndPageThroughOneOrder() throws {
        let dir = try CLI.temporaryDirectory()
        defer { try? FileManager.default.removeItem(at: dir) }
        let db = try Self.ingestCorpus(in: dir)

        let all = try Self.jsonArray(["quotes", "--limit", "100000"], db: db)
        #expect(all.count >= 50)
        // Dated articles first, oldest first.
        let dates = all.map { $0["published"] as? String }
        let dated = dates.prefix { $0 != nil }.compactMap { $0 }
        #expect(dated == dated.sorted())
        #expect(dates.dropFirst(dated.count).allSatisfy { $0 == nil }, "undated articles last")

        let day = try Self.jsonArray(
            ["quotes", "--since", "2025-02-28", "--until", "2025-02-28", "--limit", "1000"],
            db: db
        )
        #expect(!day.isEmpty)
        #expect(day.allSatisfy { ($0["published"] as? String)?.hasPrefix("2025-02-28") == true })
        #expect(day.count == dates.filter { $0?.hasPrefix("2025-02-28") == true }.count)

        var paged: [String] = []
        for offset in [0, 7, 14] {
            paged += try Self.jsonArray(["quotes", "--limit", "7", "--offset", "\(offset)"], db: db).map {
                "\($0["articleID"] ?? "")@\($0["start"] ?? "")"
            }
        }
        #expect(paged == all.prefix(21).map { "\($0["articleID"] ?? "")@\($0["start"] ?? "")" })

        let none = try CLI.run(["quotes", "--speaker", "nobody at all", "--db", db])
        #expect(none.status == 0)
        #expect(none.stdout == "No quotes match.\n")
    }

    @Test func entitiesCountWhatTheArticlesName() throws {
        let dir = try CLI.temporaryDirectory()
        defer { try? FileManager.default.removeItem(at: dir) }
        let db = try Self.ingestCorpus(in: dir)

        let entities = try Self.jsonArray(["entities", "--limit", "100000"], db: db)
        #expect(entities.count >= 30)
        let starmer = try #require(entities.first { $0["name"] as? String == "Keir Starmer" })
        #expect(starmer["type"] as? String == "PERSON")
        #expect((starmer["articles"] as? Int ?? 0) >= 3, "Starmer is in most of the corpus: \(starmer)")
        let mentions = entities.map { $0["mentions"] as? Int ?? 0 }
        #expect(mentions == mentions.sorted(by: >), "most mentioned first")

        // The counts are those of the mentions stored with each article.
        var perArticle: [String: (mentions: Int, articles: Int)] = [:]
        for row in try CLI.articles(db: db) {
            let id = try #require(row["id"] as? String)
            let annotations = try #require(try CLI.show(id, db: db)["annotations"] as? [String: Any])
            var seen: Set<String> = []
            for mention in try #require(annotations["entities"] as? [[String: Any]]) {
                let key = "\(mention["entity"] ?? "")|\(mention["type"] ?? "")"
                perArticle[key, default: (0, 0)].mentions += 1
                if seen.insert(key).inserted { perArticle[key, default: (0, 0)].articles += 1 }
            }
        }
        #expect(perArticle.count == entities.count)
        for entity in entities {
            let key = "\(entity["name"] ?? "")|\(entity["type"] ?? "")"
            #expect(perArticle[key]?.mentions == entity["mentions"] as? Int, "\(key)")
            #expect(perArticle[key]?.articles == entity["articles"] as? Int, "\(key)")
            if let first = entity["firstPublished"] as? String, let last = entity["lastPublished"] as? String {
                #expect(first <= last)
            }
        }

        let people = try Self.jsonArray(["entities", "--type", "person", "--name", "STARMER"], db: db)
        #expect(!people.isEmpty)
        #expect(people.allSatisfy { $0["type"] as? String == "PERSON" })
        #expect(people.allSatisfy { ($0["name"] as? String)?.lowercased().contains("starmer") == true })
        #expect(people.first?["name"] as? String == "Keir Starmer")

        let table = try CLI.run(["entities", "--limit", "3", "--db", db])
        #expect(table.status == 0)
        let lines = table.stdout.split(separator: "\n")
        #expect(lines.count == 4)
        #expect(lines.first == "MENTIONS  ARTICLES  FIRST       LAST        TYPE    NAME")
        #expect(lines.dropFirst().first?.hasSuffix(entities.first?["name"] as? String ?? "?") == true)

        let bad = try CLI.run(["entities", "--type", "ANIMAL", "--db", db])
        #expect(bad.status != 0)
        #expect(bad.stderr.contains("ANIMAL"))
    }
}
