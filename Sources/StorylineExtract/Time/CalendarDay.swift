import StorylineCore

/// A day of the proleptic Gregorian calendar, with the arithmetic the time tagger needs.
struct CalendarDay: Hashable, Sendable, Comparable {
    var year: Int
    var month: Int
    var day: Int

    init(year: Int, month: Int, day: Int) {
        self.year = year
        self.month = month
        self.day = day
    }

    /// Days since 1970-01-01.
    var ordinal: Int { PublicationDate.dayNumber(year: year, month: month, day: day) }

    init(ordinal: Int) {
        let day = PublicationDate(dayNumber: ordinal)
        self.init(year: day.year, month: day.month, day: day.day)
    }

    /// ISO weekday: 1 = Monday … 7 = Sunday.
    var weekday: Int {
        let w = (ordinal + 3) % 7  // 1970-01-01 was a Thursday (index 3 from Monday = 0)
        return (w < 0 ? w + 7 : w) + 1
    }

    func adding(days: Int) -> CalendarDay { CalendarDay(ordinal: ordinal + days) }

    /// Western (Gregorian) Easter Sunday of `year` (the anonymous Gregorian computus).
    static func easter(_ year: Int) -> CalendarDay {
        let a = year % 19
        let b = year / 100
        let c = year % 100
        let d = b / 4
        let e = b % 4
        let f = (b + 8) / 25
        let g = (b - f + 1) / 3
        let h = (19 * a + b - d - g + 15) % 30
        let i = c / 4
        let k = c % 4
        let l = (32 + 2 * e + 2 * i - h - k) % 7
        let m = (a + 11 * h + 22 * l) / 451
        let month = (h + l - 7 * m + 114) / 31
        let day = (h + l - 7 * m + 114) % 31 + 1
        return CalendarDay(year: year, month: month, day: day)
    }

    /// The `n`th (1-based) ISO `weekday` of a month: the fourth Thursday of November.
    static func nth(_ n: Int, weekday: Int, month: Int, year: Int) -> CalendarDay {
        let first = CalendarDay(year: year, month: month, day: 1)
        return first.adding(days: (weekday - first.weekday + 7) % 7 + 7 * (n - 1))
    }

    /// The ISO 8601 week-numbering year and week.
    var isoWeek: (year: Int, week: Int) {
        let thursday = adding(days: 4 - weekday)
        let jan1 = CalendarDay(year: thursday.year, month: 1, day: 1)
        return (thursday.year, (thursday.ordinal - jan1.ordinal) / 7 + 1)
    }

    static func isValid(year: Int, month: Int, day: Int) -> Bool {
        guard (1...12).contains(month), day >= 1 else { return false }
        let days: Int
        switch month {
        case 2: days = (year % 4 == 0 && year % 100 != 0) || year % 400 == 0 ? 29 : 28
        case 4, 6, 9, 11: days = 30
        default: days = 31
        }
        return day <= days
    }

    static func < (lhs: CalendarDay, rhs: CalendarDay) -> Bool { lhs.ordinal < rhs.ordinal }

    // MARK: TIMEX3 renderings

    var dayValue: String { Timex.year(year) + "-" + Timex.two(month) + "-" + Timex.two(day) }
    var monthValue: String { Timex.year(year) + "-" + Timex.two(month) }
    var weekValue: String {
        let w = isoWeek
        return Timex.year(w.year) + "-W" + Timex.two(w.week)
    }
    var quarter: Int { (month - 1) / 3 + 1 }
}

/// Small helpers that render TIMEX3 value pieces.
enum Timex {
    static func two(_ n: Int) -> String { n < 10 ? "0\(n)" : "\(n)" }
    static func year(_ n: Int) -> String {
        if n >= 1000 { return "\(n)" }
        if n >= 100 { return "0\(n)" }
        if n >= 10 { return "00\(n)" }
        return "000\(n)"
    }
    /// `3.5` → `"3.5"`, `3` → `"3"`.
    static func number(_ x: Double) -> String {
        x == x.rounded() ? String(Int(x)) : String(x)
    }
}
