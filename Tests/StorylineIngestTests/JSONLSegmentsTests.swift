import Foundation
import StorylineCore
import Testing

@testable import StorylineIngest

/// A large JSON Lines file read segment by segment gives what reading it whole gives: the same articles with the
/// same record numbers, and the same errors at the same line numbers — whatever the segment size.
struct JSONLSegmentsTests {
    /// A file with what real exports hold: blank lines, CRLF line ends, a malformed line, a line without
    /// text, an HTML page as text, a line over the reader's limit, and no line feed after the last line.
    static func messyFile(lineLimit: Int) throws -> [UInt8] {
        func line(_ object: [String: Any]) throws -> String {
            String(decoding: try JSONSerialization.data(withJSONObject: object, options: [.sortedKeys]), as: UTF8.self)
        }
        var lines: [String] = []
        for n in 0..<40 {
            let text =
                "Kyiv, \(n) March — Officials from \(n % 3 == 0 ? "Ukraine" : "France") met in Istanbul on Thursday "
                + "to discuss the embassies, article \(n). “We are ready,” the minister said."
            lines.append(try line(["id": "a\(n)", "text": text, "published": "2025-03-0\(n % 9 + 1)"]))
            switch n {
            case 3: lines.append("")
            case 7: lines.append("   \t ")
            case 11: lines.append("{\"text\": \"unterminated")
            case 17: lines.append(try line(["id": "no-text", "title": "Missing body"]))
            case 23: lines.append(try line(["text": String(repeating: "long words here ", count: lineLimit / 8)]))
            case 29:
                lines.append(
                    try line([
                        "text":
                            "<html><body><article><p>Officials said the talks in Geneva went well.</p></article></body></html>"
                    ])
                )
            default: break
            }
        }
        let joined = lines.enumerated().map { $0.offset % 5 == 2 ? $0.element + "\r" : $0.element }
        return Array(joined.joined(separator: "\n").utf8)
    }

    static func write(_ bytes: [UInt8]) throws -> String {
        let path = FileManager.default.temporaryDirectory
            .appendingPathComponent("storyline-segments-\(UUID().uuidString).jsonl").path
        try Data(bytes).write(to: URL(fileURLWithPath: path))
        return path
    }

    /// What a user sees of a reading: each article's id, record number, title and text, and each error's
    /// code, location and message.
    static func outcome(_ result: ReadResult) -> [String] {
        result.articles.map { "\($0.id) #\($0.origin.record ?? -1) \($0.title ?? "") \($0.text)" }
            + result.errors.map { "\($0.code) \($0.location ?? "") \($0.message) \($0.path ?? "")" }
    }

    @Test(arguments: [1, 200, 1000, 4096, 1 << 20])
    func segmentsReadAsTheWholeFile(segmentBytes: Int) throws {
        let limit = 2000
        let bytes = try Self.messyFile(lineLimit: limit)
        let path = try Self.write(bytes)
        defer { try? FileManager.default.removeItem(atPath: path) }
        let reader = JSONLReader(maxLineBytes: limit)
        let whole = reader.read(bytes, path: path)
        #expect(whole.articles.count == 41, "40 articles and the HTML page")
        #expect(whole.errors.count == 3)

        let segmenter = JSONLSegments(segmentBytes: segmentBytes, minimumFileBytes: 0, reader: reader)
        let segments = try #require(try segmenter.split(path: path))
        var pieces = ReadResult()
        for segment in segments {
            let read = segmenter.read(segment, path: path)
            pieces.articles += read.articles
            pieces.errors += read.errors
        }
        #expect(Self.outcome(pieces) == Self.outcome(whole))
        // Segments tile the file but for the line too long to read (and its line feed).
        var covered = 0
        var skipped = 0
        for segment in segments {
            switch segment.content {
            case .lines(_, let length): covered += length
            case .oversized(let length): skipped += length + 1
            }
        }
        #expect(skipped > limit)
        #expect(covered + skipped == bytes.count)
        if segmentBytes >= bytes.count { #expect(segments.count == 3, "before the long line, it, after it") }
    }

    @Test func theLongLineIsReportedAndNeverRead() throws {
        let limit = 2000
        let bytes = try Self.messyFile(lineLimit: limit)
        let path = try Self.write(bytes)
        defer { try? FileManager.default.removeItem(atPath: path) }
        let segmenter = JSONLSegments(
            segmentBytes: 1 << 20,
            minimumFileBytes: 0,
            reader: JSONLReader(maxLineBytes: limit)
        )
        let segments = try #require(try segmenter.split(path: path))
        let oversized = segments.filter {
            if case .oversized = $0.content { return true }
            return false
        }
        #expect(oversized.count == 1)
        let long = try #require(oversized.first)
        let error = try #require(segmenter.read(long, path: path).errors.first)
        #expect(error.code == .tooLarge)
        #expect(error.path == path)
        // Lines: 24 articles plus the blank, whitespace-only, malformed and text-less lines before it.
        #expect(error.location == "line 29")
    }

    @Test func smallFilesOtherFormatsAndPrettyPrintedJSONAreReadWhole() throws {
        let segmenter = JSONLSegments(segmentBytes: 100, minimumFileBytes: 1000)
        let small = try Self.write(Array("{\"text\": \"Officials met on Thursday.\"}\n".utf8))
        defer { try? FileManager.default.removeItem(atPath: small) }
        #expect(try segmenter.split(path: small) == nil)

        let anySize = JSONLSegments(segmentBytes: 100, minimumFileBytes: 0)
        let pretty = try Self.write(Array("{\n  \"text\": \"Officials met on Thursday.\"\n}\n".utf8))
        defer { try? FileManager.default.removeItem(atPath: pretty) }
        #expect(try anySize.split(path: pretty) == nil)

        let html = try Self.write(Array("<html><body><p>Officials met on Thursday.</p></body></html>".utf8))
        defer { try? FileManager.default.removeItem(atPath: html) }
        #expect(try anySize.split(path: html) == nil)

        #expect(throws: IngestError.self) { try anySize.split(path: "/nonexistent/storyline/file.jsonl") }
    }
}

/// JSON Lines arriving on a stream in pieces of any size are cut into what reading them whole gives.
struct JSONLStreamCutterTests {
    @Test(arguments: [(1, 1), (7, 200), (64, 1000), (4096, 4096), (1 << 20, 1 << 20)])
    func piecesReadAsTheWholeStream(chunk: Int, segmentBytes: Int) throws {
        let limit = 2000
        let bytes = try JSONLSegmentsTests.messyFile(lineLimit: limit)
        let reader = JSONLReader(maxLineBytes: limit)
        let whole = reader.read(bytes, path: nil)
        var cutter = JSONLStreamCutter(segmentBytes: segmentBytes, maxLineBytes: limit)
        var pieces: [JSONLStreamCutter.Piece] = []
        for start in stride(from: 0, to: bytes.count, by: chunk) {
            pieces += cutter.feed(Array(bytes[start..<min(start + chunk, bytes.count)]))
        }
        pieces += cutter.finish()
        let segmenter = JSONLSegments(reader: reader)
        var read = ReadResult()
        for piece in pieces {
            let part = segmenter.read(piece.bytes, of: piece.segment, path: nil)
            read.articles += part.articles
            read.errors += part.errors
        }
        #expect(JSONLSegmentsTests.outcome(read) == JSONLSegmentsTests.outcome(whole))
        // No piece is much larger than a segment; a long line arriving over several reads is never held.
        #expect(pieces.allSatisfy { $0.bytes.count <= max(segmentBytes, limit) + chunk })
        if chunk < limit {
            #expect(pieces.reduce(0) { $0 + $1.bytes.count } < bytes.count - limit)
        }
    }
}
