import StorylineCore

extension Tokenizer {
    /// The byte scanner behind the tokenizer: one pass over the bytes, no per-token allocation.
    struct Scanner {
        let bytes: UnsafeBufferPointer<UInt8>
        var tokens: [Token] = []

        init(bytes: UnsafeBufferPointer<UInt8>) {
            self.bytes = bytes
            tokens.reserveCapacity(bytes.count / 5 + 1)
        }

        private var count: Int { bytes.count }

        @inline(__always)
        private func byte(_ index: Int) -> UInt8 { index < count ? bytes[index] : 0 }

        @inline(__always)
        private func scalarClass(at index: Int) -> (CharacterClass, Int) {
            let (scalar, length) = UTF8Scalar.decode(bytes, at: index)
            return (Tokenizer.characterClass(scalar), length)
        }

        /// Whether the scalar at `index` continues a word (letter, digit or mark).
        @inline(__always)
        private func isWordCharacter(at index: Int) -> Bool {
            guard index < count else { return false }
            let lead = bytes[index]
            if lead < 0x80 { return Tokenizer.isASCIILetter(lead) || Tokenizer.isDigit(lead) }
            let (cls, _) = scalarClass(at: index)
            return cls == .letter || cls == .digit || cls == .mark
        }

        /// The end of the run of word characters starting at `index`.
        @inline(__always)
        private func wordRunEnd(from index: Int) -> Int {
            var j = index
            while j < count {
                let lead = bytes[j]
                if lead < 0x80 {
                    guard Tokenizer.isASCIILetter(lead) || Tokenizer.isDigit(lead) else { break }
                    j += 1
                } else {
                    let (cls, length) = scalarClass(at: j)
                    guard cls == .letter || cls == .digit || cls == .mark else { break }
                    j += length
                }
            }
            return j
        }

        private func digitRunEnd(from index: Int) -> Int {
            var j = index
            while j < count, Tokenizer.isDigit(bytes[j]) { j += 1 }
            return j
        }

        private func asciiLetterRunEnd(from index: Int) -> Int {
            var j = index
            while j < count, Tokenizer.isASCIILetter(bytes[j]) { j += 1 }
            return j
        }

        /// Whether the bytes at `index` spell `word` (ASCII, case-insensitive).
        private func matches(_ word: StaticString, at index: Int) -> Bool {
            word.withUTF8Buffer { pattern in
                guard index + pattern.count <= count else { return false }
                for offset in 0..<pattern.count where bytes[index + offset] | 0x20 != pattern[offset] | 0x20 {
                    return false
                }
                return true
            }
        }

        private mutating func emit(_ start: Int, _ end: Int, _ kind: Token.Kind, _ extra: Token.Flags = []) {
            var flags = extra
            flags.formUnion(orthography(start, end))
            tokens.append(Token(range: TextRange(start: start, end: end), kind: kind, flags: flags))
        }

        /// Capitalization and digit flags of `start..<end`.
        private func orthography(_ start: Int, _ end: Int) -> Token.Flags {
            var flags: Token.Flags = []
            var sawUpper = false
            var sawLower = false
            var first = true
            var j = start
            while j < end {
                let lead = bytes[j]
                if lead < 0x80 {
                    if Tokenizer.isUpper(lead) {
                        sawUpper = true
                        if first { flags.insert(.capitalized) }
                    } else if lead >= 0x61 && lead <= 0x7A {
                        sawLower = true
                    } else if Tokenizer.isDigit(lead) {
                        flags.insert(.hasDigit)
                    }
                    if Tokenizer.isASCIILetter(lead) || Tokenizer.isDigit(lead) { first = false }
                    j += 1
                } else {
                    let (scalar, length) = UTF8Scalar.decode(bytes, at: j)
                    if let unicode = Unicode.Scalar(scalar), Tokenizer.characterClass(scalar) == .letter {
                        if unicode.properties.isUppercase {
                            sawUpper = true
                            if first { flags.insert(.capitalized) }
                        } else if unicode.properties.isLowercase {
                            sawLower = true
                        }
                        first = false
                    }
                    j += length
                }
            }
            if sawUpper && !sawLower { flags.insert(.allCaps) }
            return flags
        }

        mutating func run() {
            var i = 0
            while i < count {
                let lead = bytes[i]
                let (cls, length) = lead < 0x80 ? (Tokenizer.characterClass(UInt32(lead)), 1) : scalarClass(at: i)
                switch cls {
                case .space, .newline:
                    i += length
                case .letter, .mark:
                    i = scanWord(from: i)
                case .digit:
                    i = scanNumber(from: i, start: i, currency: false)
                case .currency:
                    if Tokenizer.isDigit(byte(i + length)) {
                        i = scanNumber(from: i + length, start: i, currency: true)
                    } else {
                        emit(i, i + length, .symbol)
                        i += length
                    }
                case .punctuation, .symbol:
                    i = scanPunctuation(from: i, length: length, cls: cls)
                }
            }
        }

        // MARK: Punctuation, URLs, handles

        private mutating func scanPunctuation(from i: Int, length: Int, cls: CharacterClass) -> Int {
            let lead = bytes[i]
            if lead == UInt8(ascii: "@") || lead == UInt8(ascii: "#") {
                var j = i + 1
                var sawLetter = false
                while j < count, Tokenizer.isASCIILetter(bytes[j]) || Tokenizer.isDigit(bytes[j]) || bytes[j] == 0x5F {
                    if Tokenizer.isASCIILetter(bytes[j]) { sawLetter = true }
                    j += 1
                }
                if j > i + 1 && (lead == UInt8(ascii: "@") || sawLetter) {
                    emit(i, j, lead == UInt8(ascii: "@") ? .handle : .hashtag)
                    return j
                }
            }
            // An apostrophe that opens a decade: '90s.
            let apostrophe = Tokenizer.apostropheLength(bytes, at: i)
            if apostrophe > 0, Tokenizer.isDigit(byte(i + apostrophe)), Tokenizer.isDigit(byte(i + apostrophe + 1)) {
                var j = i + apostrophe + 2
                if byte(j) == UInt8(ascii: "s") { j += 1 }
                if !isWordCharacter(at: j) {
                    emit(i, j, .number)
                    return j
                }
            }
            // Runs of the same ASCII mark: "...", "--", "!!!".
            if lead == UInt8(ascii: ".") || lead == UInt8(ascii: "-") || lead == UInt8(ascii: "!")
                || lead == UInt8(ascii: "?")
            {
                var j = i + 1
                while j < count, bytes[j] == lead { j += 1 }
                emit(i, j, .punctuation)
                return j
            }
            emit(i, i + length, cls == .punctuation ? .punctuation : .symbol)
            return i + length
        }

        /// The end of a URL starting at `i`, or nil.
        private func urlEnd(from i: Int) -> Int? {
            guard matches("http://", at: i) || matches("https://", at: i) || matches("www.", at: i) else { return nil }
            var j = i
            var parentheses = 0
            while j < count {
                let b = bytes[j]
                if b <= 0x20 || b == UInt8(ascii: "\"") || b == UInt8(ascii: "<") || b == UInt8(ascii: ">") { break }
                if b >= 0x80 {
                    let (cls, _) = scalarClass(at: j)
                    if cls != .letter && cls != .digit && cls != .mark { break }
                }
                if b == UInt8(ascii: "(") { parentheses += 1 }
                if b == UInt8(ascii: ")") {
                    if parentheses == 0 { break }
                    parentheses -= 1
                }
                j += b < 0x80 ? 1 : scalarClass(at: j).1
            }
            while j > i, let last = Optional(bytes[j - 1]),
                last == UInt8(ascii: ".") || last == UInt8(ascii: ",") || last == UInt8(ascii: ";")
                    || last == UInt8(ascii: ":") || last == UInt8(ascii: "!") || last == UInt8(ascii: "?")
                    || last == UInt8(ascii: "'")
            {
                j -= 1
            }
            return j > i + 4 ? j : nil
        }

        /// The end of an e-mail address starting at `i`, or nil.
        private func emailEnd(from i: Int) -> Int? {
            var j = i
            var at = -1
            var dotAfterAt = false
            while j < count {
                let b = bytes[j]
                if Tokenizer.isASCIILetter(b) || Tokenizer.isDigit(b) || b == 0x5F || b == UInt8(ascii: "%")
                    || b == UInt8(ascii: "+") || b == UInt8(ascii: "-")
                {
                    j += 1
                } else if b == UInt8(ascii: ".")
                    && (Tokenizer.isASCIILetter(byte(j + 1)) || Tokenizer.isDigit(byte(j + 1)))
                {
                    if at >= 0 { dotAfterAt = true }
                    j += 1
                } else if b == UInt8(ascii: "@") && at < 0 && j > i && Tokenizer.isASCIILetter(byte(j + 1)) {
                    at = j
                    j += 1
                } else {
                    break
                }
            }
            return at >= 0 && dotAfterAt ? j : nil
        }

        // MARK: Words

        private static let pronounsBeforeContractedIs: [StaticString] = [
            "it", "he", "she", "that", "there", "what", "who", "here", "let", "where", "how", "this",
        ]

        private func isPronoun(_ start: Int, _ end: Int) -> Bool {
            for pronoun in Self.pronounsBeforeContractedIs where pronoun.utf8CodeUnitCount == end - start {
                if matches(pronoun, at: start) { return true }
            }
            return false
        }

        private func isLetter(_ b: UInt8, _ lower: UInt8) -> Bool { b | 0x20 == lower }

        private mutating func scanWord(from start: Int) -> Int {
            if let end = urlEnd(from: start) {
                emit(start, end, .url)
                return end
            }
            if let end = emailEnd(from: start) {
                emit(start, end, .email)
                return end
            }
            var j = wordRunEnd(from: start)

            // Dotted abbreviations and initials: U.S., e.g., a.m., J.D., Ph.D.
            if j - start <= 2, byte(j) == UInt8(ascii: "."), Tokenizer.isASCIILetter(byte(j + 1)) {
                var k = j
                var segments = 1
                while byte(k) == UInt8(ascii: "."), Tokenizer.isASCIILetter(byte(k + 1)) {
                    let end = asciiLetterRunEnd(from: k + 1)
                    guard end - (k + 1) <= 2, !isWordCharacter(at: end) else { break }
                    k = end
                    segments += 1
                }
                if segments > 1 {
                    let key = UnsafeBufferPointer(rebasing: bytes[start..<k])
                    let entry = Abbreviations.entry(key)
                    var allInitials = true
                    var p = start
                    while p < k {
                        if !(Tokenizer.isUpper(bytes[p]) && byte(p + 1) == UInt8(ascii: ".")) { allInitials = false }
                        p += 2
                    }
                    var flags: Token.Flags = []
                    if byte(k) == UInt8(ascii: ".") {
                        k += 1
                        flags.insert(.endsWithPeriod)
                    }
                    emit(start, k, entry == nil && allInitials ? .initial : .abbreviation, flags)
                    return k
                }
            }

            var flags: Token.Flags = []
            while true {
                let apostrophe = Tokenizer.apostropheLength(bytes, at: j)
                if apostrophe > 0 {
                    let after = j + apostrophe
                    let a = byte(after)
                    let b = byte(after + 1)
                    // 's: possessive, or "is"/"has" after a pronoun.
                    if isLetter(a, 0x73), !isWordCharacter(at: after + 1) {
                        emit(start, j, .word, flags)
                        emit(j, after + 1, isPronoun(start, j) ? .contraction : .possessive)
                        return after + 1
                    }
                    // n't: ca|n't, do|n't, wo|n't.
                    if isLetter(a, 0x74), !isWordCharacter(at: after + 1), j - start >= 2, isLetter(bytes[j - 1], 0x6E)
                    {
                        emit(start, j - 1, .word, flags)
                        emit(j - 1, after + 1, .contraction)
                        return after + 1
                    }
                    // 've, 're, 'll, 'd, 'm.
                    var clitic = 0
                    if (isLetter(a, 0x76) && isLetter(b, 0x65)) || (isLetter(a, 0x72) && isLetter(b, 0x65))
                        || (isLetter(a, 0x6C) && isLetter(b, 0x6C))
                    {
                        clitic = 2
                    } else if isLetter(a, 0x64) || isLetter(a, 0x6D) {
                        clitic = 1
                    }
                    if clitic > 0, !isWordCharacter(at: after + clitic) {
                        emit(start, j, .word, flags)
                        emit(j, after + clitic, .contraction)
                        return after + clitic
                    }
                    // An apostrophe inside a name: O'Brien, Qur'an.
                    if isWordCharacter(at: after) {
                        j = wordRunEnd(from: after)
                        continue
                    }
                    // A plural possessive followed by what it possesses: allies' support.
                    if isLetter(bytes[j - 1], 0x73), byte(after) == 0x20, isWordCharacter(at: after + 1) {
                        emit(start, j, .word, flags)
                        emit(j, after, .possessive)
                        return after
                    }
                    break
                }
                let hyphen = Tokenizer.hyphenLength(bytes, at: j)
                if hyphen > 0, isWordCharacter(at: j + hyphen) {
                    flags.insert(.hyphenated)
                    j = wordRunEnd(from: j + hyphen)
                    continue
                }
                break
            }

            // Abbreviations from the table, with or without their full stop; single capital initials.
            var kind: Token.Kind = .word
            if !flags.contains(.hyphenated) {
                let capitalized = Tokenizer.isUpper(bytes[start])
                let entry = Abbreviations.entry(UnsafeBufferPointer(rebasing: bytes[start..<j]))
                if byte(j) == UInt8(ascii: ".") {
                    if let entry, !entry.needsCapital || capitalized,
                        entry.category != .beforeNumber || nextNonSpaceIsDigit(after: j + 1)
                    {
                        kind = .abbreviation
                    } else if j - start == 1, capitalized {
                        kind = .initial
                    }
                    if kind != .word {
                        flags.insert(.endsWithPeriod)
                        j += 1
                    }
                } else if let entry, entry.dotless, capitalized {
                    kind = .abbreviation
                }
            }
            emit(start, j, kind, flags)
            return j
        }

        private func nextNonSpaceIsDigit(after index: Int) -> Bool {
            var j = index
            while j < count, bytes[j] == 0x20 { j += 1 }
            return Tokenizer.isDigit(byte(j))
        }

        // MARK: Numbers

        /// Length of an am/pm suffix at `index` (`am`, `pm`, `a.m.`, `p.m.`), or 0.
        private func meridiemLength(at index: Int) -> Int {
            let a = byte(index) | 0x20
            guard a == 0x61 || a == 0x70 else { return 0 }
            if byte(index + 1) | 0x20 == 0x6D, !isWordCharacter(at: index + 2) { return 2 }
            if byte(index + 1) == UInt8(ascii: "."), byte(index + 2) | 0x20 == 0x6D,
                byte(index + 3) == UInt8(ascii: ".")
            {
                return 4
            }
            return 0
        }

        private mutating func scanNumber(from digitStart: Int, start: Int, currency: Bool) -> Int {
            var j = digitRunEnd(from: digitStart)
            let leadingDigits = j - digitStart
            var separators = 0
            while j < count {
                let b = bytes[j]
                if b == UInt8(ascii: ","), digitRunEnd(from: j + 1) - (j + 1) == 3 {
                    j = digitRunEnd(from: j + 1)
                } else if b == UInt8(ascii: "."), Tokenizer.isDigit(byte(j + 1)) {
                    j = digitRunEnd(from: j + 1)
                    separators += 1
                } else {
                    break
                }
            }
            if !currency {
                // Clock times: 15:21, 11:30am, 3.21pm, 9am.
                if byte(j) == UInt8(ascii: ":"), leadingDigits <= 2, Tokenizer.isDigit(byte(j + 1)),
                    Tokenizer.isDigit(byte(j + 2)), !Tokenizer.isDigit(byte(j + 3)), separators == 0
                {
                    var end = j + 3
                    if byte(end) == UInt8(ascii: ":"), Tokenizer.isDigit(byte(end + 1)),
                        Tokenizer.isDigit(byte(end + 2))
                    {
                        end += 3
                    }
                    end += meridiemLength(at: end)
                    if !isWordCharacter(at: end) {
                        emit(start, end, .time)
                        return end
                    }
                }
                let meridiem = meridiemLength(at: j)
                if meridiem > 0, leadingDigits <= 2, separators <= 1 {
                    emit(start, j + meridiem, .time)
                    return j + meridiem
                }
                if byte(j) == UInt8(ascii: "%") {
                    emit(start, j + 1, .percent)
                    return j + 1
                }
                // Fractions and numeric dates: 1/2, 2/27/2025.
                while byte(j) == UInt8(ascii: "/"), Tokenizer.isDigit(byte(j + 1)) {
                    j = digitRunEnd(from: j + 1)
                }
            }
            // Magnitudes (bn, m, tn, k), ordinals (27th) and decades (1990s) stay in the number.
            let letters = asciiLetterRunEnd(from: j)
            if letters > j, letters - j <= 3, !isWordCharacter(at: letters) {
                let suffix = UnsafeBufferPointer(rebasing: bytes[j..<letters])
                if Self.isNumberSuffix(suffix) {
                    j = letters
                }
            }
            var kind: Token.Kind = currency ? .money : .number
            var flags: Token.Flags = []
            // Attached letters (11g, 5G) and hyphenated compounds (3-year-old, 2025-02-27) continue the token;
            // it stays a number only if every part is numeric.
            let continues =
                isWordCharacter(at: j)
                || (Tokenizer.hyphenLength(bytes, at: j) > 0
                    && isWordCharacter(at: j + Tokenizer.hyphenLength(bytes, at: j)))
            if continues {
                j = wordRunEnd(from: j)
                while true {
                    let hyphen = Tokenizer.hyphenLength(bytes, at: j)
                    guard hyphen > 0, isWordCharacter(at: j + hyphen) else { break }
                    flags.insert(.hyphenated)
                    j = wordRunEnd(from: j + hyphen)
                }
                if !currency {
                    var numeric = true
                    for p in start..<j
                    where
                        !(Tokenizer.isDigit(bytes[p]) || bytes[p] == UInt8(ascii: "-") || bytes[p] == UInt8(ascii: "/"))
                    {
                        numeric = false
                        break
                    }
                    kind = numeric ? .number : .word
                }
            }
            emit(start, j, kind, flags)
            return j
        }

        private static func isNumberSuffix(_ suffix: UnsafeBufferPointer<UInt8>) -> Bool {
            guard let key = Abbreviations.packedKey(suffix) else { return false }
            return numberSuffixes.contains(key)
        }

        private static let numberSuffixes: Set<UInt64> = Set(
            (["bn", "m", "mn", "tn", "trn", "k", "b", "st", "nd", "rd", "th", "s"] as [StaticString]).map {
                Abbreviations.packedKey($0)
            }
        )
    }
}
