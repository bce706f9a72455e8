/// The English names of months and weekdays, and the packed word keys both date readers look them up by:
/// the one such table in Storyline, shared by the ingest date parser (publication dates in metadata and
/// datelines) and the time tagger (dates in running text).
///
/// A key packs a word's ASCII letters, folded to lower case, five bits each (up to 12 letters), so that a
/// lookup builds no `String`.
public enum CalendarWords {
    /// The key of a lower- or mixed-case ASCII word of up to 12 letters.
    public static func key(_ word: StaticString) -> UInt64 {
        word.withUTF8Buffer { buffer in
            var key: UInt64 = 0
            for b in buffer { key = key << 5 | UInt64((b | 0x20) - 0x60) }
            return key
        }
    }

    /// One name of a month or weekday.
    public struct Name: Sendable {
        /// The name in lower case: "february", "feb", "thurs".
        public var spelling: StaticString
        /// 1 = January … 12 = December, or the ISO weekday 1 = Monday … 7 = Sunday.
        public var number: Int
        /// A short form ("feb", "sept", "thu").
        public var isAbbreviation: Bool
        /// A short form that is also a common English word ("mar", "sun", "sat", "wed"): safe in a dateline
        /// or a metadata field, not in running text.
        public var isCommonWord: Bool
        /// The spelling as a `String`.
        public var text: String { "\(spelling)" }
    }

    /// Month names and abbreviations ("may" has no separate abbreviation).
    public static let months: [Name] = [
        Name(spelling: "january", number: 1, isAbbreviation: false, isCommonWord: false),
        Name(spelling: "jan", number: 1, isAbbreviation: true, isCommonWord: false),
        Name(spelling: "february", number: 2, isAbbreviation: false, isCommonWord: false),
        Name(spelling: "feb", number: 2, isAbbreviation: true, isCommonWord: false),
        Name(spelling: "march", number: 3, isAbbreviation: false, isCommonWord: false),
        Name(spelling: "mar", number: 3, isAbbreviation: true, isCommonWord: true),
        Name(spelling: "april", number: 4, isAbbreviation: false, isCommonWord: false),
        Name(spelling: "apr", number: 4, isAbbreviation: true, isCommonWord: false),
        Name(spelling: "may", number: 5, isAbbreviation: false, isCommonWord: false),
        Name(spelling: "june", number: 6, isAbbreviation: false, isCommonWord: false),
        Name(spelling: "jun", number: 6, isAbbreviation: true, isCommonWord: false),
        Name(spelling: "july", number: 7, isAbbreviation: false, isCommonWord: false),
        Name(spelling: "jul", number: 7, isAbbreviation: true, isCommonWord: false),
        Name(spelling: "august", number: 8, isAbbreviation: false, isCommonWord: false),
        Name(spelling: "aug", number: 8, isAbbreviation: true, isCommonWord: false),
        Name(spelling: "september", number: 9, isAbbreviation: false, isCommonWord: false),
        Name(spelling: "sep", number: 9, isAbbreviation: true, isCommonWord: false),
        Name(spelling: "sept", number: 9, isAbbreviation: true, isCommonWord: false),
        Name(spelling: "october", number: 10, isAbbreviation: false, isCommonWord: false),
        Name(spelling: "oct", number: 10, isAbbreviation: true, isCommonWord: false),
        Name(spelling: "november", number: 11, isAbbreviation: false, isCommonWord: false),
        Name(spelling: "nov", number: 11, isAbbreviation: true, isCommonWord: false),
        Name(spelling: "december", number: 12, isAbbreviation: false, isCommonWord: false),
        Name(spelling: "dec", number: 12, isAbbreviation: true, isCommonWord: false),
    ]

    /// Weekday names and abbreviations.
    public static let weekdays: [Name] = [
        Name(spelling: "monday", number: 1, isAbbreviation: false, isCommonWord: false),
        Name(spelling: "mon", number: 1, isAbbreviation: true, isCommonWord: true),
        Name(spelling: "tuesday", number: 2, isAbbreviation: false, isCommonWord: false),
        Name(spelling: "tue", number: 2, isAbbreviation: true, isCommonWord: true),
        Name(spelling: "tues", number: 2, isAbbreviation: true, isCommonWord: false),
        Name(spelling: "wednesday", number: 3, isAbbreviation: false, isCommonWord: false),
        Name(spelling: "wed", number: 3, isAbbreviation: true, isCommonWord: true),
        Name(spelling: "thursday", number: 4, isAbbreviation: false, isCommonWord: false),
        Name(spelling: "thu", number: 4, isAbbreviation: true, isCommonWord: true),
        Name(spelling: "thur", number: 4, isAbbreviation: true, isCommonWord: true),
        Name(spelling: "thurs", number: 4, isAbbreviation: true, isCommonWord: false),
        Name(spelling: "friday", number: 5, isAbbreviation: false, isCommonWord: false),
        Name(spelling: "fri", number: 5, isAbbreviation: true, isCommonWord: true),
        Name(spelling: "saturday", number: 6, isAbbreviation: false, isCommonWord: false),
        Name(spelling: "sat", number: 6, isAbbreviation: true, isCommonWord: true),
        Name(spelling: "sunday", number: 7, isAbbreviation: false, isCommonWord: false),
        Name(spelling: "sun", number: 7, isAbbreviation: true, isCommonWord: true),
    ]
}
