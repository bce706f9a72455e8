import StorylineCore

/// One run of text between a pair of quotation marks, as found by ``QuotationScanner``.
///
/// Ranges are **UTF-8 byte offsets** into the scanned text (the unit of `TextRange` inside the
/// pipeline); convert them with ``ScalarOffsets`` at the edge.
///
/// A span is only a *candidate*: scare quotes and quoted names ("dictator", 'coalition of the
/// willing') are spans too. Deciding whether a span is someone's words is a later stage, helped by
/// the cheap features ``wordCount``, ``endsWithSentencePunctuation`` and ``endsWithComma``.
///
/// A quote that runs over several paragraphs in the journalistic convention (every paragraph opens
/// with a mark, only the last one closes) gives one span per paragraph: the earlier ones have
/// ``isClosed`` `false`, each later one has ``continues`` `true`.
public struct QuotationSpan: Sendable, Hashable, Codable {
    /// The kind of mark that opened the span.
    public enum Style: String, Sendable, Hashable, Codable, CaseIterable {
        /// `"…"` (U+0022), paired by alternation within a paragraph.
        case straightDouble
        /// `“…”` (U+201C, U+201D).
        case curlyDouble
        /// `'…'` (U+0027).
        case straightSingle
        /// `‘…’` (U+2018, U+2019), or `’…’` where a site uses the right mark for both.
        case curlySingle
        /// `«…»` (U+00AB, U+00BB), in either direction (French `« … »`, German `»…«`).
        case guillemets
        /// `‹…›` (U+2039, U+203A), in either direction.
        case singleGuillemets
        /// `„…“` or `„…”` (U+201E), German and Central European style.
        case lowNineDouble
        /// `‚…‘` or `‚…’` (U+201A).
        case lowNineSingle

        /// Whether the style is a double mark (straight, curly or low-9).
        public var isDouble: Bool {
            switch self {
            case .straightDouble, .curlyDouble, .lowNineDouble: true
            default: false
            }
        }

        /// Whether the style is a single mark (straight, curly or low-9).
        public var isSingle: Bool {
            switch self {
            case .straightSingle, .curlySingle, .lowNineSingle: true
            default: false
            }
        }
    }

    /// The span including its marks (for a span recovered at a paragraph end, up to the last
    /// non-space character of the paragraph).
    public var outer: TextRange
    /// The words between the marks, trimmed of surrounding white space: the quote text of the
    /// evaluation format (a trailing comma or full stop inside the marks is included).
    public var inner: TextRange
    /// The kind of opening mark.
    public var style: Style
    /// Nesting level: 0 at top level, 1 for a quote inside a quote, and so on.
    public var depth: Int
    /// `false` when no closing mark was found and the span was recovered at the end of its
    /// paragraph, or at the closing mark of the quote it is nested in.
    public var isClosed: Bool
    /// `true` for a paragraph that opens with a mark while the previous non-blank paragraph ended
    /// inside an unclosed top-level quote: the continuation of a multi-paragraph quote.
    public var continues: Bool
    /// The number of words of the inner text (white-space separated runs holding a letter or digit).
    public var wordCount: Int
    /// Whether the inner text ends with `.`, `!`, `?` or `…` (ignoring closing marks and brackets
    /// after it): a hint that the span is a full sentence rather than a term.
    public var endsWithSentencePunctuation: Bool
    /// Whether the inner text ends with a comma, as in `"We have to get it right," he said`.
    public var endsWithComma: Bool

    public init(
        outer: TextRange,
        inner: TextRange,
        style: Style,
        depth: Int,
        isClosed: Bool,
        continues: Bool,
        wordCount: Int,
        endsWithSentencePunctuation: Bool,
        endsWithComma: Bool
    ) {
        self.outer = outer
        self.inner = inner
        self.style = style
        self.depth = depth
        self.isClosed = isClosed
        self.continues = continues
        self.wordCount = wordCount
        self.endsWithSentencePunctuation = endsWithSentencePunctuation
        self.endsWithComma = endsWithComma
    }

    /// The inner text, sliced from `text`, which must be the text the span was scanned from.
    public func innerText(in text: String) -> Substring { Self.slice(text, inner) }

    /// The outer text (marks included), sliced from `text`, which must be the scanned text.
    public func outerText(in text: String) -> Substring { Self.slice(text, outer) }

    private static func slice(_ text: String, _ range: TextRange) -> Substring {
        let utf8 = text.utf8
        let start = utf8.index(utf8.startIndex, offsetBy: range.start)
        let end = utf8.index(start, offsetBy: range.count)
        return text[start..<end]
    }
}
