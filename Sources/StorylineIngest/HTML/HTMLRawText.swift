#if canImport(Glibc)
    import Glibc
#elseif canImport(Darwin)
    import Darwin
#endif

/// Removes, before parsing, the parts of a page the reader never uses: the bodies of `<script>`
/// elements other than JSON-LD, the bodies of `<style>` elements, and comments.
///
/// On news pages these are most of the bytes (inline bundles, JSON state blobs, CSS), and libxml2
/// decodes each of their characters one by one; skipping them with a byte scan halves the cost of a
/// page. The scan follows the HTML tokenizer's rules for raw text — a script body ends at the first
/// `</script` followed by white space, `/` or `>`, whatever it contains — so the tree libxml2 builds
/// is the same, minus the dropped bodies. JSON-LD (`type="application/ld+json"`) is kept: it carries
/// the article's metadata. Script literals are never read, so no date can come from one.
enum HTMLRawText {
    /// The page without script, style and comment bodies, or nil when it has none.
    static func strip(_ b: UnsafeRawBufferPointer) -> [UInt8]? {
        let count = b.count
        var out: [UInt8] = []
        var copyFrom = 0
        var i = 0
        while i < count {
            guard let lt = index(of: 0x3C, in: b, from: i) else { break }
            // Comment: <!-- … -->
            if lt + 3 < count, b[lt + 1] == 0x21, b[lt + 2] == 0x2D, b[lt + 3] == 0x2D {
                let end = find(Array("-->".utf8), in: b, from: lt + 4).map { $0 + 3 } ?? count
                append(b, copyFrom..<lt, to: &out, reserving: count)
                copyFrom = end
                i = end
                continue
            }
            let isScript = tagName(b, at: lt + 1, is: "script")
            guard isScript || tagName(b, at: lt + 1, is: "style") else {
                i = lt + 1
                continue
            }
            guard let close = endOfTag(b, from: lt + 1) else { break }
            let bodyStart = close + 1
            let bodyEnd = closingTag(script: isScript, in: b, from: bodyStart) ?? count
            if !(isScript && containsJSONLD(b, lt..<close)) && bodyEnd > bodyStart {
                append(b, copyFrom..<bodyStart, to: &out, reserving: count)
                copyFrom = bodyEnd
            }
            i = bodyEnd
        }
        guard copyFrom > 0 || !out.isEmpty else { return nil }
        append(b, copyFrom..<count, to: &out, reserving: count)
        return out
    }

    @inline(__always)
    private static func append(_ b: UnsafeRawBufferPointer, _ range: Range<Int>, to out: inout [UInt8], reserving: Int)
    {
        if out.capacity == 0 { out.reserveCapacity(reserving / 2) }
        out.append(contentsOf: UnsafeRawBufferPointer(rebasing: b[range]))
    }

    @inline(__always)
    private static func index(of byte: UInt8, in b: UnsafeRawBufferPointer, from start: Int) -> Int? {
        guard start < b.count, let base = b.baseAddress else { return nil }
        guard let hit = memchr(base + start, Int32(byte), b.count - start) else { return nil }
        return base.distance(to: UnsafeRawPointer(hit))
    }

    private static func find(_ needle: [UInt8], in b: UnsafeRawBufferPointer, from start: Int) -> Int? {
        var i = start
        while let hit = index(of: needle[0], in: b, from: i) {
            if hit + needle.count > b.count { return nil }
            var k = 1
            while k < needle.count, b[hit + k] == needle[k] { k += 1 }
            if k == needle.count { return hit }
            i = hit + 1
        }
        return nil
    }

    /// Whether the bytes at `at` spell `name` (ASCII, any case) followed by white space, `/` or `>`.
    private static func tagName(_ b: UnsafeRawBufferPointer, at: Int, is name: StaticString) -> Bool {
        let n = name.utf8CodeUnitCount
        guard at + n < b.count else { return false }
        let p = name.utf8Start
        for k in 0..<n where b[at + k] | 0x20 != p[k] { return false }
        let next = b[at + n]
        return next == 0x20 || next == 0x09 || next == 0x0A || next == 0x0C || next == 0x0D || next == 0x2F
            || next == 0x3E
    }

    /// The index of the `>` that ends the tag whose name starts at `from`, skipping quoted attribute values.
    private static func endOfTag(_ b: UnsafeRawBufferPointer, from: Int) -> Int? {
        var i = from
        var quote: UInt8 = 0
        while i < b.count {
            let c = b[i]
            if quote != 0 {
                if c == quote { quote = 0 }
            } else if c == 0x22 || c == 0x27 {
                quote = c
            } else if c == 0x3E {
                return i
            }
            i += 1
        }
        return nil
    }

    /// The start of the closing tag (`</script` or `</style`, any case, followed by white space, `/` or `>`).
    private static func closingTag(script: Bool, in b: UnsafeRawBufferPointer, from start: Int) -> Int? {
        var i = start
        while let lt = index(of: 0x3C, in: b, from: i) {
            if lt + 1 < b.count, b[lt + 1] == 0x2F,
                script ? tagName(b, at: lt + 2, is: "script") : tagName(b, at: lt + 2, is: "style")
            {
                return lt
            }
            i = lt + 1
        }
        return nil
    }

    /// Whether an opening `<script …>` tag declares JSON-LD.
    private static func containsJSONLD(_ b: UnsafeRawBufferPointer, _ range: Range<Int>) -> Bool {
        let needle = Array("ld+json".utf8)
        guard range.count >= needle.count else { return false }
        for start in range.lowerBound...(range.upperBound - needle.count) {
            var k = 0
            while k < needle.count, b[start + k] | 0x20 == needle[k] { k += 1 }
            if k == needle.count { return true }
        }
        return false
    }
}
