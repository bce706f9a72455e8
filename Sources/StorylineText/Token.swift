import StorylineCore

/// One token of a text: a range of UTF-8 byte offsets into the original text plus its kind and a few
/// orthographic flags.
///
/// A token never owns its characters — ``text(in:)`` materialises them on demand — so tokenizing an
/// article allocates one array and no strings.
public struct Token: Sendable, Hashable {
    /// What a token is.
    public enum Kind: UInt8, Sendable, Hashable, CaseIterable {
        /// A run of letters (and digits, marks, internal apostrophes and hyphens):
        /// `Kyiv`, `full-scale`, `O'Brien`, `G7`.
        case word
        /// A known abbreviation, with its final full stop when it has one: `Feb.`, `Mr`, `U.S.`, `e.g.`, `a.m.`.
        case abbreviation
        /// A capital initial, or a run of them: `J.` in `J. D. Vance`, `J.D.`.
        case initial
        /// A number: `27`, `1,000`, `3.5`, `1/2`, `27th`, `1990s`, `'90s`, `2025-02-27`, `5bn`.
        case number
        /// An amount of money with its currency sign and magnitude: `£1.6bn`, `$2bn`, `€500`.
        case money
        /// A percentage with its sign: `3.5%`.
        case percent
        /// A clock time: `15:21`, `11:30am`, `3.21pm`, `9am`.
        case time
        /// A possessive clitic split from its word: `'s` in `Kyiv's`, `'` in `allies'`.
        case possessive
        /// A contraction clitic split from its word: `n't` in `ca|n't`, `'ve`, `'re`, `'ll`, `'d`, `'m`,
        /// and `'s` after a pronoun (`it's`).
        case contraction
        /// Punctuation: `.` `,` `;` `:` `!` `?` `...` `…` quotation marks, brackets, dashes.
        case punctuation
        /// Any other symbol: `&`, `+`, `/`, a lone currency sign, emoji.
        case symbol
        /// A URL: `https://example.com/a?b=c`, `www.dw.com`.
        case url
        /// An e-mail address.
        case email
        /// A social-media handle: `@ZelenskyyUa`.
        case handle
        /// A hashtag: `#StandWithUkraine`.
        case hashtag
    }

    /// Orthographic properties of a token.
    public struct Flags: OptionSet, Sendable, Hashable {
        public let rawValue: UInt8
        public init(rawValue: UInt8) { self.rawValue = rawValue }

        /// The first character is an upper-case letter (`Kyiv`, `US`, `Feb.`).
        public static let capitalized = Flags(rawValue: 1 << 0)
        /// The token has a cased letter and no lower-case letter (`US`, `NATO`, `I`).
        public static let allCaps = Flags(rawValue: 1 << 1)
        /// The token contains an ASCII digit (`G7`, `3-year-old`, `15:21`).
        public static let hasDigit = Flags(rawValue: 1 << 2)
        /// The token joins parts with a hyphen (`Russia-Ukraine`, `one-on-one`).
        public static let hyphenated = Flags(rawValue: 1 << 3)
        /// The token ends with a full stop that belongs to it (`Feb.`, `U.S.`, `J.`).
        public static let endsWithPeriod = Flags(rawValue: 1 << 4)
    }

    /// The token's UTF-8 byte range in the text it was computed on.
    public var range: TextRange
    /// What the token is.
    public var kind: Kind
    /// Its orthographic flags.
    public var flags: Flags

    /// Creates a token.
    public init(range: TextRange, kind: Kind, flags: Flags = []) {
        self.range = range
        self.kind = kind
        self.flags = flags
    }

    /// The token's characters, materialised from the text it was computed on.
    public func text(in text: String) -> String {
        let utf8 = text.utf8
        let from = utf8.index(utf8.startIndex, offsetBy: range.start)
        let to = utf8.index(from, offsetBy: range.count)
        return String(text[from..<to])
    }

    /// The token's bytes, from the UTF-8 bytes it was computed on.
    public func bytes(in utf8: [UInt8]) -> ArraySlice<UInt8> { utf8[range.start..<range.end] }

    /// Whether the token is a word-like token (word, abbreviation or initial).
    public var isWordLike: Bool { kind == .word || kind == .abbreviation || kind == .initial }

    /// Whether the token is a dash — "-", "–" (U+2013) or "—" (U+2014) — in the text whose UTF-8 bytes are
    /// `utf8`.
    public func isDash(in utf8: [UInt8]) -> Bool {
        guard kind == .punctuation else { return false }
        let r = range
        if r.count == 1 { return utf8[r.start] == UInt8(ascii: "-") }
        return r.count == 3 && utf8[r.start] == 0xE2 && utf8[r.start + 1] == 0x80
            && (utf8[r.start + 2] == 0x93 || utf8[r.start + 2] == 0x94)
    }
}
