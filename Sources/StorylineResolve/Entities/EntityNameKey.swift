import StorylineText
/// A name reduced to the form the entity resolver compares: words, case-folded, diacritics removed,
/// punctuation set aside and house transliterations folded together.
///
/// Built once per name in one pass over its UTF-8 bytes (scalars decoded only outside ASCII):
/// - letters are lower-cased and Latin diacritics removed ("Sébastien" → `sebastien`, "Erdoğan" →
///   `erdogan`, "Łukasz" → `lukasz`, "ß" → `ss`); combining marks are dropped; letters of other scripts are
///   lower-cased and kept;
/// - periods vanish without splitting a word ("U.S." → `us`, "J.D." → `jd`), and so do apostrophes
///   ("O'Brien" → `obrien`), except that a possessive `'s` / `’s` at the end of a word is dropped whole
///   ("Zelensky's" → `zelensky`);
/// - every other character that is not a letter or digit — spaces, hyphens and dashes, commas, slashes,
///   brackets, quotation marks — separates words ("Agence France-Presse" → `agence france presse`);
/// - a leading "the" is dropped when other words follow ("the Kremlin" → `kremlin`).
///
/// Each word then gets a *key*: its transliteration fold (``EntityNameKey/transliterationKey(_:)``) unless it
/// is written as an acronym (all capitals, two to six letters: "NATO", "UK"), which keeps its letters. The
/// name's ``key`` is its word keys joined by single spaces; two names with the same key are the same name.
struct EntityNameKey: Sendable, Hashable {
    /// One word of a name.
    struct Word: Sendable, Hashable {
        /// Lower-cased, diacritics removed, punctuation removed: `zelenskyy`.
        var plain: String
        /// `plain` after transliteration folding (unless the word is an acronym): `zelensky`.
        var key: String
        /// Whether the word, as written, has capital letters and no lower-case ones ("NATO", "U.S.").
        var isAllCaps: Bool
        /// Whether the word, as written, starts with a lower-case letter ("von", "al").
        var startsLowercase: Bool
        /// Letters in the word (digits not counted).
        var letterCount: Int

        /// Written like an acronym: all capitals, two to six letters.
        var isAcronymShaped: Bool { isAllCaps && (2...6).contains(letterCount) }
    }

    /// The words, in order.
    let words: [Word]
    /// The words' keys joined by single spaces; empty for a name without letters or digits.
    let key: String

    /// The key of a name as written.
    init(_ name: String) {
        var words = Self.split(name)
        if words.count > 1, words[0].plain == "the" { words.removeFirst() }
        self.words = words
        self.key = words.map(\.key).joined(separator: " ")
    }

    /// Whether the name is one word written like an acronym, or (`mixedCase`) one short word that could be a
    /// pronounced acronym written in title case ("Nato").
    func isAcronym(allowingMixedCase mixedCase: Bool) -> Bool {
        guard words.count == 1 else { return false }
        let word = words[0]
        if word.isAcronymShaped { return true }
        return mixedCase && (3...6).contains(word.letterCount) && word.letterCount == word.plain.unicodeScalars.count
    }

    /// Words that do not count towards an acronym's letters ("North Atlantic Treaty Organization" → `nato`,
    /// "United States of America" → `usa`).
    static let acronymStopWords: Set<String> = ["of", "the", "and", "for", "on", "in", "to", "at", "de", "des", "du"]

    /// The initials of the significant words when there are at least two: `nato` for "North Atlantic Treaty
    /// Organization", `afp` for "Agence France-Presse"; nil for a one-word name.
    var initials: String? {
        var letters = String.UnicodeScalarView()
        var significant = 0
        for word in words where !Self.acronymStopWords.contains(word.plain) {
            guard let first = word.plain.unicodeScalars.first else { continue }
            letters.append(first)
            significant += 1
        }
        return significant >= 2 ? String(letters) : nil
    }

    // MARK: - Splitting

    /// Splits a name into words in one pass over its UTF-8 bytes (see the type's documentation).
    private static func split(_ name: String) -> [Word] {
        if let words = name.utf8.withContiguousStorageIfAvailable({ split(utf8: $0) }) { return words }
        return Array(name.utf8).withUnsafeBufferPointer { split(utf8: $0) }
    }

    private static func split(utf8 b: UnsafeBufferPointer<UInt8>) -> [Word] {
        var words: [Word] = []
        var current: [UInt8] = []
        current.reserveCapacity(32)
        var hasUpper = false
        var hasLower = false
        var startsLowercase = false
        var letters = 0

        func flush() {
            guard !current.isEmpty else { return }
            let plain = String(decoding: current, as: UTF8.self)
            let isAllCaps = hasUpper && !hasLower
            let acronym = isAllCaps && (2...6).contains(letters)
            let key = acronym ? plain : transliterationKey(plain)
            words.append(
                Word(
                    plain: plain,
                    key: key,
                    isAllCaps: isAllCaps,
                    startsLowercase: startsLowercase,
                    letterCount: letters
                )
            )
            current.removeAll(keepingCapacity: true)
            hasUpper = false
            hasLower = false
            startsLowercase = false
            letters = 0
        }

        func letter(upper: Bool, lower: Bool) {
            if letters == 0 && current.isEmpty { startsLowercase = lower }
            if upper { hasUpper = true }
            if lower { hasLower = true }
            letters += 1
        }

        var i = 0
        while i < b.count {
            let c = b[i]
            if c < 0x80 {
                switch c {
                case 0x41...0x5A:  // A-Z
                    letter(upper: true, lower: false)
                    current.append(c + 0x20)
                case 0x61...0x7A:  // a-z
                    letter(upper: false, lower: true)
                    current.append(c)
                case 0x30...0x39:  // digits
                    current.append(c)
                case 0x2E:  // "." joins: U.S. → us
                    break
                case 0x27, 0x60:  // ' `
                    if isPossessive(b, after: i + 1) { i += 1 }
                default:
                    flush()
                }
                i += 1
                continue
            }
            let (value, length) = UTF8Scalar.decode(b, at: i)
            defer { i += length }
            if apostrophes.contains(value) {
                if isPossessive(b, after: i + length) { i += 1 }
                continue
            }
            guard let scalar = Unicode.Scalar(value) else {
                flush()
                continue
            }
            let properties = scalar.properties
            if let folded = latinFold(value) {
                letter(upper: properties.isUppercase, lower: properties.isLowercase)
                current.append(contentsOf: folded)
            } else if isCombiningMark(properties.generalCategory) {
                continue
            } else if properties.isAlphabetic {
                letter(upper: properties.isUppercase, lower: properties.isLowercase)
                current.append(contentsOf: properties.lowercaseMapping.utf8)
            } else if properties.numericType != nil {
                current.append(contentsOf: b[i..<(i + length)])
            } else {
                flush()
            }
        }
        flush()
        return words
    }

    /// Whether the bytes at `i` are an `s` that ends a word: the rest of a possessive `'s`.
    private static func isPossessive(_ b: UnsafeBufferPointer<UInt8>, after i: Int) -> Bool {
        guard i < b.count, b[i] == 0x73 || b[i] == 0x53 else { return false }
        let next = i + 1
        guard next < b.count else { return true }
        let c = b[next]
        if c < 0x80 {
            let alphanumeric = (c >= 0x30 && c <= 0x39) || (c >= 0x41 && c <= 0x5A) || (c >= 0x61 && c <= 0x7A)
            return !alphanumeric
        }
        guard let scalar = Unicode.Scalar(UTF8Scalar.decode(b, at: next).scalar) else { return true }
        return !(scalar.properties.isAlphabetic || scalar.properties.numericType != nil)
    }

    private static func isCombiningMark(_ category: Unicode.GeneralCategory) -> Bool {
        category == .nonspacingMark || category == .spacingMark || category == .enclosingMark
    }

    /// Apostrophes other than ASCII `'` and `` ` ``: ’ ‘ ʼ ʻ ´ ′.
    private static let apostrophes: Set<UInt32> = [0x2019, 0x2018, 0x02BC, 0x02BB, 0x00B4, 0x2032]
}
