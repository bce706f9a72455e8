// Single marks that are apostrophes even though they stand where an opening mark could:
// elisions such as '90s, 'em, rock 'n' roll, and contractions split off by bad typesetting ("Russia 's").

extension QuotationScanner {
    /// What an opening-position single mark turned out to be.
    enum Elision {
        /// Not an elision: decide by position.
        case none
        /// An apostrophe (`'90s`, `'em`, `'tis`, `'s`).
        case apostrophe
        /// The first mark of `'n'`: it and the next single mark are apostrophes.
        case pairedN
    }

    /// Words that follow an elision apostrophe (compared in ASCII lower case).
    private static let elidedWords: [[UInt8]] = [
        "s", "d", "ll", "re", "ve", "m", "t", "n", "em", "tis", "twas", "til", "cause", "bout", "cos",
    ].map { Array($0.utf8) }

    /// Classifies the single mark at `mark` when it is not between two letters.
    static func elision(_ bytes: UnsafeBufferPointer<UInt8>, _ mark: Mark) -> Elision {
        guard mark.before != .word, mark.after == .word else { return .none }
        let start = mark.end
        let count = bytes.count

        // '90s, '60s: two digits and an "s", then no letter.
        if start + 2 < count, isDigit(bytes[start]), isDigit(bytes[start + 1]),
            bytes[start + 2] | 0x20 == 0x73,
            start + 3 >= count || asciiClass(bytes[start + 3]) != .word
        {
            return .apostrophe
        }

        // 'n': an "n", then a single mark, then no letter.
        if bytes[start] | 0x20 == 0x6E, start + 1 < count {
            let next = start + 1
            var markLength = 0
            if bytes[next] == 0x27 {
                markLength = 1
            } else if next + 2 < count, bytes[next] == 0xE2, bytes[next + 1] == 0x80,
                bytes[next + 2] == 0x98 || bytes[next + 2] == 0x99
            {
                markLength = 3
            }
            if markLength > 0, classAt(bytes, next + markLength) != .word { return .pairedN }
        }

        // 'em, 'tis, 's…: a short ASCII word from the list, then no letter.
        var end = start
        while end < count, end - start <= 5, isLetter(bytes[end]) { end += 1 }
        let length = end - start
        guard length >= 1, length <= 5, classAt(bytes, end) != .word else { return .none }
        candidates: for word in elidedWords where word.count == length {
            for offset in 0..<length where bytes[start + offset] | 0x20 != word[offset] {
                continue candidates
            }
            return .apostrophe
        }
        return .none
    }

    /// Whether a closing-position single mark looks like a plural possessive: an `s` before it and
    /// a word after the following space (`the allies' plans`).
    static func isPluralPossessive(_ bytes: UnsafeBufferPointer<UInt8>, _ mark: Mark) -> Bool {
        guard mark.offset > 0, bytes[mark.offset - 1] | 0x20 == 0x73, mark.after == .space else { return false }
        var index = mark.end
        let count = bytes.count
        while index < count, bytes[index] == 0x20 { index += 1 }
        return index > mark.end && index < count && classAt(bytes, index) == .word
    }

    static func isDigit(_ byte: UInt8) -> Bool { byte >= 0x30 && byte <= 0x39 }

    static func isLetter(_ byte: UInt8) -> Bool { (byte | 0x20) >= 0x61 && (byte | 0x20) <= 0x7A }
}
