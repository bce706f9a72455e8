/// The static table of English abbreviations the tokenizer and the sentence splitter consult.
///
/// Lookups pack up to eight lower-cased ASCII bytes into a `UInt64` key, so they allocate nothing.
/// Keys are written without the final full stop: `feb`, `u.s`, `e.g`, `ph.d`.
public enum Abbreviations {
    /// How an abbreviation behaves at a possible sentence boundary.
    public enum Category: UInt8, Sendable, Hashable {
        /// A title before a name (`Mr.`, `Gen.`, `Sen.`, `St.`): never ends a sentence.
        case title
        /// A month (`Feb.`, `Sept.`): precedes a day or year, never ends a sentence.
        case month
        /// A weekday (`Thu.`, `Fri.`): may end a sentence.
        case weekday
        /// Precedes a number (`No. 10`, `pp. 4`): an abbreviation only when a number follows.
        case beforeNumber
        /// A dotted initialism (`U.S.`, `U.K.`, `e.g.`, `a.m.`): may end a sentence.
        case initialism
        /// Anything else (`etc.`, `Inc.`, `Jr.`, `vs.`): may end a sentence.
        case general
    }

    /// One entry of the table.
    public struct Entry: Sendable, Hashable {
        /// How the abbreviation behaves at a sentence boundary.
        public var category: Category
        /// Whether the abbreviation must be capitalized to count (`Gen.` but not `gen.`).
        public var needsCapital: Bool
        /// Whether the abbreviation is also written without a full stop (`Feb 27`, `Mr Starmer`).
        public var dotless: Bool
    }

    /// The entry for an abbreviation written in `bytes` (without its final full stop), if any.
    public static func entry(_ bytes: UnsafeBufferPointer<UInt8>) -> Entry? {
        guard let key = packedKey(bytes) else { return nil }
        return table[key]
    }

    /// The entry for an abbreviation given as a string (with or without its final full stop).
    public static func entry(_ text: String) -> Entry? {
        var bytes = Array(text.utf8)
        if bytes.last == UInt8(ascii: ".") { bytes.removeLast() }
        return bytes.withUnsafeBufferPointer { entry($0) }
    }

    /// Packs up to eight ASCII bytes, lower-cased, into a key; nil for longer or non-ASCII input.
    @inline(__always)
    static func packedKey(_ bytes: UnsafeBufferPointer<UInt8>) -> UInt64? {
        guard !bytes.isEmpty, bytes.count <= 8 else { return nil }
        var key: UInt64 = 0
        for byte in bytes {
            guard byte < 0x80 else { return nil }
            let lower = (byte >= 0x41 && byte <= 0x5A) ? byte | 0x20 : byte
            key = key << 8 | UInt64(lower)
        }
        return key
    }

    static func packedKey(_ text: StaticString) -> UInt64 {
        text.withUTF8Buffer { packedKey($0)! }
    }

    private static let table: [UInt64: Entry] = {
        var table = [UInt64: Entry]()
        func add(_ words: [StaticString], _ category: Category, capital: Bool, dotless: Bool) {
            for word in words {
                table[packedKey(word)] = Entry(category: category, needsCapital: capital, dotless: dotless)
            }
        }
        add(
            [
                "mr", "mrs", "ms", "dr", "prof", "gen", "col", "lt", "maj", "capt", "sgt", "cpl", "adm", "cmdr",
                "brig", "st", "sen", "rep", "gov", "pres", "rev", "hon", "amb", "supt", "insp", "messrs", "mt",
                "ft", "fr",
            ],
            .title,
            capital: true,
            dotless: true
        )
        add(
            ["jan", "feb", "mar", "apr", "jun", "jul", "aug", "sep", "sept", "oct", "nov", "dec"],
            .month,
            capital: true,
            dotless: true
        )
        add(
            ["mon", "tue", "tues", "wed", "thu", "thur", "thurs", "fri", "sat", "sun"],
            .weekday,
            capital: true,
            dotless: false
        )
        add(["no", "nos", "vol", "pp", "art", "para", "fig"], .beforeNumber, capital: false, dotless: false)
        add(
            [
                "u.s", "u.k", "u.n", "e.u", "u.s.a", "u.s.s.r", "d.c", "a.m", "p.m", "e.g", "i.e", "ph.d", "b.c",
                "a.d", "n.b", "r.i.p", "p.s",
            ],
            .initialism,
            capital: false,
            dotless: false
        )
        add(
            [
                "etc", "vs", "inc", "ltd", "co", "corp", "plc", "jr", "sr", "dept", "est", "approx", "govt",
                "min", "max", "ave", "blvd", "rd", "cf", "al", "av",
            ],
            .general,
            capital: false,
            dotless: false
        )
        return table
    }()
}
