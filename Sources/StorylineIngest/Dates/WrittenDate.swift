import StorylineCore

/// English dates written with a month name: "27 February 2025", "27th of Feb. 2025", "27. February 2025",
/// "February 27, 2025", "Feb 27th 2025", each optionally after a weekday ("Thu, 27 Feb 2025", "Thursday
/// February 27, 2025"). Only full dates count: a day, a month and a year.
enum WrittenDate {
    /// The day, month and year at `start` and where the year ends. Years have four digits, or two when
    /// `twoDigitYears` (RFC 822: `25` → 2025, `98` → 1998). A leading word that is neither a weekday nor a
    /// month makes it nil.
    static func day(_ b: [UInt8], at start: Int, twoDigitYears: Bool = false) -> (date: PublicationDate, end: Int)? {
        var i = start
        guard i < b.count else { return nil }
        if DateBytes.isLetter(b[i]), let (w, end) = DateVocabulary.word(b, i), DateVocabulary.isWeekday(w) {
            i = DateBytes.skipSpaces(b, end, also: ",\n\r.")  // "Thu, 27", "Thu. 27"
            guard i < b.count else { return nil }
        }
        let day: Int
        let month: Int
        if DateBytes.isDigit(b[i]) {
            // 27 February / 27th of February / 27. February
            let (d, dayEnd, digits) = DateBytes.number(b, i)
            guard (1...2).contains(digits) else { return nil }
            var j = skipOrdinal(b, dayEnd)
            if DateBytes.at(b, j, is: 0x2E) { j += 1 }
            j = DateBytes.skipSeparators(b, j)
            if let (w, end) = DateVocabulary.word(b, j), w == DateVocabulary.of { j = DateBytes.skipSeparators(b, end) }
            guard let (w, end) = DateVocabulary.word(b, j), let m = DateVocabulary.month(w) else { return nil }
            (day, month) = (d, m)
            i = end
            if DateBytes.at(b, i, is: 0x2E) { i += 1 }
        } else {
            // February 27 / Feb. 27th
            guard let (w, end) = DateVocabulary.word(b, i), let m = DateVocabulary.month(w) else { return nil }
            var j = end
            if DateBytes.at(b, j, is: 0x2E) { j += 1 }
            j = DateBytes.skipSeparators(b, j)
            let (d, dayEnd, digits) = DateBytes.number(b, j)
            guard (1...2).contains(digits) else { return nil }
            (day, month) = (d, m)
            i = skipOrdinal(b, dayEnd)
        }
        i = DateBytes.skipSeparators(b, i)
        let (y, yearEnd, digits) = DateBytes.number(b, i)
        let year: Int
        switch digits {
        case 4: year = y
        case 2 where twoDigitYears: year = y + (y < 50 ? 2000 : 1900)
        default: return nil
        }
        let date = PublicationDate(year: year, month: month, day: day)
        return date.isValid ? (date, yearEnd) : nil
    }

    private static func skipOrdinal(_ b: [UInt8], _ start: Int) -> Int {
        if let (w, end) = DateVocabulary.word(b, start), DateVocabulary.isOrdinalSuffix(w) { return end }
        return start
    }
}
