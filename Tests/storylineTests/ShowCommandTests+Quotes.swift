import Foundation
import StorylineCore
import StorylineStore
import Testing

@testable import storyline

/// How `storyline show` presents an article's entity mentions and quotes.
extension ShowCommandTests {
    /// A two-paragraph article with entity mentions and quotes, multi-byte characters before them.
    static func storedWithQuotes() -> StoredArticle {
        let paragraphs = [
            "NATO’s secretary general, Mark Rutte, said on Thursday that allies would raise defence spending.",
            "“Europe must step up,” he told reporters in Brussels. Rutte later met Poland’s prime minister, "
                + "Donald Tusk.",
        ]
        let article = Article(
            id: "fedcba9876543210",
            contentHash: "fedcba9876543210" + String(repeating: "0", count: 48),
            title: "Rutte: Europe must step up",
            published: PublicationDate(iso8601: "2025-03-06"),
            paragraphs: paragraphs,
            origin: ArticleOrigin(path: "/in/rutte.txt", format: .plainText)
        )
        let text = Array(article.text.utf8)
        func range(_ surface: String, _ occurrence: Int = 1) -> TextRange {
            let needle = Array(surface.utf8)
            let starts = (0...(text.count - needle.count)).filter { text[$0..<$0 + needle.count].elementsEqual(needle) }
            return TextRange(start: starts[occurrence - 1], end: starts[occurrence - 1] + needle.count)
        }
        let annotations = ArticleAnnotations(
            entities: [
                EntityMention(range: range("NATO"), type: .organization, canonical: "NATO"),
                EntityMention(range: range("Mark Rutte"), type: .person, canonical: "Mark Rutte"),
                EntityMention(range: range("Europe"), type: .location, canonical: "Europe"),
                EntityMention(range: range("Brussels"), type: .geopolitical, canonical: "Brussels"),
                EntityMention(range: range("Rutte", 2), type: .person, canonical: "Mark Rutte"),
                EntityMention(range: range("Poland"), type: .geopolitical, canonical: "Poland"),
                EntityMention(range: range("Donald Tusk"), type: .person, canonical: "Donald Tusk"),
            ],
            quotes: [
                QuoteMention(
                    range: range("allies would raise defence spending"),
                    kind: .indirect,
                    speaker: "NATO’s secretary general, Mark Rutte",
                    speakerRange: range("NATO’s secretary general, Mark Rutte"),
                    speakerName: "Mark Rutte",
                    cue: "said"
                ),
                QuoteMention(
                    range: range("Europe must step up,"),
                    kind: .direct,
                    speaker: "he",
                    speakerRange: TextRange(start: range("he told").start, end: range("he told").start + 2),
                    speakerName: "Mark Rutte",
                    cue: "told",
                    addressee: "reporters"
                ),
            ]
        )
        return StoredArticle(article: article, sources: [ArticleSource(article)], annotations: annotations)
    }

    @Test func listsEachNameOnceWithItsMentionsAndEachQuoteWithItsSpeaker() throws {
        let output = ShowCommand.render(Self.storedWithQuotes(), chrome: false, colour: false)
        let entities = try #require(output.components(separatedBy: "Entities (7 mentions of 6 names):\n").last)
        #expect(
            entities.split(separator: "\n").prefix(6) == [
                "  PERSON  2× Mark Rutte   as Rutte",
                "  ORG     1× NATO",
                "  LOC     1× Europe",
                "  GPE     1× Brussels",
                "  GPE     1× Poland",
                "  PERSON  1× Donald Tusk",
            ],
            "\(output)"
        )
        let quotes = try #require(output.components(separatedBy: "Quotes (2; ¶ = paragraph):\n").last)
        #expect(
            quotes.split(separator: "\n").prefix(2) == [
                "  ¶1   indirect  Mark Rutte — said: allies would raise defence spending",
                "  ¶2   direct    Mark Rutte (as \"he\") — told reporters: “Europe must step up,”",
            ],
            "\(output)"
        )
        // The sections come before the time expressions, which stay last.
        #expect(output.hasSuffix("Time expressions: none found."))
        #expect(!output.contains("\u{1B}"))
        let coloured = ShowCommand.render(Self.storedWithQuotes(), chrome: false, colour: true)
        #expect(Self.plain(coloured) == output)
        #expect(coloured.contains("told reporters: “\u{1B}[1;36mEurope must step up,\u{1B}[0m”"))
    }

    @Test func jsonCarriesEntitiesAndQuotesWithUnicodeScalarOffsets() throws {
        let stored = Self.storedWithQuotes()
        let json = try #require(ShowJSON(stored).annotations)
        let scalars = Array(stored.article.text.unicodeScalars)
        func surface(_ start: Int, _ end: Int) -> String {
            var view = String.UnicodeScalarView()
            view.append(contentsOf: scalars[start..<end])
            return String(view)
        }
        #expect(
            json.entities.map(\.text) == ["NATO", "Mark Rutte", "Europe", "Brussels", "Rutte", "Poland", "Donald Tusk"]
        )
        #expect(json.entities.map(\.entity)[4] == "Mark Rutte")
        for entity in json.entities { #expect(surface(entity.start, entity.end) == entity.text) }
        #expect(json.quotes.map(\.text) == ["allies would raise defence spending", "Europe must step up,"])
        for quote in json.quotes {
            #expect(surface(quote.start, quote.end) == quote.text)
            #expect(surface(quote.speakerStart!, quote.speakerEnd!) == quote.speakerText)
        }
        // The byte offsets differ: the curly apostrophe and quotation marks are several bytes each.
        #expect(json.quotes[1].start < stored.annotations!.quotes[1].range.start)
        #expect(json.quotes[1].speaker == "Mark Rutte")
        #expect(json.quotes[1].speakerText == "he")
        #expect(json.quotes[1].addressee == "reporters")
        let encoded = String(decoding: try JSONEncoder().encode(json.quotes[0]), as: UTF8.self)
        #expect(encoded.contains("\"channel\":null"), "every key is present: \(encoded)")
    }
}
