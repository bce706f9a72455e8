import Foundation
import StorylineCore

/// Reads JSON Lines in the input format of the evaluation kit: one object per line with `text`
/// (required) and optional `id`, `title`, `published`, `source`, `url`.
///
/// Each line is read on its own: a malformed line, a line without `text` or a line over the size
/// limit is reported with its line number and the other lines are read. The `text` goes through the
/// plain-text reader (or the HTML reader when it is an HTML page), so boilerplate and live blogs in
/// it are handled as for files.
public struct JSONLReader: Sendable {
    /// The longest line accepted, in bytes.
    public var maxLineBytes: Int

    public init(maxLineBytes: Int = 16 << 20) {
        self.maxLineBytes = maxLineBytes
    }

    public func read(_ bytes: [UInt8], path: String?) -> ReadResult {
        var result = readLines(bytes, path: path, firstLine: 1, firstRecord: 0)
        // A pretty-printed JSON document (one object over many lines) is not JSON Lines: say so once
        // instead of once per line.
        if result.articles.isEmpty, result.errors.count > 1, result.errors.first?.code == .malformedJSON,
            bytes.count <= maxLineBytes, (try? JSONSerialization.jsonObject(with: Data(bytes))) != nil
        {
            result.errors = [
                IngestError(
                    .malformedJSON,
                    "a JSON document spread over several lines, not JSON Lines "
                        + "(one {\"text\": …} object per line)",
                    path: path
                )
            ]
        }
        return result
    }

    /// Reads one segment of a larger file (``JSONLSegments``): `bytes` start at line `firstLine` (1-based) of the
    /// file, whose non-blank lines before it are records `0..<firstRecord`, so that line numbers in messages and
    /// the articles' record numbers are those of the whole file.
    public func read(_ bytes: [UInt8], path: String?, firstLine: Int, firstRecord: Int) -> ReadResult {
        readLines(bytes, path: path, firstLine: firstLine, firstRecord: firstRecord)
    }

    /// The error for a line over ``maxLineBytes``: the reader's own, and the segmenter's for a line it skips.
    func oversized(_ bytes: Int) -> IngestError {
        IngestError(
            .tooLarge,
            "record is \(ByteCount.describe(bytes)), above the \(ByteCount.describe(maxLineBytes)) limit for one article"
        )
    }

    private func readLines(_ bytes: [UInt8], path: String?, firstLine: Int, firstRecord: Int) -> ReadResult {
        var result = ReadResult()
        var lineNumber = firstLine - 1
        var record = firstRecord
        bytes.withUnsafeBufferPointer { buffer in
            var start = 0
            while start < buffer.count {
                var end = start
                while end < buffer.count, buffer[end] != 0x0A { end += 1 }
                lineNumber += 1
                let line = UnsafeBufferPointer(rebasing: buffer[start..<end])
                start = end + 1
                if line.allSatisfy({ $0 == 0x20 || $0 == 0x09 || $0 == 0x0D }) { continue }
                defer { record += 1 }
                do {
                    result.articles.append(try readLine(line, path: path, record: record))
                } catch let error as IngestError {
                    result.errors.append(error.at(path: path, location: "line \(lineNumber)"))
                } catch {
                    result.errors.append(
                        IngestError(.malformedJSON, "\(error)", path: path, location: "line \(lineNumber)")
                    )
                }
            }
        }
        return result
    }

    private func readLine(_ line: UnsafeBufferPointer<UInt8>, path: String?, record: Int) throws -> Article {
        guard line.count <= maxLineBytes else { throw oversized(line.count) }
        let fields = try Self.objectFields(Data(line))
        guard let value = fields["text"] else {
            throw IngestError(.missingField, "the record has no \"text\" field")
        }
        guard let text = value as? String else {
            throw IngestError(.missingField, "\"text\" must be a string, found \(Self.jsonType(value))")
        }
        func string(_ key: String) throws -> String? {
            guard let value = fields[key], !(value is NSNull) else { return nil }
            guard let s = value as? String else {
                throw IngestError(.missingField, "\"\(key)\" must be a string, found \(Self.jsonType(value))")
            }
            return s.isEmpty ? nil : s
        }
        let id = try string("id")
        var published: PublicationDate?
        if let raw = try string("published") {
            guard let date = PublicationDate(iso8601: raw) else {
                throw IngestError(.missingField, "\"published\" is not an ISO 8601 date: \(IngestError.quote(raw))")
            }
            published = date
        }
        let hints = PlainTextReader.Hints(
            title: try string("title"),
            published: published,
            outlet: try string("source"),
            url: try string("url")
        )
        let origin = ArticleOrigin(path: path, format: .jsonl, record: record, externalID: id)
        if FormatSniffer.looksLikeHTML(Array(text.utf8.prefix(2048))) {
            var article = try HTMLReader().read(Array(text.utf8), origin: origin, url: hints.url)
            if let title = hints.title { article.title = title }
            if let published { article.published = published }
            if let outlet = hints.outlet { article.outlet = outlet }
            return article
        }
        return try PlainTextReader().read(text, origin: origin, hints: hints)
    }

    private static func jsonType(_ value: Any) -> String {
        switch value {
        case is NSNull: return "null"
        case is String: return "a string"
        case is NSNumber: return "a number"
        case is [Any]: return "an array"
        case is [String: Any]: return "an object"
        default: return "another type"
        }
    }

    /// The fields of one JSONL line that must be a JSON object; a clear ``IngestError`` (quoting the line's
    /// start) when it is not JSON or not an object.
    static func objectFields(_ line: Data) throws -> [String: Any] {
        let object: Any
        do {
            object = try JSONSerialization.jsonObject(with: line, options: [])
        } catch {
            let preview = String(decoding: line.prefix(60), as: UTF8.self)
            throw IngestError(
                .malformedJSON,
                "not a JSON object: \(IngestError.quote(preview))",
                cause: (error as NSError).userInfo[NSDebugDescriptionErrorKey] as? String
            )
        }
        guard let fields = object as? [String: Any] else {
            throw IngestError(.malformedJSON, "the line is JSON but not an object")
        }
        return fields
    }
}

/// Human-readable byte counts for messages.
enum ByteCount {
    static func describe(_ bytes: Int) -> String {
        if bytes >= 1 << 20 {
            let tenths = (bytes * 10) >> 20
            return "\(tenths / 10).\(tenths % 10) MiB"
        }
        if bytes >= 1 << 10 { return "\(bytes >> 10) KiB" }
        return "\(bytes) bytes"
    }
}
