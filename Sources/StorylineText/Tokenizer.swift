import StorylineCore

/// Splits English news text into ``Token``s by scanning its UTF-8 bytes.
///
/// Offsets are UTF-8 byte offsets into the text given (see `TextRange`). The tokenizer works on the
/// original text — curly quotes, dashes and non-breaking spaces included — so its ranges point at the
/// characters a reader sees; ``TextNormalizer`` offers a folded view for matching.
///
/// Decisions worth knowing:
/// - Abbreviations keep their full stop (`Feb.`, `U.S.`, `e.g.`); titles and months are also recognised
///   without it (`Mr Starmer`, `Feb 27`). Capital initials keep theirs (`J.`, `J.D.`).
/// - Numbers stay whole: `1,000`, `3.5`, `1/2`, `27th`, `1990s`, `'90s`; a currency sign and a magnitude
///   make one ``Token/Kind/money`` token (`£1.6bn`, `$2bn`); `3.5%` is one ``Token/Kind/percent``;
///   `15:21`, `11:30am`, `3.21pm` are ``Token/Kind/time``.
/// - Hyphenated compounds are one token (`Russia-Ukraine`, `full-scale`, `1/2-year-old`), flagged
///   ``Token/Flags/hyphenated``; dashes (`–`, `—`) are punctuation.
/// - Possessives split off: `Kyiv's` → `Kyiv` `'s`; `allies' support` → `allies` `'`.
/// - Contractions follow the Penn Treebank: `can't` → `ca` `n't`, `won't` → `wo` `n't`, `don't` → `do` `n't`,
///   `we've` → `we` `'ve`, `it's` → `it` `'s` (a ``Token/Kind/contraction`` after a pronoun, a
///   ``Token/Kind/possessive`` otherwise). This keeps the negation a token of its own.
/// - URLs, e-mail addresses, `@handles` and `#hashtags` are one token each.
public struct Tokenizer: Sendable {
    /// Creates a tokenizer.
    public init() {}

    /// The tokens of a text.
    public func tokenize(_ text: String) -> [Token] {
        if let tokens = text.utf8.withContiguousStorageIfAvailable({ tokenize(utf8: $0) }) {
            return tokens
        }
        return Array(text.utf8).withUnsafeBufferPointer { tokenize(utf8: $0) }
    }

    /// The tokens of UTF-8 bytes.
    public func tokenize(utf8 bytes: [UInt8]) -> [Token] {
        bytes.withUnsafeBufferPointer { tokenize(utf8: $0) }
    }

    /// The tokens of UTF-8 bytes; ranges are offsets into `bytes`.
    public func tokenize(utf8 bytes: UnsafeBufferPointer<UInt8>) -> [Token] {
        var scanner = Scanner(bytes: bytes)
        scanner.run()
        return scanner.tokens
    }
}
