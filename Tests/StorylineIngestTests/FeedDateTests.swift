import StorylineCore
import Testing

@testable import StorylineIngest

/// RFC 822 dates as RSS feeds write them, and RFC 3339 dates as Atom writes them.
struct FeedDateTests {
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
    ])
    func parsesEveryZoneForm(text: String, iso: String) {
        #expect(FeedDate.parse(text)?.iso8601 == iso)
    }

    @Test(arguments: [
        "", "yesterday", "Thu, 31 Feb 2025 10:00:00 GMT", "Thu, 27 Foo 2025 10:00 GMT",
        "Thu, 27 Feb 2025 25:00:00 GMT", "Thu, 27 Feb 2025 10:00:00 +99", "27/02/2025",
    ])
    func refusesGarbage(text: String) {
        #expect(FeedDate.parse(text) == nil)
    }

    @Test func rfc3339KeepsTheZone() {
        #expect(FeedDate.rfc3339(" 2025-02-27T09:15:00.123-05:00 ")?.utcOffsetMinutes == -300)
        #expect(FeedDate.rfc3339("2025-02-27T09:15:00Z")?.utcOffsetMinutes == 0)
        #expect(FeedDate.rfc3339("2025-02-27") == PublicationDate(year: 2025, month: 2, day: 27))
    }
}
