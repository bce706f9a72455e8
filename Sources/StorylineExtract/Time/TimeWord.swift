/// One token of the time tagger's word scanner: a run of ASCII letters, a run of digits, or one
/// other character (punctuation, or a whole non-ASCII scalar). Offsets are UTF-8 bytes.
struct TimeWord: Sendable {
    enum Kind: UInt8, Sendable { case letters, digits, other }

    var start: Int32
    var end: Int32
    var kind: Kind
    /// Whitespace separates this token from the previous one.
    var spaceBefore: Bool
    /// A line break separates this token from the previous one.
    var newlineBefore: Bool
    /// The first letter is upper case.
    var capitalized: Bool
    /// Every letter is upper case (headline or acronym).
    var allCaps: Bool
    /// For letters: the packed lower-case key (``TimeLexicon/key(_:_:_:)``), 0 when longer than 12 letters.
    /// For digits: the numeric value (saturating). For other: the first byte.
    var key: UInt64

    var length: Int { Int(end - start) }
}

/// Splits UTF-8 text into ``TimeWord``s without allocating per token.
enum TimeWordScanner {
    static func scan(_ bytes: UnsafeBufferPointer<UInt8>) -> [TimeWord] {
        var words = [TimeWord]()
        words.reserveCapacity(bytes.count / 4)
        var i = 0
        let n = bytes.count
        var space = true
        var newline = true
        while i < n {
            let c = bytes[i]
            if c == 0x20 || c == 0x09 || c == 0x0D {
                space = true; i += 1; continue
            }
            if c == 0x0A {
                space = true; newline = true; i += 1; continue
            }
            // NBSP (C2 A0) counts as a space.
            if c == 0xC2, i + 1 < n, bytes[i + 1] == 0xA0 {
                space = true; i += 2; continue
            }
            let start = i
            var word: TimeWord
            if isLetter(c) {
                var key: UInt64 = 0
                var count = 0
                var allCaps = true
                while i < n, isLetter(bytes[i]) {
                    let b = bytes[i]
                    if b >= 0x61 { allCaps = false }
                    if count < 12 { key = key << 5 | UInt64((b | 0x20) - 0x60) }
                    count += 1
                    i += 1
                }
                word = TimeWord(
                    start: Int32(start),
                    end: Int32(i),
                    kind: .letters,
                    spaceBefore: space,
                    newlineBefore: newline,
                    capitalized: c < 0x61,
                    allCaps: allCaps,
                    key: count <= 12 ? key : 0
                )
            } else if c >= 0x30, c <= 0x39 {
                var value: UInt64 = 0
                while i < n, bytes[i] >= 0x30, bytes[i] <= 0x39 {
                    if value < 1_000_000_000 { value = value * 10 + UInt64(bytes[i] - 0x30) }
                    i += 1
                }
                word = TimeWord(
                    start: Int32(start),
                    end: Int32(i),
                    kind: .digits,
                    spaceBefore: space,
                    newlineBefore: newline,
                    capitalized: false,
                    allCaps: false,
                    key: value
                )
            } else {
                i += scalarLength(c)
                if i > n { i = n }
                var key = UInt64(c)
                // Fold curly quotes and dashes to their ASCII forms.
                if c == 0xE2, start + 2 < n, bytes[start + 1] == 0x80 {
                    switch bytes[start + 2] {
                    case 0x98, 0x99: key = 0x27
                    case 0x9C, 0x9D: key = 0x22
                    case 0x93, 0x94: key = 0x2D
                    default: break
                    }
                }
                word = TimeWord(
                    start: Int32(start),
                    end: Int32(i),
                    kind: .other,
                    spaceBefore: space,
                    newlineBefore: newline,
                    capitalized: false,
                    allCaps: false,
                    key: key
                )
            }
            words.append(word)
            space = false
            newline = false
        }
        return words
    }

    @inline(__always) static func isLetter(_ c: UInt8) -> Bool { (c | 0x20) >= 0x61 && (c | 0x20) <= 0x7A }

    @inline(__always) static func scalarLength(_ c: UInt8) -> Int {
        if c < 0x80 { return 1 }
        if c < 0xE0 { return 2 }
        if c < 0xF0 { return 3 }
        return 4
    }
}
