import StorylineCore

/// Finds time expressions in English news text and normalizes them to TIMEX3 values.
///
/// A pure function of the text and the document's date: relative expressions ("Thursday",
/// "last week", "three years ago") are resolved against `documentDate`, weekdays with the tense of
/// their clause (past → the most recent such day on or before the document date; future cues such as
/// *will*, *is due*, *is expected to*, *next* → the following one). Without a document date, anchored
/// values become underspecified (`XXXX-02-27`, `XXXX-WXX-5`).
///
/// Spans follow the TimeML minimal extent (`on Friday` → `Friday`) and keep quantity modifiers
/// (`just over three years ago`, `more than 10 years`). Ranges are UTF-8 byte offsets into `text`.
public enum TimeTagger {
    /// Tags `text`, resolving relative expressions against `documentDate`.
    public static func tag(_ text: String, documentDate: PublicationDate?) -> [TimeExpression] {
        var text = text
        return text.withUTF8 { bytes in
            let words = TimeWordScanner.scan(bytes)
            let anchor = documentDate.map { CalendarDay(year: $0.year, month: $0.month, day: $0.day) }
            var tagger = TimeTaggerRun(words: words, bytes: bytes, anchor: anchor)
            return tagger.run()
        }
    }
}

/// A match found by one of the rules: the words `start..<end` and the normalized value.
struct TimexMatch {
    var start: Int
    var end: Int
    var type: TimexType
    var value: String
}

/// The tense of the clause around a word, as far as cue words tell it.
enum ClauseTense { case past, future, unknown }

/// The state of one tagging pass over one text.
struct TimeTaggerRun {
    let words: [TimeWord]
    let bytes: UnsafeBufferPointer<UInt8>
    let anchor: CalendarDay?
    /// The last quarter mentioned (for "the quarter", "a year earlier").
    var lastQuarter: (year: Int, quarter: Int)?
    /// The day, month and year of the last date mentioned (for "that day", "the next day", "later that year").
    var focusDay: CalendarDay?
    var focusMonth: (year: Int, month: Int)?
    var focusYear: Int?

    init(words: [TimeWord], bytes: UnsafeBufferPointer<UInt8>, anchor: CalendarDay?) {
        self.words = words
        self.bytes = bytes
        self.anchor = anchor
    }

    mutating func run() -> [TimeExpression] {
        var out = [TimeExpression]()
        var i = 0
        while i < words.count {
            if let end = metadataDateEnd(at: i) {
                i = end
                continue
            }
            if let m = matchWithModifiers(at: i) {
                let range = TextRange(start: Int(words[m.start].start), end: Int(words[m.end - 1].end))
                out.append(TimeExpression(range: range, type: m.type, value: m.value))
                noteFocus(m)
                i = m.end
            } else {
                i += 1
            }
        }
        return out
    }

    static let metadataWords: Set<UInt64> = Set(
        (["published", "updated", "posted", "date", "dateline", "modified"] as [StaticString]).map(TimeLexicon.key)
    )

    /// Page metadata ("Published February 27, 2025", "last updated …", a "date 2025-02-28" line) is not
    /// article body: returns the end of the metadata date, to be skipped.
    mutating func metadataDateEnd(at i: Int) -> Int? {
        let w = words[i]
        guard w.kind == .letters, TimeTaggerRun.metadataWords.contains(w.key) else { return nil }
        if w.key == TimeLexicon.key("date"), !w.newlineBefore { return nil }
        var j = i + 1
        if keyword(j) == .on || isPunct(j, 0x3A) { j += 1 }
        guard j < words.count, !words[j].newlineBefore, let m = match(at: j), m.start == j, m.type != .duration
        else { return nil }
        return m.end
    }

    /// Quantity modifiers that TimeML keeps inside the span: "just over", "more than", "about"…
    func modifierEnd(at i: Int) -> Int {
        var j = i
        var steps = 0
        while j < words.count, steps < 3, let k = keyword(j) {
            switch k {
            case .just, .about, .around, .nearly, .almost, .roughly, .approximately, .only, .some, .over, .under:
                j += 1
            case .more, .less:
                guard keyword(j + 1) == .than else { return j }
                j += 2
            case .at:
                guard keyword(j + 1) == .least else { return j }
                j += 2
            default:
                return j
            }
            steps += 1
        }
        return j
    }

    mutating func matchWithModifiers(at i: Int) -> TimexMatch? {
        let j = modifierEnd(at: i)
        if j > i, j < words.count, var m = match(at: j) {
            // Modifiers belong to quantities: durations and "N units ago".
            // ("over the years", "over the next three quarters" keep "over" outside: it is a preposition there.)
            if (m.type == .duration && keyword(m.start) != .the) || isQuantified(m.start) {
                m.start = i
                return m
            }
        }
        return match(at: i)
    }

    func isQuantified(_ i: Int) -> Bool {
        words[i].kind == .digits || { if case .number = lex(i) { return true } else { return false } }()
            || keyword(i) == .a || keyword(i) == .an
    }

    /// All rules at word `i`, longest match first in priority order.
    mutating func match(at i: Int) -> TimexMatch? {
        let w = words[i]
        switch w.kind {
        case .digits:
            return matchDigits(at: i) ?? matchQuantity(at: i)
        case .other:
            return matchApostropheDecade(at: i)
        case .letters:
            guard let l = lex(i) else { return nil }
            switch l {
            case .month: return matchMonth(at: i)
            case .weekday: return matchWeekday(at: i)
            case .weekdays(let wd):
                // "on Mondays": every Monday.
                guard w.capitalized else { return nil }
                return TimexMatch(start: i, end: i + 1, type: .set, value: "XXXX-WXX-\(wd)")
            case .number: return matchYearInWords(at: i, start: i) ?? matchQuantity(at: i)
            case .ordinal: return matchQuarter(at: i)
            case .unit: return matchBareUnit(at: i)
            case .season: return matchSeason(at: i, relative: nil, start: i)
            case .partOfDay: return nil
            case .keyword(let k): return matchKeyword(k, at: i)
            }
        }
    }

    // MARK: Word helpers

    func lex(_ i: Int) -> TimeLex? {
        guard i >= 0, i < words.count else { return nil }
        return TimeLexicon.lookup(words[i])
    }

    func keyword(_ i: Int) -> TimeKeyword? {
        if case .keyword(let k) = lex(i) { return k }
        return nil
    }

    func unit(_ i: Int) -> (TimeUnit, Bool)? {
        if case .unit(let u, let p) = lex(i) { return (u, p) }
        return nil
    }

    func isPunct(_ i: Int, _ c: UInt8) -> Bool {
        i >= 0 && i < words.count && words[i].kind == .other && words[i].key == UInt64(c)
    }

    /// Word `i` follows word `i - 1` with no space between.
    func adjacent(_ i: Int) -> Bool { i > 0 && i < words.count && !words[i].spaceBefore }

    func digits(_ i: Int) -> (value: Int, count: Int)? {
        guard i >= 0, i < words.count, words[i].kind == .digits else { return nil }
        return (Int(words[i].key), words[i].length)
    }

    /// The lower-case letters of word `i` end with `suffix`.
    func endsWith(_ i: Int, _ suffix: StaticString) -> Bool {
        let w = words[i]
        let n = suffix.utf8CodeUnitCount
        guard w.kind == .letters, w.length > n else { return false }
        return suffix.withUTF8Buffer { s in
            for k in 0..<n where bytes[Int(w.end) - n + k] | 0x20 != s[k] { return false }
            return true
        }
    }
}
