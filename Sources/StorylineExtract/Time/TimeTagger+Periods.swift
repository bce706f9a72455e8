/// Rules for reporting periods and anaphoric references, as business and wire news write them:
/// `the 1988 third quarter`, `next year's first quarter`, `the year-earlier quarter`, `year-ago`,
/// `the latest period`, `the current year`, `for the full year`, `the end of the year`,
/// `the second half of 1989`, `that day`, `later that year`, `the next day`, and years in words
/// (`nineteen ninety-one`, `the year two thousand`).
extension TimeTaggerRun {
    static let periodKey = TimeLexicon.key("period")
    static let thatKey = TimeLexicon.key("that")
    static let sameKey = TimeLexicon.key("same")
    static let fullKey = TimeLexicon.key("full")
    static let calendarKey = TimeLexicon.key("calendar")
    static let middleKey = TimeLexicon.key("middle")
    static let thousandKey = TimeLexicon.key("thousand")
    static let comparableWords: Set<UInt64> = Set(
        (["comparable", "corresponding", "same", "prior"] as [StaticString]).map(TimeLexicon.key)
    )

    // MARK: Periods after a year

    /// A quarter, half or reporting period named at word `j` of a known `year`: `third quarter`,
    /// `third-quarter`, `second half`, `quarter`/`period` (the quarter under discussion), `fiscal year`.
    /// An optional possessive `'s` comes first ("next year's first quarter").
    func periodAfter(_ j: Int, year: Int) -> (end: Int, value: String, quarter: Int?)? {
        var j = j
        if isPunct(j, 0x27), adjacent(j), j + 1 < words.count, words[j + 1].key == TimeLexicon.key("s") { j += 2 }
        guard j < words.count else { return nil }
        if case .ordinal(let n) = lex(j) {
            var k = j + 1
            if isPunct(k, 0x2D), adjacent(k) { k += 1 }
            if let (u, plural) = unit(k), u == .quarter, !plural, n <= 4 {
                return (k + 1, Timex.year(year) + "-Q\(n)", n)
            }
            if keyword(k) == .half, n <= 2 { return (k + 1, Timex.year(year) + "-H\(n)", nil) }
            return nil
        }
        if let (u, plural) = unit(j), u == .quarter, !plural {
            guard let q = lastQuarter else { return nil }
            return (j + 1, Timex.year(year) + "-Q\(q.quarter)", nil)
        }
        if words[j].key == TimeTaggerRun.periodKey {
            return (j + 1, Timex.year(year) + (lastQuarter.map { "-Q\($0.quarter)" } ?? ""), nil)
        }
        if keyword(j) == .fiscal, let (u, plural) = unit(j + 1), u == .year, !plural {
            return (j + 2, Timex.year(year), nil)
        }
        return nil
    }

    /// `the 1988 third quarter`, `fiscal 1990 first half`, `1989 period`: the year at word `i`.
    mutating func matchYearPeriod(at i: Int, start: Int) -> TimexMatch? {
        guard let (y, n) = digits(i), n == 4, y >= 1800, y <= 2099, !adjacent(i + 1) || isPunct(i + 1, 0x27),
            let p = periodAfter(i + 1, year: y)
        else { return nil }
        // Only a quarter of the document's year becomes the one under discussion, not a comparison period.
        if let q = p.quarter, y == anchor?.year { noteQuarter(year: y, quarter: q, start: start, end: p.end) }
        return TimexMatch(start: start, end: p.end, type: .date, value: p.value)
    }

    // MARK: Year-earlier

    /// The year of the period being reported on: the last quarter mentioned, else the document's year.
    var reportingYear: Int? { lastQuarter?.year ?? anchor?.year }

    /// `year-earlier` / `year-ago` at words `i..<i+3`.
    func isYearAgoAdjective(at i: Int) -> Bool {
        guard let (u, plural) = unit(i), u == .year, !plural, isPunct(i + 1, 0x2D), adjacent(i + 1), adjacent(i + 2)
        else { return false }
        return keyword(i + 2) == .earlier || keyword(i + 2) == .ago
    }

    /// `year-earlier` (the period a year before the one reported on), and with the period it qualifies:
    /// `the year-earlier quarter`, `the year-ago third quarter`, `the comparable year-earlier period`.
    func matchYearAgoAdjective(at i: Int, start: Int) -> TimexMatch? {
        guard isYearAgoAdjective(at: i), let year = reportingYear.map({ $0 - 1 }) else { return nil }
        if let p = periodAfter(i + 3, year: year) {
            return TimexMatch(start: start, end: p.end, type: .date, value: p.value)
        }
        let value = Timex.year(year) + (lastQuarter.map { "-Q\($0.quarter)" } ?? "")
        return TimexMatch(start: start, end: i + 3, type: .date, value: value)
    }

    // MARK: "the …" periods

    /// The reporting-period forms that follow "the" at word `j` (the match starts at `start`).
    mutating func matchThePeriod(_ j: Int, start: Int) -> TimexMatch? {
        guard j < words.count else { return nil }
        var j = j
        if TimeTaggerRun.comparableWords.contains(words[j].key), words[j].kind == .letters {
            if words[j].key == TimeTaggerRun.sameKey, let (u, plural) = unit(j + 1), u == .day, !plural {
                return TimexMatch(start: start, end: j + 2, type: .date, value: dayString(focusDay ?? anchor))
            }
            j += 1
        }
        if let m = matchYearPeriod(at: j, start: start) { return m }
        if let m = matchYearAgoAdjective(at: j, start: start) { return m }
        if let m = matchYearInWords(at: j, start: start) { return m }
        guard let a = anchor else { return nil }
        let w = words[j]
        // the full year, the fiscal year, the calendar year
        if w.key == TimeTaggerRun.fullKey || w.key == TimeTaggerRun.calendarKey || keyword(j) == .fiscal,
            let (u, plural) = unit(j + 1), u == .year, !plural
        {
            return TimexMatch(start: start, end: j + 2, type: .date, value: Timex.year(a.year))
        }
        // "for the year" (ended Sept. 30): the reporting year.
        if let (u, plural) = unit(j), u == .year, !plural, keyword(start - 1) == .forWord, !continuesPeriodNoun(j + 1) {
            return TimexMatch(start: start, end: j + 1, type: .date, value: Timex.year(a.year))
        }
        // the end / beginning / middle of …
        if keyword(j) == .end || keyword(j) == .beginning || w.key == TimeTaggerRun.middleKey {
            return matchPartOf(at: j, start: start)
        }
        return nil
    }

    /// Whether the words at `j` continue "the year" into something else: "the year of the dragon", "the
    /// year's", "the year before", "the year-earlier".
    func continuesPeriodNoun(_ j: Int) -> Bool {
        guard j < words.count else { return false }
        if isPunct(j, 0x27) || isPunct(j, 0x2D) { return adjacent(j) }
        if words[j].kind == .digits { return true }
        if let k = keyword(j) {
            switch k {
            case .of, .before, .after, .earlier, .later, .ago: return true
            default: return false
            }
        }
        return false
    }

    /// `the end of the year`, `the beginning of March`, `end of 2025`: the value of the period it is part of.
    mutating func matchPartOf(at j: Int, start: Int) -> TimexMatch? {
        guard keyword(j + 1) == .of, j + 2 < words.count else { return nil }
        let k = j + 2
        if keyword(k) == .the, let (u, plural) = unit(k + 1), !plural, !continuesPeriodNoun(k + 2) {
            let value: String?
            if u == .quarter {
                value = anchor.map { Timex.year($0.year) + "-Q\($0.quarter)" }
            } else {
                value = relativeUnitValue(u, 0)
            }
            guard let value else { return nil }
            return TimexMatch(start: start, end: k + 2, type: .date, value: value)
        }
        guard var m = match(at: k), m.start == k, m.type == .date, !m.value.hasSuffix("_REF") else { return nil }
        m.start = start
        return m
    }

    // MARK: Anaphora

    /// `that day`, `that week`, `that year`, `that quarter`, `that night`: the period of the date last mentioned.
    func matchThat(at i: Int) -> TimexMatch? {
        let j = i + 1
        guard j < words.count else { return nil }
        if case .partOfDay(let code) = lex(j), let day = focusDay {
            return TimexMatch(start: i, end: j + 1, type: .time, value: day.dayValue + "T" + code)
        }
        guard let (u, plural) = unit(j), !plural else { return nil }
        let value: String?
        switch u {
        case .day: value = focusDay?.dayValue
        case .week: value = focusDay?.weekValue
        case .month: value = focusMonth.map { Timex.year($0.year) + "-" + Timex.two($0.month) }
        case .year: value = focusYear.map { Timex.year($0) }
        case .quarter: value = lastQuarter.map { Timex.year($0.year) + "-Q\($0.quarter)" }
        default: value = nil
        }
        guard let value else { return nil }
        return TimexMatch(start: i, end: j + 1, type: .date, value: value)
    }

    /// Makes a quarter the one under discussion (for "the quarter", "a year earlier") when it is over, or is
    /// the current one spoken of in the past tense ("earned … in the fourth quarter"). The first such quarter
    /// is the one being reported on; later ones are comparisons ("after a flat second quarter").
    mutating func noteQuarter(year: Int, quarter n: Int, start: Int, end: Int) {
        guard let a = anchor, lastQuarter == nil else { return }
        let q = year * 4 + n
        let now = a.year * 4 + a.quarter
        if q < now || (q == now && tense(around: start, end: end) == .past) { lastQuarter = (year, n) }
    }

    /// Remembers the date a match names, for later "that day", "the next day", "later that year"; a
    /// half-year or nine-month reporting period ("the first nine months") ends the talk of a quarter.
    mutating func noteFocus(_ m: TimexMatch) {
        if m.type == .duration, m.value == "P9M" || m.value == "P6M" { lastQuarter = nil }
        guard m.type == .date || m.type == .time else { return }
        let v = Array(m.value.utf8)
        func number(_ from: Int, _ count: Int) -> Int? {
            guard from + count <= v.count else { return nil }
            var n = 0
            for b in v[from..<(from + count)] {
                guard b >= 0x30, b <= 0x39 else { return nil }
                n = n * 10 + Int(b - 0x30)
            }
            return n
        }
        guard let year = number(0, 4), v.count == 4 || v[4] == 0x2D else { return }
        focusYear = year
        guard v.count >= 7, v[4] == 0x2D, let month = number(5, 2), (1...12).contains(month) else { return }
        focusMonth = (year, month)
        guard v.count >= 10, v[7] == 0x2D, let day = number(8, 2),
            CalendarDay.isValid(year: year, month: month, day: day)
        else { return }
        focusDay = CalendarDay(year: year, month: month, day: day)
    }

    // MARK: Years in words

    /// `nineteen ninety-one` → 1991, `twenty twenty-five` → 2025; after "the year" also `two thousand`,
    /// `two thousand and one`.
    func matchYearInWords(at i: Int, start: Int) -> TimexMatch? {
        var i = i
        var afterYearWord = false
        if let (u, plural) = unit(i), u == .year, !plural {
            afterYearWord = true
            i += 1
        }
        guard case .number(let century) = lex(i) else { return nil }
        if century >= 11, century <= 20, let (rest, end) = numberValue(at: i + 1), rest >= 10, rest < 100,
            case .number = lex(i + 1), unit(end) == nil
        {
            return TimexMatch(start: start, end: end, type: .date, value: String(century * 100 + Int(rest)))
        }
        if afterYearWord, century == 2, i + 1 < words.count, words[i + 1].key == TimeTaggerRun.thousandKey {
            var end = i + 2
            var year = 2000
            let k = keyword(end) == .and ? end + 1 : end
            if case .number = lex(k), let (rest, e) = numberValue(at: k), rest < 100 {
                year += Int(rest)
                end = e
            }
            return TimexMatch(start: start, end: end, type: .date, value: String(year))
        }
        return nil
    }
}
