import StorylineCore

/// Parses the date notations found in news pages into ``PublicationDate``, keeping exactly the
/// precision the page states: ISO 8601 variants (`2025-02-27T15:21:00.000+0100`, `2025-02-27 15:21 UTC`,
/// `2025/02/27`, `20250227`), RFC 822 (`Thu, 27 Feb 2025 15:21:00 GMT`), and English prose dates
/// (`February 27, 2025 3:21 p.m. EST`, `27 Feb 2025 15.21 GMT`). A zone is kept only when stated.
enum HTMLDateParser {
    /// Parses a metadata value (an attribute or JSON-LD string): ISO forms first, then prose.
    static func parse(_ text: String) -> PublicationDate? {
        let bytes = Array(text.utf8)
        if let date = parseNumeric(bytes) { return date }
        return find(inTokens: tokenize(bytes), requireAll: true)
    }

    /// Finds the first prose or numeric date inside running text ("Published February 27, 2025").
    static func find(in text: String) -> PublicationDate? {
        find(inTokens: tokenize(Array(text.utf8)), requireAll: false)
    }

    /// A date stated in a URL path: `/2025/02/27/`, `/2025-02-27/`, `/20250227/` (also at a segment's start,
    /// as in `/20250227-slug`). Years 1990–2099 only, so ids are not mistaken for dates.
    static func fromURL(_ url: String) -> PublicationDate? {
        var b = Array(url.utf8)
        // Ignore the scheme and host.
        if let schemeEnd = indexOf(b, [0x3A, 0x2F, 0x2F]) {
            let rest = b[(schemeEnd + 3)...]
            if let slash = rest.firstIndex(of: 0x2F) { b = Array(b[slash...]) } else { return nil }
        }
        if let q = b.firstIndex(where: { $0 == 0x3F || $0 == 0x23 }) { b = Array(b[..<q]) }
        var i = 0
        func num(_ at: Int, _ width: Int) -> Int? {
            guard at + width <= b.count else { return nil }
            var v = 0
            for k in at..<(at + width) {
                guard HTMLBytes.isDigit(b[k]) else { return nil }
                v = v * 10 + Int(b[k] - 0x30)
            }
            return v
        }
        func validYear(_ y: Int) -> Bool { (1990...2099).contains(y) }
        while i < b.count {
            // Only at the start of a path segment (or after "-"/"_" in a slug), never in the middle of a number.
            let atBoundary = i > 0 && (b[i - 1] == 0x2F || b[i - 1] == 0x2D || b[i - 1] == 0x5F)
            if atBoundary, let y = num(i, 4), validYear(y) {
                let sep = i + 4 < b.count ? b[i + 4] : 0
                if sep == 0x2F || sep == 0x2D || sep == 0x5F, let m = num(i + 5, 2), i + 7 < b.count, b[i + 7] == sep,
                    let d = num(i + 8, 2), i + 10 == b.count || !HTMLBytes.isDigit(b[i + 10])
                {
                    let date = PublicationDate(year: y, month: m, day: d)
                    if date.isValid { return date }
                }
                if let m = num(i + 4, 2), let d = num(i + 6, 2), i + 8 == b.count || !HTMLBytes.isDigit(b[i + 8]) {
                    let date = PublicationDate(year: y, month: m, day: d)
                    if date.isValid { return date }
                }
            }
            i += 1
        }
        return nil
    }

    // MARK: - Numeric (ISO-like) forms

    private static func indexOf(_ b: [UInt8], _ needle: [UInt8]) -> Int? {
        guard b.count >= needle.count else { return nil }
        for i in 0...(b.count - needle.count) where b[i] == needle[0] {
            if Array(b[i..<(i + needle.count)]) == needle { return i }
        }
        return nil
    }

    /// `YYYY-MM-DD`, `YYYY/MM/DD`, `YYYY.MM.DD`, `YYYYMMDD`, optionally followed by a time and a zone.
    static func parseNumeric(_ raw: [UInt8]) -> PublicationDate? {
        var lo = 0
        var hi = raw.count
        while lo < hi, HTMLBytes.isSpace(raw[lo]) { lo += 1 }
        while hi > lo, HTMLBytes.isSpace(raw[hi - 1]) { hi -= 1 }
        let b = Array(raw[lo..<hi])
        var i = 0
        func number(_ width: Int) -> Int? {
            guard i + width <= b.count else { return nil }
            var v = 0
            for k in i..<(i + width) {
                guard HTMLBytes.isDigit(b[k]) else { return nil }
                v = v * 10 + Int(b[k] - 0x30)
            }
            i += width
            return v
        }
        func eat(_ c: UInt8) -> Bool {
            if i < b.count, b[i] == c { i += 1; return true }
            return false
        }
        guard let y = number(4) else { return nil }
        let m: Int
        let d: Int
        if i < b.count, b[i] == 0x2D || b[i] == 0x2F || b[i] == 0x2E {
            let sep = b[i]
            i += 1
            guard let mm = number(2) ?? number(1), eat(sep), let dd = number(2) ?? number(1) else { return nil }
            m = mm
            d = dd
        } else {
            guard let mm = number(2), let dd = number(2) else { return nil }
            m = mm
            d = dd
        }
        guard (1990...2100).contains(y) || (1...9999).contains(y) && b.count > 8 else { return nil }
        let day = PublicationDate(year: y, month: m, day: d)
        guard day.isValid else { return nil }
        if i == b.count { return day }
        guard b[i] == 0x54 || b[i] == 0x74 || b[i] == 0x20 else { return nil }
        i += 1
        while i < b.count, b[i] == 0x20 { i += 1 }
        guard let h = number(2) ?? number(1), eat(0x3A), let mi = number(2) else { return i >= b.count ? day : nil }
        var s: Int?
        if eat(0x3A) {
            guard let sec = number(2) else { return nil }
            s = sec
            if eat(0x2E) || eat(0x2C) {
                while i < b.count, HTMLBytes.isDigit(b[i]) { i += 1 }
            }
        }
        while i < b.count, b[i] == 0x20 { i += 1 }
        var offset: Int?
        if i < b.count {
            if b[i] == 0x5A || b[i] == 0x7A {
                offset = 0
                i += 1
            } else if b[i] == 0x2B || b[i] == 0x2D {
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
            } else {
                let word = String(decoding: b[i...].map(HTMLBytes.lower), as: UTF8.self)
                guard let z = zoneOffsets[word] else { return nil }
                offset = z
                i = b.count
            }
        }
        guard i == b.count else { return nil }
        let date = PublicationDate(year: y, month: m, day: d, hour: h, minute: mi, second: s, utcOffsetMinutes: offset)
        return date.isValid ? date : nil
    }

    // MARK: - Prose forms

    /// A token of running text: a run of digits, a run of letters (lowercased), or one punctuation byte.
    struct Token {
        enum Kind { case number, word, punct }
        var kind: Kind
        var text: String
        var value: Int
        var width: Int
    }

    static func tokenize(_ b: [UInt8]) -> [Token] {
        var tokens: [Token] = []
        var i = 0
        while i < b.count {
            let c = b[i]
            if HTMLBytes.isDigit(c) {
                let start = i
                var v = 0
                while i < b.count, HTMLBytes.isDigit(b[i]) {
                    v = v &* 10 &+ Int(b[i] - 0x30)
                    i += 1
                }
                tokens.append(Token(kind: .number, text: "", value: v, width: i - start))
            } else if HTMLBytes.isAlpha(c) {
                let start = i
                while i < b.count, HTMLBytes.isAlpha(b[i]) { i += 1 }
                let word = String(decoding: b[start..<i].map(HTMLBytes.lower), as: UTF8.self)
                tokens.append(Token(kind: .word, text: word, value: 0, width: i - start))
            } else if HTMLBytes.isSpace(c) || c >= 0x80 {
                i += 1
            } else {
                tokens.append(Token(kind: .punct, text: String(UnicodeScalar(c)), value: Int(c), width: 1))
                i += 1
            }
        }
        return tokens
    }

    static let months: [String: Int] = [
        "january": 1, "jan": 1, "february": 2, "feb": 2, "march": 3, "mar": 3, "april": 4, "apr": 4, "may": 5,
        "june": 6, "jun": 6, "july": 7, "jul": 7, "august": 8, "aug": 8, "september": 9, "sep": 9, "sept": 9,
        "october": 10, "oct": 10, "november": 11, "nov": 11, "december": 12, "dec": 12,
    ]

    /// Zone abbreviations with a fixed offset. Ambiguous ones ("ET", "PT", "IST") are left out: no zone is
    /// better than a wrong one.
    static let zoneOffsets: [String: Int] = [
        "z": 0, "utc": 0, "gmt": 0, "bst": 60, "cet": 60, "cest": 120, "eet": 120, "eest": 180,
        "est": -300, "edt": -240, "cst": -360, "cdt": -300, "mst": -420, "mdt": -360, "pst": -480, "pdt": -420,
        "jst": 540, "kst": 540, "aest": 600, "aedt": 660, "msk": 180,
    ]

    /// Scans tokens for `[weekday,] D Month YYYY [time]`, `Month D[st], YYYY [time]` or a numeric date.
    /// With `requireAll`, the date must start at the first token (after a weekday) — for metadata values.
    static func find(inTokens t: [Token], requireAll: Bool) -> PublicationDate? {
        var start = 0
        while start < t.count {
            if let (date, _) = match(t, at: start) { return date }
            if requireAll {
                // Allow only a leading weekday and punctuation before the date.
                guard t[start].kind == .punct || (t[start].kind == .word && weekdays.contains(t[start].text)) else {
                    return nil
                }
            }
            start += 1
        }
        return nil
    }

    static let weekdays: Set<String> = [
        "monday", "mon", "tuesday", "tue", "tues", "wednesday", "wed", "thursday", "thu", "thurs", "friday", "fri",
        "saturday", "sat", "sunday", "sun",
    ]

    private static func match(_ t: [Token], at start: Int) -> (PublicationDate, Int)? {
        var i = start
        func word(_ k: Int) -> String? { k < t.count && t[k].kind == .word ? t[k].text : nil }
        func number(_ k: Int) -> Int? { k < t.count && t[k].kind == .number ? t[k].value : nil }
        func punct(_ k: Int, _ c: String) -> Bool { k < t.count && t[k].kind == .punct && t[k].text == c }
        func skipOrdinal(_ k: inout Int) {
            if let w = word(k), w == "st" || w == "nd" || w == "rd" || w == "th" { k += 1 }
        }
        func monthYear(after first: Int) -> (Int, Int, Int)? {
            var k = first
            skipOrdinal(&k)
            if punct(k, ".") { k += 1 }
            if word(k) == "of" { k += 1 }
            guard let mw = word(k), let month = months[mw] else { return nil }
            k += 1
            if punct(k, ".") { k += 1 }
            if punct(k, ",") { k += 1 }
            guard let year = number(k), t[k].width == 4 else { return nil }
            return (month, year, k + 1)
        }
        var y = 0
        var m = 0
        var d = 0
        if let day = number(i), t[i].width <= 2, let (month, year, next) = monthYear(after: i + 1) {
            // D Month YYYY / D. Month YYYY / 27th of February 2025
            (y, m, d) = (year, month, day)
            i = next
        } else if let mw = word(i), let month = months[mw] {
            var k = i + 1
            if punct(k, ".") { k += 1 }
            guard let day = number(k), t[k].width <= 2 else { return nil }
            k += 1
            skipOrdinal(&k)
            if punct(k, ",") { k += 1 }
            guard let year = number(k), t[k].width == 4 else { return nil }
            (y, m, d) = (year, month, day)
            i = k + 1
        } else if let year = number(i), t[i].width == 4, punct(i + 1, "-") || punct(i + 1, "/"),
            let month = number(i + 2), i + 3 < t.count, t[i + 3].text == t[i + 1].text, let day = number(i + 4)
        {
            (y, m, d) = (year, month, day)
            i += 5
        } else {
            return nil
        }
        guard (1990...2100).contains(y) else { return nil }
        var date = PublicationDate(year: y, month: m, day: d)
        guard date.isValid else { return nil }
        // Optional time: [at|,|-|T] h:mm[:ss] [am|pm|a.m.|p.m.] [zone]
        var k = i
        while k < t.count, (word(k) == "at" || punct(k, ",") || punct(k, "-") || punct(k, "|") || word(k) == "t") { k += 1 }
        if let h = number(k), t[k].width <= 2, punct(k + 1, ":") || punct(k + 1, "."), let mi = number(k + 2), t[k + 2].width == 2 {
            var hour = h
            var second: Int?
            k += 3
            if punct(k, ":"), let s = number(k + 1), t[k + 1].width == 2 {
                second = s
                k += 2
                if punct(k, "."), number(k + 1) != nil { k += 2 }
            }
            if let w = word(k) {
                var meridiem: String?
                if w == "am" || w == "pm" {
                    meridiem = w
                    k += 1
                } else if (w == "a" || w == "p"), punct(k + 1, "."), word(k + 2) == "m" {
                    meridiem = w + "m"
                    k += 3
                    if punct(k, ".") { k += 1 }
                }
                if let meridiem {
                    guard hour >= 1, hour <= 12 else { return nil }
                    if meridiem == "pm", hour != 12 { hour += 12 }
                    if meridiem == "am", hour == 12 { hour = 0 }
                }
            }
            var offset: Int?
            if let w = word(k), let z = zoneOffsets[w] {
                offset = z
                k += 1
                if (w == "gmt" || w == "utc"), punct(k, "+") || punct(k, "-"), let n = number(k + 1) {
                    let sign = punct(k, "-") ? -1 : 1
                    offset = sign * (t[k + 1].width <= 2 ? n * 60 : (n / 100) * 60 + n % 100)
                    k += 2
                }
            } else if punct(k, "+") || punct(k, "-"), let n = number(k + 1), t[k + 1].width == 4 {
                offset = (punct(k, "-") ? -1 : 1) * ((n / 100) * 60 + n % 100)
                k += 2
            }
            let withTime = PublicationDate(year: y, month: m, day: d, hour: hour, minute: mi, second: second, utcOffsetMinutes: offset)
            if withTime.isValid {
                date = withTime
                i = k
            }
        }
        return (date, i)
    }

    /// Parses a clock time as written in a live-blog stamp ("15:21", "3.21pm", "3:21 p.m. GMT") into
    /// hour, minute and an optional zone offset.
    static func clockTime(_ text: String) -> (hour: Int, minute: Int, offset: Int?)? {
        let t = tokenize(Array(text.utf8))
        var k = 0
        while k < t.count {
            if t[k].kind == .number, t[k].width <= 2, k + 2 < t.count, t[k + 1].kind == .punct,
                t[k + 1].text == ":" || t[k + 1].text == ".", t[k + 2].kind == .number, t[k + 2].width == 2
            {
                var hour = t[k].value
                let minute = t[k + 2].value
                var j = k + 3
                if j < t.count, t[j].kind == .word {
                    var meridiem: String?
                    if t[j].text == "am" || t[j].text == "pm" {
                        meridiem = t[j].text
                        j += 1
                    } else if t[j].text == "a" || t[j].text == "p", j + 2 < t.count, t[j + 2].text == "m" {
                        meridiem = t[j].text + "m"
                        j += 3
                        if j < t.count, t[j].text == "." { j += 1 }
                    }
                    if meridiem == "pm", hour < 12 { hour += 12 }
                    if meridiem == "am", hour == 12 { hour = 0 }
                }
                var offset: Int?
                if j < t.count, t[j].kind == .word { offset = zoneOffsets[t[j].text] }
                guard hour < 24, minute < 60 else { return nil }
                return (hour, minute, offset)
            }
            k += 1
        }
        return nil
    }
}
