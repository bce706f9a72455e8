/// Undoes the transfer and content codings of an HTTP response body as archived in a WARC record.
///
/// Crawlers differ: some archive the bytes exactly as sent, some decode the body but keep the headers
/// (Common Crawl renames them, others do not). So a coding is undone only when the bytes look encoded:
/// a "chunked" body must start with a chunk-size line, a "gzip" body with the gzip magic number.
enum HTTPBody {
    /// Decodes `body` according to `Transfer-Encoding` then `Content-Encoding`, producing at most `limit` bytes.
    ///
    /// - Throws: ``IngestError/Code/compression`` for corrupt compressed data or an unsupported coding (`br`),
    ///   ``IngestError/Code/tooLarge`` past `limit`.
    static func decode(
        _ body: [UInt8],
        transferEncoding: String?,
        contentEncoding: String?,
        limit: Int
    ) throws -> [UInt8] {
        var bytes = body
        if let transferEncoding, codings(transferEncoding).contains("chunked"), let dechunked = dechunk(bytes) {
            bytes = dechunked
        }
        guard let contentEncoding else { return bytes }
        for coding in codings(contentEncoding).reversed() {
            switch coding {
            case "", "identity", "none":
                continue
            case "gzip", "x-gzip":
                if Gzip.hasMagic(bytes) { bytes = try Gzip.decompress(bytes, limit: limit) }
            case "deflate":
                if !bytes.isEmpty && !looksLikeText(bytes) { bytes = try Gzip.inflate(bytes, limit: limit) }
            default:
                throw IngestError(.compression, "unsupported Content-Encoding \(IngestError.quote(coding))")
            }
        }
        return bytes
    }

    /// The codings of a header value, lowercased, in the order listed.
    private static func codings(_ value: String) -> [String] {
        value.split(separator: ",").map { part in
            String(part.unicodeScalars.filter { $0 != " " && $0 != "\t" }).lowercased()
        }
    }

    /// Whether the body starts like markup or text rather than compressed data (already decoded by the crawler).
    private static func looksLikeText(_ bytes: [UInt8]) -> Bool {
        guard let first = bytes.first(where: { $0 != 0x20 && $0 != 0x0A && $0 != 0x0D && $0 != 0x09 }) else {
            return true
        }
        return first == 0x3C || first == 0xEF  // "<" or a UTF-8 BOM
    }

    /// Joins the chunks of a `Transfer-Encoding: chunked` body. Returns nil when the body does not start with a
    /// chunk-size line (it was stored decoded); a body cut off mid-chunk keeps what arrived, as browsers do.
    static func dechunk(_ body: [UInt8]) -> [UInt8]? {
        var output: [UInt8] = []
        output.reserveCapacity(body.count)
        var position = 0
        var first = true
        while position < body.count {
            var size = 0
            var digits = 0
            var i = position
            while i < body.count, let digit = hexValue(body[i]) {
                guard size < (Int.max >> 4) else { return first ? nil : output }
                size = size << 4 | digit
                digits += 1
                i += 1
            }
            guard digits > 0, let newline = body[i...].firstIndex(of: 0x0A) else { return first ? nil : output }
            // Only chunk extensions (";name=value") or spaces may follow the size on its line.
            if i < newline, body[i] != 0x3B && body[i] != 0x20 && body[i] != 0x0D && body[i] != 0x09 {
                return first ? nil : output
            }
            first = false
            if size == 0 { break }
            let start = newline + 1
            let end = min(body.count, start + size)
            output.append(contentsOf: body[start..<end])
            position = end
            if position < body.count && body[position] == 0x0D { position += 1 }
            if position < body.count && body[position] == 0x0A { position += 1 }
        }
        return output
    }

    private static func hexValue(_ byte: UInt8) -> Int? {
        switch byte {
        case 0x30...0x39: return Int(byte - 0x30)
        case 0x41...0x46: return Int(byte - 0x41 + 10)
        case 0x61...0x66: return Int(byte - 0x61 + 10)
        default: return nil
        }
    }

    /// Whether the first kilobyte of a body looks like an HTML document (`<!DOCTYPE html`, `<html`), for
    /// responses that state no `Content-Type`.
    static func sniffsAsHTML(_ body: [UInt8]) -> Bool {
        let prefix = body.prefix(1024).map { $0 >= 0x41 && $0 <= 0x5A ? $0 + 0x20 : $0 }
        let needles: [[UInt8]] = [Array("<html".utf8), Array("<!doctype html".utf8)]
        return needles.contains { needle in
            prefix.count >= needle.count
                && (0...(prefix.count - needle.count)).contains { start in
                    prefix[start..<(start + needle.count)].elementsEqual(needle)
                }
        }
    }
}
