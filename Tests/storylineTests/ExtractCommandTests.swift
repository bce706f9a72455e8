import Foundation
import Testing

/// `storyline extract` run through the built binary, as a user would.
struct ExtractCommandTests {
    @Test func extractsTimexesInInputOrderAndReportsABadLine() throws {
        let input = """
            {"id": "a", "published": "2025-02-27", "text": "Zelensky’s visit is due on Friday."}
            {"id": "b", "published": "2025-02-28", "text": "Trump said on Thursday (Feb 27) that talks went well."}
            {"id": "c", "text": not json
            {"id": "d", "published": "2025-03-03"}
            {"id": "e", "published": "2025-03-03", "text": "Russia invaded on 24 February 2022."}

            """
        let result = try CLI.run(["extract"], stdin: Data(input.utf8))
        #expect(result.status == 1)
        #expect(result.stderr.contains("<stdin>:3:"))
        #expect(result.stderr.contains("<stdin>:4:"))
        let lines = result.stdout.split(separator: "\n").map {
            try? JSONSerialization.jsonObject(with: Data($0.utf8)) as? [String: Any]
        }
        #expect(lines.count == 5)
        #expect(lines.map { $0?["id"] as? String } == ["a", "b", nil, "d", "e"])
        let a = try #require(lines[0]?["timexes"] as? [[String: Any]])
        #expect(a.count == 1)
        #expect(a.first?["text"] as? String == "Friday")
        #expect(a.first?["value"] as? String == "2025-02-28")
        // Unicode-scalar offsets: the curly apostrophe is one scalar (three UTF-8 bytes).
        #expect(a.first?["start"] as? Int == 27)
        #expect(a.first?["end"] as? Int == 33)
        let b = try #require(lines[1]?["timexes"] as? [[String: Any]])
        #expect(b.map { $0["value"] as? String } == ["2025-02-27", "2025-02-27"])
        #expect((lines[2]?["timexes"] as? [Any])?.isEmpty == true)
        #expect((lines[3]?["timexes"] as? [Any])?.isEmpty == true)
        let e = try #require(lines[4]?["timexes"] as? [[String: Any]])
        #expect(e.first?["value"] as? String == "2022-02-24")
    }

    @Test func entitiesAreResolvedAcrossRecordsUnlessAskedNotTo() throws {
        // Three outlets, three spellings of one president, and his full name only in the last record.
        let records = [
            ["id": "kyiv-post", "published": "2025-03-01", "text": "Zelenskyy said on Friday that Ukraine wanted peace."],
            ["id": "wire", "published": "2025-03-01", "text": "Zelenskiy told reporters in Kyiv that talks must go on."],
            [
                "id": "bbc", "published": "2025-03-02",
                "text": "Ukrainian President Volodymyr Zelensky met Keir Starmer in London. \u{201C}We want a just peace,\u{201D} Zelensky said.",
            ],
        ]
        let input = try records.map { try JSONSerialization.data(withJSONObject: $0) + Data("\n".utf8) }
            .reduce(Data(), +)
        func names(_ arguments: [String]) throws -> (entities: [String], speakers: [String]) {
            let result = try CLI.run(arguments, stdin: input)
            #expect(result.status == 0, "\(result.stderr)")
            var entities: [String] = []
            var speakers: [String] = []
            for line in result.stdout.split(separator: "\n") {
                let object = try #require(try JSONSerialization.jsonObject(with: Data(line.utf8)) as? [String: Any])
                for item in object["entities"] as? [[String: Any]] ?? [] where (item["text"] as? String)?.hasPrefix("Zelensk") == true
                    || (item["text"] as? String)?.hasPrefix("Volodymyr") == true
                {
                    entities.append(item["entity"] as? String ?? "?")
                }
                for quote in object["quotes"] as? [[String: Any]] ?? [] { speakers.append(quote["speaker"] as? String ?? "null") }
            }
            return (entities, speakers)
        }
        let resolved = try names(["extract"])
        #expect(resolved.entities.count >= 3, "\(resolved)")
        #expect(Set(resolved.entities) == ["Volodymyr Zelensky"], "\(resolved)")
        // Every quote, including the one whose speaker the recognizer did not mark ("Zelenskiy told").
        #expect(resolved.speakers.count == 3 && Set(resolved.speakers) == ["Volodymyr Zelensky"], "\(resolved)")
        // Record by record, the first outlet's spelling stays as written.
        let alone = try names(["extract", "--no-resolve"])
        #expect(alone.entities.contains("Zelenskyy") && alone.entities.contains("Volodymyr Zelensky"), "\(alone)")
    }

    @Test func rolesComeWithTheirPersonTitleAndAffiliation() throws {
        let text =
            "Zelensky met Keir Starmer, the British prime minister, in London. Kremlin spokesman Dmitry Peskov said talks were possible."
        let record = try JSONSerialization.data(withJSONObject: ["id": "r", "published": "2025-03-02", "text": text])
        let result = try CLI.run(["extract"], stdin: record + Data("\n".utf8))
        #expect(result.status == 0, "\(result.stderr)")
        let object = try #require(try JSONSerialization.jsonObject(with: Data(result.stdout.utf8)) as? [String: Any])
        let roles = try #require(object["roles"] as? [[String: Any]])
        let starmer = try #require(roles.first { $0["person"] as? String == "Keir Starmer" }, "\(roles)")
        #expect(starmer["role"] as? String == "prime minister")
        #expect(starmer["affiliation"] as? String == "United Kingdom")
        #expect(starmer["text"] as? String == "Keir Starmer, the British prime minister")
        let scalars = Array(text.unicodeScalars)
        let start = try #require(starmer["start"] as? Int)
        let end = try #require(starmer["end"] as? Int)
        #expect(String(String.UnicodeScalarView(scalars[start..<end])) == "Keir Starmer, the British prime minister")
        let peskov = try #require(roles.first { $0["person"] as? String == "Dmitry Peskov" }, "\(roles)")
        #expect(peskov["affiliation"] as? String == "Kremlin")
    }

    @Test func nothingIsReportedInsidePageChrome() throws {
        // After three lines of body, everything from "Related Articles" on is the teasers of other articles, with
        // names, a date and a quote of their own.
        let text = [
            "Zelensky met Starmer in London on Thursday to discuss security guarantees and the minerals deal.",
            "\u{201C}We will keep working on a plan with our European partners,\u{201D} Starmer told reporters.",
            "Officials said the talks would continue next week in Paris with the French and German ministers.",
            "Related Articles",
            "Macron hosts Meloni in Rome",
            "\u{201C}Europe must rearm,\u{201D} Macron said on Sunday.",
        ].joined(separator: "\n")
        let record = try JSONSerialization.data(withJSONObject: ["id": "x", "published": "2025-02-27", "text": text])
        let result = try CLI.run(["extract"], stdin: record + Data("\n".utf8))
        #expect(result.status == 0, "\(result.stderr)")
        let object = try #require(try JSONSerialization.jsonObject(with: Data(result.stdout.utf8)) as? [String: Any])
        // Unicode-scalar offset where the chrome starts.
        let kept = try #require(text.components(separatedBy: "Related Articles").first).unicodeScalars.count
        for field in ["entities", "quotes", "timexes"] {
            let items = try #require(object[field] as? [[String: Any]])
            #expect(!items.isEmpty, "\(field): something is found before the chrome")
            #expect(items.allSatisfy { ($0["end"] as? Int ?? .max) <= kept }, "\(field) inside the chrome: \(items)")
        }
        let names = (object["entities"] as? [[String: Any]] ?? []).compactMap { $0["text"] as? String }
        #expect(names.contains("London") && names.contains("Paris"), "\(names)")
        #expect(!names.contains("Macron") && !names.contains("Meloni") && !names.contains("Rome"), "\(names)")
        let quotes = (object["quotes"] as? [[String: Any]] ?? []).compactMap { $0["text"] as? String }
        #expect(quotes.contains { $0.hasPrefix("We will keep working") }, "\(quotes)")
        #expect(!quotes.contains { $0.contains("rearm") }, "\(quotes)")
    }

    @Test func manyLinesKeepTheirOrder() throws {
        var input = ""
        for n in 0..<300 {
            input +=
                "{\"id\": \"doc-\(n)\", \"published\": \"2025-02-27\", \"text\": \"Talks resume tomorrow, day \(n).\"}\n"
        }
        let result = try CLI.run(["extract", "--window", "3"], stdin: Data(input.utf8))
        #expect(result.status == 0)
        let ids = result.stdout.split(separator: "\n").compactMap {
            (try? JSONSerialization.jsonObject(with: Data($0.utf8)) as? [String: Any])?["id"] as? String
        }
        #expect(ids == (0..<300).map { "doc-\($0)" })
    }
}
