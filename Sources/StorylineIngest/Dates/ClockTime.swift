import StorylineCore

/// A time of day as written after a date or alone in a live-blog stamp: "15:21", "15.21", "15:21:09.123",
/// "3:21 PM", "3.21pm", "12:05 a.m.", optionally followed by a zone ("15.21 GMT", "9:30 a.m. ET", "10:00+01:00").
///
/// The one clock-time grammar of the ingest module: written dates, ISO 8601 and RFC 822 times, live-blog
/// stamps and HTML time elements all read their time through ``parse(_:at:zone:)``.
struct ClockTime: Hashable, Sendable {
    var hour: Int
    var minute: Int
    var second: Int?
    /// The zone stated after the time, if any was read (its offset is nil for an ambiguous zone).
    var zone: DateZones.Zone?

    /// Minutes east of UTC when the time states an unambiguous zone.
    var utcOffsetMinutes: Int? { zone?.utcOffsetMinutes }

    /// Parses a time starting exactly at byte `start`: one or two hour digits, `:` or `.`, two minute digits,
    /// optional `:ss` with an optional fraction, an optional am/pm marker (the hour must then be 1–12), and —
    /// unless `zone` is nil — an optional zone after optional spaces. Returns the time and where it ends, or nil
    /// when there is no valid time there.
    static func parse(
        _ b: [UInt8],
        at start: Int,
        zone spelling: DateZones.Spelling? = nil
    ) -> (time: ClockTime, end: Int)? {
        guard DateBytes.at(b, start, DateBytes.isDigit) else { return nil }
        let (h, he, hd) = DateBytes.number(b, start)
        guard hd >= 1, hd <= 2, he < b.count, b[he] == 0x3A || b[he] == 0x2E else { return nil }
        let (m, me, md) = DateBytes.number(b, he + 1)
        guard md == 2 else { return nil }
        var hour = h
        var second: Int?
        var k = me
        if b[he] == 0x3A, DateBytes.at(b, k, is: 0x3A), let s = DateBytes.fixed(b, k + 1, 2),
            !DateBytes.at(b, k + 3, DateBytes.isDigit)
        {
            second = s
            k += 3
            // A fraction of a second: ".123", ",5".
            if k + 1 < b.count, b[k] == 0x2E || b[k] == 0x2C, DateBytes.isDigit(b[k + 1]) {
                k += 1
                while DateBytes.at(b, k, DateBytes.isDigit) { k += 1 }
            }
        }
        let markerStart = DateBytes.skipSpaces(b, k)
        if let (pm, end) = DateVocabulary.meridiem(b, markerStart) {
            guard (1...12).contains(h) else { return nil }
            hour = h % 12 + (pm ? 12 : 0)
            k = end
        }
        guard hour <= 23, m <= 59, (second ?? 0) <= 60 else { return nil }
        var time = ClockTime(hour: hour, minute: m, second: second, zone: nil)
        if let spelling, let (zone, end) = DateZones.zone(b, at: DateBytes.skipSpaces(b, k), spelling: spelling) {
            time.zone = zone
            k = end
        }
        return (time, k)
    }

    /// The first clock time in `text` that starts a word ("Updated 15:21 GMT", "3.21pm") — not a number inside
    /// another (`+01:00`, `2.15:30`) — with an upper-case zone when one follows.
    static func first(in text: String) -> ClockTime? {
        let b = Array(text.utf8)
        var i = 0
        while i < b.count {
            if DateBytes.isDigit(b[i]), i == 0 || !(DateBytes.isAlnum(b[i - 1]) || inNumber(b[i - 1])) || isoT(b, i),
                let (time, _) = parse(b, at: i, zone: .upperCase)
            {
                return time
            }
            i += 1
        }
        return nil
    }

    /// `+`, `-`, `:`, `.`, `,`, `/`: a digit after one of these continues a number, an offset or a date.
    @inline(__always) private static func inNumber(_ c: UInt8) -> Bool {
        c == 0x2B || c == 0x2D || c == 0x3A || c == 0x2E || c == 0x2C || c == 0x2F
    }

    /// Whether the digit at `i` follows the `T` of an ISO 8601 date-time ("2025-02-27T15:21").
    @inline(__always) private static func isoT(_ b: [UInt8], _ i: Int) -> Bool {
        i >= 2 && b[i - 1] == 0x54 && DateBytes.isDigit(b[i - 2])
    }

    /// This time on `day`: the day's date with the hour, minute, second and zone stated here.
    func on(_ day: PublicationDate) -> PublicationDate {
        PublicationDate(
            year: day.year,
            month: day.month,
            day: day.day,
            hour: hour,
            minute: minute,
            second: second,
            utcOffsetMinutes: utcOffsetMinutes
        )
    }
}
