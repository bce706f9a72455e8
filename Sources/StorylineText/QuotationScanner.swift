import StorylineCore

/// Finds quotation spans in news text: straight, curly and single marks, guillemets and low-9
/// marks, quotes nested in quotes, apostrophes that are not marks, and unbalanced marks.
///
/// The scanner works on UTF-8 bytes, one paragraph (line) at a time, in time linear in the length
/// of the text. It never fails: an unclosed quote is recovered at the end of its paragraph (or at the
/// closing mark of the quote it is nested in) with ``QuotationSpan/isClosed`` `false`, and a stray
/// closing mark is ignored.
///
/// How a mark is read:
/// - A `'` or `’` with a letter or digit on both sides is an apostrophe (`Kyiv's`, `won’t`,
///   `o'clock`), and so is one that starts an elision (`'90s`, `'em`, `'tis`, rock `'n'` roll, a
///   detached `'s`). Otherwise an opening mark must follow a space, the start, an opening bracket, a
///   dash or another mark and precede a non-space; a closing mark must follow a non-space and precede
///   a space, the end, punctuation, a dash or another mark.
/// - A closing `'` after an `s` and before a word (`the allies' plans`) inside a single-quoted quote
///   closes it only if no later mark in the paragraph could.
/// - The ambiguous straight `"` alternates: it closes an open straight double quote, else opens one.
///   Pairing resets at every paragraph end.
/// - A paragraph that opens with a mark while the previous non-blank paragraph ended inside an
///   unclosed quote starts a continuation (``QuotationSpan/continues``), the journalistic convention
///   for multi-paragraph quotes.
/// - Quotes nest up to ``maximumDepth`` levels; deeper opening marks are ignored.
///
/// Whether a span is someone's words or a scare quote is not decided here.
public enum QuotationScanner {
    /// The deepest nesting the scanner tracks; opening marks beyond it are ignored.
    public static let maximumDepth = 16

    /// The quotation spans of `text`, ordered by start, with UTF-8 byte ranges into `text`.
    public static func scan(_ text: String) -> [QuotationSpan] {
        var text = text
        return text.withUTF8 { scan(utf8: $0) }
    }

    /// The quotation spans of UTF-8 `bytes`, ordered by start, with byte ranges into `bytes`.
    public static func scan(utf8 bytes: UnsafeBufferPointer<UInt8>) -> [QuotationSpan] {
        var pairer = Pairer(bytes: bytes)
        var marks: [Mark] = []
        var start = 0
        while start < bytes.count {
            let paragraph = collectParagraph(bytes, from: start, into: &marks)
            pairer.process(paragraph, marks)
            start = paragraph.next
        }
        var spans = pairer.spans
        spans.sort { $0.outer.start < $1.outer.start }
        return spans
    }
}
