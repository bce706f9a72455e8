/// Rules for relative and vague expressions, durations and sets: `yesterday`, `last week`, `three years
/// ago`, `now`, `recent weeks`, `overnight`, `last fall`, `the third quarter`, `more than 10 years`,
/// `a one-month truce`, `every week`, `daily`.
extension TimeTaggerRun {
    // MARK: Keywords

    mutating func matchKeyword(_ k: TimeKeyword, at i: Int) -> TimexMatch? {
        switch k {
        case .yesterday, .today, .tomorrow:
            let offset = k == .yesterday ? -1 : (k == .tomorrow ? 1 : 0)
            let day = anchor?.adding(days: offset)
            if case .partOfDay(let code) = lex(i + 1) {
                return TimexMatch(start: i, end: i + 2, type: .time, value: dayString(day) + "T" + code)
            }
            return TimexMatch(start: i, end: i + 1, type: .date, value: dayString(day))
        case .christmas, .thanksgiving, .easter, .election, .new:
            return matchHoliday(k, at: i)
        case .noon:
            // Not "High Noon" or "high noon".
            if i > 0, words[i - 1].key == TimeLexicon.key("high") { return nil }
            return clockTime(start: i, end: i + 1, hour: 12, minute: 0)
        case .tonight:
            return TimexMatch(start: i, end: i + 1, type: .time, value: dayString(anchor) + "TNI")
        case .overnight:
            return TimexMatch(start: i, end: i + 1, type: .time, value: dayString(anchor?.adding(days: -1)) + "TNI")
        case .now, .currently:
            if isPunct(i + 1, 0x2D), adjacent(i + 1), adjacent(i + 2) { return nil }  // "the now-denied pipeline"
            return TimexMatch(start: i, end: i + 1, type: .date, value: "PRESENT_REF")
        case .recently, .lately:
            return TimexMatch(start: i, end: i + 1, type: .date, value: "PAST_REF")
        case .recent:
            if let (_, plural) = unit(i + 1), plural {
                return TimexMatch(start: i, end: i + 2, type: .date, value: "PAST_REF")
            }
            // "recent" before a noun ("a recent poll", "the recent Supreme Court rulings") places it in the
            // recent past, as TimeML marks it.
            guard i + 1 < words.count, words[i + 1].kind == .letters else { return nil }
            return TimexMatch(start: i, end: i + 1, type: .date, value: "PAST_REF")
        case .current:
            // "current" as a time adjective ("the current crisis"), not "current account" or an electric current.
            guard i + 1 < words.count, words[i + 1].kind == .letters, !words[i + 1].capitalized,
                !TimeTaggerRun.nonTemporalCurrent.contains(words[i + 1].key)
            else { return nil }
            return TimexMatch(start: i, end: i + 1, type: .date, value: "PRESENT_REF")
        case .soon:
            // "as soon as possible", "as soon as Tuesday": a conjunction, not a time of its own.
            if keyword(i - 1) == .asWord, keyword(i + 1) == .asWord { return nil }
            return TimexMatch(start: i, end: i + 1, type: .date, value: "FUTURE_REF")
        case .future:
            // "future quarters", "in future" (not "the future" — see matchThe — nor "future plans").
            if let (_, plural) = unit(i + 1), plural {
                return TimexMatch(start: i, end: i + 2, type: .date, value: "FUTURE_REF")
            }
            if keyword(i - 1) == .inWord, i + 1 >= words.count || words[i + 1].kind != .letters {
                return TimexMatch(start: i, end: i + 1, type: .date, value: "FUTURE_REF")
            }
            return nil
        case .shortly:
            if let next = keyword(i + 1), next == .after || next == .before { return nil }
            return TimexMatch(start: i, end: i + 1, type: .date, value: "FUTURE_REF")
        case .daily, .weekly, .monthly, .yearly, .annually, .hourly:
            // A capital inside a sentence makes it a name: "the Daily Mail", "Weekly Standard", "Daily 8 AI".
            if words[i].capitalized, i > 0, !words[i].newlineBefore, !isClauseBreak(i - 1),
                !(words[i - 1].kind == .other && words[i - 1].key != 0x2C)
            {
                return nil
            }
            // A newspaper: "the Communist Party daily Granma".
            if i + 1 < words.count, words[i + 1].kind == .letters, words[i + 1].capitalized,
                !words[i + 1].newlineBefore, lex(i + 1) == nil
            {
                return nil
            }
            return TimexMatch(start: i, end: i + 1, type: .set, value: TimeTaggerRun.setValues[k] ?? "P1D")
        case .every, .each, .per:
            return matchSet(at: i)
        case .the:
            return matchThe(at: i)
        case .last, .past, .previous, .this, .next, .coming, .following:
            // "following Wednesday's meeting" is a preposition; "the following Wednesday" is relative.
            if k == .following, keyword(i - 1) != .the { return nil }
            return matchRelative(k, at: i, start: i)
        case .early, .late, .mid, .earlier, .later:
            var j = i + 1
            if isPunct(j, 0x2D), adjacent(j) { j += 1 }
            guard j < words.count, j - i <= 2 else { return nil }
            if keyword(j) == .the { return nil }
            guard var m = match(at: j), m.start == j, m.type == .date, !m.value.hasSuffix("_REF") else { return nil }
            m.start = i
            return m
        case .a, .an, .several, .few, .many, .couple:
            return matchQuantity(at: i)
        case .that:
            return matchThat(at: i)
        case .end, .beginning:
            return matchPartOf(at: i, start: i)
        default:
            return nil
        }
    }

    static let nonTemporalCurrent: Set<UInt64> = Set(
        (["account", "accounts", "affairs", "density", "flow", "flows", "electric", "sea", "ocean"] as [StaticString])
            .map(TimeLexicon.key)
    )

    static let setValues: [TimeKeyword: String] = [
        .daily: "P1D", .weekly: "P1W", .monthly: "P1M", .yearly: "P1Y", .annually: "P1Y", .hourly: "PT1H",
    ]

    /// Words before "a day", "a year" that make it a rate: "twice a week", "$350 billion a year", "5% a year".
    static let rateWords: Set<UInt64> = Set(
        ([
            "once", "twice", "thrice", "times", "hundred", "thousand", "million", "billion", "trillion", "bn", "m",
            "percent", "cents", "dollars", "euros", "pounds", "miles", "kilometres", "kilometers", "barrels", "tons",
            "tonnes", "hours", "days",
        ]
            as [StaticString]).map(TimeLexicon.key)
    )

    static let personNouns: Set<UInt64> = Set(
        ([
            "man", "woman", "men", "women", "boy", "girl", "boys", "girls", "son", "daughter", "mother", "father",
            "child", "children", "baby", "wife", "husband", "brother", "sister", "resident", "driver", "student",
            "teacher", "worker", "officer", "soldier", "veteran", "suspect", "victim", "leader", "former", "retired",
            "nephew", "niece", "grandson", "grandmother", "grandfather", "cousin", "player", "actor", "actress",
            "singer", "pilot", "doctor", "nurse", "farmer", "mayor", "senator", "president", "chairman", "executive",
            "official", "businessman", "who", "refugee", "rafter", "patient", "girlfriend", "boyfriend", "friend",
            "american", "native", "lawyer", "journalist", "reporter", "widow", "mom", "dad", "kid", "kids", "teen",
            "teenager", "daughters", "sons", "twins", "twin", "member", "employee", "guard", "fan", "survivor",
        ]
            as [StaticString]).map(TimeLexicon.key)
    )

    // MARK: Holidays

    // MARK: Sets

    /// `every week`, `each year`, `every other day`, `every Friday`, `per year`.
    func matchSet(at i: Int) -> TimexMatch? {
        var j = i + 1
        var n = 1
        if words.count > j, words[j].key == TimeLexicon.key("other") { n = 2; j += 1 }
        if let (v, _) = digits(j) { n = v; j += 1 } else if case .number(let v) = lex(j) { n = v; j += 1 }
        if let (u, plural) = unit(j), plural == (n > 1 && j > i + 1 && words[j - 1].key != TimeLexicon.key("other")) {
            return TimexMatch(start: i, end: j + 1, type: .set, value: durationValue(Double(n), u))
        }
        if n == 1, j == i + 1, case .month(let m) = lex(j), words[j].capitalized, keyword(i) != .per,
            !isMonthAbbreviation(j, m)
        {
            return TimexMatch(start: i, end: j + 1, type: .set, value: "XXXX-" + Timex.two(m))
        }
        if n == 1, j == i + 1, case .weekday(let wd) = lex(j), words[j].capitalized, keyword(i) != .per {
            return TimexMatch(start: i, end: j + 1, type: .set, value: "XXXX-WXX-\(wd)")
        }
        return nil
    }

    // MARK: "the …"

    mutating func matchThe(at i: Int) -> TimexMatch? {
        let j = i + 1
        guard j < words.count else { return nil }
        if let m = matchThePeriod(j, start: i) { return m }
        if let k = keyword(j) {
            switch k {
            case .next, .following, .previous:
                // "the next day", "the previous day": a day counted from the date last mentioned.
                if let (u, plural) = unit(j + 1), u == .day, !plural, let base = focusDay ?? anchor {
                    let day = base.adding(days: k == .previous ? -1 : 1)
                    return TimexMatch(start: i, end: j + 2, type: .date, value: day.dayValue)
                }
                // "the following year", "the previous month": the period after or before the one last
                // mentioned ("over the next year" stays a duration).
                if k != .next, let (u, plural) = unit(j + 1), !plural,
                    let value = adjacentPeriodValue(u, k == .previous ? -1 : 1)
                {
                    return TimexMatch(start: i, end: j + 2, type: .date, value: value)
                }
                fallthrough
            case .coming:
                if var m = matchRelative(.coming, at: j, start: j), m.type == .duration {
                    m.start = i
                    return m
                }
                fallthrough
            case .past, .last, .first2:
                if k == .last, keyword(j + 1) == .half, var h = matchHalf(at: j + 1, number: 2) {
                    h.start = i
                    return h
                }
                if let d = matchDurationAfter(j + 1, start: i) { return d }
                if let (u, plural) = unit(j + 1), !plural, u != .weekend {
                    return TimexMatch(start: i, end: j + 2, type: .duration, value: durationValue(1, u))
                }
                if k == .past { return TimexMatch(start: i, end: j + 1, type: .date, value: "PAST_REF") }
                return nil
            case .future:
                // Not "the future Democratic leader" (an adjective).
                if j + 1 < words.count, words[j + 1].kind == .letters, !words[j + 1].newlineBefore,
                    keyword(j + 1) == nil
                {
                    return nil
                }
                return TimexMatch(start: i, end: j + 1, type: .date, value: "FUTURE_REF")
            case .latest:
                if let (u, plural) = unit(j + 1), u == .quarter, !plural {
                    return TimexMatch(start: i, end: j + 2, type: .date, value: currentQuarterValue())
                }
                if j + 1 < words.count, words[j + 1].key == TimeTaggerRun.periodKey, lastQuarter != nil {
                    return TimexMatch(start: i, end: j + 2, type: .date, value: currentQuarterValue())
                }
                var y = j + 1
                if keyword(y) == .fiscal { y += 1 }
                if let (u, plural) = unit(y), u == .year, !plural, let a = anchor {
                    return TimexMatch(start: i, end: y + 1, type: .date, value: Timex.year(a.year - 1))
                }
                return nil
            case .current:
                // the current quarter / year / month / week: the one the document date is in.
                guard let (u, plural) = unit(j + 1), !plural, let a = anchor else { return nil }
                let value = u == .quarter ? Timex.year(a.year) + "-Q\(a.quarter)" : relativeUnitValue(u, 0)
                guard let value else { return nil }
                return TimexMatch(start: i, end: j + 2, type: .date, value: value)
            default:
                return nil
            }
        }
        // "the winter of 2022": the determiner belongs to it, as to "the third quarter of 2024".
        if case .season = lex(j), yearOf(after: j) != nil {
            return matchSeason(at: j, relative: nil, start: i)
        }
        if case .ordinal(let n) = lex(j) {
            if n == 1, let d = matchDurationAfter(j + 1, start: i) { return d }  // the first nine months
            if var q = matchQuarter(at: j) {
                q.start = i
                return q
            }
            return nil
        }
        if let (u, plural) = unit(j), u == .quarter, !plural, !continuesPeriodNoun(j + 1) {
            return TimexMatch(start: i, end: j + 1, type: .date, value: currentQuarterValue())
        }
        // "over the years", "throughout the decades": an unspecified stretch of time.
        if let (u, plural) = unit(j), plural, u != .weekend, let k = keyword(i - 1),
            k == .over || k == .throughout || k == .through || k == .during, !continuesPeriodNoun(j + 1)
        {
            return TimexMatch(start: i, end: j + 1, type: .duration, value: u.vagueDuration)
        }
        if j + 1 < words.count, words[j].key == TimeLexicon.key("near"),
            keyword(j + 1) == .future || words[j + 1].key == TimeLexicon.key("term")
        {
            return TimexMatch(start: i, end: j + 2, type: .date, value: "FUTURE_REF")
        }
        if let (u, plural) = unit(j), u == .weekend, !plural {
            // The weekend just past, or the coming one in a future clause.
            guard let a = anchor else { return TimexMatch(start: i, end: j + 1, type: .date, value: "XXXX-WXX-WE") }
            let future = tense(around: j) == .future
            let day: CalendarDay
            if a.weekday >= 6 { day = a } else { day = a.adding(days: future ? 0 : -7) }
            return TimexMatch(start: i, end: j + 1, type: .date, value: day.weekValue + "-WE")
        }
        if let d = matchDurationAfter(j, start: i), isQuantified(j) { return d }  // the nine months
        return nil
    }

    /// A number and a plural unit at `j` as a duration whose span starts at `start`.
    func matchDurationAfter(_ j: Int, start: Int) -> TimexMatch? {
        guard let q = quantity(at: j), let (u, plural) = unit(q.end), plural || q.value == 1 else { return nil }
        if u == .weekend { return nil }
        let value =
            q.value.map { durationValue($0, u) } ?? u.vagueDuration
        return TimexMatch(start: start, end: q.end + 1, type: .duration, value: value)
    }

    // MARK: last / this / next

    mutating func matchRelative(_ k: TimeKeyword, at i: Int, start: Int) -> TimexMatch? {
        let j = i + 1
        guard j < words.count else { return nil }
        // "past two months", "last three years": durations.
        if k != .this, let d = matchDurationAfter(j, start: start), isQuantified(j) || keyword(j) == .few { return d }
        // "in coming weeks": an unspecified stretch ahead.
        if k == .coming, let (u, plural) = unit(j), plural, u != .weekend {
            return TimexMatch(start: start, end: j + 1, type: .duration, value: u.vagueDuration)
        }
        let direction: Int
        switch k {
        case .last, .previous: direction = -1
        case .next, .coming, .following: direction = 1
        case .this: direction = 0
        default: direction = -1
        }
        switch lex(j) {
        case .unit(let u, plural: false)?:
            // "to this day": still, now.
            if k == .this, u == .day, keyword(start - 1) == .to {
                return TimexMatch(start: start, end: j + 1, type: .date, value: "PRESENT_REF")
            }
            // "next year's first quarter", "last year's second half"
            if u == .year, k != .past, let a = anchor, let p = periodAfter(j + 1, year: a.year + direction),
                isPunct(j + 1, 0x27)
            {
                if direction == 0, let q = p.quarter { noteQuarter(year: a.year, quarter: q, start: start, end: p.end) }
                return TimexMatch(start: start, end: p.end, type: .date, value: p.value)
            }
            if k == .past {
                guard u != .weekend else { return nil }
                return TimexMatch(start: start, end: j + 1, type: .duration, value: durationValue(1, u))
            }
            guard let value = relativeUnitValue(u, direction) else { return nil }
            return TimexMatch(start: start, end: j + 1, type: .date, value: value)
        case .month(let m)?:
            guard words[j].capitalized, k != .past else { return nil }
            // "last Oct. 23": a day, the last or next one.
            var d = j + 1
            if isPunct(d, 0x2E), adjacent(d) { d += 1 }
            if let (day, dn) = digits(d), dn <= 2, let value = monthDayValue(m, day, direction > 0 ? .future : .past) {
                return TimexMatch(start: start, end: d + 1, type: .date, value: value)
            }
            let value: String
            if let a = anchor {
                var y = a.year
                if direction < 0, m >= a.month { y -= 1 }
                if direction > 0, m <= a.month { y += 1 }
                value = Timex.year(y) + "-" + Timex.two(m)
            } else {
                value = "XXXX-" + Timex.two(m)
            }
            return TimexMatch(start: start, end: j + 1, type: .date, value: value)
        case .weekday?:
            guard k != .past else { return nil }
            let tense: ClauseTense = direction > 0 ? .future : (direction < 0 ? .past : tense(around: j))
            return matchWeekday(at: j, start: start, direction: tense, strict: direction != 0)
        case .season?:
            return matchSeason(at: j, relative: direction, start: start)
        case .partOfDay(let code)?:
            guard k == .last || k == .this else { return nil }
            let day = k == .last && code == "NI" ? anchor?.adding(days: -1) : anchor
            if k == .last && code != "NI" { return nil }
            return TimexMatch(start: start, end: j + 1, type: .time, value: dayString(day) + "T" + code)
        default:
            return nil
        }
    }

    /// The week, month or year after (`step` 1) or before (-1) the one of the date last mentioned, or of the
    /// document date when none was.
    func adjacentPeriodValue(_ u: TimeUnit, _ step: Int) -> String? {
        switch u {
        case .week:
            return (focusDay ?? anchor)?.adding(days: 7 * step).weekValue
        case .month:
            guard let (y, m) = focusMonth ?? anchor.map({ ($0.year, $0.month) }) else { return nil }
            let total = y * 12 + (m - 1) + step
            return Timex.year(total / 12) + "-" + Timex.two(total % 12 + 1)
        case .year:
            guard let y = focusYear ?? anchor?.year else { return nil }
            return Timex.year(y + step)
        default:
            return nil
        }
    }

    /// `last week` → `2025-W08`, `this month` → `2025-02`, `next year` → `2026`, `last quarter` → `2024-Q4`.
    func relativeUnitValue(_ u: TimeUnit, _ direction: Int) -> String? {
        guard let a = anchor else {
            switch u {
            case .week: return "XXXX-WXX"
            case .month: return "XXXX-XX"
            case .year: return "XXXX"
            default: return nil
            }
        }
        switch u {
        case .day:
            return a.adding(days: direction).dayValue
        case .week:
            return a.adding(days: 7 * direction).weekValue
        case .weekend:
            return a.adding(days: 7 * direction).weekValue + "-WE"
        case .month:
            var m = a.month + direction
            var y = a.year
            if m < 1 { m = 12; y -= 1 }
            if m > 12 { m = 1; y += 1 }
            return Timex.year(y) + "-" + Timex.two(m)
        case .quarter:
            var q = a.quarter + direction
            var y = a.year
            if q < 1 { q = 4; y -= 1 }
            if q > 4 { q = 1; y += 1 }
            return Timex.year(y) + "-Q\(q)"
        case .year:
            return Timex.year(a.year + direction)
        case .decade:
            return String((a.year / 10) + direction)
        case .century:
            return Timex.two(a.year / 100 + direction)
        default:
            return nil
        }
    }

    // MARK: Seasons

    /// `winter` → `2024-WI` (in February 2025), `last fall` → `2024-FA`, `spring 2014` → `2014-SP`,
    /// `the winter of 2022` → `2022-WI`, `the summer of nineteen ninety-four` → `1994-SU`.
    func matchSeason(at i: Int, relative: Int?, start: Int) -> TimexMatch? {
        guard case .season(let code) = lex(i) else { return nil }
        if let (y, n) = digits(i + 1), n == 4 {
            return TimexMatch(start: start, end: i + 2, type: .date, value: "\(y)-" + code)
        }
        if relative == nil, let year = yearOf(after: i) {
            return TimexMatch(start: start, end: year.end, type: .date, value: Timex.year(year.value) + "-" + code)
        }
        if relative == nil {
            // "fall" and "spring" are verbs and nouns too: only after a temporal word, and not "the fall of
            // Kabul" or "the spring of hope".
            if code == "FA" || code == "SP" {
                if keyword(i + 1) == .of { return nil }
                // ("to fall behind" is a verb.)
                guard let k = keyword(i - 1), k != .to, isMonthContext(i - 1) || k == .the else { return nil }
            }
            if words[i].capitalized, i > 0, !words[i].newlineBefore, !isClauseBreak(i - 1),
                words[i - 1].kind == .letters,
                words[i - 1].capitalized
            {
                return nil
            }
            if let (u, _) = unit(i + 1), u == .day || u == .month || u == .week { return nil }
        }
        guard let a = anchor else { return TimexMatch(start: start, end: i + 1, type: .date, value: "XXXX-" + code) }
        let startMonth: Int
        switch code {
        case "SP": startMonth = 3
        case "SU": startMonth = 6
        case "FA": startMonth = 9
        default: startMonth = 12
        }
        let now = a.year * 12 + a.month
        // The most recent start of this season on or before the document date.
        var y = a.year
        while y * 12 + startMonth > now { y -= 1 }
        let isCurrent = now - (y * 12 + startMonth) < 3
        if let direction = relative {
            if direction < 0 {
                if isCurrent { y -= 1 }
            } else if direction > 0 {
                y += 1
            } else if !isCurrent {
                // "this summer" is this year's, whether said in November (just past) or in February (coming);
                // "this winter" said in November is the one that starts in December.
                y = a.year
            }
        } else if !isCurrent {
            // Past tense: the most recent one. Future: the coming one. No cue: the nearer of the two
            // ("by the fall", written in July, is this year's fall, not last year's).
            switch tense(around: start, end: i + 1) {
            case .past: break
            case .future: y += 1
            case .unknown: if now - (y * 12 + startMonth) > 6 { y += 1 }
            }
        }
        return TimexMatch(start: start, end: i + 1, type: .date, value: Timex.year(y) + "-" + code)
    }

    // MARK: Quarters

    func currentQuarterValue() -> String {
        if let q = lastQuarter { return Timex.year(q.year) + "-Q\(q.quarter)" }
        guard let a = anchor else { return "XXXX-QX" }
        var q = a.quarter - 1
        var y = a.year
        if q < 1 { q = 4; y -= 1 }
        return Timex.year(y) + "-Q\(q)"
    }

    /// `third quarter`, `third-quarter`, `first half`, `the second half of 1989`. A quarter that has not
    /// begun by the document date is last year's unless the clause speaks of the future ("profit fell in
    /// the fourth quarter", written in January). Completed quarters become the quarter under discussion.
    mutating func matchQuarter(at i: Int) -> TimexMatch? {
        guard case .ordinal(let n) = lex(i) else { return nil }
        var j = i + 1
        if isPunct(j, 0x2D), adjacent(j) { j += 1 }
        if let (u, plural) = unit(j), u == .quarter, !plural, n <= 4 {
            // "the third quarter of 2024": that year's, whatever the tense.
            if let year = yearOf(after: j) {
                noteQuarter(year: year.value, quarter: n, start: i, end: year.end)
                return TimexMatch(start: i, end: year.end, type: .date, value: Timex.year(year.value) + "-Q\(n)")
            }
            guard let a = anchor else { return TimexMatch(start: i, end: j + 1, type: .date, value: "XXXX-Q\(n)") }
            var year = a.year
            if n > a.quarter, tense(around: i, end: j + 1) != .future { year -= 1 }
            noteQuarter(year: year, quarter: n, start: i, end: j + 1)
            return TimexMatch(start: i, end: j + 1, type: .date, value: Timex.year(year) + "-Q\(n)")
        }
        if keyword(j) == .half, n <= 2, var h = matchHalf(at: j, number: n) {
            h.start = i
            return h
        }
        return nil
    }

    /// The year named by "of" and a year right after word `j` ("quarter of 1984", "winter of nineteen
    /// ninety-four"): the year and the word after it; nil when no such year follows.
    func yearOf(after j: Int) -> (value: Int, end: Int)? {
        guard keyword(j + 1) == .of else { return nil }
        if let (y, n) = digits(j + 2), n == 4 { return (y, j + 3) }
        if let m = matchYearInWords(at: j + 2, start: j + 2), m.type == .date, m.value.utf8.count == 4,
            let y = Int(m.value)
        {
            return (y, m.end)
        }
        return nil
    }

    /// The half-year `number` named by "half" at word `j`, of the year that follows ("of 1989", "of next
    /// year") or else of the document's year.
    mutating func matchHalf(at j: Int, number: Int) -> TimexMatch? {
        if keyword(j + 1) == .of, let m = match(at: j + 2), m.start == j + 2, m.type == .date {
            let n = m.value.utf8.count
            if n == 4 { return TimexMatch(start: j, end: m.end, type: .date, value: m.value + "-H\(number)") }
            // "the last half of the '80s", "the second half of July": the decade or month itself.
            if n == 3 || n == 7 { return TimexMatch(start: j, end: m.end, type: .date, value: m.value) }
        }
        let year = anchor.map { Timex.year($0.year) } ?? "XXXX"
        return TimexMatch(start: j, end: j + 1, type: .date, value: year + "-H\(number)")
    }

    // MARK: Quantities and durations

    struct Quantity {
        /// nil for a vague quantity ("several", "30 or 40").
        var value: Double?
        var end: Int
        var isArticle: Bool
    }

    func numberValue(at i: Int) -> (Double, Int)? {
        if let (v, n) = digits(i) {
            guard n <= 4 else { return nil }
            var value = Double(v)
            var end = i + 1
            // 3.5
            if isPunct(end, 0x2E), adjacent(end), let (f, fn) = digits(end + 1), adjacent(end + 1), fn <= 2 {
                value += Double(f) / (fn == 1 ? 10 : 100)
                end += 2
            } else if let (a, _) = digits(end), words[end].spaceBefore, isPunct(end + 1, 0x2F), adjacent(end + 1),
                let (b, _) = digits(end + 2), adjacent(end + 2), b > a, b > 0
            {  // 3 1/2
                value += Double(a) / Double(b)
                end += 3
            }
            return (value, end)
        }
        if case .number(var v) = lex(i) {
            var end = i + 1
            if v >= 20, v < 100, v % 10 == 0 {
                if isPunct(end, 0x2D), adjacent(end), case .number(let u) = lex(end + 1), u < 10 {
                    v += u
                    end += 2
                } else if case .number(let u) = lex(end), u < 10 {
                    v += u
                    end += 1
                }
            }
            return (Double(v), end)
        }
        return nil
    }

    /// A quantity at `i`: `three`, `3 1/2`, `a`, `a few`, `several`, `30 or 40`, `a couple of`.
    func quantity(at i: Int) -> Quantity? {
        if let (v, end) = numberValue(at: i) {
            if let k = keyword(end), k == .or || k == .to, let (_, end2) = numberValue(at: end + 1) {
                return Quantity(value: nil, end: end2, isArticle: false)
            }
            if isAndAHalf(at: end) { return Quantity(value: v + 0.5, end: end + 3, isArticle: false) }
            return Quantity(value: v, end: end, isArticle: false)
        }
        guard let k = keyword(i) else { return nil }
        switch k {
        case .a, .an:
            if keyword(i + 1) == .few { return Quantity(value: nil, end: i + 2, isArticle: false) }
            if keyword(i + 1) == .couple, keyword(i + 2) == .of {
                return Quantity(value: 2, end: i + 3, isArticle: false)
            }
            return Quantity(value: 1, end: i + 1, isArticle: true)
        case .several, .few, .many:
            return Quantity(value: nil, end: i + 1, isArticle: false)
        default:
            return nil
        }
    }

    /// `P3Y`, `PT2H`; decades and centuries in years (`P20Y`), and a fraction in the next smaller unit
    /// when it is whole there (`2 1/2 years` → `P2Y6M`, `5 1/2 hours` → `PT5H30M`).
    func durationValue(_ n: Double, _ u: TimeUnit) -> String {
        if u == .decade { return "P" + Timex.number(n * 10) + "Y" }
        if u == .century { return "P" + Timex.number(n * 100) + "Y" }
        let code = u.durationCode
        let whole = n.rounded(.down)
        if whole != n {
            let smaller: (TimeUnit, Double)?
            switch u {
            case .year: smaller = (.month, 12)
            case .month: smaller = nil
            case .week: smaller = (.day, 7)
            case .day: smaller = (.hour, 24)
            case .hour: smaller = (.minute, 60)
            case .minute: smaller = (.second, 60)
            default: smaller = nil
            }
            if let (small, factor) = smaller, ((n - whole) * factor).rounded() == (n - whole) * factor {
                let part = Timex.number((n - whole) * factor) + small.durationCode.code
                let head = whole > 0 ? Timex.number(whole) + code.code : ""
                if small.durationCode.time && !code.time {
                    return "P" + head + "T" + part
                }
                return "P" + (code.time ? "T" : "") + head + part
            }
        }
        return "P" + (code.time ? "T" : "") + Timex.number(n) + code.code
    }

    static let determiners: Set<UInt64> = Set(
        (["its", "his", "her", "their", "our", "my", "your", "all", "this", "that", "these", "those"] as [StaticString])
            .map(TimeLexicon.key)
    )

    /// "and a half" at word `i`.
    func isAndAHalf(at i: Int) -> Bool {
        keyword(i) == .and && (keyword(i + 1) == .a || keyword(i + 1) == .an) && keyword(i + 2) == .half
    }

    /// `three years`, `more than 10 years`, `a one-month truce`, `3 1/2-year-old`, `three years ago`,
    /// `two more weeks`, `a minute and a half`, `a two day visit`.
    mutating func matchQuantity(at i: Int) -> TimexMatch? {
        if i > 0, adjacent(i), isPunct(i - 1, 0x24) { return nil }
        guard var q = quantity(at: i) else { return nil }
        // "two to six days": TimeML marks "two" (P2D) and "six days" (P6D).
        if !q.isArticle, let (first, firstEnd) = numberValue(at: i), keyword(firstEnd) == .to,
            let (_, secondEnd) = numberValue(at: firstEnd + 1), let (u, plural) = unit(secondEnd), plural, u != .weekend
        {
            return TimexMatch(start: i, end: firstEnd, type: .duration, value: durationValue(first, u))
        }
        var j = q.end
        if !q.isArticle, keyword(j) == .more, let (_, plural) = unit(j + 1), plural { j += 1 }
        var hyphenated = false
        if !q.isArticle, isPunct(j, 0x2D), adjacent(j), adjacent(j + 1) {
            hyphenated = true
            j += 1
        }
        guard let (u, plural) = unit(j), !isYearAgoAdjective(at: j) else { return nil }
        if hyphenated && plural { return nil }
        if !hyphenated, q.value.map({ $0 == 1 }) == false, !plural {
            // "a two day visit", "a six year term": a compound adjective written without its hyphen.
            guard !q.isArticle, let v = q.value, v == v.rounded(), j + 1 < words.count, words[j + 1].kind == .letters,
                !words[j + 1].capitalized, lex(j + 1) == nil, words[j + 1].spaceBefore
            else { return nil }
        }
        if q.value == 1, plural, !q.isArticle { return nil }
        if q.isArticle, plural || u == .quarter || u == .weekend { return nil }
        var end = j + 1
        // "three quarters of its food": a fraction, not three quarters of a year.
        if u == .quarter, keyword(end) == .of, let v = q.value, v <= 3, end + 1 < words.count,
            [.the, .a, .an].contains(keyword(end + 1)) || TimeTaggerRun.determiners.contains(words[end + 1].key)
        {
            return nil
        }
        if !hyphenated, let v = q.value, isAndAHalf(at: end) {  // "a minute and a half"
            q.value = v + 0.5
            end += 3
        }
        if !hyphenated, keyword(end) == .old { return nil }  // an age: "52 years old"
        // "ago": a date counted back from the document date.
        if !hyphenated, keyword(end) == .ago {
            return TimexMatch(start: i, end: end + 1, type: .date, value: agoValue(q.value, u))
        }
        // "a year earlier": the same period one year back.
        if !hyphenated, u == .year, q.value == 1, keyword(end) == .earlier {
            return TimexMatch(start: i, end: end + 1, type: .date, value: agoValue(1, .year))
        }
        // "twice a week", "$5 a day": a frequency.
        if q.isArticle, i > 0 {
            let prev = words[i - 1]
            if prev.kind == .digits || (prev.kind == .other && prev.key == 0x25)
                || TimeTaggerRun.rateWords.contains(prev.key)
            {
                return TimexMatch(start: i, end: end, type: .set, value: durationValue(1, u))
            }
        }
        if hyphenated, isPunct(end, 0x2D), adjacent(end), keyword(end + 1) == .old {
            // A person's age is not a time expression; the age of a war or a ban is a duration.
            let next = end + 2
            guard next < words.count, words[next].kind == .letters, !words[next].capitalized, keyword(next) == nil,
                cue(next) == nil, !describesPerson(from: next)
            else { return nil }
            end += 2
        }
        if u == .weekend { return nil }
        let value: String
        if let v = q.value {
            value = durationValue(v, u)
        } else {
            value = u.vagueDuration
        }
        return TimexMatch(start: i, end: end, type: .duration, value: value)
    }

    /// The date `n` units before the document date, at the unit's granularity.
    func agoValue(_ n: Double?, _ u: TimeUnit) -> String {
        guard let n, let a = anchor else { return "PAST_REF" }
        let whole = Int(n)
        switch u {
        case .year:
            if let q = lastQuarter, whole == 1 { return Timex.year(q.year - 1) + "-Q\(q.quarter)" }
            return Timex.year(a.year - whole)
        case .decade: return Timex.year(a.year - 10 * whole)
        case .month:
            var total = a.year * 12 + (a.month - 1) - whole
            if total < 0 { total = 0 }
            return Timex.year(total / 12) + "-" + Timex.two(total % 12 + 1)
        case .week: return a.adding(days: -7 * whole).weekValue
        case .day: return a.adding(days: -whole).dayValue
        default: return "PAST_REF"
        }
    }

    /// A plural unit alone after "for", "over", "in"…: `for years` → `PXY`.
    func matchBareUnit(at i: Int) -> TimexMatch? {
        if let m = matchYearAgoAdjective(at: i, start: i) { return m }
        guard let (u, plural) = unit(i), plural, u != .weekend else { return nil }
        if isPunct(i + 1, 0x2D), adjacent(i + 1), adjacent(i + 2), i + 2 < words.count,
            words[i + 2].key == TimeLexicon.key("long")
        {  // "decades-long"
            return TimexMatch(start: i, end: i + 3, type: .duration, value: u.vagueDuration)
        }
        if u == .quarter { return nil }
        if keyword(i + 1) == .of, i + 2 < words.count, words[i + 2].kind == .letters {  // "years of war"
            return TimexMatch(start: i, end: i + 1, type: .duration, value: u.vagueDuration)
        }
        guard let k = keyword(i - 1) else { return nil }
        switch k {
        case .forWord, .over, .inWord, .within, .than, .during, .some, .throughout:
            return TimexMatch(start: i, end: i + 1, type: .duration, value: u.vagueDuration)
        default:
            return nil
        }
    }

    /// Whether the words from `i` (up to three) describe a person — "protester", "father of four", "computer
    /// programmer" — so that the "N-year-old" before them is an age, not the duration of a thing.
    func describesPerson(from i: Int) -> Bool {
        var j = i
        while j < words.count, j < i + 4 {
            let w = words[j]
            if w.kind == .other, w.key == 0x2D, adjacent(j) {
                j += 1
                continue
            }
            guard w.kind == .letters, !w.capitalized else { return false }
            if TimeTaggerRun.personNouns.contains(w.key) { return true }
            if w.length >= 6, !TimeTaggerRun.thingNouns.contains(w.key),
                endsWith(j, "er") || endsWith(j, "or") || endsWith(j, "ist") || endsWith(j, "ian")
                    || endsWith(j, "man") || endsWith(j, "men")
            {
                return true
            }
            if keyword(j) != nil { return false }
            j += 1
        }
        return false
    }

    /// Nouns with agent-like endings that are things: "a 50-year-old order".
    static let thingNouns: Set<UInt64> = Set(
        ([
            "order", "border", "power", "center", "centre", "shelter", "water", "paper", "number", "computer",
            "reactor", "sector", "corridor", "tractor", "monitor", "charter", "theater", "theatre", "quarter",
            "chapter", "register", "ledger", "letter", "matter", "manner", "banner", "corner", "factor", "error",
            "motor", "mirror", "harbor", "harbour", "colour", "color", "honor", "tower", "river", "tanker",
            "bunker", "helicopter", "container", "poster", "cluster", "platform", "program", "regimen", "specimen",
            "treaty", "rivalry", "dispute", "conflict",
        ]
            as [StaticString]).map(TimeLexicon.key)
    )
}
