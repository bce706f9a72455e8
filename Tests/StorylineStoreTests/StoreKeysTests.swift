import StorylineCore
import StorylineStore
import Testing

/// The keys every backend orders and looks up by.
@Suite("StoreKeys")
struct StoreKeysTests {
    @Test("sortKey orders dates exactly like PublicationDate.<")
    func sortKeyMatchesComparison() {
        let dates = [
            "2025-02-27", "2025-02-27T00:00", "2025-02-27T00:00:00", "2025-02-27T15:21", "2025-02-27T15:21:00Z",
            "2025-02-27T15:21:59+01:00", "2025-02-27T23:59:60", "2025-02-28", "2024-12-31T23:59:59", "0001-01-01",
            "9999-12-31T23:59:59-12:00", "2025-03-01T09:00",
        ].map(Sample.date)
        for a in dates {
            for b in dates {
                #expect((StoreKeys.sortKey(a) < StoreKeys.sortKey(b)) == (a < b), "\(a) vs \(b)")
            }
        }
    }

    @Test("a day's bounds contain every time on that day and nothing else")
    func dayBounds() {
        let day = Sample.date("2025-02-27T12:00+05:00")
        for text in ["2025-02-27", "2025-02-27T00:00", "2025-02-27T23:59:60-11:00"] {
            let key = StoreKeys.sortKey(Sample.date(text))
            #expect(key >= StoreKeys.dayStart(day) && key < StoreKeys.dayEnd(day), "\(text)")
        }
        for text in ["2025-02-26T23:59:59", "2025-02-28", "2025-02-28T00:00"] {
            let key = StoreKeys.sortKey(Sample.date(text))
            #expect(!(key >= StoreKeys.dayStart(day) && key < StoreKeys.dayEnd(day)), "\(text)")
        }
    }

    @Test("id prefixes are lowercased hex of at least 4 digits")
    func idPrefix() {
        #expect(StoreKeys.idPrefix("ABCD") == "abcd")
        #expect(StoreKeys.idPrefix("0123456789abcdef") == "0123456789abcdef")
        #expect(StoreKeys.idPrefix("abc") == nil)
        #expect(StoreKeys.idPrefix("abcg") == nil)
        #expect(StoreKeys.idPrefix("ab d") == nil)
        #expect(StoreKeys.idPrefix("ａｂｃｄ") == nil)
    }
}
