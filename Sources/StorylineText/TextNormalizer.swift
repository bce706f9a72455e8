import StorylineCore

/// A folded *view* of a text for matching — never a rewrite of the text whose offsets Storyline reports.
///
/// ``fold(_:)-(String)`` maps curly and angled quotation marks to `'` and `"`, hyphens, en and em dashes and
/// the minus sign to `-`, the ellipsis `…` to `...`, non-breaking, thin and zero-width spaces to a space,
/// and removes soft hyphens and invisible joiners. It returns the folded bytes together with a map back
/// to the original UTF-8 byte offsets, so a match found in the folded view reports the range of the
/// original characters: see ``Folded/originalRange(of:)``.
public enum TextNormalizer {
    /// Folded UTF-8 bytes and the map from each of them back to the original text.
    public struct Folded: Sendable {
        /// The folded bytes (valid UTF-8).
        public let bytes: [UInt8]
        /// For each folded byte, the original byte range of the character it comes from; nil when the
        /// fold changed nothing (the identity map).
        private let starts: [Int32]?
        private let ends: [Int32]?
        /// The length of the original text in UTF-8 bytes.
        public let originalCount: Int

        init(bytes: [UInt8], starts: [Int32]?, ends: [Int32]?, originalCount: Int) {
            self.bytes = bytes
            self.starts = starts
            self.ends = ends
            self.originalCount = originalCount
        }

        /// Whether the folded bytes are the original bytes.
        public var isIdentity: Bool { starts == nil }

        /// The folded text as a string.
        public var string: String { String(decoding: bytes, as: UTF8.self) }

        /// The original byte offset where the folded byte at `offset` comes from (`0...bytes.count`).
        public func originalOffset(of offset: Int) -> Int {
            guard let starts else { return offset }
            return offset == bytes.count ? originalCount : Int(starts[offset])
        }

        /// The original byte range that a range of folded bytes covers, whole characters included.
        public func originalRange(of range: TextRange) -> TextRange {
            guard let starts, let ends else { return range }
            if range.isEmpty {
                let offset = originalOffset(of: range.start)
                return TextRange(start: offset, end: offset)
            }
            return TextRange(start: Int(starts[range.start]), end: Int(ends[range.end - 1]))
        }
    }

    /// The folded view of a text.
    public static func fold(_ text: String) -> Folded {
        if let folded = text.utf8.withContiguousStorageIfAvailable({ fold(utf8: $0) }) { return folded }
        return Array(text.utf8).withUnsafeBufferPointer { fold(utf8: $0) }
    }

    /// The folded view of UTF-8 bytes.
    public static func fold(utf8 bytes: [UInt8]) -> Folded {
        bytes.withUnsafeBufferPointer { fold(utf8: $0) }
    }

    /// The folded view of UTF-8 bytes; the map refers to offsets in `bytes`.
    public static func fold(utf8 bytes: UnsafeBufferPointer<UInt8>) -> Folded {
        // Fast path: pure ASCII folds to itself.
        var firstChange = -1
        var i = 0
        while i < bytes.count {
            if bytes[i] >= 0x80 {
                let (scalar, length) = UTF8Scalar.decode(bytes, at: i)
                if replacement(for: scalar) != nil {
                    firstChange = i
                    break
                }
                i += length
            } else {
                i += 1
            }
        }
        guard firstChange >= 0 else {
            return Folded(bytes: Array(bytes), starts: nil, ends: nil, originalCount: bytes.count)
        }
        var out = [UInt8]()
        var starts = [Int32]()
        var ends = [Int32]()
        out.reserveCapacity(bytes.count)
        starts.reserveCapacity(bytes.count)
        ends.reserveCapacity(bytes.count)
        for offset in 0..<firstChange {
            out.append(bytes[offset])
            starts.append(Int32(offset))
            ends.append(Int32(offset + 1))
        }
        i = firstChange
        while i < bytes.count {
            let lead = bytes[i]
            if lead < 0x80 {
                out.append(lead)
                starts.append(Int32(i))
                ends.append(Int32(i + 1))
                i += 1
                continue
            }
            let (scalar, length) = UTF8Scalar.decode(bytes, at: i)
            if let folded = replacement(for: scalar) {
                for byte in folded {
                    out.append(byte)
                    starts.append(Int32(i))
                    ends.append(Int32(i + length))
                }
            } else {
                for offset in 0..<length {
                    out.append(bytes[i + offset])
                    starts.append(Int32(i + offset))
                    ends.append(Int32(i + offset + 1))
                }
            }
            i += length
        }
        return Folded(bytes: out, starts: starts, ends: ends, originalCount: bytes.count)
    }

    /// The folded form of one scalar, or nil when it folds to itself. An empty array removes it.
    public static func replacement(for scalar: UInt32) -> [UInt8]? {
        switch scalar {
        case 0x2018, 0x2019, 0x201A, 0x201B, 0x2032, 0x2035, 0x2039, 0x203A: return apostrophe
        case 0x201C, 0x201D, 0x201E, 0x201F, 0x2033, 0x2036, 0xAB, 0xBB: return quotation
        case 0x2010, 0x2011, 0x2012, 0x2013, 0x2014, 0x2015, 0x2212, 0xFE58, 0xFE63, 0xFF0D: return hyphen
        case 0x2026: return ellipsis
        case 0xA0, 0x1680, 0x2000...0x200B, 0x202F, 0x205F, 0x3000: return space
        case 0xAD, 0x2060, 0xFEFF: return removed
        default: return nil
        }
    }

    private static let apostrophe: [UInt8] = [0x27]
    private static let quotation: [UInt8] = [0x22]
    private static let hyphen: [UInt8] = [0x2D]
    private static let ellipsis: [UInt8] = [0x2E, 0x2E, 0x2E]
    private static let space: [UInt8] = [0x20]
    private static let removed: [UInt8] = []
}
