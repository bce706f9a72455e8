/// Whitespace clean-up shared by all readers. Works on UTF-8 bytes.
public enum TextCleanup {
    /// Replaces runs of whitespace (including no-break, zero-width and other Unicode spaces, and line breaks)
    /// by one space, removes soft hyphens, zero-width characters and control characters, and trims both ends.
    public static func collapseWhitespace(_ text: String) -> String {
        var text = text
        return text.withUTF8 { collapseWhitespace(bytes: $0) }
    }

    /// ``collapseWhitespace(_:)`` over UTF-8 bytes (invalid sequences become U+FFFD).
    public static func collapseWhitespace<Bytes: Collection>(bytes: Bytes) -> String where Bytes.Element == UInt8 {
        if let result = bytes.withContiguousStorageIfAvailable({ collapse($0) }) { return result }
        return Array(bytes).withUnsafeBufferPointer { collapse($0) }
    }

    private static func collapse(_ b: UnsafeBufferPointer<UInt8>) -> String {
        String(unsafeUninitializedCapacity: b.count) { out in
            var n = 0
            var pendingSpace = false
            var i = 0
            let count = b.count
            while i < count {
                let c = b[i]
                if c < 0x80 {
                    if c == 0x20 || (c >= 0x09 && c <= 0x0D) {
                        pendingSpace = true
                    } else if c >= 0x20 && c != 0x7F {
                        if pendingSpace && n > 0 {
                            out[n] = 0x20
                            n += 1
                        }
                        pendingSpace = false
                        out[n] = c
                        n += 1
                    }
                    i += 1
                    continue
                }
                // Multi-byte: classify the few Unicode spaces and invisible characters by their bytes.
                let length = c >= 0xF0 ? 4 : c >= 0xE0 ? 3 : c >= 0xC0 ? 2 : 1
                let end = min(i + length, count)
                switch kind(b, i, end) {
                case .space:
                    pendingSpace = true
                case .drop:
                    break
                case .keep:
                    if pendingSpace && n > 0 {
                        out[n] = 0x20
                        n += 1
                    }
                    pendingSpace = false
                    for k in i..<end {
                        out[n] = b[k]
                        n += 1
                    }
                }
                i = end
            }
            return n
        }
    }

    private enum Kind { case space, drop, keep }

    @inline(__always)
    private static func kind(_ b: UnsafeBufferPointer<UInt8>, _ i: Int, _ end: Int) -> Kind {
        let c = b[i]
        if end - i == 2 {
            if c == 0xC2 {
                let d = b[i + 1]
                if d == 0xA0 || d == 0x85 { return .space }  // no-break space, next line
                if d == 0xAD { return .drop }  // soft hyphen
                if d >= 0x80 && d <= 0x9F { return .drop }  // C1 controls
            }
            return .keep
        }
        if end - i == 3 {
            let d = b[i + 1]
            let e = b[i + 2]
            switch (c, d) {
            case (0xE2, 0x80):
                if e <= 0x8A || e == 0xA8 || e == 0xA9 || e == 0xAF { return .space }  // U+2000–200A, 2028, 2029, 202F
                if e == 0x8B { return .drop }  // zero-width space
            case (0xE2, 0x81):
                if e == 0x9F { return .space }  // medium mathematical space
                if e == 0xA0 { return .drop }  // word joiner
            case (0xE3, 0x80):
                if e == 0x80 { return .space }  // ideographic space
            case (0xE1, 0x9A):
                if e == 0x80 { return .space }  // ogham space mark
            case (0xEF, 0xBB):
                if e == 0xBF { return .drop }  // byte-order mark / zero-width no-break space
            default: break
            }
        }
        return .keep
    }
}
