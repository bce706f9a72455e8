/// Named days: `Christmas` (12-25), `Christmas Eve`, `Thanksgiving (Day)` (the fourth Thursday of November),
/// `Easter` (Sunday, by the Gregorian computus), `Easter Monday`, `Easter week`, `Good Friday`, `New Year's
/// Day`, `New Year's Eve`, `Election Day` (the US one: the Tuesday after the first Monday of November).
/// Without a year they are the occurrence nearest the document date; `Christmas 2024` is the one given.
extension TimeTaggerRun {
    /// A holiday whose name starts at word `i` (`k` is that word's keyword).
    func matchHoliday(_ k: TimeKeyword, at i: Int) -> TimexMatch? {
        guard words[i].capitalized else { return nil }
        var end = i + 1
        var week = false
        /// Takes the word `word` at `end` (capitalized unless `anyCase`).
        func next(_ word: StaticString, anyCase: Bool = false) -> Bool {
            guard end < words.count, words[end].capitalized || anyCase, words[end].key == TimeLexicon.key(word)
            else { return false }
            end += 1
            return true
        }
        let day: (Int) -> CalendarDay
        switch k {
        case .christmas:
            let eve = next("eve")
            _ = !eve && next("day")
            day = { CalendarDay(year: $0, month: 12, day: eve ? 24 : 25) }
        case .thanksgiving:
            _ = next("day")
            day = { CalendarDay.nth(4, weekday: 4, month: 11, year: $0) }
        case .easter:
            var offset = 0
            if next("monday") {
                offset = 1
            } else if next("week", anyCase: true) {
                week = true
            } else {
                _ = next("sunday")
            }
            day = { CalendarDay.easter($0).adding(days: offset) }
        case .election:
            guard next("day") else { return nil }
            day = { CalendarDay.nth(1, weekday: 1, month: 11, year: $0).adding(days: 1) }
        case .new:
            // New Year's Day / New Year's Eve / New Year
            guard next("year") else { return nil }
            if isPunct(end, 0x27), adjacent(end), end + 1 < words.count, words[end + 1].key == TimeLexicon.key("s") {
                end += 2
            }
            if next("eve") {
                day = { CalendarDay(year: $0 - 1, month: 12, day: 31) }
            } else {
                guard next("day") else { return nil }
                day = { CalendarDay(year: $0, month: 1, day: 1) }
            }
        default:
            return nil
        }
        func value(_ d: CalendarDay) -> String { week ? d.weekValue : d.dayValue }
        if let (y, n) = digits(end), n == 4 {
            return TimexMatch(start: i, end: end + 1, type: .date, value: value(day(y)))
        }
        guard let a = anchor else {
            return TimexMatch(start: i, end: end, type: .date, value: week ? "XXXX-WXX" : "XXXX-XX-XX")
        }
        let candidates = [day(a.year - 1), day(a.year), day(a.year + 1)]
        let best = candidates.min { abs($0.ordinal - a.ordinal) < abs($1.ordinal - a.ordinal) }!
        return TimexMatch(start: i, end: end, type: .date, value: value(best))
    }

    /// `Good Friday` at words `i - 1, i`: two days before Easter.
    func matchGoodFriday(at i: Int) -> TimexMatch? {
        guard i > 0, words[i - 1].key == TimeLexicon.key("good"), words[i - 1].capitalized, let a = anchor else {
            return nil
        }
        let candidates = [a.year - 1, a.year, a.year + 1].map { CalendarDay.easter($0).adding(days: -2) }
        let best = candidates.min { abs($0.ordinal - a.ordinal) < abs($1.ordinal - a.ordinal) }!
        return TimexMatch(start: i - 1, end: i + 1, type: .date, value: best.dayValue)
    }
}
