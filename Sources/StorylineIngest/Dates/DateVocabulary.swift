import StorylineText

/// The English words of dates as the ingest date parser looks them up — month and weekday names (from
/// `StorylineText.CalendarWords`, shared with the time tagger), ordinal suffixes, "am"/"pm" — and the range
/// of years a guessed date may have.
///
/// Words are looked up by a ``Key``: the word's ASCII letters folded to lowercase and packed five bits each,
/// so no `String` is built while scanning.
enum DateVocabulary {
    /// A word of up to 12 ASCII letters, case-folded and packed into an integer.
    typealias Key = UInt64

    /// Years a date is accepted in when it is found by guessing — in running text, in a URL path, or written
    /// as eight bare digits (`20250227`) — so that ids, prices and history ("May 8, 1945") are not taken for a
    /// publication date. Machine-written dates (ISO 8601 with separators, RFC 822) accept any valid year.
    static let plausibleYears = 1990...2099

    /// The key of the run of ASCII letters at `start` and where it ends; nil when there is no letter there or
    /// the run is longer than any date word.
    static func word(_ b: [UInt8], _ start: Int) -> (key: Key, end: Int)? {
        var j = start
        var key: Key = 0
        while j < b.count, DateBytes.isLetter(b[j]) {
            guard j - start < 12 else { return nil }
            key = key << 5 | Key((b[j] | 0x20) - 0x60)
            j += 1
        }
        return j > start ? (key, j) : nil
    }

    /// The key of a lowercase ASCII word (for building the tables).
    static func key(_ word: StaticString) -> Key { CalendarWords.key(word) }

    /// The month a name or abbreviation stands for: "february", "feb", "sept" → 2, 2, 9.
    static func month(_ key: Key) -> Int? { months[key] }

    /// Whether the word names a weekday: "thursday", "thu", "thur", "thurs".
    static func isWeekday(_ key: Key) -> Bool { weekdays.contains(key) }

    /// Whether the word is the suffix of an ordinal day: "27th", "1st", "2nd", "3rd".
    static func isOrdinalSuffix(_ key: Key) -> Bool {
        key == st || key == nd || key == rd || key == th
    }

    static let at = key("at")
    static let of = key("of")
    private static let st = key("st"), nd = key("nd"), rd = key("rd"), th = key("th")
    private static let am = key("am"), pm = key("pm")

    /// "am", "pm", "a.m." or "p.m." in any case at `start`, not followed by a letter: `true` for the
    /// afternoon, and where the marker ends (after a closing "." when there is one).
    static func meridiem(_ b: [UInt8], _ start: Int) -> (pm: Bool, end: Int)? {
        if let (w, end) = word(b, start), w == am || w == pm {
            return (w == pm, end)
        }
        // "a.m.", "p.m", "A.M."
        guard start + 2 < b.count, b[start + 1] == 0x2E, DateBytes.lower(b[start + 2]) == 0x6D else { return nil }
        let first = DateBytes.lower(b[start])
        guard first == 0x61 || first == 0x70 else { return nil }
        var end = start + 3
        guard !DateBytes.at(b, end, DateBytes.isLetter) else { return nil }
        if DateBytes.at(b, end, is: 0x2E) { end += 1 }
        return (first == 0x70, end)
    }

    /// Every month name and abbreviation, "sept" included: metadata and datelines are not prose.
    private static let months: [Key: Int] = {
        var table: [Key: Int] = [:]
        for name in CalendarWords.months { table[key(name.spelling)] = name.number }
        return table
    }()

    /// Every weekday name and abbreviation ("Thu, 27 Feb 2025").
    private static let weekdays: Set<Key> = Set(CalendarWords.weekdays.map { key($0.spelling) })
}
