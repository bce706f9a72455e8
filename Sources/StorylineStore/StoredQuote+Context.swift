import StorylineCore

/// Building a ``StoredQuote`` from a stored article: its text and the context around it, found the same way by
/// every store backend (the conformance tests compare them).
extension StoredQuote {
    /// How far, in UTF-8 bytes, the context reaches on either side of the quote at most.
    package static let contextReach = 200

    /// The stored quote `quote` of an article whose text is `body` (UTF-8 bytes) and whose metadata and sources
    /// are given.
    package init(
        _ quote: QuoteMention,
        body: [UInt8],
        articleID: String,
        title: String?,
        outlet: String?,
        url: String?,
        published: PublicationDate?,
        sources: [ArticleSource]
    ) {
        let range = Self.clamped(quote.range, to: body.count)
        let context = Self.contextRange(of: range, in: body)
        self.init(
            quote: quote,
            text: String(decoding: body[range.start..<range.end], as: UTF8.self),
            context: String(decoding: body[context.start..<context.end], as: UTF8.self),
            contextRange: context,
            articleID: articleID,
            title: title,
            outlet: outlet,
            url: url,
            published: published,
            sources: sources,
            scalarRanges: Self.scalarRanges(quote: range, speaker: quote.speakerRange, context: context, in: body)
        )
    }

    /// The ranges in Unicode scalars of `body`.
    static func scalarRanges(quote: TextRange, speaker: TextRange?, context: TextRange, in body: [UInt8])
        -> ScalarRanges
    {
        let speaker = speaker.map { clamped($0, to: body.count) }
        var bytes = [quote.start, quote.end, context.start, context.end]
        if let speaker { bytes += [speaker.start, speaker.end] }
        let scalars = StoreKeys.scalarOffsets(ofBytes: bytes, in: body)
        func converted(_ range: TextRange) -> TextRange {
            TextRange(start: scalars[range.start] ?? 0, end: scalars[range.end] ?? 0)
        }
        return ScalarRanges(quote: converted(quote), speaker: speaker.map(converted), context: converted(context))
    }

    /// The context of the quote at `range` in `text`: from the start of the sentence the quote starts in to the
    /// end of the sentence it ends in (its attribution included: `"…," he said.`), within the quote's paragraphs,
    /// and at most about ``contextReach`` bytes on either side, cut after a space. Spaces at either end are left
    /// out. Every cut is at an ASCII byte or after a whole closing quotation mark, so the range is valid UTF-8.
    package static func contextRange(of range: TextRange, in text: [UInt8]) -> TextRange {
        let range = clamped(range, to: text.count)
        // The paragraphs the quote is in.
        var paragraphStart = range.start
        while paragraphStart > 0, text[paragraphStart - 1] != newline { paragraphStart -= 1 }
        var paragraphEnd = range.end
        while paragraphEnd < text.count, text[paragraphEnd] != newline { paragraphEnd += 1 }

        // Backwards to the start of the sentence the quote starts in.
        let leftLimit = max(paragraphStart, range.start - contextReach)
        var start = leftLimit
        if leftLimit > paragraphStart {
            // Cut after the first space past the limit.
            while start < range.start, text[start] != space { start += 1 }
        }
        var i = range.start - 1
        while i > leftLimit {
            if text[i] == space, followsSentenceEnd(i, in: text, notBefore: leftLimit) {
                start = i + 1
                break
            }
            i -= 1
        }

        // Forwards to the end of the sentence the quote ends in.
        let rightLimit = min(paragraphEnd, range.end + contextReach)
        var end = rightLimit
        if rightLimit < paragraphEnd {
            // Cut before the last space before the limit.
            while end > range.end, text[end] != space { end -= 1 }
        }
        if range.end > range.start, text[range.end - 1] == fullStop,
            let after = afterClosingMarks(from: range.end, in: text, limit: rightLimit),
            after == rightLimit || isSpace(text[after])
        {
            // The quote itself ends its sentence: `"… coming back for more." He agreed…`.
            end = after
        } else {
            var j = range.end
            while j < rightLimit {
                if isSentenceEnd(text[j]), !isAbbreviation(endingAt: j, in: text),
                    let after = afterClosingMarks(from: j + 1, in: text, limit: rightLimit),
                    after == rightLimit || isSpace(text[after])
                {
                    end = after
                    break
                }
                j += 1
            }
        }
        while start < range.start, isSpace(text[start]) { start += 1 }
        while end > range.end, isSpace(text[end - 1]) { end -= 1 }
        return TextRange(start: start, end: end)
    }

    /// Whether the space at `space` follows the end of a sentence: `.`, `!` or `?`, then any closing quotation
    /// marks.
    private static func followsSentenceEnd(_ space: Int, in text: [UInt8], notBefore limit: Int) -> Bool {
        var p = space - 1
        // Closing marks: " ' and the three-byte ” ’ (E2 80 9D, E2 80 99).
        while p >= limit {
            if text[p] == 0x22 || text[p] == 0x27 {
                p -= 1
            } else if p - 2 >= limit, text[p - 2] == 0xE2, text[p - 1] == 0x80, text[p] == 0x9D || text[p] == 0x99 {
                p -= 3
            } else {
                break
            }
        }
        return p >= limit && isSentenceEnd(text[p]) && !isAbbreviation(endingAt: p, in: text)
    }

    /// The position after the closing quotation marks that start at `position` (itself when there are none);
    /// nil when a mark would run past `limit`.
    private static func afterClosingMarks(from position: Int, in text: [UInt8], limit: Int) -> Int? {
        var p = position
        while p < limit {
            if text[p] == 0x22 || text[p] == 0x27 {
                p += 1
            } else if text[p] == 0xE2, p + 2 < limit, text[p + 1] == 0x80, text[p + 2] == 0x9D || text[p + 2] == 0x99 {
                p += 3
            } else {
                break
            }
        }
        return p <= limit ? p : nil
    }

    /// Whether the full stop at `position` ends an initial or an initialism ("U.S.", "J. D. Vance") rather
    /// than a sentence: the word before it is a single letter.
    private static func isAbbreviation(endingAt position: Int, in text: [UInt8]) -> Bool {
        guard text[position] == fullStop, position >= 1 else { return false }
        let letter = text[position - 1]
        guard (0x41...0x5A).contains(letter) || (0x61...0x7A).contains(letter) else { return false }
        return position == 1 || !isLetter(text[position - 2])
    }

    private static func isLetter(_ byte: UInt8) -> Bool {
        (0x41...0x5A).contains(byte) || (0x61...0x7A).contains(byte) || byte >= 0x80
    }

    private static func isSentenceEnd(_ byte: UInt8) -> Bool { byte == fullStop || byte == 0x21 || byte == 0x3F }

    private static func isSpace(_ byte: UInt8) -> Bool { byte == space || byte == newline || byte == 0x09 }

    private static func clamped(_ range: TextRange, to count: Int) -> TextRange {
        let start = min(max(range.start, 0), count)
        return TextRange(start: start, end: min(max(range.end, start), count))
    }

    private static let space: UInt8 = 0x20
    private static let newline: UInt8 = 0x0A
    private static let fullStop: UInt8 = 0x2E
}
