import StorylineCore

/// A TIMEX3 date value read as a calendar period: a day, an ISO week, a month, a quarter or a year, as the
/// inclusive range of its day numbers (days since 1970-01-01, ``PublicationDate/dayNumber``).
///
/// Periods are aligned (weeks start on Monday, months and quarters on their first day), so of each precision
/// exactly one period contains a given day; the event index relies on it. Seasons and halves ("2025-SU",
/// "2025-H1") are read as their year: coarser, never wrong.
public struct EventPeriod: Sendable, Hashable {
    /// The period's length class, finest first.
    enum Precision: UInt8, Sendable, Hashable, CaseIterable, Comparable {
        case day, week, month, quarter, year

        static func < (lhs: Precision, rhs: Precision) -> Bool { lhs.rawValue < rhs.rawValue }
    }

    var precision: Precision
    /// The first day.
    public internal(set) var first: Int
    /// The last day (inclusive).
    public internal(set) var last: Int

    init(precision: Precision, first: Int, last: Int) {
        self.precision = precision
        self.first = first
        self.last = last
    }

    /// Whether every day of `other` is in this period.
    func contains(_ other: EventPeriod) -> Bool { first <= other.first && other.last <= last }

    /// Whether one of the two contains the other: the test of two reports' dates agreeing.
    func isComparable(with other: EventPeriod) -> Bool { contains(other) || other.contains(self) }

    /// The period of the given precision that contains a day.
    static func containing(day: Int, precision: Precision) -> EventPeriod {
        switch precision {
        case .day:
            return EventPeriod(precision: .day, first: day, last: day)
        case .week:
            let monday = day - ((day % 7 + 7 + 3) % 7)
            return EventPeriod(precision: .week, first: monday, last: monday + 6)
        case .month, .quarter, .year:
            let (y, m, _) = civil(day)
            let firstMonth = precision == .month ? m : precision == .quarter ? (m - 1) / 3 * 3 + 1 : 1
            let months = precision == .month ? 1 : precision == .quarter ? 3 : 12
            return monthSpan(year: y, month: firstMonth, count: months, precision: precision)
        }
    }

    /// The canonical periods strictly coarser than this one that contain all of it, finest first.
    var enclosing: [EventPeriod] {
        var out: [EventPeriod] = []
        for p in Precision.allCases where p > precision {
            let candidate = Self.containing(day: first, precision: p)
            if candidate.last >= last, candidate != self { out.append(candidate) }
        }
        return out
    }

    /// Reads a TIMEX3 value: `YYYY`, `YYYY-MM`, `YYYY-MM-DD` (a time after it is ignored), `YYYY-Www`,
    /// `YYYY-Www-D`, `YYYY-Qn`, and seasons or halves as their year. Nil for anything else.
    public init?(timex value: String) {
        let b = Array(value.utf8)
        func number(_ at: Int, _ width: Int) -> Int? {
            guard at + width <= b.count else { return nil }
            var n = 0
            for k in at..<(at + width) {
                guard b[k] >= 0x30, b[k] <= 0x39 else { return nil }
                n = n * 10 + Int(b[k] - 0x30)
            }
            return n
        }
        guard let year = number(0, 4), year >= 1 else { return nil }
        if b.count == 4 {
            self = Self.monthSpan(year: year, month: 1, count: 12, precision: .year)
            return
        }
        guard b.count >= 7, b[4] == UInt8(ascii: "-") else { return nil }
        if let month = number(5, 2) {
            guard (1...12).contains(month) else { return nil }
            if b.count == 7 {
                self = Self.monthSpan(year: year, month: month, count: 1, precision: .month)
                return
            }
            guard b.count >= 10, b[7] == UInt8(ascii: "-"), let day = number(8, 2),
                (1...PublicationDate.daysIn(month: month, year: year)).contains(day),
                b.count == 10 || b[10] == UInt8(ascii: "T")
            else { return nil }
            let n = PublicationDate.dayNumber(year: year, month: month, day: day)
            self.init(precision: .day, first: n, last: n)
            return
        }
        switch b[5] {
        case UInt8(ascii: "W") where b.count == 7 && b[6] == UInt8(ascii: "I"):
            // WI: winter, read as its year.
            self = Self.monthSpan(year: year, month: 1, count: 12, precision: .year)
        case UInt8(ascii: "W"):
            guard let week = number(6, 2), (1...53).contains(week) else { return nil }
            let jan4 = PublicationDate.dayNumber(year: year, month: 1, day: 4)
            let monday = Self.containing(day: jan4, precision: .week).first + (week - 1) * 7
            if b.count == 8 {
                self.init(precision: .week, first: monday, last: monday + 6)
                return
            }
            guard b.count == 10, b[8] == UInt8(ascii: "-"), let weekday = number(9, 1), (1...7).contains(weekday)
            else { return nil }
            self.init(precision: .day, first: monday + weekday - 1, last: monday + weekday - 1)
        case UInt8(ascii: "Q"):
            guard b.count == 7, let q = number(6, 1), (1...4).contains(q) else { return nil }
            self = Self.monthSpan(year: year, month: (q - 1) * 3 + 1, count: 3, precision: .quarter)
        case UInt8(ascii: "S"), UInt8(ascii: "F"), UInt8(ascii: "H"):
            // SP, SU, FA seasons and H1/H2 halves: their year.
            guard b.count == 7 else { return nil }
            self = Self.monthSpan(year: year, month: 1, count: 12, precision: .year)
        default:
            return nil
        }
    }

    private static func monthSpan(year: Int, month: Int, count: Int, precision: Precision) -> EventPeriod {
        let first = PublicationDate.dayNumber(year: year, month: month, day: 1)
        let endMonth = month + count - 1
        let last = PublicationDate.dayNumber(
            year: year,
            month: endMonth,
            day: PublicationDate.daysIn(month: endMonth, year: year)
        )
        return EventPeriod(precision: precision, first: first, last: last)
    }

    /// The calendar date of a day number.
    static func civil(_ days: Int) -> (year: Int, month: Int, day: Int) {
        let date = PublicationDate(dayNumber: days)
        return (date.year, date.month, date.day)
    }
}
