import StorylineCore
import StorylineText

extension RoleExtractor {
    /// One text prepared for role extraction: tokens, sentences, which mention covers each token and the
    /// title matches of the words no mention covers.
    struct Document {
        let bytes: [UInt8]
        let tokens: [Token]
        /// Per token: hash of its exact bytes and of its ASCII-lower-cased bytes (``FeatureHash``).
        let exact: [UInt64]
        let lower: [UInt64]
        /// Per token: the token range of its sentence.
        let sentence: [Range<Int>]
        let mentions: [EntityMention]
        /// Per mention: its token range (empty when its bytes fall between tokens).
        let mentionTokens: [Range<Int>]
        /// Per token: the index of the mention covering it, or -1.
        let mentionAt: [Int]
        /// Title matches: longest left-to-right over tokens no mention covers, within a sentence.
        let titles: [(tokens: Range<Int>, title: EntityGazetteer.Title)]
        /// Per token: the index in ``titles`` of the title covering it, or -1.
        let titleAt: [Int]

        init(text: String, mentions: [EntityMention], tables: EntityGazetteer.RoleTables) {
            let bytes = Array(text.utf8)
            self.bytes = bytes
            var tokens: [Token] = []
            var sentenceRanges: [Range<Int>] = []
            var exact: [UInt64] = []
            var lower: [UInt64] = []
            bytes.withUnsafeBufferPointer { buffer in
                let tokenizer = Tokenizer()
                tokens = tokenizer.tokenize(utf8: buffer)
                sentenceRanges = SentenceSplitter(tokenizer: tokenizer).sentenceTokenRanges(
                    utf8: buffer,
                    tokens: tokens
                )
                exact = tokens.map { FeatureHash.bytes(buffer, $0.range.range) }
                lower = tokens.map { FeatureHash.bytes(buffer, $0.range.range, lower: true) }
            }
            self.tokens = tokens
            self.exact = exact
            self.lower = lower
            var sentence = tokens.indices.map { $0..<$0 + 1 }
            for range in sentenceRanges {
                for i in range { sentence[i] = range }
            }
            self.sentence = sentence

            let mentions = Self.repairing(
                mentions,
                tokenRanges: Self.tokenRanges(of: mentions, in: tokens),
                tokens: tokens,
                exact: exact,
                lower: lower,
                bytes: bytes,
                tables: tables
            )
            self.mentions = mentions
            let mentionTokens = Self.tokenRanges(of: mentions, in: tokens)
            var mentionAt = [Int](repeating: -1, count: tokens.count)
            for (n, range) in mentionTokens.enumerated() {
                for i in range where mentionAt[i] < 0 { mentionAt[i] = n }
            }
            self.mentionTokens = mentionTokens

            // Titles: longest first, left to right, on words outside person names. A title may swallow a
            // mention the recognizer made of its words ("Defense" in "Defense Minister", "State" in
            // "Secretary of State") but never cut one ("Commission" of "European Commission President").
            var titles: [(tokens: Range<Int>, title: EntityGazetteer.Title)] = []
            var titleAt = [Int](repeating: -1, count: tokens.count)
            func isPerson(_ k: Int) -> Bool { mentionAt[k] >= 0 && mentions[mentionAt[k]].type == .person }
            var i = 0
            while i < tokens.count {
                if isPerson(i) || (mentionAt[i] >= 0 && mentionTokens[mentionAt[i]].lowerBound != i)
                    || !tokens[i].isWordLike
                {
                    i += 1
                    continue
                }
                var end = i
                while end < tokens.count, end < sentence[i].upperBound, !isPerson(end),
                    end - i < EntityGazetteer.maxLength
                {
                    end += 1
                }
                var found: (Int, EntityGazetteer.Title)?
                while end > i,
                    let (length, title) = tables.longestTitle(exact: exact, lower: lower, from: i, before: end)
                {
                    let last = i + length - 1
                    if mentionAt[last] >= 0, mentionTokens[mentionAt[last]].upperBound > last + 1 {
                        end = last  // would cut a mention: try shorter
                        continue
                    }
                    found = (length, title)
                    break
                }
                guard let (length, title) = found else {
                    i += 1
                    continue
                }
                for k in i..<(i + length) {
                    titleAt[k] = titles.count
                    mentionAt[k] = -1
                }
                titles.append((i..<(i + length), title))
                i += length
            }
            self.mentionAt = mentionAt
            self.titles = titles
            self.titleAt = titleAt
        }

        /// The text of a token range.
        func text(_ range: Range<Int>) -> String {
            guard !range.isEmpty else { return "" }
            return String(decoding: bytes[byteRange(range).range], as: UTF8.self)
        }

        /// The byte range of a token range.
        func byteRange(_ range: Range<Int>) -> TextRange {
            TextRange(start: tokens[range.lowerBound].range.start, end: tokens[range.upperBound - 1].range.end)
        }

        /// The title match that ends at token `i`, if any.
        func title(endingAt i: Int) -> (tokens: Range<Int>, title: EntityGazetteer.Title)? {
            guard i >= 0, i < tokens.count, titleAt[i] >= 0 else { return nil }
            let match = titles[titleAt[i]]
            return match.tokens.upperBound - 1 == i ? match : nil
        }

        /// The title match that starts at token `i`, if any.
        func title(startingAt i: Int) -> (tokens: Range<Int>, title: EntityGazetteer.Title)? {
            guard i >= 0, i < tokens.count, titleAt[i] >= 0 else { return nil }
            let match = titles[titleAt[i]]
            return match.tokens.lowerBound == i ? match : nil
        }

        /// The mention whose tokens end at token `i`, if any.
        func mention(endingAt i: Int) -> Int? {
            guard i >= 0, i < tokens.count, mentionAt[i] >= 0 else { return nil }
            let n = mentionAt[i]
            return mentionTokens[n].upperBound - 1 == i ? n : nil
        }

        /// The mention whose tokens start at token `i`, if any.
        func mention(startingAt i: Int) -> Int? {
            guard i >= 0, i < tokens.count, mentionAt[i] >= 0 else { return nil }
            let n = mentionAt[i]
            return mentionTokens[n].lowerBound == i ? n : nil
        }

        /// Whether token `i` is a possessive clitic (`'s`, `'`).
        func isPossessive(_ i: Int) -> Bool { i >= 0 && i < tokens.count && tokens[i].kind == .possessive }

        /// Whether token `i` is the single punctuation mark `mark`.
        func isMark(_ i: Int, _ mark: UInt8) -> Bool {
            guard i >= 0, i < tokens.count, tokens[i].kind == .punctuation, tokens[i].range.count == 1 else {
                return false
            }
            return bytes[tokens[i].range.start] == mark
        }

        /// Whether token `i` is a word written in lower case.
        func isLowerWord(_ i: Int) -> Bool {
            guard i >= 0, i < tokens.count, tokens[i].kind == .word else { return false }
            return !tokens[i].flags.contains(.capitalized)
        }

        /// Whether token `i` is a capitalized word no mention and no title covers.
        func isFreeCapitalizedWord(_ i: Int) -> Bool {
            guard i >= 0, i < tokens.count, tokens[i].kind == .word || tokens[i].kind == .initial else { return false }
            return tokens[i].flags.contains(.capitalized) && mentionAt[i] < 0 && titleAt[i] < 0
        }
    }
}
