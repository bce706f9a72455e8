import StorylineCore

extension SentenceSplitter {
    /// One pass over the tokens deciding, after each token, whether a sentence ends there.
    struct Boundaries {
        let bytes: UnsafeBufferPointer<UInt8>
        let tokens: [Token]

        init(bytes: UnsafeBufferPointer<UInt8>, tokens: [Token]) {
            self.bytes = bytes
            self.tokens = tokens
        }

        mutating func run() -> [Range<Int>] {
            var sentences = [Range<Int>]()
            let n = tokens.count
            var start: Int? = nil
            var k = 0
            while k < n {
                let atLineStart = k == 0 || newlines(before: k) > 0
                if start == nil {
                    if atLineStart, isBullet(k) {
                        k += 1
                        continue
                    }
                    if atLineStart, let end = timestampLineEnd(from: k) {
                        sentences.append(k..<end)
                        k = end
                        continue
                    }
                    start = k
                }
                var last = k
                let isBreak: Bool
                if let strength = terminalStrength(k) {
                    // Keep attached closing marks, and further terminal marks ("?!", "?'"), in the sentence.
                    while last + 1 < n, tokens[last + 1].range.start == tokens[last].range.end,
                        isClosing(last + 1) || terminalStrength(last + 1) == .strong
                    {
                        last += 1
                    }
                    isBreak = last + 1 == n || breaksAfterTerminal(last, strength: strength)
                } else {
                    isBreak = last + 1 == n || breaksAtLineEnd(last)
                }
                if isBreak, let first = start {
                    sentences.append(first..<(last + 1))
                    start = nil
                }
                k = last + 1
            }
            return sentences
        }

        // MARK: Gaps between tokens

        /// The number of line breaks between token `index - 1` and token `index`.
        private func newlines(before index: Int) -> Int {
            guard index > 0, index < tokens.count else { return 0 }
            var lines = 0
            var j = tokens[index - 1].range.end
            let end = tokens[index].range.start
            while j < end {
                let b = bytes[j]
                if b == 0x0A || (b == 0x0D && (j + 1 >= end || bytes[j + 1] != 0x0A)) {
                    lines += 1
                } else if b == 0xE2, j + 2 < end, bytes[j + 1] == 0x80, bytes[j + 2] == 0xA8 || bytes[j + 2] == 0xA9 {
                    lines += 1
                }
                j += 1
            }
            return lines
        }

        // MARK: Token tests

        private func first(_ index: Int) -> UInt8 { bytes[tokens[index].range.start] }

        private func isSingle(_ index: Int, _ ascii: UInt8) -> Bool {
            tokens[index].range.count == 1 && first(index) == ascii
        }

        /// Whether the token is the three-byte scalar `E2 80 x`.
        private func isGeneralPunctuation(_ index: Int, _ last: UInt8) -> Bool {
            let range = tokens[index].range
            return range.count == 3 && bytes[range.start] == 0xE2 && bytes[range.start + 1] == 0x80
                && bytes[range.start + 2] == last
        }

        enum Strength { case strong, abbreviation }

        /// Whether the token can end a sentence, and how surely.
        private func terminalStrength(_ index: Int) -> Strength? {
            let token = tokens[index]
            switch token.kind {
            case .punctuation:
                let b = first(index)
                if b == UInt8(ascii: ".") || b == UInt8(ascii: "!") || b == UInt8(ascii: "?") { return .strong }
                if isGeneralPunctuation(index, 0xA6) { return .strong }  // …
                return nil
            case .abbreviation, .initial:
                guard token.flags.contains(.endsWithPeriod) else { return nil }
                return .abbreviation
            default:
                return nil
            }
        }

        /// Closing quotation marks and brackets.
        private func isClosing(_ index: Int) -> Bool {
            guard tokens[index].kind == .punctuation else { return false }
            if tokens[index].range.count == 1 {
                let b = first(index)
                return b == UInt8(ascii: "\"") || b == UInt8(ascii: "'") || b == UInt8(ascii: ")")
                    || b == UInt8(ascii: "]") || b == UInt8(ascii: "}")
            }
            return isGeneralPunctuation(index, 0x9D) || isGeneralPunctuation(index, 0x99)
                || isGeneralPunctuation(index, 0xBA)
                || (tokens[index].range.count == 2 && first(index) == 0xC2
                    && bytes[tokens[index].range.start + 1] == 0xBB)
        }

        /// Opening quotation marks and brackets.
        private func isOpening(_ index: Int) -> Bool {
            guard tokens[index].kind == .punctuation else { return false }
            if tokens[index].range.count == 1 {
                let b = first(index)
                return b == UInt8(ascii: "\"") || b == UInt8(ascii: "'") || b == UInt8(ascii: "(")
                    || b == UInt8(ascii: "[")
            }
            return isGeneralPunctuation(index, 0x9C) || isGeneralPunctuation(index, 0x98)
                || isGeneralPunctuation(index, 0xB9)
                || (tokens[index].range.count == 2 && first(index) == 0xC2
                    && bytes[tokens[index].range.start + 1] == 0xAB)
        }

        private func startsLowercase(_ index: Int) -> Bool {
            let b = first(index)
            return b >= UInt8(ascii: "a") && b <= UInt8(ascii: "z")
        }

        /// Punctuation that continues a sentence: `,` `;` `:` `)` and friends.
        private func continuesSentence(_ index: Int) -> Bool {
            guard tokens[index].kind == .punctuation, tokens[index].range.count == 1 else { return false }
            let b = first(index)
            return b == UInt8(ascii: ",") || b == UInt8(ascii: ";") || b == UInt8(ascii: ":")
                || b == UInt8(ascii: ")") || b == UInt8(ascii: "]")
        }

        private func isBullet(_ index: Int) -> Bool {
            let token = tokens[index]
            guard token.kind == .punctuation || token.kind == .symbol, index + 1 < tokens.count,
                tokens[index + 1].range.start > token.range.end, newlines(before: index + 1) == 0
            else { return false }
            if token.range.count == 1 {
                return first(index) == UInt8(ascii: "-") || first(index) == UInt8(ascii: "*")
            }
            return isGeneralPunctuation(index, 0xA2) || isGeneralPunctuation(index, 0x93)
                || isGeneralPunctuation(index, 0x94)
        }

        // MARK: Decisions

        private func breaksAfterTerminal(_ last: Int, strength: Strength) -> Bool {
            let next = last + 1
            if newlines(before: next) > 0 { return true }
            switch strength {
            case .strong:
                return !startsLowercase(next) && !continuesSentence(next)
            case .abbreviation:
                let token = tokens[last]
                if token.kind == .abbreviation {
                    let body = UnsafeBufferPointer(rebasing: bytes[token.range.start..<(token.range.end - 1)])
                    if let entry = Abbreviations.entry(body),
                        entry.category == .title || entry.category == .month || entry.category == .beforeNumber
                    {
                        return false
                    }
                }
                return isOpening(next) || isSentenceOpener(next)
            }
        }

        private func breaksAtLineEnd(_ last: Int) -> Bool {
            let next = last + 1
            let lines = newlines(before: next)
            if lines == 0 { return false }
            if lines > 1 { return true }
            if tokens[last].kind == .punctuation, tokens[last].range.count == 1 {
                let b = first(last)
                if b == UInt8(ascii: ",") || b == UInt8(ascii: ";") || b == UInt8(ascii: "-") { return false }
            }
            return !startsLowercase(next)
        }

        /// If a line starting at token `index` holds only a clock time (and a zone such as `GMT`), the index
        /// after its last token.
        private func timestampLineEnd(from index: Int) -> Int? {
            guard index < tokens.count, tokens[index].kind == .time else { return nil }
            var end = index + 1
            if end < tokens.count, newlines(before: end) == 0, tokens[end].flags.contains(.allCaps),
                tokens[end].kind == .word, tokens[end].range.count <= 4
            {
                end += 1
            }
            return end == tokens.count || newlines(before: end) > 0 ? end : nil
        }

        private func isSentenceOpener(_ index: Int) -> Bool {
            let token = tokens[index]
            guard token.kind == .word, token.flags.contains(.capitalized) else { return false }
            guard let key = Abbreviations.packedKey(UnsafeBufferPointer(rebasing: bytes[token.range.range])) else {
                return false
            }
            return Self.openers.contains(key)
        }

        private static let openers: Set<UInt64> = Set(
            ([
                "the", "a", "an", "he", "she", "it", "they", "we", "i", "you", "but", "and", "or", "so", "yet",
                "in", "on", "at", "this", "that", "these", "those", "there", "his", "her", "its", "their", "our",
                "my", "what", "when", "where", "why", "how", "who", "if", "as", "after", "before", "while",
                "however", "also", "for", "some", "many", "one", "no", "not", "all", "both", "asked", "earlier",
                "later", "last", "now", "then", "since", "still", "such", "during", "under", "with", "from",
            ] as [StaticString]).map { Abbreviations.packedKey($0) }
        )
    }
}
