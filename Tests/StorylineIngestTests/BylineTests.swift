import Testing

@testable import StorylineIngest

/// One byline splitter for HTML, feeds and plain text.
struct BylineTests {
    @Test(arguments: [
        ("By Jane Doe and John Roe", ["Jane Doe", "John Roe"]),
        ("Jane Doe, John Roe | Reuters", ["Jane Doe", "John Roe"]),
        ("By Paul Kirby Published 27 February 2025", ["Paul Kirby"]),
        ("Reporting by Tom Balmforth & Olena Harmash", ["Tom Balmforth", "Olena Harmash"]),
        ("https://example.org/staff/jane", []),
        ("BBC News", []),
    ])
    func splitsNames(raw: String, expected: [String]) {
        #expect(Byline.names(raw, outlet: "BBC News") == expected)
    }

    @Test func rssAuthorsKeepTheNameNotTheAddress() {
        #expect(FeedReader.namesFromRSSAuthor("desk@wire.example (Jane Doe and John Roe)") == ["Jane Doe", "John Roe"])
        #expect(FeedReader.namesFromRSSAuthor("desk@wire.example") == [])
    }
}
