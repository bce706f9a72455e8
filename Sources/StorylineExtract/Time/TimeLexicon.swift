import StorylineText

/// Calendar units as TIMEX3 writes them in durations.
enum TimeUnit: UInt8, Sendable {
    case second, minute, hour, day, week, weekend, month, quarter, year, decade, century

    /// An unspecified number of this unit: `PXY` ("for years"), `PTXH` ("for hours").
    var vagueDuration: String {
        let code = durationCode
        return "P" + (code.time ? "T" : "") + "X" + code.code
    }

    /// The duration letter(s): `P3Y`, `PT2H`.
    var durationCode: (time: Bool, code: String) {
        switch self {
        case .second: return (true, "S")
        case .minute: return (true, "M")
        case .hour: return (true, "H")
        case .day: return (false, "D")
        case .week: return (false, "W")
        case .weekend: return (false, "WE")
        case .month: return (false, "M")
        case .quarter: return (false, "Q")
        case .year: return (false, "Y")
        case .decade: return (false, "DE")
        case .century: return (false, "CE")
        }
    }
}

/// Words with a special role in time expressions.
enum TimeKeyword: UInt8, Sendable {
    case last, past, previous, this, next, coming, following, current, the, a, an
    case yesterday, today, tomorrow, tonight, now, overnight
    case ago, earlier, later, before, after, since, hence
    case early, late, mid, end, beginning
    case recently, recent, currently, soon, shortly, previously, future, formerly, lately
    case daily, weekly, monthly, yearly, annually, hourly, nightly, every, each, per
    case more, less, than, over, under, about, around, nearly, almost, some, just, least, at, only, roughly
    case approximately, several, few, many, couple, of, or, and, to, half, fiscal, year, old
    case am, pm, noon, midnight, oclock
    case will, shall, would, due, expected, scheduled, set, plans, planned, going, upcoming, later2
    case said, was, were, had, did, has, have, isWord, are, be, been
    case mr, mrs, ms, dr, gen, st, on, inWord, by, until, through, forWord, within, during, from, throughout
    case latest, first2, might, could, planning, asWord, christmas, thanksgiving, that, easter, election, new
}

/// One lexicon entry.
enum TimeLex: Sendable, Equatable {
    case month(Int)
    case weekday(Int)
    /// A plural weekday: "Mondays".
    case weekdays(Int)
    case number(Int)
    case ordinal(Int)
    case unit(TimeUnit, plural: Bool)
    case partOfDay(String)
    case season(String)
    case keyword(TimeKeyword)
}

/// The precomputed lexicon: lower-case ASCII words packed into a `UInt64` (5 bits a letter, up to 12
/// letters) so that a lookup needs no `String`.
enum TimeLexicon {
    static func key(_ word: StaticString) -> UInt64 { CalendarWords.key(word) }

    static func lookup(_ word: TimeWord) -> TimeLex? {
        guard word.kind == .letters, word.key != 0 else { return nil }
        return table[word.key]
    }

    static let table: [UInt64: TimeLex] = {
        var t = [UInt64: TimeLex]()
        func add(_ w: StaticString, _ lex: TimeLex) { t[key(w)] = lex }
        // Month and weekday names from the shared table; in running text a weekday abbreviation that is
        // also a word ("sun", "sat", "wed") is not a weekday.
        for name in CalendarWords.months { add(name.spelling, .month(name.number)) }
        for name in CalendarWords.weekdays where !name.isCommonWord { add(name.spelling, .weekday(name.number)) }
        let plurals: [(StaticString, Int)] = [
            ("mondays", 1), ("tuesdays", 2), ("wednesdays", 3), ("thursdays", 4), ("fridays", 5), ("saturdays", 6),
            ("sundays", 7),
        ]
        for (w, n) in plurals { add(w, .weekdays(n)) }
        let numbers: [(StaticString, Int)] = [
            ("one", 1), ("two", 2), ("three", 3), ("four", 4), ("five", 5), ("six", 6), ("seven", 7),
            ("eight", 8), ("nine", 9), ("ten", 10), ("eleven", 11), ("twelve", 12), ("thirteen", 13),
            ("fourteen", 14), ("fifteen", 15), ("sixteen", 16), ("seventeen", 17), ("eighteen", 18),
            ("nineteen", 19), ("twenty", 20), ("thirty", 30), ("forty", 40), ("fifty", 50), ("sixty", 60),
            ("seventy", 70), ("eighty", 80), ("ninety", 90), ("hundred", 100), ("dozen", 12),
        ]
        for (w, n) in numbers { add(w, .number(n)) }
        let ordinals: [(StaticString, Int)] = [
            ("first", 1), ("second", 2), ("third", 3), ("fourth", 4), ("fifth", 5),
        ]
        for (w, n) in ordinals { add(w, .ordinal(n)) }
        let units: [(StaticString, StaticString, TimeUnit)] = [
            ("minute", "minutes", .minute), ("hour", "hours", .hour), ("day", "days", .day),
            ("week", "weeks", .week), ("weekend", "weekends", .weekend), ("month", "months", .month),
            ("quarter", "quarters", .quarter), ("year", "years", .year), ("decade", "decades", .decade),
            ("century", "centuries", .century),
        ]
        for (s, p, u) in units {
            add(s, .unit(u, plural: false))
            add(p, .unit(u, plural: true))
        }
        add("seconds", .unit(.second, plural: true))
        add("yr", .unit(.year, plural: false)); add("yrs", .unit(.year, plural: true))
        add("mins", .unit(.minute, plural: true)); add("hrs", .unit(.hour, plural: true))
        let parts: [(StaticString, String)] = [
            ("morning", "MO"), ("afternoon", "AF"), ("evening", "EV"), ("night", "NI"), ("mornings", "MO"),
            ("nights", "NI"), ("evenings", "EV"), ("afternoons", "AF"),
        ]
        for (w, c) in parts { add(w, .partOfDay(c)) }
        let seasons: [(StaticString, String)] = [
            ("spring", "SP"), ("summer", "SU"), ("fall", "FA"), ("autumn", "FA"), ("winter", "WI"),
        ]
        for (w, c) in seasons { add(w, .season(c)) }
        let keywords: [(StaticString, TimeKeyword)] = [
            ("last", .last), ("past", .past), ("previous", .previous), ("this", .this), ("next", .next),
            ("coming", .coming), ("following", .following), ("current", .current), ("the", .the), ("a", .a),
            ("an", .an), ("yesterday", .yesterday), ("today", .today), ("tomorrow", .tomorrow),
            ("tonight", .tonight), ("now", .now), ("overnight", .overnight), ("ago", .ago),
            ("earlier", .earlier), ("later", .later), ("before", .before), ("after", .after), ("since", .since),
            ("early", .early), ("late", .late), ("mid", .mid), ("end", .end), ("beginning", .beginning),
            ("recently", .recently), ("recent", .recent), ("currently", .currently), ("soon", .soon),
            ("shortly", .shortly), ("previously", .previously), ("future", .future), ("formerly", .formerly),
            ("lately", .lately), ("daily", .daily), ("weekly", .weekly), ("monthly", .monthly),
            ("yearly", .yearly), ("annually", .annually), ("hourly", .hourly), ("nightly", .nightly),
            ("every", .every), ("each", .each), ("per", .per), ("more", .more), ("less", .less),
            ("fewer", .less), ("than", .than), ("over", .over), ("under", .under), ("about", .about),
            ("around", .around), ("nearly", .nearly), ("almost", .almost), ("some", .some), ("just", .just),
            ("least", .least), ("at", .at), ("only", .only), ("roughly", .roughly),
            ("approximately", .approximately), ("several", .several), ("few", .few), ("many", .many),
            ("couple", .couple), ("of", .of), ("or", .or), ("and", .and), ("to", .to), ("half", .half),
            ("fiscal", .fiscal), ("old", .old), ("am", .am), ("pm", .pm), ("noon", .noon),
            ("midnight", .midnight), ("will", .will), ("shall", .shall), ("would", .would), ("due", .due),
            ("expected", .expected), ("scheduled", .scheduled), ("set", .set), ("plans", .plans),
            ("plan", .plans), ("planned", .planned), ("going", .going), ("upcoming", .upcoming),
            ("said", .said), ("was", .was), ("were", .were), ("had", .had), ("did", .did), ("has", .has),
            ("have", .have), ("is", .isWord), ("are", .are), ("be", .be), ("been", .been), ("mr", .mr),
            ("mrs", .mrs), ("ms", .ms), ("dr", .dr), ("gen", .gen), ("st", .st), ("on", .on), ("in", .inWord),
            ("by", .by), ("until", .until), ("through", .through), ("for", .forWord), ("within", .within),
            ("during", .during), ("from", .from), ("throughout", .throughout), ("latest", .latest),
            ("hence", .hence), ("christmas", .christmas), ("thanksgiving", .thanksgiving), ("might", .might),
            ("could", .could), ("planning", .planning), ("as", .asWord),
            ("aged", .old), ("begin", .beginning), ("start", .beginning), ("that", .that),
            ("easter", .easter), ("election", .election), ("new", .new),
        ]
        for (w, k) in keywords { add(w, .keyword(k)) }
        return t
    }()
}
