/// A person's name split into given names, surname and suffix, for matching names across articles.
///
/// - Leading courtesy and royal titles are dropped when a name follows ("Mr Trump", "King Charles III";
///   ``honorifics``).
/// - A final generational or regnal suffix is kept apart ("Jr", "Sr", "II"…"VIII"; ``suffixes``): "Donald
///   Trump Jr" is never "Donald Trump". A regnal name ("Charles III") has a given name and no surname.
/// - The surname is the last word, together with the lower-case particles written before it ("Ursula von der
///   Leyen": surname `von der leyen`, looked up by `leyen`). A capitalised particle is a given name ("Al Gore").
/// - Given names are words or initials: "D." and "D" are the initial `d`; a two- or three-letter word in
///   capitals is a run of initials ("JD", "J.D." → `j`, `d`).
///
/// A name with at least one given name is *full*; a name without ("Zelensky", "von der Leyen") is *bare*.
struct PersonNameParts: Sendable, Hashable {
    /// A given name: a whole word (its transliteration key) or an initial.
    enum Given: Sendable, Hashable {
        case word(String)
        case initial(Unicode.Scalar)

        /// Whether two given names can be the same: equal words, equal initials, an initial and a word that
        /// starts with it, or two words that are Russian- and Ukrainian-style spellings of one name
        /// (``sameSkeleton(_:_:)``: "Andrei"/"Andriy", "Vladimir"/"Volodymyr").
        func matches(_ other: Given) -> Bool {
            switch (self, other) {
            case let (.word(a), .word(b)): return a == b || Self.sameSkeleton(a, b)
            case let (.initial(a), .initial(b)): return a == b
            case let (.initial(c), .word(w)), let (.word(w), .initial(c)): return w.unicodeScalars.first == c
            }
        }

        /// Whether two given-name keys differ only in their vowels (a, e, i, o, u, y), with at least three
        /// consonants, the same first letter and the same kind of ending (a consonant, `a`, `o`, `u`, or one of
        /// `e`/`i`/`y`): "Andrei"/"Andriy" (`ndr`), "Vladimir"/"Volodymyr" (`vldmr`), "Mark"/"Marek". Gendered
        /// pairs keep apart by their ending ("Daniel"/"Daniela", "Robert"/"Roberta", "Carlo"/"Carla"), and
        /// short names never match this way ("Don"/"Dan", "Eric"/"Erica"). Only given names are compared like
        /// this — always under the same surname — never surnames ("Peskov"/"Pesko" differ in a consonant anyway).
        static func sameSkeleton(_ a: String, _ b: String) -> Bool {
            let x = Array(a.utf8), y = Array(b.utf8)
            guard let fx = x.first, fx == y.first, let lx = x.last, let ly = y.last, ending(lx) == ending(ly) else {
                return false
            }
            let sx = x.filter { !isVowel($0) }
            guard sx.count >= 3 else { return false }
            return sx.elementsEqual(y.lazy.filter { !isVowel($0) })
        }

        private static func isVowel(_ b: UInt8) -> Bool {
            b == 0x61 || b == 0x65 || b == 0x69 || b == 0x6F || b == 0x75 || b == 0x79
        }

        private static func ending(_ b: UInt8) -> UInt8 {
            switch b {
            case 0x65, 0x69, 0x79: return 0x69  // e, i, y
            case 0x61, 0x6F, 0x75: return b  // a, o, u
            default: return 0  // a consonant
            }
        }
    }

    /// Given names, in order (initials expanded).
    let given: [Given]
    /// The key of the surname's last word (`leyen` for "von der Leyen"); nil for a regnal name.
    let surname: String?
    /// "jr", "sr" or a roman numeral, when the name ends with one.
    let suffix: String?
    /// The whole name's key without titles: the resolver's exact-match key for full names.
    let key: String

    /// Whether the name has a given name ("Donald Trump", "D. Trump", "Charles III").
    var isFull: Bool { !given.isEmpty }

    /// The first given name when it is a whole word (`donald`; nil for "D. Trump").
    var firstName: String? {
        if case .word(let w)? = given.first { return w }
        return nil
    }

    /// What a bare name is looked up by, as a surname or as a first name: its last word's key.
    var lookupKey: String { surname ?? key }

    /// Titles dropped from the front of a name.
    static let honorifics: Set<String> = [
        "mr", "mrs", "ms", "miss", "mx", "dr", "prof", "sir", "dame", "lord", "lady", "king", "queen", "prince",
        "princess", "pope", "sheikh", "president",
    ]

    /// Final words kept apart as a suffix.
    static let suffixes: Set<String> = ["jr", "sr", "ii", "iii", "iv", "vi", "vii", "viii"]

    /// Lower-case words that belong to the surname that follows them.
    static let particles: Set<String> = [
        "van", "von", "der", "den", "de", "da", "di", "del", "della", "le", "la", "al", "el", "bin", "ibn", "ter",
        "du", "dos", "das",
    ]

    /// The parts of a name; nil for a name without words.
    init?(_ name: EntityNameKey) {
        var words = name.words[...]
        while words.count > 1, let first = words.first, Self.honorifics.contains(first.plain) {
            words.removeFirst()
        }
        var suffix: String?
        if words.count > 1, let last = words.last, Self.suffixes.contains(last.plain) {
            suffix = last.plain
            words.removeLast()
        }
        guard let last = words.last else { return nil }
        var givenWords: ArraySlice<EntityNameKey.Word>
        if let suffix, suffix != "jr", suffix != "sr", words.count == 1 {
            // A regnal name: "Charles III".
            surname = nil
            givenWords = words
        } else {
            surname = last.key
            var k = words.endIndex - 1
            while k > words.startIndex, words[k - 1].startsLowercase, Self.particles.contains(words[k - 1].plain) {
                k -= 1
            }
            givenWords = words[words.startIndex..<k]
        }
        var given: [Given] = []
        for word in givenWords {
            if word.plain.unicodeScalars.count == 1, let c = word.plain.unicodeScalars.first {
                given.append(.initial(c))
            } else if word.isAllCaps, (2...3).contains(word.letterCount),
                word.letterCount == word.plain.unicodeScalars.count
            {
                given.append(contentsOf: word.plain.unicodeScalars.map { .initial($0) })
            } else {
                given.append(.word(word.key))
            }
        }
        self.given = given
        self.suffix = suffix
        var key = words.map(\.key).joined(separator: " ")
        if let suffix { key += " " + suffix }
        self.key = key
    }

    /// The parts of a name as written.
    init?(_ name: String) {
        self.init(EntityNameKey(name))
    }

    /// Whether a full name can name the same person as this one: same surname, same suffix (or none on
    /// both), and the given names of one occur in order in the other's ("Keir" in "Keir Rodney", "D." in
    /// "Donald", "Tayyip" in "Recep Tayyip"). "Donald" and "Lara" are never compatible.
    func isCompatible(with other: PersonNameParts) -> Bool {
        guard surname == other.surname, suffix == other.suffix else { return false }
        let (short, long) = given.count <= other.given.count ? (given, other.given) : (other.given, given)
        var k = 0
        for g in long where k < short.count && short[k].matches(g) { k += 1 }
        return k == short.count
    }
}
