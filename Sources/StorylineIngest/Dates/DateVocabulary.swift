/// The English words of dates — month and weekday names, ordinal suffixes, "am"/"pm" — and the range of
/// years a guessed date may have. The only such tables in the ingest module.
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
    static func key(_ word: StaticString) -> Key {
        word.withUTF8Buffer { $0.reduce(0) { $0 << 5 | Key(($1 | 0x20) - 0x60) } }
    }

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

    private static let months: [Key: Int] = {
        let names: [(StaticString, Int)] = [
            ("january", 1), ("jan", 1), ("february", 2), ("feb", 2), ("march", 3), ("mar", 3), ("april", 4),
            ("apr", 4), ("may", 5), ("june", 6), ("jun", 6), ("july", 7), ("jul", 7), ("august", 8), ("aug", 8),
            ("september", 9), ("sep", 9), ("sept", 9), ("october", 10), ("oct", 10), ("november", 11), ("nov", 11),
            ("december", 12), ("dec", 12),
        ]
        var table: [Key: Int] = [:]
        for (name, month) in names { table[key(name)] = month }
        return table
    }()

    private static let weekdays: Set<Key> = {
        let names: [StaticString] = [
            "monday", "mon", "tuesday", "tue", "tues", "wednesday", "wed", "thursday", "thu", "thur", "thurs",
            "friday", "fri", "saturday", "sat", "sunday", "sun",
        ]
        return Set(names.map { key($0) })
    }()
}
