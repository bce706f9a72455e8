/// Whitespace clean-up shared by all readers.
public enum TextCleanup {
    /// Replaces runs of whitespace (including no-break, zero-width and other Unicode spaces, and line breaks)
    /// by one space, removes soft hyphens, and trims both ends.
    public static func collapseWhitespace(_ text: String) -> String {
        var out = String.UnicodeScalarView()
        var pendingSpace = false
        for scalar in text.unicodeScalars {
            switch scalar.value {
            case 0x09, 0x0A, 0x0B, 0x0C, 0x0D, 0x20, 0x85, 0xA0, 0x1680, 0x2000...0x200A, 0x2028, 0x2029, 0x202F,
                0x205F, 0x3000:
                pendingSpace = true
            case 0x00AD, 0x200B, 0xFEFF, 0x2060:
                continue
            case 0x00...0x08, 0x0E...0x1F, 0x7F:
                continue
            default:
                if pendingSpace && !out.isEmpty { out.append(" ") }
                pendingSpace = false
                out.append(scalar)
            }
        }
        return String(out)
    }
}
