import StorylineCore

/// Finds and parses publication dates in text and in metadata values — the entry point of the ingest
/// module's one date engine.
///
/// - Running text: ``firstDate(in:)`` and ``parse(_:at:zone:)`` — a ``WrittenDate`` or ``ISODate/find(_:at:)``,
///   then ``time(after:in:at:zone:)``.
/// - A metadata value (an attribute, a JSON-LD string): ``value(_:)``.
/// - A feed: ``RFC822Date/parse(_:)`` for RSS `pubDate`, ``ISODate/parse(_:)`` for Atom and `dc:date`.
/// - A URL: ``URLPathDate/parse(_:)``.
/// - A live-blog stamp or the text of an HTML time element: ``ClockTime/parse(_:at:zone:)``,
///   ``ClockTime/first(in:)``.
///
/// All of them share one vocabulary (``DateVocabulary``), one zone table with one policy for ambiguous
/// zones (``DateZones``) and one clock-time grammar (``ClockTime``). They work on UTF-8 bytes; ranges are
/// UTF-8 byte offsets. Only full dates (day, month and year) are accepted: a bare "February 27" is not a
/// publication date. The zone is kept only when the text states an unambiguous one.
public enum DateText {
    /// A date found in a string, with the UTF-8 byte range it covers.
    public struct Match: Sendable, Hashable {
        public var date: PublicationDate
        public var utf8Range: Range<Int>
    }

    /// The first full date in running text ("Published February 27, 2025", "Thu 27 Feb 2025 15.21 GMT",
    /// "posted 2025-08-14T22:10:00+02:00"), or nil. Zone names must be upper case ("GMT", "EST").
    public static func firstDate(in text: String) -> Match? {
        let bytes = Array(text.utf8)
        var i = 0
        while i < bytes.count {
            // Candidates start at a digit or a letter that begins a word, outside a path ("/2025/02/27/").
            let c = bytes[i]
            if DateBytes.isAlnum(c), i == 0 || !(DateBytes.isAlnum(bytes[i - 1]) || bytes[i - 1] == 0x2F),
                let match = parse(bytes, at: i)
            {
                return match
            }
            i += 1
        }
        return nil
    }

    /// Parses a full date starting exactly at byte `start`: a year-first numeric date or a written one, each
    /// with an optional time and a zone spelt as `zone` says.
    static func parse(_ b: [UInt8], at start: Int, zone: DateZones.Spelling = .upperCase) -> Match? {
        guard start < b.count else { return nil }
        // A weekday may open a numeric date too ("Thu, 2025-02-27"); ``WrittenDate`` reads its own.
        var numeric = start
        if let (w, end) = DateVocabulary.word(b, start), DateVocabulary.isWeekday(w) {
            numeric = DateBytes.skipSpaces(b, end, also: ",\n\r.")
        }
        let day: (date: PublicationDate, end: Int)
        if DateBytes.at(b, numeric, DateBytes.isDigit), let iso = ISODate.find(b, at: numeric) {
            day = iso
        } else if let written = WrittenDate.day(b, at: start),
            DateVocabulary.plausibleYears.contains(written.date.year)
        {
            day = written
        } else {
            return nil
        }
        let (date, end) = time(after: day.date, in: b, at: day.end, zone: zone) ?? day
        return Match(date: date, utf8Range: start..<end)
    }

    /// The clock time that follows a date — directly after `T` ("2025-02-27T15:21:00Z"), or after spaces, commas,
    /// `|`, `-`, `@` or "at" ("February 27, 2025 at 3:21 p.m. EST", "2025-02-27 | 15:21") — on that date, and
    /// where it ends; nil when there is no valid time.
    static func time(
        after date: PublicationDate,
        in b: [UInt8],
        at start: Int,
        zone: DateZones.Spelling
    ) -> (date: PublicationDate, end: Int)? {
        var j = start
        if DateBytes.at(b, j, is: 0x54), DateBytes.at(b, j + 1, DateBytes.isDigit) {
            j += 1
        } else {
            j = DateBytes.skipSpaces(b, j, also: ",\n\r|-@")
            if let (w, end) = DateVocabulary.word(b, j), w == DateVocabulary.at { j = DateBytes.skipSeparators(b, end) }
        }
        guard let (time, end) = ClockTime.parse(b, at: j, zone: zone) else { return nil }
        let full = time.on(date)
        return full.isValid ? (full, end) : nil
    }

    /// A metadata value (an attribute or a JSON-LD string): a whole ISO 8601-like value
    /// (`2025-02-27T15:21:00.000+0100`, `2025/02/27`, `20250227`), else a date at the value's start after any
    /// punctuation (`Thu, 27 Feb 2025 15:21:00 GMT`, `February 27, 2025 | 3:21 PM`), zone names in any case.
    static func value(_ text: String) -> PublicationDate? {
        if let date = ISODate.parse(text) { return date }
        let b = Array(text.utf8)
        var i = 0
        while i < b.count, !DateBytes.isAlnum(b[i]) { i += 1 }
        return parse(b, at: i, zone: .anyCase)?.date
    }
}
