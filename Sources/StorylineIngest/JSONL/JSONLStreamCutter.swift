/// Cuts JSON Lines arriving on a stream (standard input) into segments of whole lines as the bytes come, so
/// that a piped input of any size is read on every core and never held whole: the stream counterpart of
/// ``JSONLSegments``. A line over ``maxLineBytes`` is dropped as it arrives and becomes an `oversized` segment,
/// reported with its line number; line and record numbers are those of the whole stream.
public struct JSONLStreamCutter: Sendable {
    /// One cut: where it is in the stream, and its bytes (none for an `oversized` line).
    public struct Piece: Sendable {
        public var segment: JSONLSegment
        public var bytes: [UInt8]
    }

    public var segmentBytes: Int
    public var maxLineBytes: Int

    /// Bytes received and not yet cut: whole lines, then the start of the next.
    private var pending: [UInt8] = []
    /// The stream offset, line number (1-based) and records before `pending`.
    private var offset = 0
    private var line = 1
    private var record = 0
    /// The line over the limit being dropped: its number, the records before it, its length so far and whether
    /// it has a non-blank byte (a blank line is not a record, whatever its length).
    private var skipping: (line: Int, record: Int, length: Int, hasContent: Bool)?

    public init(segmentBytes: Int = 256 << 10, maxLineBytes: Int = 16 << 20) {
        self.segmentBytes = max(1, segmentBytes)
        self.maxLineBytes = maxLineBytes
    }

    /// Takes the next bytes of the stream; returns the pieces they complete, in order.
    public mutating func feed(_ chunk: [UInt8]) -> [Piece] {
        var pieces: [Piece] = []
        var rest = chunk[...]
        if var skipped = skipping {
            let newline = rest.firstIndex(of: 0x0A)
            let part = rest[..<(newline ?? rest.endIndex)]
            skipped.length += part.count
            skipped.hasContent = skipped.hasContent || part.contains { !JSONLSegments.isBlank($0) }
            guard let newline else {
                skipping = skipped
                return pieces
            }
            endSkipping(skipped, into: &pieces)
            offset += 1
            rest = rest[(newline + 1)...]
        }
        pending += rest
        if let last = pending.lastIndex(of: 0x0A), last + 1 >= segmentBytes {
            cut(last + 1, into: &pieces)
        }
        // The open line (after the last line feed) is already over the limit: drop it as it comes.
        let open = pending.count - ((pending.lastIndex(of: 0x0A)).map { $0 + 1 } ?? 0)
        if open > maxLineBytes {
            if open < pending.count { cut(pending.count - open, into: &pieces) }
            skipping = (
                line, record, open, pending.contains { !JSONLSegments.isBlank($0) && $0 != 0x0A }
            )
            pending.removeAll()
        }
        return pieces
    }

    /// Ends the stream; returns the last pieces.
    public mutating func finish() -> [Piece] {
        var pieces: [Piece] = []
        if let skipped = skipping { endSkipping(skipped, into: &pieces) }
        if !pending.isEmpty { cut(pending.count, into: &pieces) }
        return pieces
    }

    /// Cuts the first `count` bytes of `pending` (whole lines, or the stream's last line) into a piece.
    private mutating func cut(_ count: Int, into pieces: inout [Piece]) {
        let bytes = Array(pending[..<count])
        pending.removeFirst(count)
        pieces.append(
            Piece(
                segment: JSONLSegment(
                    content: .lines(offset: offset, length: count),
                    firstLine: line,
                    firstRecord: record
                ),
                bytes: bytes
            )
        )
        var hasContent = false
        for byte in bytes {
            if byte == 0x0A {
                line += 1
                if hasContent { record += 1 }
                hasContent = false
            } else if !hasContent, !JSONLSegments.isBlank(byte) {
                hasContent = true
            }
        }
        if hasContent { record += 1 }
        offset += count
    }

    private mutating func endSkipping(
        _ skipped: (line: Int, record: Int, length: Int, hasContent: Bool),
        into pieces: inout [Piece]
    ) {
        if skipped.hasContent {
            pieces.append(
                Piece(
                    segment: JSONLSegment(
                        content: .oversized(length: skipped.length),
                        firstLine: skipped.line,
                        firstRecord: skipped.record
                    ),
                    bytes: []
                )
            )
        }
        offset += skipped.length
        line = skipped.line + 1
        record = skipped.record + (skipped.hasContent ? 1 : 0)
        skipping = nil
    }
}
