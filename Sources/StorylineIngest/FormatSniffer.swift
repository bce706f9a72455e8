import StorylineCore

/// Recognises an input's format from its first bytes, not from its file name.
public enum FormatSniffer {
    /// What the first bytes say.
    public enum Kind: Sendable, Equatable {
        case format(InputFormat)
        /// gzip-compressed data (a WARC.gz, or any other format compressed).
        case gzip
        case empty
        /// NUL bytes or other binary content, at the given byte offset.
        case binary(offset: Int)
    }

    /// Sniffs at most the first 64 KiB.
    public static func sniff(_ bytes: [UInt8]) -> Kind {
        if bytes.count >= 2, bytes[0] == 0x1F, bytes[1] == 0x8B { return .gzip }
        let head = bytes.prefix(64 << 10)
        if head.starts(with: Array("WARC/".utf8)) { return .format(.warc) }
        var i = head.startIndex
        if head.starts(with: [0xEF, 0xBB, 0xBF]) { i += 3 }
        while i < head.endIndex, isSpace(head[i]) { i += 1 }
        if i == head.endIndex, bytes.count <= head.count { return .empty }
        if let nul = head.firstIndex(of: 0) { return .binary(offset: nul) }
        var controls = 0
        for byte in head where byte < 0x20 && !isSpace(byte) && byte != 0x1B { controls += 1 }
        if controls * 20 > head.count + 20 {
            return .binary(offset: head.firstIndex { $0 < 0x20 && !isSpace($0) } ?? 0)
        }
        guard i < head.endIndex else { return .empty }
        if head[i] == UInt8(ascii: "<") {
            if let root = xmlRootName(Array(head[i...])) {
                switch root {
                case "rss", "rdf:rdf", "rdf": return .format(.rss)
                case "feed": return .format(.atom)
                default: break
                }
            }
            return .format(.html)
        }
        if head[i] == UInt8(ascii: "{") { return .format(.jsonl) }
        return .format(.plainText)
    }

    /// Whether text starts like an HTML document or fragment.
    public static func looksLikeHTML(_ head: [UInt8]) -> Bool {
        var i = 0
        if head.starts(with: [0xEF, 0xBB, 0xBF]) { i = 3 }
        while i < head.count, isSpace(head[i]) { i += 1 }
        guard i < head.count, head[i] == UInt8(ascii: "<") else { return false }
        let lower = head[i...].prefix(512).map { $0 >= 0x41 && $0 <= 0x5A ? $0 | 0x20 : $0 }
        let text = String(decoding: lower, as: UTF8.self)
        return text.hasPrefix("<!doctype html") || text.hasPrefix("<html") || text.contains("<head")
            || text.contains("<body") || text.contains("<p") || text.contains("<div") || text.contains("<article")
    }

    /// The lowercased name of the first element, skipping the XML declaration, comments, doctype and
    /// processing instructions.
    static func xmlRootName(_ b: [UInt8]) -> String? {
        var i = 0
        while i < b.count {
            guard b[i] == UInt8(ascii: "<") else {
                if isSpace(b[i]) { i += 1; continue }
                return nil
            }
            if i + 1 < b.count, b[i + 1] == UInt8(ascii: "?") || b[i + 1] == UInt8(ascii: "!") {
                // Skip to the end of the declaration, comment or doctype — past a doctype's internal subset
                // (`<!DOCTYPE rss [ <!ENTITY …> ]>`), whose declarations hold `>` too.
                let closer: [UInt8] = b[i...].starts(with: Array("<!--".utf8)) ? Array("-->".utf8) : [UInt8(ascii: ">")]
                var j = i + 2
                var inSubset = false
                while j + closer.count <= b.count {
                    if closer.count == 1 {
                        if b[j] == UInt8(ascii: "[") { inSubset = true }
                        if b[j] == UInt8(ascii: "]") { inSubset = false }
                    }
                    if !inSubset, b[j..<(j + closer.count)].elementsEqual(closer) { break }
                    j += 1
                }
                i = j + closer.count
                continue
            }
            var j = i + 1
            var name: [UInt8] = []
            while j < b.count, !isSpace(b[j]), b[j] != UInt8(ascii: ">"), b[j] != UInt8(ascii: "/") {
                name.append(b[j] >= 0x41 && b[j] <= 0x5A ? b[j] | 0x20 : b[j])
                j += 1
            }
            return String(decoding: name, as: UTF8.self)
        }
        return nil
    }

    @inline(__always) static func isSpace(_ c: UInt8) -> Bool {
        c == 0x20 || c == 0x0A || c == 0x0D || c == 0x09 || c == 0x0C
    }
}
