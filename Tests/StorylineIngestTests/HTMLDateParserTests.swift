import StorylineCore
import Testing

@testable import StorylineIngest

/// Date notations found in news pages, parsed at the precision they state.
struct HTMLDateParserTests {
    @Test(arguments: [
        ("2025-02-27", "2025-02-27"),
        ("2025-02-27T15:21:00Z", "2025-02-27T15:21:00Z"),
        ("2025-02-27T15:21:00.000+0100", "2025-02-27T15:21:00+01:00"),
        ("2025-02-27T15:21:00.123456-05:00", "2025-02-27T15:21:00-05:00"),
        ("2025-02-27 15:21", "2025-02-27T15:21"),
        ("2025-02-27 15:21:09 UTC", "2025-02-27T15:21:09Z"),
        ("2025/02/27", "2025-02-27"),
        ("20250227", "2025-02-27"),
        ("Thu, 27 Feb 2025 15:21:00 GMT", "2025-02-27T15:21:00Z"),
        ("Thu, 27 Feb 2025 15:21:00 +0100", "2025-02-27T15:21:00+01:00"),
        ("February 27, 2025", "2025-02-27"),
        ("Feb. 27, 2025 3:21 PM EST", "2025-02-27T15:21-05:00"),
        ("27th of February 2025", "2025-02-27"),
        ("27 February 2025 12:05 a.m.", "2025-02-27T00:05"),
    ])
    func parsesMetadataValues(input: String, expected: String) {
        #expect(HTMLDateParser.parse(input)?.iso8601 == expected)
    }

    @Test(arguments: ["", "yesterday", "2025-02-30", "2025-13-01", "99999999", "Posted by Jane"])
    func rejectsNonDates(input: String) {
        #expect(HTMLDateParser.parse(input) == nil)
    }

    @Test func findsDatesInRunningText() {
        #expect(HTMLDateParser.find(in: "By Maria Lopez | Published February 27, 2025 at 3:21 p.m. EST")?.iso8601
                == "2025-02-27T15:21-05:00")
        #expect(HTMLDateParser.find(in: "Updated 27 Feb 2025")?.iso8601 == "2025-02-27")
        #expect(HTMLDateParser.find(in: "No date here, 42 items") == nil)
    }

    @Test(arguments: [
        ("https://www.example.com/world/2025/02/27/slug/", "2025-02-27"),
        ("https://example.com/news/20250227-ceasefire", "2025-02-27"),
        ("https://example.com/2025-02-27/story.html", "2025-02-27"),
        ("/politics/2024/12/31/year-end/", "2024-12-31"),
    ])
    func urlDates(url: String, expected: String) {
        #expect(HTMLDateParser.fromURL(url)?.iso8601 == expected)
    }

    @Test(arguments: [
        "https://example.com/article/12345678901/", "https://example.com/2025/02/", "https://20250227.example.com/x",
        "https://example.com/story?date=2025-02-27",
    ])
    func urlsWithoutDates(url: String) {
        #expect(HTMLDateParser.fromURL(url) == nil)
    }
}
