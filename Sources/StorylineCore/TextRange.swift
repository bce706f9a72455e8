/// A range of characters in a text, `start` inclusive and `end` exclusive.
///
/// The unit is the one place this is stated for the whole project: inside the pipeline, ranges are
/// **UTF-8 byte offsets** into the text they were computed on (an ``Article/text``, a JSONL record's
/// `text`), because every hot path scans UTF-8 bytes. At the edge — the `extract` output, the API,
/// the web UI — they are converted to **Unicode-scalar offsets**, the unit of the evaluation format
/// (`StorylineText.ScalarOffsets` does the conversion).
public struct TextRange: Sendable, Hashable, Codable, Comparable, CustomStringConvertible {
    public var start: Int
    public var end: Int

    public init(start: Int, end: Int) {
        precondition(start <= end, "TextRange start \(start) is after its end \(end)")
        self.start = start
        self.end = end
    }

    public init(_ range: Range<Int>) {
        self.init(start: range.lowerBound, end: range.upperBound)
    }

    public var range: Range<Int> { start..<end }
    public var count: Int { end - start }
    public var isEmpty: Bool { start == end }

    public func contains(_ other: TextRange) -> Bool { start <= other.start && other.end <= end }
    public func overlaps(_ other: TextRange) -> Bool { start < other.end && other.start < end }

    /// The words of this UTF-8 byte range of `text` (the text it was computed on), clamped to the text.
    public func text(in text: String) -> String {
        let bytes = text.utf8
        let from = min(max(start, 0), bytes.count)
        let to = min(max(end, from), bytes.count)
        let lower = bytes.index(bytes.startIndex, offsetBy: from)
        return String(decoding: bytes[lower..<bytes.index(lower, offsetBy: to - from)], as: UTF8.self)
    }

    /// Orders by start, then by end.
    public static func < (lhs: TextRange, rhs: TextRange) -> Bool {
        lhs.start != rhs.start ? lhs.start < rhs.start : lhs.end < rhs.end
    }

    public var description: String { "\(start)..<\(end)" }
}
