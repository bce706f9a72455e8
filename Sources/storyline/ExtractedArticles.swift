import ArgumentParser
import Foundation
import StorylineCore
import StorylineExtract
import StorylineIngest

/// The lines `storyline extract --annotated` writes and `storyline ingest --extracted` reads: one
/// ``AnnotatedArticle`` as JSON per line — the article as ingest reads it (title, date, outlet, cleaned text,
/// origin) with its annotations and the version of the pipeline that made them. Extraction, the costly part,
/// can so run anywhere (a cluster's map step), and ingest only stores and resolves.
enum ExtractedArticles {
    /// One output line (without its line feed).
    static func line(_ article: AnnotatedArticle) throws -> String {
        let encoder = JSONEncoder()
        encoder.outputFormatting = [.sortedKeys, .withoutEscapingSlashes]
        return String(decoding: try encoder.encode(article), as: UTF8.self)
    }

    /// The longest line read: an article's text may be as long as one document may be, and its annotations add to it.
    static func maxLineBytes(documentBytes: Int) -> Int { documentBytes * 4 }

    /// Reads lines of annotated articles; `bytes` start at line `firstLine` of the input. A line that is not one
    /// (not JSON, another format, too long) is an error with its line number; the other lines are read.
    static func read(_ bytes: [UInt8], path: String?, firstLine: Int, maxLineBytes: Int) -> (
        articles: [AnnotatedArticle], errors: [IngestError]
    ) {
        var articles: [AnnotatedArticle] = []
        var errors: [IngestError] = []
        let decoder = JSONDecoder()
        var lineNumber = firstLine - 1
        var start = 0
        while start < bytes.count {
            let end = bytes[start...].firstIndex(of: 0x0A) ?? bytes.count
            lineNumber += 1
            let line = bytes[start..<end]
            start = end + 1
            if line.allSatisfy({ $0 == 0x20 || $0 == 0x09 || $0 == 0x0D }) { continue }
            let location = "line \(lineNumber)"
            guard line.count <= maxLineBytes else {
                errors.append(oversized(line.count, maxLineBytes: maxLineBytes, path: path, line: lineNumber))
                continue
            }
            do {
                articles.append(try decoder.decode(AnnotatedArticle.self, from: Data(line)))
            } catch {
                let preview = String(decoding: line.prefix(60), as: UTF8.self)
                errors.append(
                    IngestError(
                        .malformedJSON,
                        "not an annotated article (a line of `storyline extract --annotated`): "
                            + IngestError.quote(preview),
                        path: path,
                        location: location,
                        cause: Self.reason(error)
                    )
                )
            }
        }
        return (articles, errors)
    }

    /// The error for a line over the limit (read here, or skipped unread when a large input is cut into
    /// segments).
    static func oversized(_ length: Int, maxLineBytes: Int, path: String?, line: Int) -> IngestError {
        IngestError(
            .tooLarge,
            "annotated article of \(length) bytes, above the \(maxLineBytes)-byte limit",
            path: path,
            location: "line \(line)"
        )
    }

    /// What a decoding error says, without Swift type names.
    private static func reason(_ error: any Error) -> String {
        switch error {
        case DecodingError.keyNotFound(let key, let context):
            return "no \"\((context.codingPath + [key]).map(\.stringValue).joined(separator: "."))\" field"
        case DecodingError.typeMismatch(_, let context), DecodingError.valueNotFound(_, let context):
            return "wrong value at \"\(context.codingPath.map(\.stringValue).joined(separator: "."))\""
        case DecodingError.dataCorrupted(let context):
            return context.codingPath.isEmpty
                ? "not JSON" : "bad value at \"\(context.codingPath.map(\.stringValue).joined(separator: "."))\""
        default:
            return "\(error)"
        }
    }
}

/// `storyline extract --annotated`: each JSONL input line read as `storyline ingest` reads it (``JSONLReader``,
/// so HTML in `text` and boilerplate are handled alike, and origins name the same file and record), extracted
/// on all cores, written as an ``ExtractedArticles`` line in input order. Streams with bounded memory.
struct AnnotatedExtraction {
    var files: [String]
    var window: Int

    func run() async throws {
        let output = OutputBuffer()
        let extractor = ArticleExtractor()
        var failures = 0
        for file in files.isEmpty ? [nil] : files.map(Optional.some) {
            try await OrderedLines(path: file, window: window).process { line, number, record in
                let read = JSONLReader().read(line, path: file, firstLine: number, firstRecord: record)
                guard let article = read.articles.first else {
                    return Result<String, IngestError>.failure(
                        read.errors.first ?? IngestError(.empty, "no article", path: file, location: "line \(number)")
                    )
                }
                do {
                    return .success(try ExtractedArticles.line(extractor.annotate(article)))
                } catch {
                    return .failure(
                        IngestError(.unreadable, "cannot encode the article", path: file, location: "line \(number)")
                    )
                }
            } consume: { result in
                switch result {
                case .success(let line):
                    output.write(line)
                case .failure(let error):
                    output.flush()
                    FileHandle.standardError.write(Data("storyline extract: \(Self.describe(error))\n".utf8))
                    failures += 1
                }
            }
        }
        output.flush()
        if failures > 0 {
            FileHandle.standardError.write(Data("storyline extract: \(failures) line(s) could not be processed\n".utf8))
            throw ExitCode(1)
        }
    }

    static func describe(_ error: IngestError) -> String {
        // As `storyline extract` reports a line: "path:line: message [code]".
        "\(error.path ?? "<stdin>"):\((error.location ?? "").replacingOccurrences(of: "line ", with: "")): \(error.message)"
            + (error.cause.map { " — \($0)" } ?? "") + " [\(error.code.rawValue)]"
    }
}
