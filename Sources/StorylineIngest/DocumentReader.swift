import StorylineCore

/// Reads any supported input — plain text, HTML, RSS/Atom, JSONL, WARC, gzip-compressed or not —
/// recognising the format from its content, and returns its articles and per-record errors.
///
/// A whole-input failure (binary data, invalid UTF-8 in a text file, malformed XML, corrupt gzip)
/// comes back as one error in ``ReadResult/errors``; it never throws, so one bad file never stops a run.
public struct DocumentReader: Sendable {
    /// The largest single document (a text or HTML file, a JSONL line) accepted.
    public var maxDocumentBytes: Int
    /// The most bytes a compressed input may expand to.
    public var maxDecompressedBytes: Int

    public init(maxDocumentBytes: Int = 16 << 20, maxDecompressedBytes: Int = 4 << 30) {
        self.maxDocumentBytes = maxDocumentBytes
        self.maxDecompressedBytes = maxDecompressedBytes
    }

    /// Reads one input's bytes. `path` is used for origins and messages (`nil` for standard input).
    public func read(_ bytes: [UInt8], path: String?) -> ReadResult {
        do {
            return try readOrThrow(bytes, path: path, decompressed: false)
        } catch let error as IngestError {
            return ReadResult(errors: [error.path == nil ? error.at(path: path) : error])
        } catch {
            return ReadResult(errors: [IngestError(.unreadable, "\(error)", path: path)])
        }
    }

    /// Reads one input's bytes, then puts what a ``SourceManifest`` states about the file (`metadata`, from
    /// ``InputFiles/Item/metadata``) in place of what the reader inferred, in every article the input gives.
    /// The bodies, and so the content hashes and ids, are those of the file alone.
    public func read(_ bytes: [UInt8], path: String?, metadata: SourceMetadata?) -> ReadResult {
        var result = read(bytes, path: path)
        if let metadata, !metadata.isEmpty {
            result.articles = result.articles.map { metadata.apply(to: $0) }
        }
        return result
    }

    private func readOrThrow(_ bytes: [UInt8], path: String?, decompressed: Bool) throws -> ReadResult {
        switch FormatSniffer.sniff(bytes) {
        case .empty:
            throw IngestError(.empty, "the file is empty", path: path)
        case .binary(let offset):
            throw IngestError(
                .binary,
                "binary content (byte 0x\(String(bytes[offset], radix: 16)) at offset \(offset)); "
                    + "not text, HTML, a feed, JSONL or WARC",
                path: path
            )
        case .gzip:
            guard !decompressed else {
                throw IngestError(.compression, "gzip data nested inside gzip data", path: path)
            }
            // The start of the first member (even of one too large to decode whole) says what is compressed.
            let head: [UInt8]
            switch GzipMemberDecoder(bytes).next(budget: 1 << 20) {
            case .decoded(_, let first)?: head = first
            case .tooLarge(_, _, let first)?: head = first
            default: head = []
            }
            // A WARC.gz is read member by member by the WARC reader, so that a corrupt record loses only itself.
            if head.starts(with: Array("WARC/".utf8)) {
                return try WARCReader(maxDecompressedBytes: maxDecompressedBytes, maxPageBytes: maxDocumentBytes).read(
                    bytes,
                    path: path
                )
            }
            // One document (text, HTML) is never inflated past the limit for an article, nor binary data past its
            // first megabyte: a gzip bomb of either stops there. Inputs of many articles may use the whole budget.
            let limit: Int
            switch FormatSniffer.sniff(head) {
            case .format(.html), .format(.plainText): limit = maxDocumentBytes
            case .binary(let offset):
                throw IngestError(
                    .binary,
                    "gzip-compressed binary content (byte 0x\(String(head[offset], radix: 16)) at offset \(offset) "
                        + "once decompressed); not text, HTML, a feed, JSONL or WARC",
                    path: path
                )
            default: limit = maxDecompressedBytes
            }
            let inner = try Gzip.decompress(bytes, limit: limit)
            return try readOrThrow(inner, path: path, decompressed: true)
        case .format(.warc):
            return try WARCReader(maxDecompressedBytes: maxDecompressedBytes, maxPageBytes: maxDocumentBytes).read(
                bytes,
                path: path
            )
        case .format(.rss), .format(.atom):
            return try FeedReader().read(bytes, path: path)
        case .format(.jsonl):
            return JSONLReader(maxLineBytes: maxDocumentBytes).read(bytes, path: path)
        case .format(.html):
            try checkSize(bytes, path: path)
            let article = try HTMLReader().read(bytes, origin: ArticleOrigin(path: path, format: .html))
            return ReadResult(articles: [article])
        case .format(.plainText):
            try checkSize(bytes, path: path)
            guard let text = String(validating: bytes, as: UTF8.self) else {
                let offset = UTF8Validation.firstInvalidOffset(bytes) ?? 0
                throw IngestError(
                    .invalidUTF8,
                    "not valid UTF-8 text: invalid byte 0x\(String(bytes[offset], radix: 16)) "
                        + "at offset \(offset)",
                    path: path,
                    location: "byte \(offset)"
                )
            }
            let article = try PlainTextReader().read(text, origin: ArticleOrigin(path: path, format: .plainText))
            return ReadResult(articles: [article])
        }
    }

    private func checkSize(_ bytes: [UInt8], path: String?) throws {
        guard bytes.count <= maxDocumentBytes else {
            throw IngestError(
                .tooLarge,
                "one document of \(ByteCount.describe(bytes.count)) is above the "
                    + "\(ByteCount.describe(maxDocumentBytes)) limit for an article",
                path: path
            )
        }
    }
}

/// Where UTF-8 validation fails.
enum UTF8Validation {
    /// The byte offset of the first byte that does not start or continue a valid UTF-8 sequence, or nil.
    static func firstInvalidOffset(_ bytes: [UInt8]) -> Int? {
        var i = 0
        while i < bytes.count {
            let b = bytes[i]
            let length: Int
            switch b {
            case 0x00...0x7F: length = 1
            case 0xC2...0xDF: length = 2
            case 0xE0...0xEF: length = 3
            case 0xF0...0xF4: length = 4
            default: return i
            }
            guard i + length <= bytes.count else { return i }
            for k in 1..<length where bytes[i + k] & 0xC0 != 0x80 { return i }
            if length == 3, (b == 0xE0 && bytes[i + 1] < 0xA0) || (b == 0xED && bytes[i + 1] > 0x9F) { return i }
            if length == 4, (b == 0xF0 && bytes[i + 1] < 0x90) || (b == 0xF4 && bytes[i + 1] > 0x8F) { return i }
            i += length
        }
        return nil
    }
}
