import Foundation
import StorylineCore
import Testing

@testable import StorylineIngest

/// The plain-text reader on the five founding articles in `Examples/corpus` and on shaped snippets.
struct PlainTextReaderTests {
    static let corpus = URL(fileURLWithPath: #filePath)
        .deletingLastPathComponent().deletingLastPathComponent().deletingLastPathComponent()
        .appendingPathComponent("Examples/corpus")

    func read(_ name: String) throws -> Article {
        let text = try String(contentsOf: Self.corpus.appendingPathComponent(name), encoding: .utf8)
        return try PlainTextReader().read(text, origin: ArticleOrigin(path: name, format: .plainText))
    }

    @Test func liveBlogHasDatesTitleAndHeadlinedEntries() throws {
        let article = try read("000_89fc080949aaadfc.txt")
        #expect(article.title == "Ukraine updates: UK's Starmer meets Trump in Washington")
        #expect(article.published == PublicationDate(year: 2025, month: 2, day: 27))
        #expect(article.modified == PublicationDate(year: 2025, month: 2, day: 27))
        #expect(!article.paragraphs.contains { $0.contains("Published February") })
        let headlines = article.liveBlogEntries.compactMap(\.headline)
        #expect(headlines.first == "Starmer: 'Tough and fair' Ukraine peace deal discussed with Trump")
        #expect(headlines.contains("Kremlin: One civilian killed in Belgorod"))
        #expect(headlines.last == "UK's Starmer en route to Washington")
        #expect(headlines.count == 14)
        // Each entry starts at its headline paragraph and holds at least one body paragraph.
        for entry in article.liveBlogEntries {
            #expect(article.paragraphs[entry.paragraphRange.lowerBound] == entry.headline)
            #expect(entry.paragraphRange.count >= 2)
        }
        // Entries are contiguous and in order.
        for (a, b) in zip(article.liveBlogEntries, article.liveBlogEntries.dropFirst()) {
            #expect(a.paragraphRange.upperBound == b.paragraphRange.lowerBound)
        }
    }

    @Test func articleWithoutTitleLineHasNoTitle() throws {
        // The reader on the file alone: the text states no date, so none is invented. (The corpus's
        // storyline-sources.jsonl gives its date at ingest: SourceManifestTests.)
        let article = try read("001_7bab49cd3b03e6d8.txt")
        #expect(article.title == nil)
        #expect(article.published == nil)
        #expect(article.paragraphs.first?.hasPrefix("British Prime Minister Keir Starmer met") == true)
        #expect(article.liveBlogEntries.isEmpty)
        #expect(article.paragraphs.count == 12)
    }

    @Test func dateLineAndDatelineAreSplitOff() throws {
        let article = try read("002_12acf4030be661a4.txt")
        #expect(article.published == PublicationDate(year: 2025, month: 2, day: 28))
        #expect(article.dateline == "WASHINGTON")
        #expect(article.paragraphs.first?.hasPrefix("President Donald Trump said on Thursday (Feb 27)") == true)
        #expect(!article.text.contains("date 2025"))
        // Subheadings stay in the body of an ordinary article.
        #expect(article.paragraphs.contains("Shocking allies"))
        #expect(article.liveBlogEntries.isEmpty)
    }

    @Test func trailingWidgetsAndRelatedTeasersAreRemoved() throws {
        let article = try read("003_700af1b1d028a35e.txt")
        #expect(article.title == "Zelensky meets with UK's Starmer ahead of high-stakes Trump-Putin summit")
        for chrome in [
            "Hashtags", "Try Our AI Features", "Explore what Daily8 AI can do for you:", "Comments",
            "No comments yet...", "Related Articles", "France 24", "5 hours ago",
        ] {
            #expect(!article.paragraphs.contains(chrome), "chrome line \(chrome) in the body")
        }
        // The related-article teasers (other stories) are gone.
        #expect(!article.text.contains("Zelensky lands in US for Ukraine peace talks"))
        #expect(!article.text.contains("In high-stakes summit, Trump, not Putin, budges"))
        #expect(article.removedChrome.contains("Related Articles"))
        // The article's own last paragraph is kept.
        #expect(article.paragraphs.last?.hasPrefix("The Russian army's gains on Tuesday were the biggest") == true)
        // Time-stamped live-blog entries.
        #expect(article.liveBlogEntries.map(\.timeText) == ["15:21", "01:25"])
        #expect(article.liveBlogEntries.last?.headline == "Russian military push comes ahead of Trump-Putin summit")
        #expect(!article.paragraphs.contains("15:21"))
    }

    @Test func shareCounterAfterDateIsRemoved() throws {
        let article = try read("004_a1818fcdcc1e5877.txt")
        #expect(article.published == PublicationDate(year: 2025, month: 3, day: 3))
        #expect(!article.text.contains("SHARES"))
        #expect(!article.text.contains("Share Tweet"))
        #expect(article.removedChrome.contains("0 SHARES Share Tweet"))
        #expect(article.paragraphs.first?.hasPrefix("UK Prime Minister Keir Starmer has announced") == true)
        #expect(article.paragraphs.last?.hasPrefix("At one point, the US leader accused Ukraine") == true)
    }

    @Test func timeStampsResolveAgainstTheArticleDate() throws {
        let text = """
            Live: Storm hits the coast
            Published 3 March 2025 09:00 GMT
            Heavy rain is expected across the region today, forecasters said in their morning update.
            Roads closed
            10:45 GMT
            Police have closed the coastal road after flooding near the harbour this morning.
            11.30am
            The ferry service has been suspended until further notice, the operator said.
            """
        let article = try PlainTextReader().read(text, origin: ArticleOrigin(path: nil, format: .plainText))
        #expect(article.published?.iso8601 == "2025-03-03T09:00Z")
        #expect(article.liveBlogEntries.count == 2)
        #expect(article.liveBlogEntries[0].headline == "Roads closed")
        #expect(article.liveBlogEntries[0].timestamp?.iso8601 == "2025-03-03T10:45Z")
        #expect(article.liveBlogEntries[1].timestamp?.iso8601 == "2025-03-03T11:30")
        #expect(
            article.paragraphs[article.liveBlogEntries[1].paragraphRange.lowerBound]
                .hasPrefix("The ferry service")
        )
    }

    @Test func hardWrappedParagraphsAreJoined() throws {
        let text = """
            Council approves new budget after long debate

            By Jane Roe and John Doe

            The city council approved the budget on Tuesday after a debate that ran
            late into the night, with members split over funding for the new library
            and for road repairs in the northern districts of the city.

            The mayor said the compromise was "the best we could get" and promised
            a review of spending in the spring, when new revenue figures are known
            and the council will meet again to discuss the capital programme.
            """
        let article = try PlainTextReader().read(text, origin: ArticleOrigin(path: nil, format: .plainText))
        #expect(article.title == "Council approves new budget after long debate")
        #expect(article.byline == ["Jane Roe", "John Doe"])
        #expect(article.paragraphs.count == 2)
        #expect(article.paragraphs[0].hasSuffix("in the northern districts of the city."))
    }

    @Test func emptyTextIsAnError() {
        #expect(throws: IngestError.self) {
            try PlainTextReader().read("  \n\n ", origin: ArticleOrigin(path: "x.txt", format: .plainText))
        }
    }
}
