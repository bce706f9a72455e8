extension EntityNameKey {
    /// The transliteration fold of a lower-case word: the spellings that English-language outlets use for
    /// the same Slavic or Arabic name come out alike.
    ///
    /// Only words of four or more ASCII letters are folded (shorter words and words with digits or other
    /// scripts are returned as they are). In order:
    /// 1. Doubled letters collapse: `zelenskyy` → `zelensky`, `mohammed` → `mohamed`, `zelenskii` → `zelenski`.
    /// 2. A leading `ye` before a consonant loses its `y`: `yevgeny` → `evgeny`, `yelena` → `elena`.
    /// 3. One ending is rewritten:
    ///    - `iy`, `yi`, `ij`, `yj` → `y`: `zelenskiy`, `zelenskyi` → `zelensky`; `dmitriy` → `dmitry`;
    ///    - `ei` → `ey`: `andrei` → `andrey`, `sergei` → `sergey`;
    ///    - `iya` → `ia`: `yuliya` → `yulia`;
    ///    - a consonant followed by `i` → that consonant and `y`: `zelenski` → `zelensky`, `dmitri` → `dmitry`.
    ///
    /// Deliberately *not* folded, because each would merge names that are different: `kh`/`h` ("Khan",
    /// "Han"), `g`/`h` (Russian "Sergei" and Ukrainian "Serhiy" are usually different men), `i`/`y` inside a
    /// word (Russian "Andrei"/"Andrey" and Ukrainian "Andriy"/"Andrii" stay two keys, `andrey` and `andry`;
    /// as *given names* under the same surname they are still compatible, see
    /// ``PersonNameParts/Given/sameSkeleton(_:_:)``),
    /// `ie`/`y` ("Kiev"/"Kyiv" is a renaming, left to the alias table), dropped or added final consonants
    /// ("Peskov"/"Pesko") and any other letter change ("Macron"/"Maron"). A final `i`/`y` difference is the
    /// one accepted risk ("Renzi" and a hypothetical "Renzy" would be one name).
    static func transliterationKey(_ plain: String) -> String {
        var bytes: [UInt8] = []
        bytes.reserveCapacity(plain.utf8.count)
        for b in plain.utf8 {
            guard b >= 0x61, b <= 0x7A else { return plain }  // only lower-case ASCII letters are folded
            if bytes.last != b { bytes.append(b) }
        }
        guard plain.utf8.count >= 4 else { return plain }
        let y = UInt8(ascii: "y"), i = UInt8(ascii: "i"), e = UInt8(ascii: "e"), j = UInt8(ascii: "j")
        let a = UInt8(ascii: "a")
        if bytes.count > 3, bytes[0] == y, bytes[1] == e, !isVowel(bytes[2]) { bytes.removeFirst() }
        let n = bytes.count
        if n >= 4 {
            let last = bytes[n - 1], previous = bytes[n - 2]
            if (previous == i && last == y) || (previous == y && last == i) || (previous == i && last == j)
                || (previous == y && last == j)
            {
                bytes.removeLast(2)
                bytes.append(y)
            } else if previous == e && last == i {
                bytes[n - 1] = y
            } else if n >= 5, bytes[n - 3] == i, previous == y, last == a {
                bytes.remove(at: n - 2)
            } else if last == i, !isVowel(previous), previous != y {
                bytes[n - 1] = y
            }
        }
        return String(decoding: bytes, as: UTF8.self)
    }

    private static func isVowel(_ b: UInt8) -> Bool {
        b == 0x61 || b == 0x65 || b == 0x69 || b == 0x6F || b == 0x75 || b == 0x79  // a e i o u y
    }

    /// The ASCII spelling of a Latin letter with a diacritic (and of æ, œ, ø, ß, þ, ð, đ, ł, ı), lower-cased;
    /// nil for any other scalar.
    static func latinFold(_ value: UInt32) -> [UInt8]? {
        switch value {
        case 0xC0...0x17F:
            let folded = latinTable[Int(value - 0xC0)]
            return folded.isEmpty ? nil : folded
        case 0x218, 0x219: return [UInt8(ascii: "s")]
        case 0x21A, 0x21B: return [UInt8(ascii: "t")]
        default: return nil
        }
    }

    /// U+00C0…U+017F (Latin-1 Supplement letters and Latin Extended-A), one entry per scalar; empty for ×
    /// and ÷. Digits stand for two-letter folds: 1 `ij`, 2 `oe`, 3 `ae`, 4 `th`, 5 `ss`.
    private static let latinTable: [[UInt8]] = {
        let latin1 = "aaaaaa3ceeeeiiiidnooooo.ouuuuy45aaaaaa3ceeeeiiiidnooooo.ouuuuy4y"
        let extendedA =
            "aaaaaa" + "cccccccc" + "dddd" + "eeeeeeeeee" + "gggggggg" + "hhhh" + "iiiiiiiiii" + "11" + "jj"
            + "kkk" + "llllllllll" + "nnnnnnnnn" + "oooooo" + "22" + "rrrrrr" + "ssssssss" + "tttttt"
            + "uuuuuuuuuuuu" + "ww" + "yyy" + "zzzzzz" + "s"
        let digraphs: [Character: String] = ["1": "ij", "2": "oe", "3": "ae", "4": "th", "5": "ss", ".": ""]
        let table = (latin1 + extendedA).map { c in Array((digraphs[c] ?? String(c)).utf8) }
        precondition(table.count == 0x180 - 0xC0, "Latin fold table has \(table.count) entries")
        return table
    }()
}
