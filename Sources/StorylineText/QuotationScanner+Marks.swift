// Finding quotation-mark candidates in a paragraph and classifying the characters around them.

extension QuotationScanner {
    /// A quotation-mark character, before deciding whether it opens, closes or is an apostrophe.
    enum Glyph: UInt8 {
        case straightDouble  // "  U+0022
        case straightSingle  // '  U+0027
        case leftSingle  // ‘  U+2018
        case rightSingle  // ’  U+2019
        case lowSingle  // ‚  U+201A
        case leftDouble  // “  U+201C
        case rightDouble  // ”  U+201D
        case lowDouble  // „  U+201E
        case leftGuillemet  // «  U+00AB
        case rightGuillemet  // »  U+00BB
        case leftSingleGuillemet  // ‹  U+2039
        case rightSingleGuillemet  // ›  U+203A

        /// Whether the glyph can close a single-mark quote (used for the possessive look-ahead).
        var isSingleCloser: Bool {
            self == .straightSingle || self == .rightSingle || self == .leftSingle
        }
    }

    /// What kind of character sits next to a mark.
    enum CharClass: UInt8 {
        /// White space, a line end, or the start/end of the text.
        case space
        /// A letter or digit (any non-ASCII scalar that is not known punctuation counts as a letter).
        case word
        /// `(`, `[`, `{`, `¡`, `¿`.
        case opening
        /// `.`, `,`, `;`, `:`, `!`, `?`, `)`, `]`, `}`, `…`.
        case closing
        /// Hyphens and dashes.
        case dash
        /// Another quotation mark.
        case quote
        /// Any other symbol (`$`, `%`, `£`, `*`, `/`…).
        case other
    }

    /// A quotation-mark candidate: its byte offset and length, glyph, and neighbours.
    struct Mark {
        var offset: Int
        var length: Int
        var glyph: Glyph
        var before: CharClass
        var after: CharClass

        /// Preceded by space, start, an opening bracket, a dash or another mark, and followed by a
        /// non-space: where an opening mark stands.
        var canOpen: Bool {
            (before == .space || before == .opening || before == .dash || before == .quote) && after != .space
        }

        /// Preceded by a non-space and followed by space, end, punctuation, a dash or another mark:
        /// where a closing mark stands.
        var canClose: Bool {
            before != .space && (after == .space || after == .closing || after == .dash || after == .quote)
        }

        var end: Int { offset + length }
    }

    /// One line of the text: `start..<end` excludes the line terminator, `next` is where the next
    /// line starts, `contentStart` is the first byte that is not a space or tab (`nil` for a blank line).
    struct Paragraph {
        var start: Int
        var end: Int
        var next: Int
        var contentStart: Int?
    }

    /// Scans one paragraph from `start`, appending its quotation-mark candidates to `marks` (emptied
    /// first). Paragraphs end at `\n`, `\r`, U+2028 and U+2029.
    static func collectParagraph(
        _ bytes: UnsafeBufferPointer<UInt8>,
        from start: Int,
        into marks: inout [Mark]
    ) -> Paragraph {
        marks.removeAll(keepingCapacity: true)
        let count = bytes.count
        var contentStart: Int? = nil
        var index = start
        while index < count {
            let byte = bytes[index]
            if byte < 0x80 {
                if byte == 0x0A || byte == 0x0D {
                    return Paragraph(start: start, end: index, next: index + 1, contentStart: contentStart)
                }
                if contentStart == nil && byte != 0x20 && byte != 0x09 { contentStart = index }
                if byte == 0x22 {
                    marks.append(mark(bytes, index, 1, .straightDouble))
                } else if byte == 0x27 {
                    marks.append(mark(bytes, index, 1, .straightSingle))
                }
                index += 1
                continue
            }
            if contentStart == nil { contentStart = index }
            if byte == 0xE2, index + 2 < count, bytes[index + 1] == 0x80 {
                let glyph: Glyph?
                switch bytes[index + 2] {
                case 0x98: glyph = .leftSingle
                case 0x99: glyph = .rightSingle
                case 0x9A: glyph = .lowSingle
                case 0x9C: glyph = .leftDouble
                case 0x9D: glyph = .rightDouble
                case 0x9E: glyph = .lowDouble
                case 0xB9: glyph = .leftSingleGuillemet
                case 0xBA: glyph = .rightSingleGuillemet
                case 0xA8, 0xA9:
                    return Paragraph(start: start, end: index, next: index + 3, contentStart: contentStart)
                default: glyph = nil
                }
                if let glyph { marks.append(mark(bytes, index, 3, glyph)) }
                index += 3
                continue
            }
            if byte == 0xC2, index + 1 < count {
                let second = bytes[index + 1]
                if second == 0xAB {
                    marks.append(mark(bytes, index, 2, .leftGuillemet))
                } else if second == 0xBB {
                    marks.append(mark(bytes, index, 2, .rightGuillemet))
                }
                index += 2
                continue
            }
            index += 1
        }
        return Paragraph(start: start, end: count, next: count, contentStart: contentStart)
    }

    private static func mark(
        _ bytes: UnsafeBufferPointer<UInt8>,
        _ offset: Int,
        _ length: Int,
        _ glyph: Glyph
    ) -> Mark {
        Mark(
            offset: offset,
            length: length,
            glyph: glyph,
            before: classBefore(bytes, offset),
            after: classAt(bytes, offset + length)
        )
    }

    /// The class of the character ending just before byte `offset`.
    static func classBefore(_ bytes: UnsafeBufferPointer<UInt8>, _ offset: Int) -> CharClass {
        guard offset > 0 else { return .space }
        var lead = offset - 1
        if bytes[lead] < 0x80 { return asciiClass(bytes[lead]) }
        var steps = 0
        while lead > 0, bytes[lead] & 0xC0 == 0x80, steps < 3 {
            lead -= 1
            steps += 1
        }
        return scalarClass(decode(bytes, lead))
    }

    /// The class of the character starting at byte `offset` (`.space` at the end of the text).
    static func classAt(_ bytes: UnsafeBufferPointer<UInt8>, _ offset: Int) -> CharClass {
        guard offset < bytes.count else { return .space }
        let byte = bytes[offset]
        return byte < 0x80 ? asciiClass(byte) : scalarClass(decode(bytes, offset))
    }

    static func asciiClass(_ byte: UInt8) -> CharClass {
        switch byte {
        case 0x30...0x39, 0x41...0x5A, 0x61...0x7A: .word
        case 0x20, 0x09...0x0D: .space
        case 0x28, 0x5B, 0x7B: .opening
        case 0x2E, 0x2C, 0x3B, 0x3A, 0x21, 0x3F, 0x29, 0x5D, 0x7D: .closing
        case 0x2D: .dash
        case 0x22, 0x27, 0x60: .quote
        default: .other
        }
    }

    static func scalarClass(_ scalar: UInt32) -> CharClass {
        switch scalar {
        case 0xA0, 0x1680, 0x2000...0x200B, 0x2028, 0x2029, 0x202F, 0x205F, 0x3000, 0xFEFF: .space
        case 0x2010...0x2015, 0x2212: .dash
        case 0x2018...0x201F, 0xAB, 0xBB, 0x2039, 0x203A: .quote
        case 0x2026: .closing
        case 0xA1, 0xBF: .opening
        case 0x80...0xBF, 0x2016...0x2017, 0x2020...0x2025, 0x2027...0x206F, 0x20A0...0x20CF: .other
        default: .word
        }
    }

    /// Decodes the scalar whose lead byte is at `offset` (invalid sequences decode as a letter).
    static func decode(_ bytes: UnsafeBufferPointer<UInt8>, _ offset: Int) -> UInt32 {
        let lead = UInt32(bytes[offset])
        let count = bytes.count
        if lead < 0x80 { return lead }
        if lead >= 0xF0 {
            guard offset + 3 < count else { return 0x41 }
            return (lead & 0x07) << 18 | UInt32(bytes[offset + 1] & 0x3F) << 12
                | UInt32(bytes[offset + 2] & 0x3F) << 6 | UInt32(bytes[offset + 3] & 0x3F)
        }
        if lead >= 0xE0 {
            guard offset + 2 < count else { return 0x41 }
            return (lead & 0x0F) << 12 | UInt32(bytes[offset + 1] & 0x3F) << 6 | UInt32(bytes[offset + 2] & 0x3F)
        }
        if lead >= 0xC0 {
            guard offset + 1 < count else { return 0x41 }
            return (lead & 0x1F) << 6 | UInt32(bytes[offset + 1] & 0x3F)
        }
        return 0x41
    }
}
