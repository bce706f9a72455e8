/// The HTTP response stored in a WARC `response` record: status, headers and the body as sent on the wire.
///
/// Header names are stored lowercased; values are decoded as ISO-8859-1 (HTTP's historical header charset)
/// and trimmed. `bodyRange` is a byte range into the record block that was parsed.
struct HTTPResponse {
    /// The status code, e.g. 200.
    var status: Int
    /// The header fields in order, names lowercased.
    var headers: [(name: String, value: String)]
    /// Where the body is in the block.
    var bodyRange: Range<Int>

    /// Parses a status line (`HTTP/1.1 200 OK`), the header fields and the blank line that ends them.
    /// Returns nil when the block does not start with an HTTP status line or the headers never end.
    init?(parsing block: UnsafeRawBufferPointer) {
        guard block.count >= 12, block[0] == 0x48, block[1] == 0x54, block[2] == 0x54, block[3] == 0x50,
            block[4] == 0x2F, let space = block[5...].firstIndex(of: 0x20)
        else { return nil }
        var codeStart = space
        while codeStart < block.count && block[codeStart] == 0x20 { codeStart += 1 }
        guard codeStart + 3 <= block.count else { return nil }
        var code = 0
        for i in codeStart..<(codeStart + 3) {
            guard block[i] >= 0x30 && block[i] <= 0x39 else { return nil }
            code = code * 10 + Int(block[i] - 0x30)
        }
        guard let statusEnd = block[codeStart...].firstIndex(of: 0x0A) else { return nil }
        var headers: [(name: String, value: String)] = []
        var lineStart = statusEnd + 1
        while true {
            guard let newline = block[lineStart...].firstIndex(of: 0x0A) else { return nil }
            var lineEnd = newline
            if lineEnd > lineStart && block[lineEnd - 1] == 0x0D { lineEnd -= 1 }
            if lineEnd == lineStart {
                lineStart = newline + 1
                break
            }
            let line = block[lineStart..<lineEnd]
            if line.first == 0x20 || line.first == 0x09, !headers.isEmpty {
                headers[headers.count - 1].value += " " + HTTPResponse.latin1(line).trimmedSpaces
            } else if let colon = line.firstIndex(of: 0x3A) {
                headers.append(
                    (
                        HTTPResponse.latin1(line[..<colon]).trimmedSpaces.lowercased(),
                        HTTPResponse.latin1(line[(colon + 1)...]).trimmedSpaces
                    )
                )
            }
            lineStart = newline + 1
        }
        self.status = code
        self.headers = headers
        self.bodyRange = lineStart..<block.count
    }

    /// The value of the header `name` (lowercase); repeated headers are joined with ", " as HTTP allows.
    func value(_ name: String) -> String? {
        let values = headers.filter { $0.name == name }.map(\.value)
        return values.isEmpty ? nil : values.joined(separator: ", ")
    }

    /// The media type of `Content-Type`, lowercased, without parameters (`text/html`); nil when absent or empty.
    var mediaType: String? {
        guard let contentType = value("content-type") else { return nil }
        let type = String(contentType.prefix { $0 != ";" }).trimmedSpaces.lowercased()
        return type.isEmpty ? nil : type
    }

    /// The `charset` parameter of `Content-Type`, unquoted (`windows-1252`), when given.
    var charset: String? {
        guard let contentType = value("content-type") else { return nil }
        for parameter in contentType.split(separator: ";").dropFirst() {
            let parts = parameter.split(separator: "=", maxSplits: 1)
            guard parts.count == 2, String(parts[0]).trimmedSpaces.lowercased() == "charset" else { continue }
            var value = String(parts[1]).trimmedSpaces
            if value.count >= 2 && value.hasPrefix("\"") && value.hasSuffix("\"") {
                value = String(value.dropFirst().dropLast())
            }
            return value.isEmpty ? nil : value
        }
        return nil
    }

    private static func latin1(_ bytes: Slice<UnsafeRawBufferPointer>) -> String {
        var scalars = String.UnicodeScalarView()
        for byte in bytes { scalars.append(Unicode.Scalar(byte)) }
        return String(scalars)
    }
}

extension String {
    /// The string without leading and trailing spaces and tabs.
    fileprivate var trimmedSpaces: String {
        var scalars = Substring(self).unicodeScalars
        while let first = scalars.first, first == " " || first == "\t" { scalars.removeFirst() }
        while let last = scalars.last, last == " " || last == "\t" { scalars.removeLast() }
        return String(scalars)
    }
}
