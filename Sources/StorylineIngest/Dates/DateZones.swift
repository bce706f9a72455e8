/// The time zones dates state: abbreviations (`GMT`, `EST`, `CEST`, `AEDT`), numeric offsets (`+0100`,
/// `-05:00`, `+01`) and offsets from GMT (`GMT+1`, `UTC-05:00`). The only zone table in the ingest module.
///
/// ## Ambiguous zones
///
/// Some abbreviations do not name one offset: `IST` is India (+05:30), Ireland (+01:00) and Israel
/// (+02:00); `ET`, `CT`, `MT` and `PT` name a US zone without saying whether daylight saving time applies.
/// These are **recognised but give no offset**: a parser consumes them as a zone (so "9:30 a.m. ET" is a
/// whole time stamp and an RFC 822 date ending in `IST` is valid) and the time stays local. No offset is
/// better than a wrong one. Abbreviations with one meaning in English-language news and in RFC 822 (`CST`
/// US Central, `BST` British Summer Time, `AST` Atlantic) keep that meaning.
enum DateZones {
    /// A recognised zone; `utcOffsetMinutes` (east of UTC) is nil for an ambiguous name.
    struct Zone: Hashable, Sendable {
        var utcOffsetMinutes: Int?
    }

    /// How a zone name must be written to be recognised.
    enum Spelling {
        /// Upper case only ("GMT"), as in running text, where "est" or "met" are words.
        case upperCase
        /// Any case ("gmt", "Gmt"), as in machine-written values.
        case anyCase
    }

    /// The zone at `start` — a name, `GMT+1`, or a numeric offset — and where it ends; nil when there is none.
    ///
    /// A name must end at a non-letter. A bare numeric offset needs two or four digits (`+01`, `+0100`,
    /// `+01:00`); after `GMT`/`UTC`/`UT` one digit is enough (`GMT+1`). Offsets beyond ±18:00 are refused.
    static func zone(_ b: [UInt8], at start: Int, spelling: Spelling) -> (zone: Zone, end: Int)? {
        guard start < b.count else { return nil }
        if b[start] == 0x2B || b[start] == 0x2D {
            return numericOffset(b, at: start, minimumDigits: 2).map { (Zone(utcOffsetMinutes: $0.minutes), $0.end) }
        }
        guard let (key, end) = DateVocabulary.word(b, start), end - start <= 5,
            let offset = names[key]
        else { return nil }
        if spelling == .upperCase {
            for k in start..<end where !DateBytes.isUpper(b[k]) { return nil }
        }
        // "GMT+1", "UTC-05:00": an offset from GMT.
        if offset == 0, end - start >= 2, let (minutes, numericEnd) = numericOffset(b, at: end, minimumDigits: 1) {
            return (Zone(utcOffsetMinutes: minutes), numericEnd)
        }
        if DateBytes.at(b, end, DateBytes.isDigit) { return nil }
        return (Zone(utcOffsetMinutes: offset), end)
    }

    /// `±h`, `±hh`, `±hhmm` or `±hh:mm` at `start`, in minutes east of UTC, not followed by another digit.
    static func numericOffset(_ b: [UInt8], at start: Int, minimumDigits: Int) -> (minutes: Int, end: Int)? {
        guard start < b.count, b[start] == 0x2B || b[start] == 0x2D else { return nil }
        let sign = b[start] == 0x2D ? -1 : 1
        let (value, end, digits) = DateBytes.number(b, start + 1)
        var minutes: Int
        var stop = end
        switch digits {
        case 1, 2:
            guard digits >= minimumDigits else { return nil }
            minutes = value * 60
            if DateBytes.at(b, end, is: 0x3A) {
                guard let m = DateBytes.fixed(b, end + 1, 2), !DateBytes.at(b, end + 3, DateBytes.isDigit) else {
                    return nil
                }
                minutes += m
                stop = end + 3
            }
        case 4:
            guard value % 100 < 60 else { return nil }
            minutes = (value / 100) * 60 + value % 100
        default:
            return nil
        }
        guard minutes <= 18 * 60 else { return nil }
        return (sign * minutes, stop)
    }

    /// Zone abbreviations, in minutes east of UTC; `nil` for the ambiguous ones (see the type's documentation).
    private static let names: [DateVocabulary.Key: Int?] = {
        let table: [(StaticString, Int?)] = [
            ("GMT", 0), ("UT", 0), ("UTC", 0), ("Z", 0), ("WET", 0),
            ("BST", 60), ("WEST", 60), ("CET", 60), ("MET", 60), ("CEST", 120), ("MEST", 120), ("EET", 120),
            ("EEST", 180), ("MSK", 180),
            ("EST", -300), ("EDT", -240), ("CST", -360), ("CDT", -300), ("MST", -420), ("MDT", -360),
            ("PST", -480), ("PDT", -420), ("AKST", -540), ("AKDT", -480), ("HST", -600), ("AST", -240),
            ("ADT", -180), ("NST", -210), ("NDT", -150),
            ("JST", 540), ("KST", 540), ("HKT", 480), ("SGT", 480), ("AWST", 480), ("ACST", 570), ("ACDT", 630),
            ("AEST", 600), ("AEDT", 660), ("NZST", 720), ("NZDT", 780),
            // Ambiguous: recognised, no offset.
            ("IST", nil), ("ET", nil), ("CT", nil), ("MT", nil), ("PT", nil),
        ]
        var names: [DateVocabulary.Key: Int?] = [:]
        for (name, offset) in table { names[DateVocabulary.key(name)] = .some(offset) }
        return names
    }()
}
