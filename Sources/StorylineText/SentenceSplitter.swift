import StorylineCore

/// Splits news text into sentences, as UTF-8 byte ranges (see `TextRange`) built on ``Tokenizer`` tokens.
///
/// Rules, in the order they are tried at each token:
/// - A blank line always ends a sentence.
/// - `.`, `!`, `?`, `...` and `…` end a sentence when what follows does not start with a lower-case
///   letter (so `"Did I say that?" he asked.` and `wait... and see` stay whole). Closing quotation marks
///   and brackets attached to the mark stay in the sentence: `"…again." He said` splits after `."`.
/// - The full stop of an abbreviation or an initial (`U.S.`, `Gen.`, `J.`) is not a boundary, unless a
///   typical sentence opener (`The`, `He`, `But`, an opening quotation mark …) follows an abbreviation that
///   can end a sentence (`etc.`, `U.S.`, `a.m.`); titles and months (`Mr.`, `Feb.`) never end one.
/// - A line that ends without final punctuation — a headline, a live-blog entry headline, a subheading —
///   is a sentence of its own, unless it ends with `,` `;` or a hyphen, or the next line starts with a
///   lower-case letter (hard-wrapped text).
/// - A live-blog time stamp alone on its line (`15:21`, `3.21pm GMT`) is a sentence of its own.
/// - A bullet marker at the start of a line (`- `, `• `, `* `, `– `) is not part of the sentence after it.
public struct SentenceSplitter: Sendable {
    /// The tokenizer used when no tokens are given.
    public var tokenizer: Tokenizer

    /// Creates a sentence splitter.
    public init(tokenizer: Tokenizer = Tokenizer()) {
        self.tokenizer = tokenizer
    }

    /// The sentences of a text, as UTF-8 byte ranges from the first to the last token of each.
    public func sentences(in text: String) -> [TextRange] {
        withBytes(of: text) { bytes in
            let tokens = tokenizer.tokenize(utf8: bytes)
            return Self.ranges(of: sentenceTokenRanges(utf8: bytes, tokens: tokens), in: tokens)
        }
    }

    /// The sentences of a text already tokenized (tokens of this text, in order).
    public func sentences(in text: String, tokens: [Token]) -> [TextRange] {
        withBytes(of: text) { bytes in
            Self.ranges(of: sentenceTokenRanges(utf8: bytes, tokens: tokens), in: tokens)
        }
    }

    /// The sentences of tokenized UTF-8 bytes, as ranges of indices into `tokens`.
    public func sentenceTokenRanges(utf8 bytes: UnsafeBufferPointer<UInt8>, tokens: [Token]) -> [Range<Int>] {
        var splitter = Boundaries(bytes: bytes, tokens: tokens)
        return splitter.run()
    }

    /// The byte range of each sentence given as a range of token indices.
    public static func ranges(of sentences: [Range<Int>], in tokens: [Token]) -> [TextRange] {
        sentences.map { TextRange(start: tokens[$0.lowerBound].range.start, end: tokens[$0.upperBound - 1].range.end) }
    }

    private func withBytes<R>(of text: String, _ body: (UnsafeBufferPointer<UInt8>) -> R) -> R {
        if let result = text.utf8.withContiguousStorageIfAvailable(body) { return result }
        return Array(text.utf8).withUnsafeBufferPointer(body)
    }
}
