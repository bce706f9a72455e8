import Foundation
import StorylineCore
import StorylineStore
import Testing

@testable import storyline

/// A page of statements read only as far as it needs (``QuotesCommand/statementPage``) is the same page as
/// merging every matching quote and slicing (``QuotesCommand/statements(_:)``).
struct StatementPageTests {
    /// Two articles a day over 240 days, each with two quotes: one of the day's own words, and one the next
    /// days' articles repeat (so statements gather reports across days, within the merger's 14-day window and
    /// past it); every tenth article is by another outlet; twelve undated articles repeat early words.
    static func corpus() -> [AnnotatedArticle] {
        var articles: [AnnotatedArticle] = []
        let speakers = ["Keir Starmer", "Donald Trump", "Volodymyr Zelensky", "Emmanuel Macron"]
        func article(_ n: Int, published: PublicationDate?, quotes: [(String, String)]) -> AnnotatedArticle {
            var paragraphs: [String] = []
            var mentions: [QuoteMention] = []
            var offset = 0
            for (speaker, words) in quotes {
                let paragraph = "“\(words),” \(speaker) said in report \(n)."
                let start = offset + "“".utf8.count
                mentions.append(
                    QuoteMention(
                        range: TextRange(start: start, end: start + words.utf8.count),
                        kind: .direct,
                        speaker: speaker,
                        speakerName: speaker,
                        cue: "said"
                    )
                )
                paragraphs.append(paragraph)
                offset += paragraph.utf8.count + 2
            }
            let id = String(format: "a%05d", n)
            return AnnotatedArticle(
                article: Article(
                    id: id,
                    contentHash: "hash-" + id,
                    title: "Report \(n)",
                    outlet: n % 10 == 0 ? "Reuters" : "Outlet \(n % 7)",
                    published: published,
                    paragraphs: paragraphs,
                    origin: ArticleOrigin(path: "/in/\(id).txt", format: .plainText)
                ),
                annotations: ArticleAnnotations(quotes: mentions)
            )
        }
        for n in 0..<480 {
            let day = 20_000 + n / 2
            let speaker = speakers[n % speakers.count]
            // A phrase that the articles of the next ten days repeat: one statement per ten days and speaker.
            let shared = "we will keep working for a just and lasting peace in block \(n / 20) of \(speaker)"
            articles.append(
                article(
                    n,
                    published: PublicationDate(dayNumber: day),
                    quotes: [
                        (speaker, "statement number \(n) on the talks with its own words \(n * 7)"), (speaker, shared),
                    ]
                )
            )
        }
        for n in 480..<492 {
            let speaker = speakers[(n - 480) % speakers.count]
            let shared = "we will keep working for a just and lasting peace in block \((n - 480) / 4) of \(speaker)"
            articles.append(article(n, published: nil, quotes: [(speaker, shared)]))
        }
        return articles
    }

    /// What a test compares of a statement: its wording and its reports.
    static func summary(_ grouped: [QuotesCommand.Grouped]) -> [String] {
        grouped.map { group in
            group.statement.canonicalWording + " | "
                + group.quotes.map { "\($0.articleID)@\($0.quote.range.start)" }.joined(separator: ",")
        }
    }

    @Test func aPageReadAsFarAsItNeedsIsThePageOfAllStatements() async throws {
        let store = InMemoryStore()
        _ = try await store.save(Self.corpus())
        for query in [QuoteQuery(), QuoteQuery(speaker: "trump"), QuoteQuery(about: "peace")] {
            var all = query
            all.limit = Int(Int32.max)
            let everything = QuotesCommand.statements(try await store.quotes(matching: all))
            #expect(everything.count > 50)
            #expect(everything.contains { $0.quotes.count > 5 }, "statements gather reports across days")
            for (offset, limit) in [(0, 20), (0, 1), (37, 50), (everything.count - 5, 20), (5000, 10)] {
                let found = try await QuotesCommand.statementPage(query, offset: offset, limit: limit, from: store)
                let expected = Array(everything.dropFirst(offset).prefix(limit))
                #expect(Self.summary(found.page) == Self.summary(expected), "\(query) offset \(offset) limit \(limit)")
                #expect(found.more == (offset + limit < everything.count), "\(query) offset \(offset)")
                if let total = found.total { #expect(total == everything.count) }
            }
        }
        // A first page stops early: it does not need every quote, so it does not know the total.
        let first = try await QuotesCommand.statementPage(QuoteQuery(), offset: 0, limit: 20, from: store)
        #expect(first.total == nil && first.more)
        // The undated reports of a settled statement are there: early words repeated by undated articles.
        let undated = first.page.flatMap(\.quotes).filter { $0.published == nil }
        #expect(!undated.isEmpty)
    }
}
