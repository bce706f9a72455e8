/// Chooses the character encoding libxml2 decodes a page with.
///
/// Order: the encoding an outer layer declared (HTTP `Content-Type`), a byte-order mark, the page's own
/// `<meta charset>` / `http-equiv` / XML declaration (found by a byte prescan of the first 4 KiB, as
/// browsers do), then UTF-8 when the bytes are valid UTF-8, else windows-1252 (the HTML default).
/// Latin-1 and ASCII labels are read as windows-1252, as the WHATWG Encoding Standard requires.
enum HTMLEncoding {
    static func choose(_ bytes: UnsafeRawBufferPointer, declared: String?) -> String? {
        if let declared = declared.map(normalize), !declared.isEmpty { return declared }
        if bytes.count >= 3, bytes[0] == 0xEF, bytes[1] == 0xBB, bytes[2] == 0xBF { return "UTF-8" }
        if bytes.count >= 2, (bytes[0] == 0xFF && bytes[1] == 0xFE) || (bytes[0] == 0xFE && bytes[1] == 0xFF) {
            return nil  // UTF-16 with a BOM: libxml2 detects it.
        }
        if let label = prescan(UnsafeRawBufferPointer(rebasing: bytes[0..<min(bytes.count, 4096)])) {
            return normalize(label)
        }
        return HTMLBytes.isValidUTF8(bytes) ? "UTF-8" : "windows-1252"
    }

    /// Maps labels to the names libxml2 (iconv) knows, reading Latin-1 and ASCII as windows-1252.
    static func normalize(_ label: String) -> String {
        let lower = TextCleanup.collapseWhitespace(label).lowercased()
        switch lower {
        case "iso-8859-1", "iso8859-1", "latin1", "latin-1", "l1", "us-ascii", "ascii", "cp1252", "windows-1252",
            "x-cp1252", "iso_8859-1", "cp819", "ibm819":
            return "windows-1252"
        case "utf8", "unicode-1-1-utf-8", "utf-8":
            return "UTF-8"
        default:
            return lower
        }
    }

    /// Finds a charset declared in `<meta charset=…>`, `<meta http-equiv content="…; charset=…">` or
    /// `<?xml … encoding="…"?>`, scanning bytes (no regular expressions).
    static func prescan(_ b: UnsafeRawBufferPointer) -> String? {
        var i = 0
        let n = b.count
        func lower(_ k: Int) -> UInt8 { HTMLBytes.lower(b[k]) }
        func matches(_ k: Int, _ word: StaticString) -> Bool {
            word.withUTF8Buffer { w in
                guard k + w.count <= n else { return false }
                for j in 0..<w.count where lower(k + j) != w[j] { return false }
                return true
            }
        }
        while i < n {
            guard b[i] == 0x3C else {
                i += 1
                continue
            }
            if matches(i, "<!--") {
                // Skip comments.
                var k = i + 4
                while k + 2 < n, !(b[k] == 0x2D && b[k + 1] == 0x2D && b[k + 2] == 0x3E) { k += 1 }
                i = k + 3
                continue
            }
            let isMeta = matches(i, "<meta") && i + 5 < n && (HTMLBytes.isSpace(b[i + 5]) || b[i + 5] == 0x2F)
            let isXML = matches(i, "<?xml")
            guard isMeta || isXML else {
                i += 1
                continue
            }
            var end = i
            while end < n, b[end] != 0x3E { end += 1 }
            let key: StaticString = isMeta ? "charset" : "encoding"
            var k = i
            while k < end {
                if matches(k, key) {
                    var v = k + key.utf8CodeUnitCount
                    while v < end, HTMLBytes.isSpace(b[v]) { v += 1 }
                    guard v < end, b[v] == 0x3D else {
                        k += 1
                        continue
                    }
                    v += 1
                    while v < end, HTMLBytes.isSpace(b[v]) || b[v] == 0x22 || b[v] == 0x27 { v += 1 }
                    let start = v
                    while v < end, !HTMLBytes.isSpace(b[v]), b[v] != 0x22, b[v] != 0x27, b[v] != 0x3B,
                        b[v] != 0x2F || v == start
                    {
                        v += 1
                    }
                    if v > start {
                        return String(decoding: UnsafeRawBufferPointer(rebasing: b[start..<v]), as: UTF8.self)
                    }
                }
                k += 1
            }
            i = end + 1
        }
        return nil
    }
}
