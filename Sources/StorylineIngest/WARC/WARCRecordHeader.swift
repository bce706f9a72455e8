import StorylineCore

/// The header block of one WARC record (WARC/1.0 or WARC/1.1): the version line and the named fields.
///
/// Field names are compared case-insensitively (they are stored lowercased); values are trimmed and
/// continuation lines are joined with a space. Offsets are byte offsets into the buffer being parsed.
struct WARCRecordHeader {
    /// The version line, e.g. `WARC/1.1`.
    var version: String
    /// The fields in order, names lowercased.
    var fields: [(name: String, value: String)]
    /// The length of the record's block, from `Content-Length`.
    var contentLength: Int

    /// What ``parse(_:at:)`` found at an offset.
    enum Parse {
        /// A header; the block starts at `blockStart`.
        case header(WARCRecordHeader, blockStart: Int)
        /// The buffer ends inside the header.
        case incomplete
        /// Not a WARC record header; `reason` quotes what was found.
        case malformed(reason: String)
    }

    /// Headers longer than this are refused as malformed rather than buffered.
    static let maxHeaderBytes = 1 << 20

    /// The value of the first field named `name` (lowercase), or nil.
    func value(_ name: String) -> String? {
        fields.first { $0.name == name }?.value
    }

    /// `WARC-Type`, lowercased.
    var type: String? { value("warc-type")?.lowercased() }

    /// `WARC-Target-URI`, without the angle brackets some WARC/1.0 writers put around it.
    var targetURI: String? {
        guard var uri = value("warc-target-uri"), !uri.isEmpty else { return nil }
        if uri.hasPrefix("<") && uri.hasSuffix(">") { uri = String(uri.dropFirst().dropLast()) }
        return uri
    }

    /// `WARC-Record-ID`, as written (`<urn:uuid:…>`).
    var recordID: String? { value("warc-record-id") }

    /// `WARC-Date` (RFC 3339, UTC), when present and valid.
    var date: PublicationDate? { value("warc-date").flatMap(PublicationDate.init(iso8601:)) }

    /// Parses the header that starts at `start`: the `WARC/` version line, fields up to the blank line.
    static func parse(_ bytes: UnsafeRawBufferPointer, at start: Int) -> Parse {
        var lineStart = start
        var version: String?
        var fields: [(name: String, value: String)] = []
        while true {
            guard let newline = bytes[lineStart...].firstIndex(of: 0x0A) else {
                if bytes.count - start > maxHeaderBytes {
                    return .malformed(reason: "a record header longer than \(maxHeaderBytes) bytes")
                }
                guard version != nil || bytes.count - start < 5 || startsWithWARC(bytes, at: start) else {
                    return .malformed(reason: notWARC(bytes, at: start))
                }
                return .incomplete
            }
            if newline - start > maxHeaderBytes {
                return .malformed(reason: "a record header longer than \(maxHeaderBytes) bytes")
            }
            var lineEnd = newline
            if lineEnd > lineStart && bytes[lineEnd - 1] == 0x0D { lineEnd -= 1 }
            let line = bytes[lineStart..<lineEnd]
            let next = newline + 1
            if version == nil {
                guard startsWithWARC(bytes, at: lineStart) else { return .malformed(reason: notWARC(bytes, at: start)) }
                version = String(decoding: line, as: UTF8.self)
            } else if line.isEmpty {
                guard let lengthText = fields.first(where: { $0.name == "content-length" })?.value else {
                    return .malformed(reason: "a record header with no Content-Length")
                }
                guard let length = Int(lengthText), length >= 0 else {
                    return .malformed(reason: "Content-Length \(IngestError.quote(lengthText)) is not a byte count")
                }
                return .header(
                    WARCRecordHeader(version: version!, fields: fields, contentLength: length),
                    blockStart: next
                )
            } else if line.first == 0x20 || line.first == 0x09, !fields.isEmpty {
                fields[fields.count - 1].value += " " + trimmed(line)
            } else if let colon = line.firstIndex(of: 0x3A) {
                let name = String(decoding: line[..<colon], as: UTF8.self).lowercased()
                fields.append((name: trimmed(name), value: trimmed(line[(colon + 1)...])))
            } else {
                return .malformed(
                    reason: "a header line with no colon: \(IngestError.quote(String(decoding: line, as: UTF8.self)))"
                )
            }
            lineStart = next
        }
    }

    private static func startsWithWARC(_ bytes: UnsafeRawBufferPointer, at offset: Int) -> Bool {
        offset + 5 <= bytes.count && bytes[offset] == 0x57 && bytes[offset + 1] == 0x41 && bytes[offset + 2] == 0x52
            && bytes[offset + 3] == 0x43 && bytes[offset + 4] == 0x2F
    }

    private static func notWARC(_ bytes: UnsafeRawBufferPointer, at offset: Int) -> String {
        let shown = bytes[offset..<min(bytes.count, offset + 40)]
        return
            "expected \"WARC/1.0\" or \"WARC/1.1\", found \(IngestError.quote(String(decoding: shown, as: UTF8.self)))"
    }

    private static func trimmed(_ bytes: Slice<UnsafeRawBufferPointer>) -> String {
        var lower = bytes.startIndex
        var upper = bytes.endIndex
        while lower < upper && (bytes[lower] == 0x20 || bytes[lower] == 0x09) { lower += 1 }
        while upper > lower && (bytes[upper - 1] == 0x20 || bytes[upper - 1] == 0x09) { upper -= 1 }
        return String(decoding: bytes[lower..<upper], as: UTF8.self)
    }

    private static func trimmed(_ text: String) -> String {
        var scalars = Substring(text).unicodeScalars
        while let first = scalars.first, first == " " || first == "\t" { scalars.removeFirst() }
        while let last = scalars.last, last == " " || last == "\t" { scalars.removeLast() }
        return String(scalars)
    }
}
