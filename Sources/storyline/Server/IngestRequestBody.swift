import Foundation
import StorylineCore
import StorylineIngest

/// The body of `POST /api/articles`, read into articles the way `storyline ingest` reads a JSONL input: JSON
/// Lines, one `{"text": …}` object per line (optional `id`, `title`, `published`, `source`, `url`), or a single
/// JSON object, pretty-printed or not. Each record is read on its own (``JSONLReader``), so a broken one is
/// reported with its line number and the others are kept.
struct IngestRequestBody {
    /// One non-blank line of the body (or the whole body when it is one JSON object).
    struct Record {
        /// The record's line in the body, from 1 (1 for a single JSON object).
        var line: Int
        /// Its 0-based index among the body's records: ``ArticleOrigin/record`` of its article, as when the same
        /// lines are piped into `storyline ingest -`.
        var index: Int
        var result: Result<Article, IngestError>
    }

    var records: [Record]

    var articles: [Article] {
        records.compactMap { try? $0.result.get() }
    }

    init(_ bytes: [UInt8], maxRecordBytes: Int) {
        let reader = JSONLReader(maxLineBytes: maxRecordBytes)
        records = Self.lines(bytes).enumerated().map { index, line in
            let read = reader.read(Array(line.bytes), path: nil)
            let result: Result<Article, IngestError>
            if var article = read.articles.first {
                article.origin.record = index
                result = .success(article)
            } else {
                var error = read.errors.first ?? IngestError(.empty, "the record holds no article")
                error.location = nil
                result = .failure(error)
            }
            return Record(line: line.number, index: index, result: result)
        }
    }

    /// The body's non-blank lines with their numbers; a body that is one JSON object spread over several lines
    /// is one line (its line breaks can only be white space between tokens, never inside a JSON string).
    static func lines(_ bytes: [UInt8]) -> [(number: Int, bytes: ArraySlice<UInt8>)] {
        var lines: [(number: Int, bytes: ArraySlice<UInt8>)] = []
        var number = 0
        var start = 0
        while start <= bytes.count {
            let end = bytes[start...].firstIndex(of: 0x0A) ?? bytes.count
            number += 1
            let line = bytes[start..<end]
            if !line.allSatisfy({ $0 == 0x20 || $0 == 0x09 || $0 == 0x0D }) { lines.append((number, line)) }
            start = end + 1
        }
        if lines.count > 1, bytes.first(where: { !Self.isSpace($0) }) == UInt8(ascii: "{"),
            (try? JSONSerialization.jsonObject(with: Data(bytes))) is [String: Any]
        {
            let joined = bytes.map { $0 == 0x0A || $0 == 0x0D ? UInt8(ascii: " ") : $0 }
            return [(lines[0].number, joined[...])]
        }
        return lines
    }

    private static func isSpace(_ byte: UInt8) -> Bool {
        byte == 0x20 || byte == 0x09 || byte == 0x0D || byte == 0x0A
    }
}
