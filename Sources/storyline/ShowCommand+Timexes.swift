import StorylineCore
import StorylineStore

/// The time expressions in `storyline show`: the section listing them after the article (the last section, after
/// the entities and the quotes), and their spans highlighted in the body on a colour terminal.
extension ShowCommand {
    /// The "Time expressions" section: one line per expression with the paragraph it is in (counted from 1,
    /// as the body is printed), its TIMEX3 type and value, and its text as written. For an article stored
    /// without annotations, the one line that says so for every kind of annotation.
    static func timexSection(_ stored: StoredArticle, colour: Bool) -> [String] {
        guard let annotations = stored.annotations else {
            return [
                "Entities, quotes and time expressions: not extracted — this article was stored by a version of "
                    + "Storyline that did not extract at ingest; run `storyline reextract` to get them."
            ]
        }
        let timexes = annotations.timexes
        guard !timexes.isEmpty else { return ["Time expressions: none found."] }
        let text = Array(stored.article.text.utf8)
        let paragraphs = paragraphRanges(stored.article.paragraphs)
        let valueWidth = timexes.map(\.value.count).max() ?? 0
        var lines = ["Time expressions (\(timexes.count); ¶ = paragraph):"]
        var paragraph = 0
        for timex in timexes.sorted(by: { $0.range < $1.range }) {
            while paragraph + 1 < paragraphs.count, paragraphs[paragraph + 1].lowerBound <= timex.range.start {
                paragraph += 1
            }
            let end = min(timex.range.end, text.count)
            let surface = String(decoding: text[min(timex.range.start, end)..<end], as: UTF8.self)
                .replacing("\n", with: " ")
            lines.append(
                "  " + Terminal.padded("¶\(paragraph + 1)", 5) + Terminal.padded(timex.type.rawValue, 10)
                    + Terminal.padded(timex.value, valueWidth + 2)
                    + Terminal.styled(surface, .highlight, colour: colour)
            )
        }
        return lines
    }

    /// The UTF-8 byte range of each paragraph in ``StorylineCore/Article/text`` (the paragraphs joined by
    /// `"\n\n"`), the text that annotation ranges point into.
    static func paragraphRanges(_ paragraphs: [String]) -> [Range<Int>] {
        var ranges: [Range<Int>] = []
        ranges.reserveCapacity(paragraphs.count)
        var start = 0
        for paragraph in paragraphs {
            let end = start + paragraph.utf8.count
            ranges.append(start..<end)
            start = end + 2
        }
        return ranges
    }

    /// The number, counted from 1 as the body is printed, of the paragraph that byte `offset` of the article's
    /// text is in (or, for a byte of a paragraph break, the paragraph before it); `paragraphs` from
    /// ``paragraphRanges(_:)``.
    static func paragraphNumber(at offset: Int, in paragraphs: [Range<Int>]) -> Int {
        var low = 0
        var high = paragraphs.count
        while low < high {
            let middle = (low + high) / 2
            if paragraphs[middle].lowerBound <= offset { low = middle + 1 } else { high = middle }
        }
        return max(low, 1)
    }

    /// `paragraph`, which occupies `range` of the article's text, with the parts of `spans` (ranges into that
    /// text, in order) that fall inside it highlighted; unchanged when `colour` is false or nothing falls inside.
    static func highlighted(_ paragraph: String, at range: Range<Int>, spans: [TextRange], colour: Bool) -> String {
        guard colour else { return paragraph }
        let inside = spans.filter { $0.start < range.upperBound && range.lowerBound < $0.end && !$0.isEmpty }
        guard !inside.isEmpty else { return paragraph }
        let bytes = Array(paragraph.utf8)
        var out = ""
        var position = 0
        for span in inside {
            let start = max(span.start - range.lowerBound, position)
            let end = min(span.end - range.lowerBound, bytes.count)
            guard start < end else { continue }
            out += String(decoding: bytes[position..<start], as: UTF8.self)
            out += Terminal.styled(String(decoding: bytes[start..<end], as: UTF8.self), .highlight, colour: true)
            position = end
        }
        out += String(decoding: bytes[position...], as: UTF8.self)
        return out
    }
}
