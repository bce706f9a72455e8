import Foundation
import StorylineCore
import Testing

@testable import StorylineIngest

/// JSONL in the evaluation kit's input format, one article per line, bad lines reported by number.
struct JSONLReaderTests {
    func line(_ object: [String: Any]) throws -> String {
        String(decoding: try JSONSerialization.data(withJSONObject: object), as: UTF8.self)
    }

    @Test func fieldsBecomeArticleMetadata() throws {
        let text =
            "Ukraine updates: UK's Starmer meets Trump in Washington\nUK Prime Minister Keir Starmer is visiting the White House a day before Zelenskyy.\nNorth Korea appears to have sent fresh troops to Russia's Kursk region."
        let input = try line([
            "id": "seed-000", "published": "2025-02-27", "text": text, "source": "DW",
            "url": "https://example.org/live", "title": "Ukraine updates: UK's Starmer meets Trump in Washington",
        ])
        let result = JSONLReader().read(Array((input + "\n").utf8), path: "seeds.jsonl")
        #expect(result.errors.isEmpty)
        let article = try #require(result.articles.first)
        #expect(article.origin.externalID == "seed-000")
        #expect(article.origin.format == .jsonl)
        #expect(article.published == PublicationDate(year: 2025, month: 2, day: 27))
        #expect(article.outlet == "DW")
        #expect(article.url == "https://example.org/live")
        #expect(article.title == "Ukraine updates: UK's Starmer meets Trump in Washington")
        // The title line is not repeated as the first paragraph.
        #expect(article.paragraphs.first?.hasPrefix("UK Prime Minister Keir Starmer") == true)
        #expect(article.paragraphs.count == 2)
    }

    @Test func badLinesAreReportedByLineNumberAndTheRestRead() throws {
        let good = try line(["text": "Officials met in Istanbul on Thursday to discuss the embassies."])
        let lines = [
            good,
            "",
            "{\"text\": \"unterminated",
            try line(["id": "no-text", "title": "Missing body"]),
            try line(["text": 42]),
            "[1, 2, 3]",
            try line(["text": "Second good record about the minerals deal.", "published": "yesterday"]),
            try line([
                "text": "Third good record about the coalition of the willing.", "published": "2025-03-02T10:15:00Z",
            ]),
        ]
        let result = JSONLReader().read(Array(lines.joined(separator: "\n").utf8), path: "mixed.jsonl")
        #expect(result.articles.count == 2)
        #expect(result.articles.last?.published?.iso8601 == "2025-03-02T10:15:00Z")
        let byLine = Dictionary(uniqueKeysWithValues: result.errors.map { ($0.location ?? "", $0) })
        #expect(byLine["line 3"]?.code == .malformedJSON)
        #expect(byLine["line 4"]?.code == .missingField)
        #expect(byLine["line 4"]?.message.contains("\"text\"") == true)
        #expect(byLine["line 5"]?.message.contains("a number") == true)
        #expect(byLine["line 6"]?.code == .malformedJSON)
        #expect(byLine["line 7"]?.message.contains("\"yesterday\"") == true)
        #expect(result.errors.allSatisfy { $0.path == "mixed.jsonl" })
    }

    @Test func anOverlongLineIsRefusedAndTheNextRead() throws {
        let long = try line(["text": String(repeating: "word ", count: 1000)])
        let good = try line(["text": "A short article body that fits."])
        let result = JSONLReader(maxLineBytes: 1024).read(Array((long + "\n" + good).utf8), path: nil)
        #expect(result.articles.count == 1)
        #expect(result.errors.first?.code == .tooLarge)
        #expect(result.errors.first?.location == "line 1")
    }

    @Test func htmlInTextGoesThroughTheHTMLReader() throws {
        let html =
            "<html><head><title>Talks resume</title></head><body><nav><a href='/'>Home</a></nav><article><p>Negotiators met again in Riyadh on Tuesday to continue talks on a ceasefire.</p></article></body></html>"
        let result = JSONLReader().read(Array(try line(["text": html, "id": "h1"]).utf8), path: nil)
        let article = try #require(result.articles.first)
        #expect(article.origin.format == .jsonl)
        #expect(article.text.contains("Negotiators met again in Riyadh"))
        #expect(!article.text.contains("<p>"))
        #expect(!article.text.contains("Home"))
    }

    @Test func aPrettyPrintedJSONDocumentIsOneError() {
        let json = "{\n  \"pages\": 1000,\n  \"seed\": 7\n}\n"
        let result = JSONLReader().read(Array(json.utf8), path: "MANIFEST.json")
        #expect(result.articles.isEmpty)
        #expect(result.errors.count == 1)
        #expect(result.errors.first?.message.contains("not JSON Lines") == true)
    }
}
