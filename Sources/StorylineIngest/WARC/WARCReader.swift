import StorylineCore

/// Reads the HTML pages of a WARC file (WARC/1.0 or 1.1, plain or `.warc.gz`), one ``Article`` per page.
///
/// Only `response` records holding a 2xx HTTP response with an HTML body (`text/html`,
/// `application/xhtml+xml`, or no type and a body that starts like HTML) become articles; request, metadata,
/// warcinfo, revisit and resource records, redirects, errors and non-HTML responses (robots.txt, images) are
/// skipped silently. Each article's origin keeps the record's index in the file (0-based, counting every
/// record), `WARC-Record-ID` as `externalID`, `WARC-Date` as `retrieved`; `WARC-Target-URI` becomes its URL.
///
/// A record that cannot be read (a truncated block, a corrupt gzip member, an undecodable body, a page with
/// no text) becomes an error in ``ReadResult/errors`` located at "record N", and everything read before it
/// is kept. A `.warc.gz` is decoded member by member, so memory holds one record at a time, not the file; a
/// member or record that decodes past ``maxRecordBytes`` (a gzip bomb, or a large video) is skipped without being
/// held, reported when it could have held a page, and reading goes on with the next record.
public struct WARCReader: Sendable {
    /// The most bytes decompression may produce for the whole file (gzip members and HTTP bodies together),
    /// and the largest record accepted.
    public var maxDecompressedBytes: Int
    /// The largest decoded HTML page accepted; a larger body (a decompression bomb, a binary blob labelled
    /// `text/html`) is refused as ``IngestError/Code/tooLarge`` without reaching the HTML parser.
    public var maxPageBytes: Int
    /// The most bytes one record of a `.warc.gz` may decode to in memory (its gzip member, or the members it
    /// spans).
    public var maxRecordBytes: Int

    /// - Parameters:
    ///   - maxDecompressedBytes: the decompression budget for one file, and the largest record read.
    ///   - maxPageBytes: the largest decoded page.
    ///   - maxRecordBytes: the largest decoded record of a `.warc.gz` held in memory.
    public init(maxDecompressedBytes: Int = 4 << 30, maxPageBytes: Int = 16 << 20, maxRecordBytes: Int = 64 << 20) {
        self.maxDecompressedBytes = maxDecompressedBytes
        self.maxPageBytes = maxPageBytes
        self.maxRecordBytes = maxRecordBytes
    }

    /// Reads every HTML response of a WARC or WARC.gz file (recognised by the gzip magic number).
    ///
    /// - Throws: ``IngestError/Code/empty`` for an empty input, ``IngestError/Code/malformedWARC`` when the input
    ///   does not start with a WARC record. Problems with single records are returned in ``ReadResult/errors``.
    public func read(_ bytes: [UInt8], path: String?) throws -> ReadResult {
        guard !bytes.isEmpty else { throw IngestError(.empty, "empty WARC file", path: path) }
        var session = Session(path: path, budget: maxDecompressedBytes, maxPageBytes: maxPageBytes)
        if Gzip.hasMagic(bytes) {
            try readCompressed(bytes, session: &session)
        } else {
            try readPlain(bytes, session: &session)
        }
        return session.result
    }

    /// Reads an uncompressed WARC in place.
    private func readPlain(_ bytes: [UInt8], session: inout Session) throws {
        try bytes.withUnsafeBytes { buffer in
            var position = WARCReader.skipNewlines(buffer, from: 0)
            while position < buffer.count {
                let recordStart = position
                switch WARCRecordHeader.parse(buffer, at: position) {
                case .incomplete:
                    session.fail(
                        .malformedWARC,
                        "truncated record header at byte \(recordStart): the file ends inside it"
                    )
                    return
                case .malformed(let reason):
                    if session.index == 0 && recordStart == 0 { throw session.notAWARCFile(reason) }
                    session.fail(.malformedWARC, "bad record header at byte \(recordStart): \(reason)")
                    session.index += 1
                    guard let next = WARCReader.nextRecordStart(buffer, after: recordStart) else { return }
                    position = next
                    continue
                case .header(let header, let blockStart):
                    let blockEnd = blockStart + header.contentLength
                    if header.contentLength > maxDecompressedBytes {
                        session.fail(
                            .tooLarge,
                            "record at byte \(recordStart) has Content-Length \(header.contentLength), "
                                + "over the limit of \(maxDecompressedBytes) bytes"
                        )
                    } else if blockEnd > buffer.count {
                        session.fail(
                            .malformedWARC,
                            "truncated record at byte \(recordStart): Content-Length "
                                + "\(header.contentLength) but only \(buffer.count - blockStart) bytes remain"
                        )
                        return
                    } else {
                        session.process(header, block: UnsafeRawBufferPointer(rebasing: buffer[blockStart..<blockEnd]))
                    }
                    guard blockEnd <= buffer.count else { return }
                    session.index += 1
                    position = WARCReader.skipNewlines(buffer, from: blockEnd)
                }
            }
        }
    }

    /// Reads a WARC.gz member by member, carrying a record that spans members over to the next one.
    private func readCompressed(_ bytes: [UInt8], session: inout Session) throws {
        let decoder = GzipMemberDecoder(bytes)
        var pending: [UInt8] = []
        var resyncing = false
        var sawRecord = false
        while let member = decoder.next(budget: min(session.budget, maxRecordBytes)) {
            switch member {
            case .decoded(let start, let output):
                if resyncing {
                    // After a corrupt member, a "1f 8b 08" inside compressed data can look like a header;
                    // only a member that decodes and starts a WARC record ends the search.
                    guard WARCReader.startsRecord(output) else {
                        decoder.skip(from: start)
                        continue
                    }
                    resyncing = false
                }
                session.budget -= output.count
                if pending.isEmpty { pending = output } else { pending += output }
                let consumed = try pending.withUnsafeBytes { buffer in
                    try parseRecords(buffer, memberStart: start, firstMember: !sawRecord, session: &session)
                }
                sawRecord = true
                if consumed == pending.count { pending = [] } else { pending.removeFirst(consumed) }
                if pending.count > maxRecordBytes {
                    // A record spread over members: never hold more of it than one record may decode to.
                    session.fail(
                        .tooLarge,
                        "record in the gzip members up to byte \(decoder.offset) decodes past the limit of "
                            + "\(ByteCount.describe(maxRecordBytes)) for one record; skipped"
                    )
                    session.index += 1
                    pending = []
                    resyncing = true
                }
            case .truncated(let start):
                session.fail(
                    .compression,
                    "truncated gzip member at byte \(start): the file ends at byte \(bytes.count) "
                        + "before the member does"
                )
                return
            case .corrupt(let start, let at, let reason):
                if resyncing {
                    decoder.skip(from: start)
                    continue
                }
                if !sawRecord && start == 0 {
                    throw IngestError(
                        .compression,
                        "corrupt gzip data at byte \(at)",
                        path: session.path,
                        location: "byte \(at)",
                        cause: reason
                    )
                }
                session.fail(.compression, "corrupt gzip member at byte \(start) (error at byte \(at))", cause: reason)
                session.index += 1
                pending = []
                resyncing = true
                decoder.skip(from: start)
            case .tooLarge(let start, _, let head):
                guard session.budget > maxRecordBytes else {
                    session.fail(
                        .tooLarge,
                        "gzip member at byte \(start) expands past the decompression limit of "
                            + "\(maxDecompressedBytes) bytes for this file"
                    )
                    return
                }
                // One record (a gzip bomb, a video) too large to hold: what was inflated counts against the file's
                // budget, the record is reported if it could be a page, and reading resumes at the next member.
                session.budget -= maxRecordBytes
                // While resyncing, a member that does not start a record may be a false gzip header.
                if !resyncing || WARCReader.startsRecord(head) {
                    if WARCReader.couldHoldAPage(head) {
                        let uri = WARCReader.targetURI(head)
                        session.fail(
                            .tooLarge,
                            "gzip member at byte \(start)"
                                + (uri.map { " (\(IngestError.quote($0, limit: 200)))" } ?? "")
                                + " decodes past the limit of \(ByteCount.describe(maxRecordBytes)) for one record; "
                                + "skipped"
                        )
                    }
                    session.index += 1
                    pending = []
                    resyncing = true
                }
                decoder.skip(from: start)
            case .notGzip(let start):
                if resyncing {
                    decoder.skip(from: start)
                    continue
                }
                let shown = Gzip.hex(bytes[start..<min(bytes.count, start + 8)])
                session.fail(.compression, "bytes \(shown) at byte \(start) are not a gzip member")
                session.index += 1
                pending = []
                resyncing = true
                decoder.skip(from: start)
            }
        }
        if pending.contains(where: { $0 != 0x0D && $0 != 0x0A }) {
            session.fail(.malformedWARC, "truncated record: the file ends inside it")
        }
    }

    /// Reads every complete record in `buffer` (decompressed data); returns how many bytes were used.
    private func parseRecords(
        _ buffer: UnsafeRawBufferPointer,
        memberStart: Int,
        firstMember: Bool,
        session: inout Session
    ) throws -> Int {
        var position = WARCReader.skipNewlines(buffer, from: 0)
        while position < buffer.count {
            switch WARCRecordHeader.parse(buffer, at: position) {
            case .incomplete:
                return position
            case .malformed(let reason):
                if firstMember && session.index == 0 && position == 0 { throw session.notAWARCFile(reason) }
                session.fail(.malformedWARC, "bad record header in the gzip member at byte \(memberStart): \(reason)")
                session.index += 1
                return buffer.count
            case .header(let header, let blockStart):
                let blockEnd = blockStart + header.contentLength
                guard blockEnd <= buffer.count else { return position }
                session.process(header, block: UnsafeRawBufferPointer(rebasing: buffer[blockStart..<blockEnd]))
                session.index += 1
                position = WARCReader.skipNewlines(buffer, from: blockEnd)
            }
        }
        return buffer.count
    }

    /// Whether the start of a decoded record (`head`) may be a response holding an HTML page: a response record
    /// whose HTTP head, if it is there, says 2xx and HTML or no type. Anything else too large is skipped silently.
    static func couldHoldAPage(_ head: [UInt8]) -> Bool {
        head.withUnsafeBytes { buffer in
            let start = skipNewlines(buffer, from: 0)
            guard case .header(let header, let blockStart) = WARCRecordHeader.parse(buffer, at: start) else {
                return true
            }
            guard header.type == "response" else { return false }
            guard let response = HTTPResponse(parsing: UnsafeRawBufferPointer(rebasing: buffer[blockStart...])) else {
                return true
            }
            let mediaType = response.mediaType
            return (200..<300).contains(response.status)
                && (mediaType == nil || mediaType == "text/html" || mediaType == "application/xhtml+xml")
        }
    }

    /// The `WARC-Target-URI` of the record that `head` starts, if its header is complete.
    static func targetURI(_ head: [UInt8]) -> String? {
        head.withUnsafeBytes { buffer in
            guard case .header(let header, _) = WARCRecordHeader.parse(buffer, at: skipNewlines(buffer, from: 0))
            else { return nil }
            return header.targetURI
        }
    }

    private static func skipNewlines(_ buffer: UnsafeRawBufferPointer, from start: Int) -> Int {
        var position = start
        while position < buffer.count && (buffer[position] == 0x0D || buffer[position] == 0x0A) { position += 1 }
        return position
    }

    /// Whether decompressed data starts (after blank lines) with a WARC version line.
    private static func startsRecord(_ bytes: [UInt8]) -> Bool {
        let body = bytes.drop { $0 == 0x0D || $0 == 0x0A }
        return body.starts(with: "WARC/".utf8)
    }

    /// The next "WARC/1." at the start of a line after `offset`, to resume after a malformed header.
    private static func nextRecordStart(_ buffer: UnsafeRawBufferPointer, after offset: Int) -> Int? {
        let needle = Array("\nWARC/1.".utf8)
        var i = offset
        while i + needle.count <= buffer.count {
            if buffer[i] == 0x0A && buffer[(i + 1)..<(i + needle.count)].elementsEqual(needle[1...]) {
                return i + 1
            }
            i += 1
        }
        return nil
    }
}
