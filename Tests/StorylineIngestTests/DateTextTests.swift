import StorylineCore
import Testing

@testable import StorylineIngest

struct DateTextTests {
    @Test(arguments: [
        ("Published February 27, 2025", "2025-02-27"),
        ("27 February 2025", "2025-02-27"),
        ("Thu 27 Feb 2025 15.21 GMT", "2025-02-27T15:21Z"),
        ("Feb. 27, 2025 3:21 PM EST", "2025-02-27T15:21-05:00"),
        ("Updated: March 3rd, 2025 at 9:05 am", "2025-03-03T09:05"),
        ("date 2025-02-28 WASHINGTON —", "2025-02-28"),
        ("posted 2025-08-14T22:10:00+02:00", "2025-08-14T22:10:00+02:00"),
    ])
    func findsFullDates(text: String, expected: String) {
        #expect(DateText.firstDate(in: text)?.date.iso8601 == expected)
    }

    @Test(arguments: ["on February 27 the leaders met", "Feb 30, 2025", "in 2025 the talks", "15:21"])
    func ignoresPartialOrImpossibleDates(text: String) {
        #expect(DateText.firstDate(in: text) == nil)
    }

    @Test func dateHeaderSplitsPublishedModifiedAndRemainder() throws {
        let header = try #require(
            PlainTextReader.dateHeader("Published February 27, 2025last updated February 28, 2025What you need to know"))
        #expect(header.published == PublicationDate(year: 2025, month: 2, day: 27))
        #expect(header.modified == PublicationDate(year: 2025, month: 2, day: 28))
        #expect(header.remainder == "What you need to know")
        #expect(PlainTextReader.dateHeader("British Prime Minister Keir Starmer met Trump on February 27, 2025.") == nil)
    }
}
