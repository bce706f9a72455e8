import StorylineCore

/// RFC 822 / RFC 1123 dates as RSS `pubDate` writes them, tolerating what real feeds do: no weekday, a full
/// weekday or month name, the month before the day, a two-digit year, no seconds, `AM`/`PM`, and every zone
/// form ``DateZones`` reads (`GMT`, `UT`, `Z`, `EST`, `+0000`, `-05:00`, `GMT+1`), a zone name it does not
/// know (`WIB`: the time stays local) and a trailing comment (`+0000 (UTC)`).
enum RFC822Date {
    /// The whole of `text` (surrounding whitespace ignored) as an RFC 822 date, or nil. A time that is out of
    /// range, a malformed numeric offset or trailing text refuses the date.
    static func parse(_ text: String) -> PublicationDate? {
        let b = DateBytes.trimmed(text)
        guard let (date, dayEnd) = WrittenDate.day(b, at: 0, twoDigitYears: true) else { return nil }
        var i = DateBytes.skipSeparators(b, dayEnd)
        guard i < b.count else { return date }
        guard let (parsedTime, timeEnd) = ClockTime.parse(b, at: i) else { return nil }
        var time = parsedTime
        i = DateBytes.skipSpaces(b, timeEnd)
        if i < b.count, b[i] != 0x28 {
            if let (zone, zoneEnd) = DateZones.zone(b, at: i, spelling: .anyCase) {
                time.zone = zone
                i = zoneEnd
            } else if DateBytes.isLetter(b[i]) {
                // An unknown zone name: the time stays local.
                while DateBytes.at(b, i, DateBytes.isLetter) { i += 1 }
            } else {
                return nil
            }
            i = DateBytes.skipSpaces(b, i)
        }
        // A comment: "(PDT)", "(Coordinated Universal Time)".
        if i < b.count, b[i] == 0x28 {
            guard let close = b[i...].firstIndex(of: 0x29) else { return nil }
            i = DateBytes.skipSpaces(b, close + 1)
        }
        guard i == b.count else { return nil }
        let full = time.on(date)
        return full.isValid ? full : nil
    }
}
