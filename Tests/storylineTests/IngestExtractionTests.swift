import Foundation
import Testing

/// `storyline ingest` runs the extraction pipeline and stores what it finds with each article; `show` prints
/// it. What is stored — entity mentions, quotes and time expressions — must be exactly what `storyline extract`
/// finds in the same text with the same date.
@Suite(.serialized)
struct IngestExtractionTests {
    static let corpus = IngestCommandTests.corpus

    /// A stored article as `show --json` gives it.
    struct Shown {
        var id: String
        var title: String?
        var text: String
        var published: String?
        /// The stored time expressions as `text|type|value|start|end`; nil when `annotations` is null.
        var timexes: [String]?
        /// The stored entity mentions as `text|type|entity|start|end`; nil when `annotations` is null.
        var entities: [String]?
        /// The stored quotes as `text|speaker|kind|start|end`; nil when `annotations` is null.
        var quotes: [String]?
    }

    /// What `storyline extract` finds in one text, in the same form as ``Shown``.
    struct Extracted: Equatable {
        var timexes: [String]
        var entities: [String]
        var quotes: [String]
    }

    /// `text|type|value|start|end` of a JSON time expression.
    static func key(_ timex: [String: Any]) -> String {
        key(timex, ["text", "type", "value", "start", "end"])
    }

    /// The `fields` of a JSON annotation joined by `|` (`∅` for a missing or null field).
    static func key(_ item: [String: Any], _ fields: [String]) -> String {
        fields.map { item[$0].map { $0 is NSNull ? "∅" : "\($0)" } ?? "∅" }.joined(separator: "|")
    }

    static let entityFields = ["text", "type", "entity", "start", "end"]
    static let quoteFields = ["text", "speaker", "kind", "start", "end"]

    /// Every stored article, shown.
    static func shownArticles(db: String) throws -> [Shown] {
        try CLI.articles(db: db).map { row in
            let id = try #require(row["id"] as? String)
            let json = try CLI.show(id, db: db)
            let article = try #require(json["article"] as? [String: Any])
            let paragraphs = try #require(article["paragraphs"] as? [String])
            let annotations = json["annotations"] as? [String: Any]
            #expect(json.keys.contains("annotations"), "show --json has no annotations key for \(id)")
            return Shown(
                id: id,
                title: article["title"] as? String,
                text: paragraphs.joined(separator: "\n\n"),
                published: article["published"] as? String,
                timexes: (annotations?["timexes"] as? [[String: Any]])?.map(key),
                entities: (annotations?["entities"] as? [[String: Any]])?.map { key($0, entityFields) },
                quotes: (annotations?["quotes"] as? [[String: Any]])?.map { key($0, quoteFields) }
            )
        }
    }

    /// What `storyline extract` finds in each article's text with its date.
    static func extracted(_ articles: [(id: String, text: String, published: String?)]) throws -> [String: Extracted] {
        var input = ""
        for article in articles {
            var record: [String: Any] = ["id": article.id, "text": article.text]
            if let published = article.published { record["published"] = published }
            input += String(decoding: try JSONSerialization.data(withJSONObject: record), as: UTF8.self) + "\n"
        }
        let result = try CLI.run(["extract"], stdin: Data(input.utf8))
        #expect(result.status == 0, "\(result.stderr)")
        var byID: [String: Extracted] = [:]
        for line in result.stdout.split(separator: "\n") {
            let object = try #require(try JSONSerialization.jsonObject(with: Data(line.utf8)) as? [String: Any])
            let id = try #require(object["id"] as? String)
            byID[id] = Extracted(
                timexes: (object["timexes"] as? [[String: Any]] ?? []).map(key),
                entities: (object["entities"] as? [[String: Any]] ?? []).map { key($0, entityFields) },
                quotes: (object["quotes"] as? [[String: Any]] ?? []).map { key($0, quoteFields) }
            )
        }
        return byID
    }

    /// Checks that every stored article's entity mentions, quotes and time expressions are what `extract` finds;
    /// returns how many time expressions there are.
    @discardableResult
    static func expectStoredMatchExtract(_ shown: [Shown]) throws -> Int {
        let expected = try extracted(shown.map { ($0.id, $0.text, $0.published) })
        var total = 0
        for article in shown {
            let label = "article \(article.id) (\(article.title ?? "untitled"))"
            let timexes = try #require(article.timexes, "article \(article.id) has no annotations")
            let found = try #require(expected[article.id], "extract gave no line for \(label)")
            #expect(timexes == found.timexes, "\(label)")
            #expect(article.entities == found.entities, "\(label)")
            #expect(article.quotes == found.quotes, "\(label)")
            total += timexes.count
        }
        return total
    }

    @Test func ingestStoresWhatExtractFindsInTheSameTextWithTheSameDate() throws {
        let dir = try CLI.temporaryDirectory()
        defer { try? FileManager.default.removeItem(at: dir) }
        let db = dir.appendingPathComponent("s.db").path
        let ingest = try CLI.run(["ingest", Self.corpus, "--db", db])
        #expect(ingest.status == 0, "\(ingest.stderr)")

        let shown = try Self.shownArticles(db: db)
        #expect(shown.count == 5)
        #expect(shown.filter { $0.published != nil }.count >= 3, "the corpus states dates the tagger resolves against")
        let total = try Self.expectStoredMatchExtract(shown)
        #expect(total >= 10, "the corpus is full of dates; only \(total) time expressions stored")
        let entities = shown.reduce(0) { $0 + ($1.entities?.count ?? 0) }
        let quotes = shown.reduce(0) { $0 + ($1.quotes?.count ?? 0) }
        #expect(entities >= 100, "the corpus names many people and places; only \(entities) entity mentions stored")
        #expect(quotes >= 20, "the corpus is full of quotes; only \(quotes) stored")
        #expect(shown.allSatisfy { !($0.quotes ?? []).isEmpty }, "every article of the corpus quotes someone")

        // The text output lists them after the article, without colour in a pipe.
        let richest = try #require(shown.max { ($0.timexes?.count ?? 0) < ($1.timexes?.count ?? 0) })
        let timexes = try #require(richest.timexes)
        let show = try CLI.run(["show", richest.id, "--db", db])
        #expect(show.status == 0)
        #expect(!show.stdout.contains("\u{1B}"), "colour codes in a pipe")
        let header = "Time expressions (\(timexes.count); ¶ = paragraph):\n"
        #expect(show.stdout.contains(header), "no time expressions section in:\n\(show.stdout)")
        let lines = show.stdout.components(separatedBy: header).last?.split(separator: "\n").map(String.init) ?? []
        #expect(lines.count == timexes.count)
        for (line, timex) in zip(lines, timexes) {
            let fields = timex.split(separator: "|", omittingEmptySubsequences: false).map(String.init)
            let (text, type, value) = (fields[0].replacing("\n", with: " "), fields[1], fields[2])
            #expect(line.hasPrefix("  ¶"), "\(line)")
            #expect(
                line.contains(" \(type) ") && line.contains(" \(value) ") && line.hasSuffix(text),
                "\(line) ≠ \(timex)"
            )
        }
    }

    @Test func reIngestAndSyndicatedCopiesLeaveTheAnnotationsAsTheyWere() throws {
        let dir = try CLI.temporaryDirectory()
        defer { try? FileManager.default.removeItem(at: dir) }
        let db = dir.appendingPathComponent("s.db").path
        #expect(try CLI.run(["ingest", Self.corpus, "--db", db]).status == 0)
        let before = try Self.shownArticles(db: db)

        let again = try CLI.run(["ingest", Self.corpus, "--db", db, "--json"])
        #expect(again.status == 0)
        let summary = try JSONSerialization.jsonObject(with: Data(again.stdout.utf8)) as? [String: Any]
        #expect(summary?["inserted"] as? Int == 0)
        let reingested = try Self.shownArticles(db: db)
        #expect(reingested.map(\.timexes) == before.map(\.timexes))
        #expect(reingested.map(\.entities) == before.map(\.entities))
        #expect(reingested.map(\.quotes) == before.map(\.quotes))

        // A copy of a dated article, published three weeks later: alone, its relative dates would resolve
        // to other days.
        let original = try #require(before.first { $0.published != nil && ($0.timexes?.count ?? 0) > 3 })
        let later = "2025-03-21"
        let copyFinds = try Self.extracted([(original.id, original.text, later)])[original.id]?.timexes
        #expect(copyFinds != original.timexes, "the test needs a copy whose own annotations would differ")
        let record: [String: Any] = [
            "text": original.text, "published": later, "source": "Late Syndicator",
            "url": "https://late.example/copy",
        ]
        let copy = try CLI.run(
            ["ingest", "-", "--db", db, "--json"],
            stdin: try JSONSerialization.data(withJSONObject: record) + Data("\n".utf8)
        )
        #expect(copy.status == 0, "\(copy.stderr)")
        let copySummary = try JSONSerialization.jsonObject(with: Data(copy.stdout.utf8)) as? [String: Any]
        #expect(copySummary?["addedSources"] as? Int == 1)
        let after = try Self.shownArticles(db: db)
        #expect(after.map(\.id) == before.map(\.id))
        #expect(after.map(\.timexes) == before.map(\.timexes))
        #expect(after.map(\.entities) == before.map(\.entities))
        #expect(after.map(\.quotes) == before.map(\.quotes))
    }

    @Test func standardInputArticlesAreAnnotatedAndSavedInInputOrder() throws {
        let dir = try CLI.temporaryDirectory()
        defer { try? FileManager.default.removeItem(at: dir) }
        let db = dir.appendingPathComponent("s.db").path
        // Many articles in one input, each with its own date; they are annotated on several cores.
        let sentences = [
            "Talks resume on Friday, officials said.",
            "The ceasefire took effect three days ago.",
            "Leaders will meet next week in Riyadh.",
            "The deal was signed on 24 February 2022, a year before the war's anniversary.",
            "Ministers met on Monday and again on Wednesday morning.",
        ]
        var input = ""
        for n in 0..<40 {
            let text = "Report \(n). " + sentences[n % sentences.count] + " " + sentences[(n / 5) % sentences.count]
            let record: [String: Any] = [
                "id": "r\(n)", "title": "Record \(n)", "text": text,
                "published": String(format: "2025-%02d-%02d", 1 + n % 12, 1 + n % 28),
            ]
            input += String(decoding: try JSONSerialization.data(withJSONObject: record), as: UTF8.self) + "\n"
        }
        // The last record repeats the first one's body from another outlet: the first reading in input order
        // must be the stored one, with its title and the annotations for its date.
        let repeated: [String: Any] = [
            "id": "r40", "title": "Record 40, a copy of record 0",
            "text": "Report 0. " + sentences[0] + " " + sentences[0],
            "published": "2025-06-30", "source": "Copy Desk",
        ]
        input += String(decoding: try JSONSerialization.data(withJSONObject: repeated), as: UTF8.self) + "\n"
        let ingest = try CLI.run(["ingest", "-", "--db", db, "--jobs", "2", "--json"], stdin: Data(input.utf8))
        #expect(ingest.status == 0, "\(ingest.stderr)")
        let summary = try JSONSerialization.jsonObject(with: Data(ingest.stdout.utf8)) as? [String: Any]
        #expect(summary?["inserted"] as? Int == 40)
        #expect(summary?["addedSources"] as? Int == 1)
        let shown = try Self.shownArticles(db: db)
        #expect(shown.count == 40)
        #expect(Set(shown.compactMap(\.title)) == Set((0..<40).map { "Record \($0)" }))
        #expect(shown.first { $0.title == "Record 0" }?.published == "2025-01-01")
        #expect(try Self.expectStoredMatchExtract(shown) >= 40)
    }
}
