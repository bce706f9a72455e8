import StorylineCore

/// Finds and parses a publication date written out in text: "February 27, 2025", "27 February 2025",
/// "Feb. 27, 2025 3:21 PM EST", "Thu 27 Feb 2025 15.21 GMT", "2025-02-28", "2025-02-27T15:21:00+01:00".
///
/// Works on UTF-8 bytes. Only full dates (day, month and year) are accepted: a bare "February 27" in
/// a header line is not a publication date. The zone is kept only when the text states one.
public enum DateText {
    /// A date found in a string, with the UTF-8 byte range it covers.
    public struct Match: Sendable, Hashable {
        public var date: PublicationDate
        public var utf8Range: Range<Int>
    }

    /// The first full date in `text`, or nil.
    public static func firstDate(in text: String) -> Match? {
        let bytes = Array(text.utf8)
        var i = 0
        while i < bytes.count {
            // Candidates start at a digit or a letter that begins a word.
            let c = bytes[i]
            let startsWord = i == 0 || !isAlnum(bytes[i - 1])
            if startsWord && (isDigit(c) || isLetter(c)) {
                if let match = parse(bytes, at: i) { return match }
            }
            i += 1
        }
        return nil
    }

    /// Parses a full date starting exactly at byte `start`.
    static func parse(_ b: [UInt8], at start: Int) -> Match? {
        var i = start
        // Optional weekday ("Thursday", "Thu,").
        if isLetter(b[i]), let (word, end) = word(b, i), weekday(word) {
            i = skipSeparators(b, end)
            guard i < b.count else { return nil }
        }
        var year = 0, month = 0, day = 0
        if isDigit(b[i]) {
            let (n1, e1, digits1) = number(b, i)
            if digits1 == 4, e1 < b.count, b[e1] == 0x2D {  // ISO 2025-02-27...
                let (m, e2, d2) = number(b, e1 + 1)
                guard d2 == 2, e2 < b.count, b[e2] == 0x2D else { return nil }
                let (d, e3, d3) = number(b, e2 + 1)
                guard d3 == 2 else { return nil }
                var end = e3
                // ISO time part: hand the whole token to PublicationDate's parser.
                if end < b.count, b[end] == 0x54 || (b[end] == 0x20 && end + 1 < b.count && isDigit(b[end + 1])) {
                    var j = end + 1
                    while j < b.count, isDigit(b[j]) || b[j] == 0x3A || b[j] == 0x2E || b[j] == 0x2B || b[j] == 0x2D || b[j] == 0x5A {
                        j += 1
                    }
                    let token = String(decoding: b[start..<j], as: UTF8.self)
                    if let full = PublicationDate(iso8601: token) {
                        return Match(date: full, utf8Range: start..<j)
                    }
                }
                let date = PublicationDate(year: n1, month: m, day: d)
                guard date.isValid else { return nil }
                end = e3
                return Match(date: date, utf8Range: start..<end)
            }
            // "27 February 2025"
            guard digits1 <= 2 else { return nil }
            day = n1
            var j = e1
            // ordinal suffix "27th"
            if j + 1 < b.count, isLetter(b[j]), isLetter(b[j + 1]), lower(b[j]) == 0x74 || lower(b[j]) == 0x73 || lower(b[j]) == 0x6E || lower(b[j]) == 0x72 {
                if let (w, e) = word(b, j), ["st", "nd", "rd", "th"].contains(w) { j = e }
            }
            j = skipSeparators(b, j)
            guard j < b.count, let (mw, me) = word(b, j), let m = monthNumber(mw) else { return nil }
            month = m
            j = me
            if j < b.count, b[j] == 0x2E { j += 1 }
            j = skipSeparators(b, j)
            let (y, ye, yd) = number(b, j)
            guard yd == 4 else { return nil }
            year = y
            i = ye
        } else {
            // "February 27, 2025"
            guard let (mw, me) = word(b, i), let m = monthNumber(mw) else { return nil }
            month = m
            var j = me
            if j < b.count, b[j] == 0x2E { j += 1 }
            j = skipSeparators(b, j)
            let (d, de, dd) = number(b, j)
            guard dd >= 1, dd <= 2 else { return nil }
            day = d
            j = de
            if let (w, e) = word(b, j), ["st", "nd", "rd", "th"].contains(w) { j = e }
            j = skipSeparators(b, j)
            let (y, ye, yd) = number(b, j)
            guard yd == 4 else { return nil }
            year = y
            i = ye
        }
        var date = PublicationDate(year: year, month: month, day: day)
        guard date.isValid else { return nil }
        var end = i
        // Optional time: "15:21", "15.21", "3:21 PM", "3:21pm", optionally preceded by "at" or "," or "|".
        var j = skipSeparators(b, i, extra: [0x7C, 0x2D, 0x40])
        if let (w, e) = word(b, j), w == "at" { j = skipSeparators(b, e) }
        if j < b.count, isDigit(b[j]) {
            let (h, he, hd) = number(b, j)
            if hd >= 1, hd <= 2, he + 2 < b.count, b[he] == 0x3A || b[he] == 0x2E, isDigit(b[he + 1]) {
                let (mi, mie, mid) = number(b, he + 1)
                if mid == 2, h <= 23, mi <= 59 {
                    var hour = h
                    var k = mie
                    var afterAMPM = k
                    var kk = k
                    if kk < b.count, b[kk] == 0x20 { kk += 1 }
                    if let (w, e) = word(b, kk) {
                        if w == "am" || w == "a.m" { hour = h == 12 ? 0 : h; afterAMPM = e }
                        if w == "pm" || w == "p.m" { hour = h == 12 ? 12 : h + 12; afterAMPM = e }
                        if afterAMPM < b.count, b[afterAMPM] == 0x2E, afterAMPM != e || w.hasSuffix(".m") { afterAMPM += 1 }
                    }
                    k = afterAMPM
                    if hour <= 23 {
                        var offset: Int?
                        var zk = k
                        if zk < b.count, b[zk] == 0x20 { zk += 1 }
                        if let (zone, ze) = upperWord(b, zk), let minutes = zoneOffsets[zone] {
                            offset = minutes
                            k = ze
                        }
                        date = PublicationDate(year: year, month: month, day: day, hour: hour, minute: mi, utcOffsetMinutes: offset)
                        end = k
                    }
                }
            }
        }
        return Match(date: date, utf8Range: start..<end)
    }

    /// UTC offsets of the zone abbreviations news sites print.
    static let zoneOffsets: [String: Int] = [
        "GMT": 0, "UTC": 0, "UT": 0, "Z": 0, "BST": 60, "CET": 60, "CEST": 120, "EET": 120, "EEST": 180,
        "MSK": 180, "EST": -300, "EDT": -240, "CST": -360, "CDT": -300, "MST": -420, "MDT": -360,
        "PST": -480, "PDT": -420, "IST": 330, "JST": 540, "KST": 540, "AEST": 600, "AEDT": 660,
    ]

    static func monthNumber(_ word: String) -> Int? {
        switch word {
        case "january", "jan": return 1
        case "february", "feb": return 2
        case "march", "mar": return 3
        case "april", "apr": return 4
        case "may": return 5
        case "june", "jun": return 6
        case "july", "jul": return 7
        case "august", "aug": return 8
        case "september", "sep", "sept": return 9
        case "october", "oct": return 10
        case "november", "nov": return 11
        case "december", "dec": return 12
        default: return nil
        }
    }

    static func weekday(_ word: String) -> Bool {
        switch word {
        case "monday", "mon", "tuesday", "tue", "tues", "wednesday", "wed", "thursday", "thu", "thur", "thurs",
            "friday", "fri", "saturday", "sat", "sunday", "sun":
            return true
        default: return false
        }
    }

    // MARK: byte helpers

    @inline(__always) static func isDigit(_ c: UInt8) -> Bool { c >= 0x30 && c <= 0x39 }
    @inline(__always) static func isLetter(_ c: UInt8) -> Bool { (c | 0x20) >= 0x61 && (c | 0x20) <= 0x7A }
    @inline(__always) static func isAlnum(_ c: UInt8) -> Bool { isDigit(c) || isLetter(c) }
    @inline(__always) static func lower(_ c: UInt8) -> UInt8 { isLetter(c) ? c | 0x20 : c }

    /// A run of ASCII letters (and an inner "." as in "a.m"), lowercased, and where it ends.
    static func word(_ b: [UInt8], _ start: Int) -> (String, Int)? {
        var j = start
        var out: [UInt8] = []
        while j < b.count, isLetter(b[j]) || (b[j] == 0x2E && j + 1 < b.count && isLetter(b[j + 1]) && out.count == 1) {
            out.append(lower(b[j]))
            j += 1
            if out.count > 12 { return nil }
        }
        guard !out.isEmpty else { return nil }
        return (String(decoding: out, as: UTF8.self), j)
    }

    /// A run of uppercase ASCII letters (a zone abbreviation).
    static func upperWord(_ b: [UInt8], _ start: Int) -> (String, Int)? {
        var j = start
        while j < b.count, b[j] >= 0x41, b[j] <= 0x5A { j += 1 }
        guard j > start, j - start <= 4, j == b.count || !isAlnum(b[j]) else { return nil }
        return (String(decoding: b[start..<j], as: UTF8.self), j)
    }

    static func number(_ b: [UInt8], _ start: Int) -> (value: Int, end: Int, digits: Int) {
        var j = start
        var value = 0
        while j < b.count, isDigit(b[j]), j - start < 5 {
            value = value * 10 + Int(b[j] - 0x30)
            j += 1
        }
        if j < b.count, isDigit(b[j]) { return (0, j, 0) }
        return (value, j, j - start)
    }

    static func skipSeparators(_ b: [UInt8], _ start: Int, extra: [UInt8] = []) -> Int {
        var j = start
        while j < b.count, b[j] == 0x20 || b[j] == 0x2C || b[j] == 0x09 || extra.contains(b[j]) { j += 1 }
        // no-break space (C2 A0)
        if j + 1 < b.count, b[j] == 0xC2, b[j + 1] == 0xA0 { return skipSeparators(b, j + 2, extra: extra) }
        return j
    }
}
