/// A calendar date, with the time of day and the UTC offset when the source states them.
///
/// News metadata states dates at different precisions: `2025-02-27` (a day),
/// `2025-02-27T15:21` (a local time with no zone) or `2025-02-27T15:21:00+01:00`.
/// `PublicationDate` keeps exactly what was stated and renders it back as ISO 8601,
/// never inventing a time or a zone.
public struct PublicationDate: Sendable, Hashable, Codable, Comparable, CustomStringConvertible {
    public var year: Int
    public var month: Int
    public var day: Int
    /// Hour of day, 0–23, when stated.
    public var hour: Int?
    /// Minute, 0–59, when the hour is stated.
    public var minute: Int?
    /// Second, 0–60, when stated.
    public var second: Int?
    /// Offset from UTC in minutes (`+60` for `+01:00`, `0` for `Z`), when the source states a zone.
    public var utcOffsetMinutes: Int?

    public init(
        year: Int,
        month: Int,
        day: Int,
        hour: Int? = nil,
        minute: Int? = nil,
        second: Int? = nil,
        utcOffsetMinutes: Int? = nil
    ) {
        self.year = year
        self.month = month
        self.day = day
        self.hour = hour
        self.minute = hour == nil ? nil : (minute ?? 0)
        self.second = hour == nil ? nil : second
        self.utcOffsetMinutes = hour == nil ? nil : utcOffsetMinutes
    }

    /// Whether the day exists in the proleptic Gregorian calendar (and the time, if any, is in range).
    public var isValid: Bool {
        guard (1...9999).contains(year), (1...12).contains(month) else { return false }
        guard (1...PublicationDate.daysIn(month: month, year: year)).contains(day) else { return false }
        if let hour, !(0...23).contains(hour) { return false }
        if let minute, !(0...59).contains(minute) { return false }
        if let second, !(0...60).contains(second) { return false }
        if let utcOffsetMinutes, abs(utcOffsetMinutes) > 18 * 60 { return false }
        return true
    }

    /// The date alone, without time or zone.
    public var dateOnly: PublicationDate { PublicationDate(year: year, month: month, day: day) }

    /// Days since 1970-01-01 of the date's calendar day (time and zone ignored).
    public var dayNumber: Int { Self.dayNumber(year: year, month: month, day: day) }

    /// The day (no time) that is `dayNumber` days after 1970-01-01: the inverse of ``dayNumber``.
    public init(dayNumber: Int) {
        let z = dayNumber + 719_468
        let era = (z >= 0 ? z : z - 146_096) / 146_097
        let doe = z - era * 146_097
        let yoe = (doe - doe / 1460 + doe / 36524 - doe / 146_096) / 365
        let doy = doe - (365 * yoe + yoe / 4 - yoe / 100)
        let mp = (5 * doy + 2) / 153
        let d = doy - (153 * mp + 2) / 5 + 1
        let m = mp < 10 ? mp + 3 : mp - 9
        self.init(year: yoe + era * 400 + (m <= 2 ? 1 : 0), month: m, day: d)
    }

    /// Days since 1970-01-01 of a day of the proleptic Gregorian calendar (Howard Hinnant's `days_from_civil`).
    @inlinable
    public static func dayNumber(year: Int, month: Int, day: Int) -> Int {
        let y = month <= 2 ? year - 1 : year
        let era = (y >= 0 ? y : y - 399) / 400
        let yoe = y - era * 400
        let mp = (month + 9) % 12
        let doy = (153 * mp + 2) / 5 + day - 1
        let doe = yoe * 365 + yoe / 4 - yoe / 100 + doy
        return era * 146_097 + doe - 719_468
    }

    public static func daysIn(month: Int, year: Int) -> Int {
        switch month {
        case 2: return (year % 4 == 0 && year % 100 != 0) || year % 400 == 0 ? 29 : 28
        case 4, 6, 9, 11: return 30
        default: return 31
        }
    }

    /// ISO 8601: `YYYY-MM-DD`, `YYYY-MM-DDThh:mm[:ss]`, followed by `Z` or `±hh:mm` when the zone is known.
    public var iso8601: String {
        var text = pad(year, 4) + "-" + pad(month, 2) + "-" + pad(day, 2)
        guard let hour else { return text }
        text += "T" + pad(hour, 2) + ":" + pad(minute ?? 0, 2)
        if let second { text += ":" + pad(second, 2) }
        if let offset = utcOffsetMinutes {
            if offset == 0 {
                text += "Z"
            } else {
                text += (offset < 0 ? "-" : "+") + pad(abs(offset) / 60, 2) + ":" + pad(abs(offset) % 60, 2)
            }
        }
        return text
    }

    public var description: String { iso8601 }

    /// Parses the ISO 8601 forms that `iso8601` writes, plus `YYYY-MM-DD hh:mm`, fractional seconds,
    /// and zones written `+hhmm` or `+hh`. Returns nil for anything else or an impossible date.
    public init?(iso8601 text: String) {
        let b = Array(text.utf8)
        var i = 0
        func number(_ width: Int) -> Int? {
            guard i + width <= b.count else { return nil }
            var value = 0
            for k in i..<(i + width) {
                let c = b[k]
                guard c >= 0x30, c <= 0x39 else { return nil }
                value = value * 10 + Int(c - 0x30)
            }
            i += width
            return value
        }
        func eat(_ c: UInt8) -> Bool {
            if i < b.count, b[i] == c { i += 1; return true }
            return false
        }
        guard let y = number(4), eat(0x2D), let m = number(2), eat(0x2D), let d = number(2) else { return nil }
        var date = PublicationDate(year: y, month: m, day: d)
        if i < b.count, b[i] == 0x54 || b[i] == 0x20 || b[i] == 0x74 {
            i += 1
            guard let h = number(2), eat(0x3A), let mi = number(2) else { return nil }
            var s: Int?
            if eat(0x3A) {
                guard let sec = number(2) else { return nil }
                s = sec
                if eat(0x2E) || eat(0x2C) {
                    while i < b.count, b[i] >= 0x30, b[i] <= 0x39 { i += 1 }
                }
            }
            var offset: Int?
            if eat(0x5A) || eat(0x7A) {
                offset = 0
            } else if i < b.count, b[i] == 0x2B || b[i] == 0x2D {
                let sign = b[i] == 0x2D ? -1 : 1
                i += 1
                guard let oh = number(2) else { return nil }
                var om = 0
                if eat(0x3A) {
                    guard let v = number(2) else { return nil }
                    om = v
                } else if let v = number(2) {
                    om = v
                }
                offset = sign * (oh * 60 + om)
            }
            date = PublicationDate(year: y, month: m, day: d, hour: h, minute: mi, second: s, utcOffsetMinutes: offset)
        }
        guard i == b.count, date.isValid else { return nil }
        self = date
    }

    public init(from decoder: Decoder) throws {
        let container = try decoder.singleValueContainer()
        let text = try container.decode(String.self)
        guard let value = PublicationDate(iso8601: text) else {
            throw DecodingError.dataCorruptedError(
                in: container,
                debugDescription: "not an ISO 8601 date: \"\(text)\""
            )
        }
        self = value
    }

    public func encode(to encoder: Encoder) throws {
        var container = encoder.singleValueContainer()
        try container.encode(iso8601)
    }

    /// Orders by the stated calendar fields (local times are not shifted to UTC).
    public static func < (lhs: PublicationDate, rhs: PublicationDate) -> Bool {
        let l = [lhs.year, lhs.month, lhs.day, lhs.hour ?? -1, lhs.minute ?? -1, lhs.second ?? -1]
        let r = [rhs.year, rhs.month, rhs.day, rhs.hour ?? -1, rhs.minute ?? -1, rhs.second ?? -1]
        return l.lexicographicallyPrecedes(r)
    }
}

private func pad(_ value: Int, _ width: Int) -> String {
    let digits = String(value)
    return digits.count >= width ? digits : String(repeating: "0", count: width - digits.count) + digits
}
