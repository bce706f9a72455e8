import Foundation
import StorylineCore

/// One piece of a large JSON Lines file, cut at line boundaries (``JSONLSegments``): it is read, annotated and
/// saved on its own, so that a file of any size is read on every core and never held whole in memory.
public struct JSONLSegment: Sendable, Hashable {
    public enum Content: Sendable, Hashable {
        /// Whole lines: the bytes `offset..<offset + length` of the file.
        case lines(offset: Int, length: Int)
        /// One line of `length` bytes, over the limit for an article: never read, reported with its line number.
        case oversized(length: Int)
    }

    public var content: Content
    /// The file's line number (1-based) of the segment's first line.
    public var firstLine: Int
    /// How many records (non-blank lines) of the file come before the segment.
    public var firstRecord: Int
}

/// Cuts large JSON Lines files into ``JSONLSegment``s of about ``segmentBytes`` by one sequential pass that holds
/// one read buffer, and reads them back. Line numbers in messages and record numbers in the articles' origins
/// are those of the whole file, the same as when it is read whole.
public struct JSONLSegments: Sendable {
    /// The size segments are cut at (a segment ends at the first line end after it).
    public var segmentBytes: Int
    /// Files below this size are read whole.
    public var minimumFileBytes: Int
    /// The reader of the lines, whose ``JSONLReader/maxLineBytes`` decides which lines are skipped as too large.
    public var reader: JSONLReader

    public init(segmentBytes: Int = 256 << 10, minimumFileBytes: Int = 512 << 10, reader: JSONLReader = JSONLReader()) {
        self.segmentBytes = max(1, segmentBytes)
        self.minimumFileBytes = minimumFileBytes
        self.reader = reader
    }

    /// The bytes read at a time while cutting.
    static let bufferBytes = 4 << 20

    /// The segments of the file at `path`, or `nil` when it is to be read whole: smaller than
    /// ``minimumFileBytes``, not JSON Lines by its first bytes (compressed, a feed, a page, text), or a JSON
    /// document spread over several lines (whose first line is not a whole object).
    public func split(path: String) throws -> [JSONLSegment]? {
        guard let handle = FileHandle(forReadingAtPath: path) else {
            throw IngestError(.unreadable, "cannot open the file for reading", path: path)
        }
        defer { try? handle.close() }
        do {
            let size = Int(try handle.seekToEnd())
            guard size >= minimumFileBytes else { return nil }
            try handle.seek(toOffset: 0)
            let head = [UInt8](try handle.read(upToCount: 64 << 10) ?? Data())
            guard FormatSniffer.sniff(head) == .format(.jsonl), Self.startsWithOneLineObject(head) else { return nil }
            try handle.seek(toOffset: 0)
            var cutter = Cutter(segmentBytes: segmentBytes, maxLineBytes: reader.maxLineBytes)
            var offset = 0
            while let data = try handle.read(upToCount: Self.bufferBytes), !data.isEmpty {
                data.withUnsafeBytes { cutter.scan($0.bindMemory(to: UInt8.self), at: offset) }
                offset += data.count
            }
            return cutter.finish(size: offset)
        } catch let error as IngestError {
            throw error
        } catch {
            throw IngestError(.unreadable, "cannot read the file", path: path, cause: "\(error)")
        }
    }

    /// Reads one segment of the file at `path`: its articles, and the errors of its lines.
    public func read(_ segment: JSONLSegment, path: String) -> ReadResult {
        do {
            return read(try bytes(of: segment, path: path), of: segment, path: path)
        } catch {
            return ReadResult(errors: [error])
        }
    }

    /// Reads the `bytes` of one segment (of a file at `path`, or of standard input when `path` is nil); an
    /// `oversized` segment gives its error.
    public func read(_ bytes: [UInt8], of segment: JSONLSegment, path: String?) -> ReadResult {
        switch segment.content {
        case .oversized(let length):
            return ReadResult(errors: [reader.oversized(length).at(path: path, location: "line \(segment.firstLine)")])
        case .lines:
            return reader.read(bytes, path: path, firstLine: segment.firstLine, firstRecord: segment.firstRecord)
        }
    }

    /// The bytes of a segment of whole lines (none for a line too long to read).
    public func bytes(of segment: JSONLSegment, path: String) throws(IngestError) -> [UInt8] {
        guard case .lines(let offset, let length) = segment.content else { return [] }
        do {
            guard let handle = FileHandle(forReadingAtPath: path) else {
                throw IngestError(.unreadable, "cannot open the file for reading", path: path)
            }
            defer { try? handle.close() }
            try handle.seek(toOffset: UInt64(offset))
            let bytes = [UInt8](try handle.read(upToCount: length) ?? Data())
            guard bytes.count == length else {
                throw IngestError(
                    .unreadable,
                    "the file changed while it was read: line \(segment.firstLine) on is missing",
                    path: path
                )
            }
            return bytes
        } catch let error as IngestError {
            throw error.path == nil ? error.at(path: path) : error
        } catch {
            throw IngestError(.unreadable, "cannot read the file", path: path, cause: "\(error)")
        }
    }

    /// Whether the first non-blank line of `head` opens with `{` and closes with `}` (or runs past `head`).
    public static func startsWithOneLineObject(_ head: [UInt8]) -> Bool {
        var start = head.starts(with: [0xEF, 0xBB, 0xBF]) ? 3 : 0
        while start < head.count, isBlank(head[start]) || head[start] == 0x0A { start += 1 }
        guard start < head.count, head[start] == UInt8(ascii: "{") else { return false }
        guard var end = head[start...].firstIndex(of: 0x0A) else { return true }
        while end > start, isBlank(head[end - 1]) { end -= 1 }
        return end - start >= 2 && head[end - 1] == UInt8(ascii: "}")
    }

    /// Space, tab or carriage return: what a blank line may hold (as ``JSONLReader`` counts records).
    static func isBlank(_ byte: UInt8) -> Bool { byte == 0x20 || byte == 0x09 || byte == 0x0D }

    /// The cutting pass's state, fed the file buffer by buffer.
    struct Cutter {
        let segmentBytes: Int
        let maxLineBytes: Int
        var segments: [JSONLSegment] = []
        /// Where the current line starts, its number, whether it has a non-blank byte yet, and the records
        /// before it.
        var lineStart = 0
        var line = 1
        var lineHasContent = false
        var record = 0
        /// Where the open segment starts.
        var segmentStart = 0
        var segmentLine = 1
        var segmentRecord = 0

        init(segmentBytes: Int, maxLineBytes: Int) {
            self.segmentBytes = segmentBytes
            self.maxLineBytes = maxLineBytes
        }

        mutating func scan(_ buffer: UnsafeBufferPointer<UInt8>, at offset: Int) {
            guard let base = buffer.baseAddress else { return }
            var i = 0
            while i < buffer.count {
                if !lineHasContent {
                    while i < buffer.count, JSONLSegments.isBlank(buffer[i]) { i += 1 }
                    if i < buffer.count, buffer[i] != 0x0A { lineHasContent = true }
                }
                guard let found = memchr(base + i, 0x0A, buffer.count - i) else { return }
                let newline = base.distance(to: found.assumingMemoryBound(to: UInt8.self))
                endLine(at: offset + newline, next: offset + newline + 1)
                i = newline + 1
            }
        }

        /// Ends the current line at byte `end` (its line feed or the end of the file); the next starts at `next`.
        mutating func endLine(at end: Int, next: Int) {
            let length = end - lineStart
            let recordsAfter = record + (lineHasContent ? 1 : 0)
            if length > maxLineBytes {
                // Never read: the segment before it closes, the line is reported (or, when blank, dropped as
                // the reader drops blank lines), and a new segment opens after it.
                close(at: lineStart)
                if lineHasContent {
                    segments.append(
                        JSONLSegment(content: .oversized(length: length), firstLine: line, firstRecord: record)
                    )
                }
                open(at: next, line: line + 1, record: recordsAfter)
            } else if next - segmentStart >= segmentBytes {
                close(at: next)
                open(at: next, line: line + 1, record: recordsAfter)
            }
            record = recordsAfter
            line += 1
            lineStart = next
            lineHasContent = false
        }

        mutating func close(at end: Int) {
            guard end > segmentStart else { return }
            segments.append(
                JSONLSegment(
                    content: .lines(offset: segmentStart, length: end - segmentStart),
                    firstLine: segmentLine,
                    firstRecord: segmentRecord
                )
            )
        }

        mutating func open(at start: Int, line: Int, record: Int) {
            segmentStart = start
            segmentLine = line
            segmentRecord = record
        }

        /// The segments, once the file's `size` bytes were scanned.
        mutating func finish(size: Int) -> [JSONLSegment] {
            if lineStart < size { endLine(at: size, next: size) }
            close(at: size)
            open(at: size, line: line, record: record)
            return segments
        }
    }
}
