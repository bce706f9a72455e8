import Foundation
import StorylineCore
import Testing

struct PublicationDateTests {
    @Test(arguments: [
        ("2025-02-27", "2025-02-27"),
        ("2025-02-27T15:21", "2025-02-27T15:21"),
        ("2025-02-27T15:21:09Z", "2025-02-27T15:21:09Z"),
        ("2025-02-27T15:21:09.123+01:00", "2025-02-27T15:21:09+01:00"),
        ("2025-02-27 15:21:09-0500", "2025-02-27T15:21:09-05:00"),
        ("2024-02-29", "2024-02-29"),
    ])
    func parsesAndRendersISO8601(input: String, rendered: String) throws {
        let date = try #require(PublicationDate(iso8601: input))
        #expect(date.iso8601 == rendered)
        #expect(PublicationDate(iso8601: rendered) == date)
    }

    @Test(arguments: ["2025-02-30", "2025-13-01", "2023-02-29", "27/02/2025", "2025-02-27T25:00", "2025-02-27junk", ""])
    func rejectsImpossibleOrMalformedDates(input: String) {
        #expect(PublicationDate(iso8601: input) == nil)
    }

    @Test func codableRoundTripsAsString() throws {
        let date = PublicationDate(year: 2025, month: 8, day: 15, hour: 11, minute: 30, utcOffsetMinutes: -480)
        let data = try JSONEncoder().encode([date])
        #expect(String(decoding: data, as: UTF8.self) == "[\"2025-08-15T11:30-08:00\"]")
        #expect(try JSONDecoder().decode([PublicationDate].self, from: data) == [date])
    }

    @Test func ordersByStatedFields() {
        let day = PublicationDate(year: 2025, month: 2, day: 27)
        let later = PublicationDate(year: 2025, month: 2, day: 27, hour: 9, minute: 0)
        #expect(day < later)
        #expect(later < PublicationDate(year: 2025, month: 2, day: 28))
    }
}
