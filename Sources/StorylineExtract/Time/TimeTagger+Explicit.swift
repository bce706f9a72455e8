/// Rules for explicit dates and clock times: `2025-02-27`, `2/27/2025`, `February 27, 2025`,
/// `27 February 2025`, `Feb. 27`, `September 2022`, `2014`, `the 1990s`, `11:30am`, `15:21`, weekdays.
extension TimeTaggerRun {
    static let zoneWords: Set<UInt64> = Set(
        ([
            "gmt", "utc", "et", "est", "edt", "cet", "cest", "bst", "pt", "pst", "pdt", "ct", "cst", "cdt", "msk",
            "eet", "eest", "jst", "ist", "aest", "mt",
        ] as [StaticString]).map(TimeLexicon.key)
    )
    static let ordinalSuffixes: Set<UInt64> = Set((["st", "nd", "rd", "th"] as [StaticString]).map(TimeLexicon.key))

    // MARK: Values

    func dayString(_ d: CalendarDay?) -> String { d?.dayValue ?? "XXXX-XX-XX" }

    /// A weekday resolved against the document date: past → the most recent such day on or before it,
    /// future → the next one on or after it. `strict` excludes the document date itself (last/next).
    func weekdayDay(_ weekday: Int, _ tense: ClauseTense, strict: Bool = false) -> CalendarDay? {
        guard let a = anchor else { return nil }
        if tense == .future {
            var delta = (weekday - a.weekday + 7) % 7
            if strict, delta == 0 { delta = 7 }
            return a.adding(days: delta)
        }
        var delta = (a.weekday - weekday + 7) % 7
        if strict, delta == 0 { delta = 7 }
        return a.adding(days: -delta)
    }

    func weekdayValue(_ weekday: Int, _ tense: ClauseTense, strict: Bool = false) -> String {
        weekdayDay(weekday, tense, strict: strict)?.dayValue ?? "XXXX-WXX-\(weekday)"
    }

    /// A month and day without a year: the occurrence nearest the document date, unless the clause's tense
    /// says otherwise — in a future clause the first one no more than two months back ("meetings scheduled
    /// for February 18", written on the 27th, are this year's; "will succeed him Feb. 1", written in October,
    /// is next year's), in a past clause the last one no more than two months ahead.
    func monthDayValue(_ month: Int, _ day: Int, _ tense: ClauseTense) -> String? {
        guard let a = anchor else {
            guard CalendarDay.isValid(year: 2000, month: month, day: day) else { return nil }
            return "XXXX-" + Timex.two(month) + "-" + Timex.two(day)
        }
        let candidates = [a.year - 1, a.year, a.year + 1]
            .filter { CalendarDay.isValid(year: $0, month: month, day: day) }
            .map { CalendarDay(year: $0, month: month, day: day) }
        guard !candidates.isEmpty else { return nil }
        let chosen: CalendarDay?
        switch tense {
        case .future: chosen = candidates.first { $0.ordinal >= a.ordinal - 60 }
        case .past: chosen = candidates.last { $0.ordinal <= a.ordinal + 60 }
        case .unknown: chosen = candidates.min { abs($0.ordinal - a.ordinal) < abs($1.ordinal - a.ordinal) }
        }
        return (chosen ?? candidates[candidates.count / 2]).dayValue
    }

    /// A month without a year: after "since" or "last" the most recent one, after "next" or "until" the
    /// coming one; otherwise by the clause's tense — future → the coming one, past → the most recent one,
    /// no cue → the one in the document's year unless that is more than three months ahead.
    func monthOnlyValue(_ month: Int, at i: Int, start: Int) -> String {
        guard let a = anchor else { return "XXXX-" + Timex.two(month) }
        var delta = month - a.month  // in (-12, 12)
        // The preposition before the expression, past "early", "mid-", "the end of"…: "until mid-November".
        var p = start - 1
        while p >= 0, p >= start - 4,
            isPunct(p, 0x2D)
                || keyword(p).map({ [.early, .late, .mid, .the, .end, .beginning, .of].contains($0) }) == true
        {
            p -= 1
        }
        let before = keyword(p)
        let modifiesNoun =
            keyword(start - 1) == .the && i + 1 < words.count && words[i + 1].kind == .letters
            && !words[i + 1].capitalized && (lex(i + 1) == nil || keyword(i + 1) == .election)
        if modifiesNoun {
            // "the November election": usually the coming one, unless it was only just past.
            if delta > 9 { delta -= 12 } else if delta < -3 { delta += 12 }
        } else if before == .since || before == .last {
            if delta > 0 { delta -= 12 }
        } else if before == .next || before == .until {
            if delta < 0 { delta += 12 }
        } else {
            switch tense(around: start, end: i + 1) {
            case .future: if delta < 0 { delta += 12 }
            case .past: if delta > 0 { delta -= 12 }
            case .unknown: if delta > 3 { delta -= 12 }
            }
        }
        let total = a.year * 12 + (a.month - 1) + delta
        return Timex.year(total / 12) + "-" + Timex.two(total % 12 + 1)
    }

    // MARK: Digits

    mutating func matchDigits(at i: Int) -> TimexMatch? {
        guard let (v, n) = digits(i) else { return nil }
        // Not part of a larger number or code: "1,500", "3.5", "$2014", "11g".
        if i > 0, adjacent(i),
            isPunct(i - 1, 0x24) || isPunct(i - 1, 0x23) || words[i - 1].kind == .letters
                || ((isPunct(i - 1, 0x2C) || isPunct(i - 1, 0x2E)) && i > 1 && adjacent(i - 1)
                    && words[i - 2].kind == .digits)
        {
            return nil
        }
        if i > 0, adjacent(i), words[i - 1].kind == .other, words[i - 1].key >= 0x80 { return nil }  // £, €
        // ISO 8601: 2025-02-27
        if n == 4, isPunct(i + 1, 0x2D), adjacent(i + 1), let (m, mn) = digits(i + 2), mn == 2, adjacent(i + 2),
            isPunct(i + 3, 0x2D), adjacent(i + 3), let (d, dn) = digits(i + 4), dn == 2, adjacent(i + 4),
            CalendarDay.isValid(year: v, month: m, day: d)
        {
            return TimexMatch(start: i, end: i + 5, type: .date, value: CalendarDay(year: v, month: m, day: d).dayValue)
        }
        // 2/27/2025, 27/2/2025, 2/27/25
        if n <= 2, isPunct(i + 1, 0x2F), adjacent(i + 1), let (b, bn) = digits(i + 2), bn <= 2, adjacent(i + 2),
            isPunct(i + 3, 0x2F), adjacent(i + 3), let (y0, yn) = digits(i + 4), yn == 2 || yn == 4, adjacent(i + 4)
        {
            let y = yn == 4 ? y0 : (y0 < 50 ? 2000 + y0 : 1900 + y0)
            let (m, d) = v <= 12 ? (v, b) : (b, v)
            guard CalendarDay.isValid(year: y, month: m, day: d) else { return nil }
            return TimexMatch(start: i, end: i + 5, type: .date, value: CalendarDay(year: y, month: m, day: d).dayValue)
        }
        // Clock times: 15:21, 11:30am, 11:30 a.m., 3 p.m., 3pm
        if n <= 2, v <= 24 {
            var hour = v
            var minute = 0
            var j = i + 1
            var isClock = false
            if isPunct(j, 0x3A), adjacent(j), let (mi, mn) = digits(j + 1), mn == 2, mi < 60, adjacent(j + 1) {
                minute = mi
                j += 2
                isClock = true
                if isPunct(j, 0x3A), adjacent(j), let (_, sn) = digits(j + 1), sn == 2, adjacent(j + 1) { j += 2 }
            }
            if let (meridiem, next) = meridiem(at: j) {
                guard hour >= 1, hour <= 12 else { return nil }
                if meridiem == .pm, hour < 12 { hour += 12 }
                if meridiem == .am, hour == 12 { hour = 0 }
                j = next
                isClock = true
            }
            if isClock {
                if j < words.count, words[j].kind == .letters, words[j].allCaps,
                    TimeTaggerRun.zoneWords.contains(words[j].key)
                {
                    j += 1
                }
                return clockTime(start: i, end: j, hour: hour, minute: minute)
            }
        }
        // 27 February 2025, 27th February, 27 Feb
        if n <= 2, v >= 1, v <= 31 {
            var j = i + 1
            if j < words.count, adjacent(j), TimeTaggerRun.ordinalSuffixes.contains(words[j].key),
                words[j].kind == .letters
            {
                j += 1
                // "the 11th century" → 10 (TIMEX3 writes centuries by their first two digits)
                if let (u, plural) = unit(j), u == .century, !plural, v >= 1 {
                    let start = keyword(i - 1) == .the ? i - 1 : i
                    return TimexMatch(start: start, end: j + 1, type: .date, value: Timex.two(v - 1))
                }
                if keyword(j) == .of { j += 1 }
            }
            if case .month(let m) = lex(j), words[j].capitalized {
                var end = j + 1
                if isPunct(end, 0x2E), adjacent(end), words[j].length <= 4 { end += 1 }
                if let (y, yn) = digits(end), yn == 4, CalendarDay.isValid(year: y, month: m, day: v), !isTimeAfter(end)
                {
                    return TimexMatch(
                        start: i,
                        end: end + 1,
                        type: .date,
                        value: CalendarDay(year: y, month: m, day: v).dayValue
                    )
                }
                if m == 5 || m == 3, !words[j].capitalized { return nil }
                if let value = monthDayValue(m, v, tense(around: i, end: end)) {
                    return TimexMatch(start: i, end: end, type: .date, value: value)
                }
            }
        }
        // 1990s
        if n == 4, v >= 1000, v <= 2990, v % 10 == 0, i + 1 < words.count, adjacent(i + 1),
            words[i + 1].key == TimeLexicon.key("s")
        {
            let start = keyword(i - 1) == .the ? i - 1 : i
            return TimexMatch(start: start, end: i + 2, type: .date, value: String(v / 10))
        }
        // the 1988 third quarter, the 1989 period
        if let m = matchYearPeriod(at: i, start: keyword(i - 1) == .fiscal ? i - 1 : i) { return m }
        // 2014
        if n == 4, v >= 1800, v <= 2099 {
            if i + 1 < words.count, adjacent(i + 1) {
                let next = words[i + 1]
                if next.kind == .letters || next.kind == .digits { return nil }
                if next.key == 0x25 { return nil }  // %
                if (next.key == 0x2C || next.key == 0x2E), i + 2 < words.count, adjacent(i + 2),
                    words[i + 2].kind == .digits
                {
                    return nil
                }
            }
            if isTimeAfter(i) { return nil }
            let start = keyword(i - 1) == .fiscal ? i - 1 : i
            return TimexMatch(start: start, end: i + 1, type: .date, value: String(v))
        }
        return nil
    }

    /// A clock time, on the weekday that follows it when one does ("10 p.m. Wednesday", "noon Saturday"),
    /// else on the document date.
    mutating func clockTime(start: Int, end: Int, hour: Int, minute: Int) -> TimexMatch {
        var end = end
        var day = dayString(anchor)
        var k = keyword(end) == .on ? end + 1 : end
        if isPunct(k, 0x2C) { k += 1 }
        if k < words.count, case .weekday = lex(k), let w = matchWeekday(at: k), w.type == .date {
            day = w.value
            end = w.end
        } else if k < words.count, case .month = lex(k), let m = matchMonth(at: k), m.value.utf8.count == 10 {
            day = m.value  // "5 p.m. EST Nov. 9"
            end = m.end
        }
        return TimexMatch(
            start: start,
            end: end,
            type: .time,
            value: day + "T" + Timex.two(hour) + ":" + Timex.two(minute)
        )
    }

    /// Word `i` is followed by a ":" and more digits (a clock time or a score), not a year.
    func isTimeAfter(_ i: Int) -> Bool {
        isPunct(i + 1, 0x3A) && adjacent(i + 1) && digits(i + 2) != nil && adjacent(i + 2)
    }

    enum Meridiem { case am, pm }

    /// `am`, `pm`, `a.m.`, `p.m.` at word `j`; returns the word after it.
    func meridiem(at j: Int) -> (Meridiem, Int)? {
        guard j < words.count, words[j].kind == .letters else { return nil }
        if keyword(j) == .am { return (.am, j + 1) }
        if keyword(j) == .pm { return (.pm, j + 1) }
        let k = words[j].key
        let isA = k == TimeLexicon.key("a")
        let isP = k == TimeLexicon.key("p")
        if isA || isP, isPunct(j + 1, 0x2E), adjacent(j + 1), j + 2 < words.count,
            words[j + 2].key == TimeLexicon.key("m"), adjacent(j + 2)
        {
            var end = j + 3
            if isPunct(end, 0x2E), adjacent(end) { end += 1 }
            return (isA ? .am : .pm, end)
        }
        return nil
    }

    /// `'90s` → `199`.
    func matchApostropheDecade(at i: Int) -> TimexMatch? {
        guard isPunct(i, 0x27), let (v, n) = digits(i + 1), n == 2, adjacent(i + 1), v % 10 == 0,
            i + 2 < words.count, adjacent(i + 2), words[i + 2].key == TimeLexicon.key("s")
        else { return nil }
        let century = v >= 30 ? "19" : "20"
        let start = keyword(i - 1) == .the ? i - 1 : i
        return TimexMatch(start: start, end: i + 3, type: .date, value: century + String(v / 10))
    }

    // MARK: Months

    func isMonthAbbreviation(_ i: Int, _ month: Int) -> Bool {
        let n = words[i].length
        if month == 5 { return false }
        if (month == 6 || month == 7) && n == 4 { return false }
        return n <= 4
    }

    /// `February 27, 2025`, `Feb. 27`, `September 2022`, `October`.
    mutating func matchMonth(at i: Int, start: Int? = nil) -> TimexMatch? {
        guard case .month(let m) = lex(i), words[i].capitalized else { return nil }
        let start = start ?? i
        let abbreviation = isMonthAbbreviation(i, m)
        var j = i + 1
        if abbreviation, isPunct(j, 0x2E), adjacent(j) { j += 1 }
        if let (d, dn) = digits(j), dn <= 2, d >= 1, d <= 31, !isTimeAfter(j),
            !(isPunct(j + 1, 0x2F) && adjacent(j + 1))
        {
            var end = j + 1
            if end < words.count, adjacent(end), words[end].kind == .letters,
                TimeTaggerRun.ordinalSuffixes.contains(words[end].key)
            {
                end += 1
            }
            var y = end
            if isPunct(y, 0x2C) { y += 1 }
            if let (year, yn) = digits(y), yn == 4, !isTimeAfter(y), CalendarDay.isValid(year: year, month: m, day: d) {
                return TimexMatch(
                    start: start,
                    end: y + 1,
                    type: .date,
                    value: CalendarDay(year: year, month: m, day: d).dayValue
                )
            }
            if let value = monthDayValue(m, d, tense(around: start, end: end)) {
                return TimexMatch(start: start, end: end, type: .date, value: value)
            }
            return nil
        }
        var y = j
        if isPunct(y, 0x2C) { y += 1 }
        if let (year, yn) = digits(y), yn == 4, year >= 1000, !isTimeAfter(y) {
            return TimexMatch(start: start, end: y + 1, type: .date, value: Timex.year(year) + "-" + Timex.two(m))
        }
        // A month on its own: abbreviations need a day; "May" and "March" need a temporal preposition.
        if abbreviation { return nil }
        if m == 5 || m == 3 || words[i].allCaps {
            guard start < i || isMonthContext(i - 1) else { return nil }
        }
        if start == i, i > 0, words[i - 1].kind == .letters, words[i - 1].capitalized, !words[i].newlineBefore,
            !isMonthContext(i - 1)
        {
            return nil  // part of a name: "Theresa May", "August Wilson"? (the latter is caught elsewhere)
        }
        if start == i, i + 1 < words.count, words[i + 1].kind == .letters, words[i + 1].capitalized,
            !words[i + 1].newlineBefore, lex(i + 1) == nil
        {
            return nil  // "August Wilson", "June Carter"
        }
        // "June last year", "March this year", "January next year"
        if let k = keyword(j), k == .last || k == .this || k == .next, let (u, plural) = unit(j + 1), u == .year,
            !plural
        {
            let year = anchor.map { Timex.year($0.year + (k == .last ? -1 : (k == .next ? 1 : 0))) } ?? "XXXX"
            return TimexMatch(start: start, end: j + 2, type: .date, value: year + "-" + Timex.two(m))
        }
        return TimexMatch(start: start, end: j, type: .date, value: monthOnlyValue(m, at: i, start: start))
    }

    func isMonthContext(_ i: Int) -> Bool {
        guard let k = keyword(i) else { return false }
        switch k {
        case .inWord, .since, .until, .by, .of, .through, .during, .before, .after, .from, .to, .throughout, .early,
            .late,
            .mid, .last, .next, .this, .end, .beginning, .forWord, .within:
            return true
        default:
            return false
        }
    }

    // MARK: Weekdays

    static let nameTitles: Set<TimeKeyword> = [.mr, .mrs, .ms, .dr, .gen, .st]

    /// `Thursday`, `Thursday, February 27`, `Friday morning`.
    mutating func matchWeekday(at i: Int, start: Int? = nil, direction: ClauseTense? = nil, strict: Bool = false)
        -> TimexMatch?
    {
        guard case .weekday(let wd) = lex(i), words[i].capitalized else { return nil }
        if wd == 5, let m = matchGoodFriday(at: i) { return m }
        let titleIndex = isPunct(i - 1, 0x2E) ? i - 2 : i - 1
        if let k = keyword(titleIndex), TimeTaggerRun.nameTitles.contains(k), words[titleIndex].capitalized {
            return nil
        }
        let start = start ?? i
        var j = i + 1
        // "Thursday, February 27" / "Thursday February 27, 2025"
        var k = j
        if isPunct(k, 0x2C) { k += 1 }
        if case .month = lex(k), let m = matchMonth(at: k, start: start), m.value.count >= 10 {
            return m
        }
        // A capitalized word after it makes it a name: "the Sunday Times", "Friday Night Lights".
        if j < words.count, words[j].kind == .letters, words[j].capitalized, !words[j].allCaps, !words[j].newlineBefore,
            lex(j) == nil
        {
            return nil
        }
        let possessive =
            isPunct(j, 0x27) && adjacent(j) && j + 1 < words.count && words[j + 1].key == TimeLexicon.key("s")
        // "Wednesday's ruling" is the one just past, unless what follows says otherwise ("Saturday's
        // caucuses will…"): the words before belong to another clause ("ways to get around Wednesday's ruling").
        let tense: ClauseTense
        if let direction {
            tense = direction
        } else if possessive {
            tense = self.tense(around: i, end: j + 2, lookBack: false) == .future ? .future : .past
        } else {
            tense = self.tense(around: i)
        }
        let value = weekdayValue(wd, tense, strict: strict)
        if case .partOfDay(let code) = lex(j) {
            if endsWith(j, "s") {  // "Tuesday nights": every Tuesday night
                return TimexMatch(start: start, end: j + 1, type: .set, value: "XXXX-WXX-\(wd)T" + code)
            }
            j += 1
            return TimexMatch(start: start, end: j, type: .time, value: value + "T" + code)
        }
        return TimexMatch(start: start, end: j, type: .date, value: value)
    }
}
