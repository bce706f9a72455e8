import StorylineCore
import StorylineText

/// A text prepared for quote extraction: its tokens with their ``QuoteLexicon`` classes, sentences and
/// paragraphs as token ranges, and its top-level quotation spans (a multi-paragraph quote merged into
/// one), each token knowing the quotation it lies in.
///
/// Built in one pass over the UTF-8 bytes; every range is a UTF-8 byte range into the text.
struct QuoteDocument {
    /// One top-level quotation: a ``QuotationSpan``, or several merged when a quote runs over paragraphs.
    struct Quotation {
        /// Marks included.
        var outer: TextRange
        /// The words inside the marks (for a merged quote, from the first paragraph's to the last one's).
        var inner: TextRange
        /// Words inside the marks.
        var wordCount: Int
        /// The first and last token inside `outer` (marks included).
        var tokens: ClosedRange<Int>
        /// Whether the quoted words end with `.`, `!`, `?` or `…`.
        var endsWithSentencePunctuation: Bool
        /// Whether the quoted words end with a comma.
        var endsWithComma: Bool
        /// Whether the quote spans more than one paragraph.
        var isMultiParagraph: Bool
    }

    let bytes: [UInt8]
    let tokens: [Token]
    let classes: [QuoteLexicon.Classes]
    /// Sentences as token ranges.
    let sentences: [Range<Int>]
    /// Sentence index of every token.
    let sentenceOf: [Int32]
    /// Paragraph index of every token (paragraphs are separated by a blank line).
    let paragraphOf: [Int32]
    /// Top-level quotations, by start.
    let quotations: [Quotation]
    /// Index into ``quotations`` of the quotation each token lies in (marks included), or -1.
    let quotationOf: [Int32]

    init(text: String) {
        let bytes = Array(text.utf8)
        self.bytes = bytes
        let lexicon = QuoteLexicon.shared
        var tokens: [Token] = []
        var classes: [QuoteLexicon.Classes] = []
        var sentences: [Range<Int>] = []
        var spans: [QuotationSpan] = []
        bytes.withUnsafeBufferPointer { buffer in
            tokens = Tokenizer().tokenize(utf8: buffer)
            sentences = SentenceSplitter().sentenceTokenRanges(utf8: buffer, tokens: tokens)
            spans = QuotationScanner.scan(utf8: buffer)
            classes.reserveCapacity(tokens.count)
            for token in tokens {
                classes.append(token.isWordLike ? lexicon.classes(buffer, token.range.range) : [])
            }
        }
        // A capitalized cue word inside a sentence is part of a name or title ("United States",
        // "Responds To"), not a cue.
        var sentenceStart = Set(sentences.map(\.lowerBound))
        sentenceStart.insert(0)
        let cueClasses: QuoteLexicon.Classes = [.speechCue, .tellCue, .weakCue, .participle, .according, .namingCue]
        for i in tokens.indices where !sentenceStart.contains(i) && tokens[i].flags.contains(.capitalized) {
            classes[i].subtract(cueClasses)
        }
        // A lower-case "-ly" word is an adverb, which may stand between a source and its cue like an
        // auxiliary ("Moscow strongly denied", "the agency simply said").
        // At a sentence start, a capitalized one before a comma or a preposition is one too ("Shortly
        // after …, Rubio's campaign sent out …"); other capitalized "-ly" words may be names (Kelly).
        for i in tokens.indices where tokens[i].kind == .word {
            let r = tokens[i].range
            guard r.count >= 5, bytes[r.end - 2] == UInt8(ascii: "l"), bytes[r.end - 1] == UInt8(ascii: "y"),
                classes[i].isDisjoint(with: [.notAdverb, .speechCue, .tellCue, .weakCue, .timeWord, .preposition])
            else { continue }
            if tokens[i].flags.contains(.capitalized) {
                guard r.count >= 7, sentenceStart.contains(i), i + 1 < tokens.count,
                    (tokens[i + 1].range.count == 1 && bytes[tokens[i + 1].range.start] == UInt8(ascii: ","))
                        || classes[i + 1].contains(.preposition)
                else { continue }
            }
            classes[i].insert(.auxiliary)
        }
        self.tokens = tokens
        self.classes = classes
        self.sentences = sentences

        var sentenceOf = [Int32](repeating: 0, count: tokens.count)
        for (n, sentence) in sentences.enumerated() {
            for i in sentence { sentenceOf[i] = Int32(n) }
        }
        self.sentenceOf = sentenceOf

        var paragraphOf = [Int32](repeating: 0, count: tokens.count)
        var paragraph: Int32 = 0
        var previousEnd = 0
        for (i, token) in tokens.enumerated() {
            var newlines = 0
            for b in previousEnd..<token.range.start where bytes[b] == 0x0A { newlines += 1 }
            if newlines >= 2 && i > 0 { paragraph += 1 }
            paragraphOf[i] = paragraph
            previousEnd = token.range.end
        }
        self.paragraphOf = paragraphOf

        let quotations = Self.mergeQuotations(spans, tokens: tokens, paragraphOf: paragraphOf)
        var quotationOf = [Int32](repeating: -1, count: tokens.count)
        for (n, q) in quotations.enumerated() {
            for i in q.tokens { quotationOf[i] = Int32(n) }
        }
        self.quotations = quotations
        self.quotationOf = quotationOf
    }

    /// Top-level spans, with the paragraphs of a multi-paragraph quote merged.
    private static func mergeQuotations(
        _ spans: [QuotationSpan],
        tokens: [Token],
        paragraphOf: [Int32]
    ) -> [Quotation] {
        var result: [Quotation] = []
        var cursor = 0
        for span in spans where span.depth == 0 {
            while cursor < tokens.count && tokens[cursor].range.end <= span.outer.start { cursor += 1 }
            guard cursor < tokens.count else { break }
            var last = cursor
            while last + 1 < tokens.count && tokens[last + 1].range.start < span.outer.end { last += 1 }
            if span.continues, var previous = result.last {
                previous.outer = TextRange(start: previous.outer.start, end: span.outer.end)
                previous.inner = TextRange(start: previous.inner.start, end: span.inner.end)
                previous.wordCount += span.wordCount
                previous.tokens = previous.tokens.lowerBound...last
                previous.endsWithComma = span.endsWithComma
                previous.endsWithSentencePunctuation = span.endsWithSentencePunctuation
                previous.isMultiParagraph = true
                result[result.count - 1] = previous
                continue
            }
            result.append(
                Quotation(
                    outer: span.outer,
                    inner: span.inner,
                    wordCount: span.wordCount,
                    tokens: cursor...max(cursor, last),
                    endsWithSentencePunctuation: span.endsWithSentencePunctuation,
                    endsWithComma: span.endsWithComma,
                    isMultiParagraph: false
                )
            )
        }
        return result
    }

    // MARK: Token helpers

    /// The first byte of token `i`.
    func firstByte(_ i: Int) -> UInt8 { bytes[tokens[i].range.start] }

    /// Whether token `i` is the single ASCII punctuation character `c`.
    func isPunct(_ i: Int, _ c: UInt8) -> Bool {
        let r = tokens[i].range
        return r.count == 1 && bytes[r.start] == c
    }

    /// Whether token `i` is a word-like token starting with an upper-case letter.
    func isCapitalized(_ i: Int) -> Bool {
        tokens[i].isWordLike && tokens[i].flags.contains(.capitalized)
    }

    /// The first token after a dateline that opens the text at token `start` — a place in capitals, perhaps a
    /// date and an agency, then a dash: "WASHINGTON (AP) — …", "LIMA, Nov 16 (Reuters) - …" — or nil.
    func datelineEnd(from start: Int, upperBound: Int) -> Int? {
        guard start < upperBound, tokens[start].kind == .word else { return nil }
        let first = tokens[start].range
        guard first.count >= 2, bytes[first.range].allSatisfy({ $0 >= 0x41 && $0 <= 0x5A }) else { return nil }
        var i = start + 1
        while i < min(upperBound, start + 14) {
            if tokens[i].isDash(in: bytes) { return i + 1 < upperBound ? i + 1 : nil }
            i += 1
        }
        return nil
    }

    /// Whether token `i` is a word-like token in lower case.
    func isLowercaseWord(_ i: Int) -> Bool {
        tokens[i].kind == .word && !tokens[i].flags.contains(.capitalized)
    }

    /// Whether token `i` lies inside a quotation (marks included).
    func inQuotation(_ i: Int) -> Bool { quotationOf[i] >= 0 }

    /// The text of a byte range.
    func string(_ range: TextRange) -> String {
        String(decoding: bytes[range.start..<range.end], as: UTF8.self)
    }

    /// The byte range covering tokens `range` (non-empty).
    func byteRange(_ range: Range<Int>) -> TextRange {
        TextRange(start: tokens[range.lowerBound].range.start, end: tokens[range.upperBound - 1].range.end)
    }

    /// The text covering tokens `range` (non-empty).
    func string(tokens range: Range<Int>) -> String { string(byteRange(range)) }

    /// Whether the text of token `i` equals `word` (ASCII case-insensitive).
    func tokenIs(_ i: Int, _ word: StaticString) -> Bool {
        let r = tokens[i].range
        guard r.count == word.utf8CodeUnitCount else { return false }
        let w = word.utf8Start
        for k in 0..<r.count {
            var b = bytes[r.start + k]
            if b >= 65 && b <= 90 { b |= 0x20 }
            if b != w[k] { return false }
        }
        return true
    }
}

extension QuoteDocument {
    /// The lexicon hash of token `i` (case-insensitive), to compare two words without building strings.
    func lowerHash(_ i: Int) -> UInt64 {
        bytes.withUnsafeBufferPointer { QuoteLexicon.hash($0, tokens[i].range.range) }
    }
}
