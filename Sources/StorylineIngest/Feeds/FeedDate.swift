import StorylineCore

/// Parses the dates feeds state: RFC 822 (RSS `pubDate`) and RFC 3339 (Atom, `dc:date`).
///
/// The UTC offset is kept as written (`EST` → −05:00, `GMT` → Z); a date with no zone stays a local time.
enum FeedDate {
    /// An RFC 822 date, then an RFC 3339 one (some feeds put ISO dates in `pubDate`).
    static func parse(_ text: String) -> PublicationDate? {
        rfc822(text) ?? rfc3339(text)
    }

    /// An RFC 3339 / ISO 8601 date-time or date (`2025-02-27T15:21:00+01:00`), surrounding whitespace ignored.
    static func rfc3339(_ text: String) -> PublicationDate? {
        let trimmed = TextCleanup.collapseWhitespace(text)
        return trimmed.isEmpty ? nil : PublicationDate(iso8601: trimmed)
    }

    /// An RFC 822 / RFC 1123 date as RSS writes it, tolerating what real feeds do: no weekday, a full weekday or
    /// month name, no seconds, a two-digit year, the month before the day, `AM`/`PM`, and every zone form —
    /// `GMT`, `UT`, `UTC`, `Z`, the US zones (`EST`, `EDT`, `CST`, `CDT`, `MST`, `MDT`, `PST`, `PDT`), common
    /// European and Asia-Pacific abbreviations, `+0000`, `-05:00`, `+01`, `GMT+1`.
    static func rfc822(_ text: String) -> PublicationDate? {
        var tokens = tokenize(text)
        guard !tokens.isEmpty else { return nil }
        // Weekday ("Mon", "Monday"): skipped, never checked against the date.
        if isAlpha(tokens[0]), monthNumber(tokens[0]) == nil {
            guard weekdays.contains(prefix3(tokens[0])) else { return nil }
            tokens.removeFirst()
        }
        guard tokens.count >= 3 else { return nil }
        var day: Int
        var month: Int
        if let d = number(tokens[0]), let m = monthNumber(tokens[1]) {
            (day, month) = (d, m)
        } else if let m = monthNumber(tokens[0]), let d = number(tokens[1]) {
            (day, month) = (d, m)
        } else {
            return nil
        }
        guard var year = number(tokens[2]), tokens[2].count == 4 || tokens[2].count == 2 else { return nil }
        if tokens[2].count == 2 { year += year < 50 ? 2000 : 1900 }
        var rest = tokens.dropFirst(3)
        guard let timeToken = rest.first, timeToken.contains(0x3A) else {
            let date = PublicationDate(year: year, month: month, day: day)
            return rest.isEmpty && date.isValid ? date : nil
        }
        rest = rest.dropFirst()
        let parts = timeToken.split(separator: 0x3A, omittingEmptySubsequences: false)
        guard parts.count == 2 || parts.count == 3, var hour = number(Array(parts[0])),
            let minute = number(Array(parts[1]))
        else { return nil }
        var second: Int?
        if parts.count == 3 {
            let whole = parts[2].prefix { $0 != 0x2E && $0 != 0x2C }
            guard let s = number(Array(whole)) else { return nil }
            second = s
        }
        if let marker = rest.first, let meridiem = meridiem(marker) {
            guard (1...12).contains(hour) else { return nil }
            hour = hour % 12 + (meridiem ? 12 : 0)
            rest = rest.dropFirst()
        }
        // An unknown zone name ("WIB") leaves a local time; a malformed numeric offset refuses the date.
        var offset: Int?
        if let zone = rest.first {
            if let parsed = zoneOffset(zone) {
                offset = parsed.minutes
            } else if zone.first == 0x2B || zone.first == 0x2D || !isAlpha(zone) {
                return nil
            }
        }
        let date = PublicationDate(
            year: year,
            month: month,
            day: day,
            hour: hour,
            minute: minute,
            second: second,
            utcOffsetMinutes: offset
        )
        return date.isValid ? date : nil
    }

    /// A recognised zone token; `minutes` is nil for a name with no single offset (`IST`).
    struct Zone {
        var minutes: Int?
    }

    /// The zone a token names, or nil when the token is not a zone.
    static func zoneOffset(_ token: [UInt8]) -> Zone? {
        guard let first = token.first else { return nil }
        if first == 0x2B || first == 0x2D {
            return numericOffset(token).map { Zone(minutes: $0) }
        }
        if first == 0x28 { return Zone(minutes: nil) }  // only a comment, "(PDT)"
        var letters = Array(token.prefix { isLetter($0) })
        let remainder = Array(token[letters.count...])
        for index in letters.indices where letters[index] >= 0x61 { letters[index] -= 0x20 }
        let name = String(decoding: letters, as: UTF8.self)
        guard let base = zones[name] else { return nil }
        if remainder.isEmpty { return Zone(minutes: base) }
        // "GMT+1", "UTC-05:00"
        guard base == 0, let extra = numericOffset(remainder) else { return nil }
        return Zone(minutes: extra)
    }

    /// `+0100`, `-05:00`, `+01`, `+1`.
    private static func numericOffset(_ token: [UInt8]) -> Int? {
        guard let sign = token.first, sign == 0x2B || sign == 0x2D else { return nil }
        let digits = token.dropFirst().filter { $0 != 0x3A }
        guard !digits.isEmpty, digits.count <= 4, let value = number(Array(digits)) else { return nil }
        let minutes = digits.count <= 2 ? value * 60 : (value / 100) * 60 + value % 100
        guard minutes <= 18 * 60 else { return nil }
        return sign == 0x2D ? -minutes : minutes
    }

    /// Zone abbreviations with fixed offsets, in minutes east of UTC; `nil` for ambiguous ones.
    private static let zones: [String: Int?] = [
        "GMT": 0, "UT": 0, "UTC": 0, "Z": 0, "WET": 0,
        "EST": -300, "EDT": -240, "CST": -360, "CDT": -300, "MST": -420, "MDT": -360, "PST": -480, "PDT": -420,
        "AKST": -540, "AKDT": -480, "HST": -600, "AST": -240, "ADT": -180, "NST": -210, "NDT": -150,
        "BST": 60, "WEST": 60, "CET": 60, "CEST": 120, "MET": 60, "MEST": 120, "EET": 120, "EEST": 180,
        "MSK": 180, "JST": 540, "KST": 540, "HKT": 480, "SGT": 480, "AWST": 480, "ACST": 570, "ACDT": 630,
        "AEST": 600, "AEDT": 660, "NZST": 720, "NZDT": 780,
        "IST": Int?.none,
    ]

    private static let weekdays: Set<String> = ["mon", "tue", "wed", "thu", "fri", "sat", "sun"]
    private static let months = ["jan", "feb", "mar", "apr", "may", "jun", "jul", "aug", "sep", "oct", "nov", "dec"]

    /// Splits at spaces, tabs, line breaks and commas.
    private static func tokenize(_ text: String) -> [[UInt8]] {
        var tokens: [[UInt8]] = []
        var current: [UInt8] = []
        for byte in text.utf8 {
            if byte == 0x20 || byte == 0x09 || byte == 0x0A || byte == 0x0D || byte == 0x2C {
                if !current.isEmpty { tokens.append(current) }
                current = []
            } else {
                current.append(byte)
            }
        }
        if !current.isEmpty { tokens.append(current) }
        return tokens
    }

    private static func isLetter(_ byte: UInt8) -> Bool { (byte | 0x20) >= 0x61 && (byte | 0x20) <= 0x7A }

    private static func isAlpha(_ token: [UInt8]) -> Bool {
        token.allSatisfy { isLetter($0) || $0 == 0x2E }
    }

    private static func prefix3(_ token: [UInt8]) -> String {
        String(decoding: token.prefix(3).map { $0 | 0x20 }, as: UTF8.self)
    }

    private static func monthNumber(_ token: [UInt8]) -> Int? {
        guard token.count >= 3, isAlpha(token), let index = months.firstIndex(of: prefix3(token)) else { return nil }
        return index + 1
    }

    /// `true` for PM, `false` for AM, nil otherwise.
    private static func meridiem(_ token: [UInt8]) -> Bool? {
        switch String(decoding: token.map { $0 | 0x20 }, as: UTF8.self) {
        case "am", "a.m.": return false
        case "pm", "p.m.": return true
        default: return nil
        }
    }

    private static func number(_ token: [UInt8]) -> Int? {
        guard !token.isEmpty, token.count <= 9 else { return nil }
        var value = 0
        for byte in token {
            guard byte >= 0x30 && byte <= 0x39 else { return nil }
            value = value * 10 + Int(byte - 0x30)
        }
        return value
    }
}
