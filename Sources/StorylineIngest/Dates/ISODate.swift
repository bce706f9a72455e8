import StorylineCore

/// Year-first numeric dates: ISO 8601 / RFC 3339 (`2025-02-27T15:21:00.000+01:00`) and the variants pages and
/// feeds write (`2025-02-27 15:21 UTC`, `2025/02/27`, `2025.2.7`, `20250227`).
///
/// A superset of what `PublicationDate(iso8601:)` reads, which stays the exact inverse of `iso8601`.
enum ISODate {
    /// A whole value, surrounding whitespace ignored: a date, optionally followed by `T` or spaces and a
    /// ``ClockTime``, then optionally a zone in any case (`Z`, `+0100`, `-05:00`, `+05`, `UTC`, `EST`).
    /// Anything else in the value makes it nil. Bare eight-digit dates need a plausible year.
    static func parse(_ text: String) -> PublicationDate? {
        let b = DateBytes.trimmed(text)
        guard let (date, dayEnd) = day(b, at: 0, separators: "-/.", compact: true) else { return nil }
        var i = dayEnd
        guard i < b.count else { return date }
        guard b[i] == 0x54 || b[i] == 0x74 || DateBytes.spaceLength(b, i) > 0 else { return nil }
        i = DateBytes.skipSpaces(b, i + 1, also: "\n\r")
        guard i < b.count else { return date }
        guard let (time, timeEnd) = ClockTime.parse(b, at: i) else { return nil }
        var withTime = time
        i = DateBytes.skipSpaces(b, timeEnd, also: "\n\r")
        if i < b.count {
            guard let (zone, zoneEnd) = DateZones.zone(b, at: i, spelling: .anyCase), zoneEnd == b.count else {
                return nil
            }
            withTime.zone = zone
        }
        let full = withTime.on(date)
        return full.isValid ? full : nil
    }

    /// A year-first date in running text at `start`: `2025-02-27` or `2025/02/27` (month and day of one or two
    /// digits, a plausible year) that does not run on into a path (`2025/02/27/slug`). Returns the day and where
    /// it ends; ``DateText`` reads the time after it.
    static func find(_ b: [UInt8], at start: Int) -> (date: PublicationDate, end: Int)? {
        guard let (date, end) = day(b, at: start, separators: "-/", compact: false),
            DateVocabulary.plausibleYears.contains(date.year), !DateBytes.at(b, end, is: 0x2F)
        else { return nil }
        return (date, end)
    }

    /// `YYYY` `sep` `M[M]` `sep` `D[D]` with one of `separators` used twice, or — when `compact` — `YYYYMMDD`
    /// (plausible years only), at `start` and not followed by a digit.
    static func day(
        _ b: [UInt8],
        at start: Int,
        separators: StaticString,
        compact: Bool
    ) -> (date: PublicationDate, end: Int)? {
        guard let year = DateBytes.fixed(b, start, 4) else { return nil }
        let i = start + 4
        let date: PublicationDate
        let end: Int
        if i < b.count, separators.withUTF8Buffer({ $0.contains(b[i]) }) {
            let (month, monthEnd, monthDigits) = DateBytes.number(b, i + 1)
            guard (1...2).contains(monthDigits), DateBytes.at(b, monthEnd, is: b[i]) else { return nil }
            let (day, dayEnd, dayDigits) = DateBytes.number(b, monthEnd + 1)
            guard (1...2).contains(dayDigits) else { return nil }
            date = PublicationDate(year: year, month: month, day: day)
            end = dayEnd
        } else if compact, let month = DateBytes.fixed(b, i, 2), let day = DateBytes.fixed(b, i + 2, 2),
            !DateBytes.at(b, i + 4, DateBytes.isDigit), DateVocabulary.plausibleYears.contains(year)
        {
            date = PublicationDate(year: year, month: month, day: day)
            end = i + 4
        } else {
            return nil
        }
        return date.isValid ? (date, end) : nil
    }
}
