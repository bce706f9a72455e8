/// Byte- and scalar-level character classes shared by the tokenizer and the sentence splitter.
extension Tokenizer {
    /// The class of one Unicode scalar, as the tokenizer sees it.
    enum CharacterClass: UInt8 {
        case space, newline, letter, digit, mark, currency, punctuation, symbol
    }

    private static let asciiClasses: [CharacterClass] = (0..<128).map { (code: Int) -> CharacterClass in
        switch UInt8(code) {
        case 0x0A, 0x0D: return .newline
        case 0x09, 0x0B, 0x0C, 0x20: return .space
        case 0x00..<0x20, 0x7F: return .space
        case UInt8(ascii: "0")...UInt8(ascii: "9"): return .digit
        case UInt8(ascii: "a")...UInt8(ascii: "z"), UInt8(ascii: "A")...UInt8(ascii: "Z"): return .letter
        case UInt8(ascii: "$"): return .currency
        case UInt8(ascii: "."), UInt8(ascii: ","), UInt8(ascii: ";"), UInt8(ascii: ":"), UInt8(ascii: "!"),
            UInt8(ascii: "?"), UInt8(ascii: "'"), UInt8(ascii: "\""), UInt8(ascii: "("), UInt8(ascii: ")"),
            UInt8(ascii: "["), UInt8(ascii: "]"), UInt8(ascii: "{"), UInt8(ascii: "}"), UInt8(ascii: "-"):
            return .punctuation
        default: return .symbol
        }
    }

    /// The class of a scalar.
    @inline(__always)
    static func characterClass(_ scalar: UInt32) -> CharacterClass {
        if scalar < 0x80 { return asciiClasses[Int(scalar)] }
        switch scalar {
        case 0x85, 0x2028, 0x2029: return .newline
        case 0xA0, 0x1680, 0x2000...0x200B, 0x202F, 0x205F, 0x3000, 0xFEFF, 0x2060: return .space
        case 0xAD, 0x200C, 0x200D, 0x0300...0x036F, 0x1AB0...0x1AFF, 0x1DC0...0x1DFF, 0x20D0...0x20FF,
            0xFE00...0xFE0F, 0xFE20...0xFE2F, 0x1F3FB...0x1F3FF, 0xE0100...0xE01EF:
            return .mark
        case 0xA2...0xA5, 0x20A0...0x20CF: return .currency
        case 0xAA, 0xB5, 0xBA: return .letter
        case 0xA1, 0xA7, 0xAB, 0xB6, 0xB7, 0xBB, 0xBF, 0x2010...0x2027, 0x2030...0x205E, 0x2212, 0x3001...0x3003,
            0x3008...0x3011, 0xFF01, 0xFF08, 0xFF09, 0xFF0C, 0xFF0E, 0xFF1A, 0xFF1B, 0xFF1F:
            return .punctuation
        case 0x80...0xBF, 0xD7, 0xF7, 0x2100...0x2BFF, 0x1F000...0x1FAFF, 0xE000...0xF8FF: return .symbol
        case 0x0660...0x0669, 0x06F0...0x06F9, 0x0966...0x096F, 0xFF10...0xFF19: return .digit
        default: return .letter
        }
    }

    /// Whether a byte is an ASCII letter.
    @inline(__always)
    static func isASCIILetter(_ byte: UInt8) -> Bool { (byte | 0x20) >= 0x61 && (byte | 0x20) <= 0x7A }

    /// Whether a byte is an ASCII digit.
    @inline(__always)
    static func isDigit(_ byte: UInt8) -> Bool { byte >= 0x30 && byte <= 0x39 }

    /// Whether a byte is an ASCII upper-case letter.
    @inline(__always)
    static func isUpper(_ byte: UInt8) -> Bool { byte >= 0x41 && byte <= 0x5A }

    /// The length of the apostrophe (`'` or `’`) at `index`, or 0.
    @inline(__always)
    static func apostropheLength(_ bytes: UnsafeBufferPointer<UInt8>, at index: Int) -> Int {
        guard index < bytes.count else { return 0 }
        if bytes[index] == UInt8(ascii: "'") { return 1 }
        if bytes[index] == 0xE2, index + 2 < bytes.count, bytes[index + 1] == 0x80, bytes[index + 2] == 0x99 {
            return 3
        }
        return 0
    }

    /// The length of the joining hyphen (`-`, U+2010 or U+2011) at `index`, or 0.
    @inline(__always)
    static func hyphenLength(_ bytes: UnsafeBufferPointer<UInt8>, at index: Int) -> Int {
        guard index < bytes.count else { return 0 }
        if bytes[index] == UInt8(ascii: "-") { return 1 }
        if bytes[index] == 0xE2, index + 2 < bytes.count, bytes[index + 1] == 0x80,
            bytes[index + 2] == 0x90 || bytes[index + 2] == 0x91
        {
            return 3
        }
        return 0
    }
}
