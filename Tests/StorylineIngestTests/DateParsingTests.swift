import StorylineCore
import Testing

@testable import StorylineIngest

/// The ingest module's date engine (`Sources/StorylineIngest/Dates/`): dates in running text, in metadata
/// values, in feeds and in URLs, clock times, and the zone policy.
struct DateParsingTests {
    // MARK: - Running text (plain-text headers, HTML stamp elements)

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

    @Test func findsDatesInRunningText() {
        let byline = "By Maria Lopez | Published February 27, 2025 at 3:21 p.m. EST"
        #expect(DateText.firstDate(in: byline)?.date.iso8601 == "2025-02-27T15:21-05:00")
        #expect(DateText.firstDate(in: "Updated 27 Feb 2025")?.date.iso8601 == "2025-02-27")
        #expect(DateText.firstDate(in: "No date here, 42 items") == nil)
    }

    @Test func dateHeaderSplitsPublishedModifiedAndRemainder() throws {
        let header = try #require(
            PlainTextReader.dateHeader(
                "Published February 27, 2025last updated February 28, 2025What you need to know"
            )
        )
        #expect(header.published == PublicationDate(year: 2025, month: 2, day: 27))
        #expect(header.modified == PublicationDate(year: 2025, month: 2, day: 28))
        #expect(header.remainder == "What you need to know")
        #expect(
            PlainTextReader.dateHeader("British Prime Minister Keir Starmer met Trump on February 27, 2025.") == nil
        )
    }

    /// Where the three former parsers disagreed, the engine keeps the stricter reading.
    @Test(arguments: [
        // Seconds are read (the plain-text parser stopped at "15:21" and lost the zone).
        ("Thu 27 Feb 2025 15:21:09 GMT", "2025-02-27T15:21:09Z"),
        // A space-separated ISO time keeps its zone.
        ("updated 2025-02-27 15:21 UTC", "2025-02-27T15:21Z"),
        ("27 Feb 2025 15:21 GMT+1", "2025-02-27T15:21+01:00"),
        ("27 Feb 2025 3:21\u{202F}PM -0500", "2025-02-27T15:21-05:00"),
        // IST is India, Ireland or Israel: recognised, no offset (the plain-text parser said +05:30).
        ("27 Feb 2025 15:21 IST", "2025-02-27T15:21"),
        // In running text only upper-case zone names count ("est" is a word).
        ("27 Feb 2025 15:21 est", "2025-02-27T15:21"),
        // An am/pm hour must be 1–12; otherwise the time is not read.
        ("27 Feb 2025 15:21 pm", "2025-02-27"),
        ("27 Feb 2025 0:30 am", "2025-02-27"),
    ])
    func textDisagreementsResolveStrictly(text: String, expected: String) {
        #expect(DateText.firstDate(in: text)?.date.iso8601 == expected)
    }

    @Test func textYearsMustBePlausible() {
        #expect(DateText.firstDate(in: "Victory in Europe Day, May 8, 1945, ended the war") == nil)
        #expect(DateText.firstDate(in: "Published May 8, 1995")?.date.iso8601 == "1995-05-08")
    }

    @Test func pathsInTextAreNotDates() {
        #expect(DateText.firstDate(in: "see https://example.com/2025/02/27/slug for more") == nil)
        #expect(DateText.firstDate(in: "http://www.w3.org/1999/02/22-rdf-syntax-ns#") == nil)
        #expect(DateText.firstDate(in: "filed 2025/02/27, 15:21")?.date.iso8601 == "2025-02-27T15:21")
    }

    @Test func matchRangeCoversTheZone() throws {
        let text = "Published Feb 27, 2025 9:30 a.m. ET Washington"
        let match = try #require(DateText.firstDate(in: text))
        #expect(match.date.iso8601 == "2025-02-27T09:30")
        #expect(String(decoding: Array(text.utf8)[match.utf8Range], as: UTF8.self) == "Feb 27, 2025 9:30 a.m. ET")
    }

    // MARK: - Metadata values (HTML attributes, JSON-LD)

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
        #expect(DateText.value(input)?.iso8601 == expected)
    }

    @Test(arguments: ["", "yesterday", "2025-02-30", "2025-13-01", "99999999", "Posted by Jane"])
    func rejectsNonDates(input: String) {
        #expect(DateText.value(input) == nil)
    }

    @Test func metadataValuesReadZonesInAnyCase() {
        #expect(DateText.value("27 Feb 2025 15:21 est")?.iso8601 == "2025-02-27T15:21-05:00")
        #expect(DateText.value("2025-02-27t15:21:00z")?.iso8601 == "2025-02-27T15:21:00Z")
        #expect(DateText.value("2025-02-27 15:21 IST")?.iso8601 == "2025-02-27T15:21")
        #expect(DateText.value("2025-02-27 15:21 WIB")?.iso8601 == "2025-02-27T15:21", "an unknown zone is left out")
        #expect(ISODate.parse("2025-02-27 15:21 WIB") == nil, "but spoils a value that must be ISO 8601 as a whole")
    }

    // MARK: - Feeds: RFC 822 (RSS pubDate) and RFC 3339 (Atom)

    /// What the RSS reader does with `pubDate`.
    private func pubDate(_ text: String) -> PublicationDate? { RFC822Date.parse(text) ?? ISODate.parse(text) }

    @Test(arguments: [
        ("Thu, 27 Feb 2025 15:21:09 GMT", "2025-02-27T15:21:09Z"),
        ("Thu, 27 Feb 2025 15:21:09 UT", "2025-02-27T15:21:09Z"),
        ("Thu, 27 Feb 2025 15:21:09 UTC", "2025-02-27T15:21:09Z"),
        ("Thu, 27 Feb 2025 15:21:09 Z", "2025-02-27T15:21:09Z"),
        ("Thu, 27 Feb 2025 15:21:09 +0000", "2025-02-27T15:21:09Z"),
        ("Thu, 27 Feb 2025 10:21:09 EST", "2025-02-27T10:21:09-05:00"),
        ("Thu, 27 Jun 2025 10:21:09 EDT", "2025-06-27T10:21:09-04:00"),
        ("Thu, 27 Feb 2025 09:21:09 CST", "2025-02-27T09:21:09-06:00"),
        ("Fri, 27 Jun 2025 09:21:09 CDT", "2025-06-27T09:21:09-05:00"),
        ("Thu, 27 Feb 2025 08:21:09 MST", "2025-02-27T08:21:09-07:00"),
        ("Fri, 27 Jun 2025 08:21:09 MDT", "2025-06-27T08:21:09-06:00"),
        ("Thu, 27 Feb 2025 07:21:09 PST", "2025-02-27T07:21:09-08:00"),
        ("Fri, 27 Jun 2025 07:21:09 PDT", "2025-06-27T07:21:09-07:00"),
        ("Thu, 27 Feb 2025 16:21:09 +0100", "2025-02-27T16:21:09+01:00"),
        ("Thu, 27 Feb 2025 20:51:09 +05:30", "2025-02-27T20:51:09+05:30"),
        ("Thu, 27 Feb 2025 15:21 GMT", "2025-02-27T15:21Z"),
        ("27 Feb 2025 15:21:09 -0800", "2025-02-27T15:21:09-08:00"),
        ("Thursday, 27 February 2025 15:21:09 BST", "2025-02-27T15:21:09+01:00"),
        ("Thu, 27 Feb 25 15:21:09 GMT", "2025-02-27T15:21:09Z"),
        ("Thu,27 Feb 2025 15:21:09 GMT", "2025-02-27T15:21:09Z"),
        ("  Thu, 7 Feb 2025 05:01:00 GMT\n", "2025-02-07T05:01:00Z"),
        ("Thu, 27 Feb 2025 15:21:09", "2025-02-27T15:21:09"),
        ("Thu, 27 Feb 2025 15:21:09 IST", "2025-02-27T15:21:09"),
        ("Thu, 27 Feb 2025 15:21:09 WIB", "2025-02-27T15:21:09"),
        ("Thu, 27 Feb 2025 15:21:09 GMT+1", "2025-02-27T15:21:09+01:00"),
        ("Feb 27, 2025 3:21:09 PM EST", "2025-02-27T15:21:09-05:00"),
        ("Thu, 27 Feb 2025", "2025-02-27"),
        ("2025-02-27T15:21:09+01:00", "2025-02-27T15:21:09+01:00"),
        // Also read now:
        ("Thu, 27 Feb 2025 15:21:09 +0000 (UTC)", "2025-02-27T15:21:09Z"),
        ("Thu, 27 Feb 1997 15:21:09 GMT", "1997-02-27T15:21:09Z"),
    ])
    func parsesEveryZoneForm(text: String, iso: String) {
        #expect(pubDate(text)?.iso8601 == iso)
    }

    @Test(arguments: [
        "", "yesterday", "Thu, 31 Feb 2025 10:00:00 GMT", "Thu, 27 Foo 2025 10:00 GMT",
        "Thu, 27 Feb 2025 25:00:00 GMT", "Thu, 27 Feb 2025 10:00:00 +99", "27/02/2025",
        // Stricter than the former feed parser: whole month names only (it matched any "feb…" prefix), no
        // one-digit bare offset, no trailing text, an am/pm hour within 1–12.
        "Thu, 27 Febuary 2025 10:00 GMT", "Thu, 27 Feb 2025 10:00:00 +1", "Thu, 27 Feb 2025 10:00:00 GMT tomorrow",
        "Thu, 27 Feb 2025 13:00:00 PM GMT",
    ])
    func refusesGarbage(text: String) {
        #expect(pubDate(text) == nil)
    }

    @Test func rfc3339KeepsTheZone() {
        #expect(ISODate.parse(" 2025-02-27T09:15:00.123-05:00 ")?.utcOffsetMinutes == -300)
        #expect(ISODate.parse("2025-02-27T09:15:00Z")?.utcOffsetMinutes == 0)
        #expect(ISODate.parse("2025-02-27") == PublicationDate(year: 2025, month: 2, day: 27))
    }

    // MARK: - URLs

    @Test(arguments: [
        ("https://www.example.com/world/2025/02/27/slug/", "2025-02-27"),
        ("https://example.com/news/20250227-ceasefire", "2025-02-27"),
        ("https://example.com/2025-02-27/story.html", "2025-02-27"),
        ("/politics/2024/12/31/year-end/", "2024-12-31"),
    ])
    func urlDates(url: String, expected: String) {
        #expect(URLPathDate.parse(url)?.iso8601 == expected)
    }

    @Test(arguments: [
        "https://example.com/article/12345678901/", "https://example.com/2025/02/", "https://20250227.example.com/x",
        "https://example.com/story?date=2025-02-27",
    ])
    func urlsWithoutDates(url: String) {
        #expect(URLPathDate.parse(url) == nil)
    }

    // MARK: - Clock times (live-blog stamps, HTML time elements)

    @Test(
        arguments: [
            ("15:21", 15, 21, nil),
            ("10:45 GMT", 10, 45, 0),
            ("11.30am", 11, 30, nil),
            ("3:21 p.m. BST", 15, 21, 60),
            ("12:05 a.m.", 0, 5, nil),
            ("9:30 a.m. ET", 9, 30, nil),
            ("15:21 IST", 15, 21, nil),
        ] as [(String, Int, Int, Int?)]
    )
    func liveBlogStamps(text: String, hour: Int, minute: Int, offset: Int?) throws {
        let stamp = try #require(LiveBlogSegmenter.timeStamp(text))
        #expect(stamp.hour == hour)
        #expect(stamp.minute == minute)
        #expect(stamp.utcOffsetMinutes == offset)
    }

    @Test(arguments: ["15:21 Police say", "25:00", "13:00pm", "0:30 am", "15:21 WIB", "1521"])
    func notLiveBlogStamps(text: String) {
        #expect(LiveBlogSegmenter.timeStamp(text) == nil)
    }

    @Test func clockTimeInText() {
        let time = ClockTime.first(in: "Updated at 15.30 GMT")
        #expect(time?.hour == 15)
        #expect(time?.minute == 30)
        #expect(time?.utcOffsetMinutes == 0)
        #expect(ClockTime.first(in: "3:21 pm") == ClockTime(hour: 15, minute: 21, second: nil, zone: nil))
        // An am/pm hour outside 1–12 is no time (the former HTML parser read "13:05 pm" as 13:05).
        #expect(ClockTime.first(in: "13:05 pm") == nil)
        #expect(ClockTime.first(in: "27.02.2025") == nil)
    }
}
