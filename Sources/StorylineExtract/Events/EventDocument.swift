import StorylineCore
import StorylineText

/// A text prepared for event extraction: its tokens with their lexicon hashes, its sentences, which entity
/// mention covers each token, and the time expressions of each sentence.
///
/// Built in one pass over the UTF-8 bytes (one tokenization, one sentence split); every range is a UTF-8
/// byte range into the text.
struct EventDocument {
    let bytes: [UInt8]
    let tokens: [Token]
    /// Per token: ``EventLexicon/hash(_:_:)`` of its bytes (ASCII lower case, curly apostrophe folded).
    let hashes: [UInt64]
    /// Sentences as token ranges.
    let sentences: [Range<Int>]
    /// The entity mentions, in text order.
    let mentions: [EntityMention]
    /// Per mention: its token range (empty when it falls between tokens).
    let mentionTokens: [Range<Int>]
    /// Per token: the index of the mention covering it, or -1.
    let mentionAt: [Int32]
    /// Per token: whether a time expression covers it.
    let inTimex: [Bool]

    init(text: String, mentions: [EntityMention], timexes: [TimeExpression]) {
        let bytes = Array(text.utf8)
        self.bytes = bytes
        var tokens: [Token] = []
        var sentences: [Range<Int>] = []
        var hashes: [UInt64] = []
        bytes.withUnsafeBufferPointer { buffer in
            let tokenizer = Tokenizer()
            tokens = tokenizer.tokenize(utf8: buffer)
            sentences = SentenceSplitter(tokenizer: tokenizer).sentenceTokenRanges(utf8: buffer, tokens: tokens)
            hashes = tokens.map { EventLexicon.hash(buffer, $0.range.range) }
        }
        self.tokens = tokens
        self.sentences = sentences
        self.hashes = hashes
        let sorted = mentions.sorted { $0.range < $1.range }
        self.mentions = sorted
        let mentionTokens = Self.tokenRanges(of: sorted.map(\.range), in: tokens)
        self.mentionTokens = mentionTokens
        var mentionAt = [Int32](repeating: -1, count: tokens.count)
        for (n, range) in mentionTokens.enumerated() {
            for i in range where mentionAt[i] < 0 { mentionAt[i] = Int32(n) }
        }
        self.mentionAt = mentionAt
        var inTimex = [Bool](repeating: false, count: tokens.count)
        for range in Self.tokenRanges(of: timexes.map(\.range).sorted(), in: tokens) {
            for i in range { inTimex[i] = true }
        }
        self.inTimex = inTimex
    }

    /// The token range each byte range overlaps (ranges in text order), by one sweep.
    static func tokenRanges(of ranges: [TextRange], in tokens: [Token]) -> [Range<Int>] {
        var result: [Range<Int>] = []
        result.reserveCapacity(ranges.count)
        var cursor = 0
        for range in ranges {
            while cursor > 0 && tokens[cursor - 1].range.end > range.start { cursor -= 1 }
            while cursor < tokens.count && tokens[cursor].range.end <= range.start { cursor += 1 }
            var end = cursor
            while end < tokens.count && tokens[end].range.start < range.end { end += 1 }
            result.append(cursor..<max(cursor, end))
        }
        return result
    }

    // MARK: Token helpers

    /// The text of a byte range.
    func string(_ range: TextRange) -> String {
        String(decoding: bytes[range.start..<range.end], as: UTF8.self)
    }

    /// The byte range covering tokens `range` (non-empty).
    func byteRange(_ range: Range<Int>) -> TextRange {
        TextRange(start: tokens[range.lowerBound].range.start, end: tokens[range.upperBound - 1].range.end)
    }

    /// Whether token `i` is the single punctuation character `c`.
    func isPunct(_ i: Int, _ c: UInt8) -> Bool {
        let r = tokens[i].range
        return tokens[i].kind == .punctuation && r.count == 1 && bytes[r.start] == c
    }

    /// Whether token `i` is punctuation that ends a clause: `;`, `:`, a dash, a bracket, `?`, `!`.
    func isClausePunctuation(_ i: Int) -> Bool {
        guard tokens[i].kind == .punctuation else { return false }
        if tokens[i].isDash(in: bytes) { return true }
        let r = tokens[i].range
        guard r.count == 1 else { return false }
        switch bytes[r.start] {
        case UInt8(ascii: ";"), UInt8(ascii: ":"), UInt8(ascii: "("), UInt8(ascii: ")"), UInt8(ascii: "?"),
            UInt8(ascii: "!"):
            return true
        default:
            return false
        }
    }

    /// Whether token `i` is a word written in lower case.
    func isLowerWord(_ i: Int) -> Bool {
        tokens[i].kind == .word && !tokens[i].flags.contains(.capitalized)
    }

    /// The mention covering token `i`, if any.
    func mention(at i: Int) -> Int? {
        let n = mentionAt[i]
        return n >= 0 ? Int(n) : nil
    }

    /// Whether token `i`'s hash is in `set`.
    @inline(__always)
    func token(_ i: Int, in set: Set<UInt64>) -> Bool { set.contains(hashes[i]) }

    /// The index of the first token that ends after byte `offset`.
    func firstToken(endingAfter offset: Int) -> Int {
        var lo = 0
        var hi = tokens.count
        while lo < hi {
            let mid = (lo + hi) / 2
            if tokens[mid].range.end <= offset { lo = mid + 1 } else { hi = mid }
        }
        return lo
    }

    /// Whether the words at `range` end in a possessive ("Sunday's") whose noun phrase — the next three tokens
    /// — does not hold `other`.
    func possessesOther(_ range: TextRange, than other: TextRange) -> Bool {
        let k = firstToken(endingAfter: range.end)
        guard k < tokens.count, tokens[k].kind == .possessive, tokens[k].range.start == range.end else { return false }
        let phraseEnd = min(tokens.count, k + 4)
        return !(k + 1..<phraseEnd).contains { tokens[$0].range.start == other.start }
    }

    /// Whether the time expression at `range` dates another occasion than the event at `trigger`: it modifies
    /// an occasion noun right after it ("Trump's 2017 to 2021 term", "the 1994 election"), or is the object of
    /// "in", "since" or "during" right after one ("the invasion in 2022", "a general election in November",
    /// "the war since 2014") — a noun that is not the trigger itself.
    func datesOtherOccasion(_ range: TextRange, than trigger: TextRange) -> Bool {
        func otherOccasion(_ k: Int) -> Bool {
            k >= 0 && k < tokens.count && isLowerWord(k) && token(k, in: EventCues.occasionNouns)
                && !trigger.contains(tokens[k].range)
        }
        var after = firstToken(endingAfter: range.end)
        // A span of years written as two expressions: "his 2017 to 2021 term".
        if after + 2 < tokens.count, token(after, in: EventCues.spanWords) || tokens[after].isDash(in: bytes),
            tokens[after + 1].kind == .number
        {
            after += 2
        }
        if after < tokens.count, tokens[after].range.start >= range.end, otherOccasion(after) { return true }
        let first = firstToken(endingAfter: range.start)
        guard first >= 2, first < tokens.count, token(first - 1, in: EventCues.occasionPrepositions) else {
            return false
        }
        return otherOccasion(first - 2)
    }

    /// Whether the time expression at `range` lies in a relative clause ("Martin, who took over last month,")
    /// that closes with a comma before the trigger after it: it dates what the clause says, not the event.
    func inRelativeClause(_ range: TextRange, before trigger: TextRange, sentenceStart: Int) -> Bool {
        guard range.end <= trigger.start else { return false }
        let first = firstToken(endingAfter: range.start)
        var k = first - 1
        while k >= 0, tokens[k].range.start >= sentenceStart {
            if isPunct(k, UInt8(ascii: ",")) || isClausePunctuation(k) { return false }
            if token(k, in: EventCues.relativeWords) { break }
            k -= 1
        }
        guard k >= 0, tokens[k].range.start >= sentenceStart else { return false }
        var j = firstToken(endingAfter: range.end)
        while j < tokens.count, tokens[j].range.end <= trigger.start {
            if isPunct(j, UInt8(ascii: ",")) { return true }
            j += 1
        }
        return false
    }

    /// The number a number token stands for, when it is a plain integer ("18").
    func integer(_ i: Int) -> Int? {
        guard tokens[i].kind == .number else { return nil }
        var value = 0
        for b in bytes[tokens[i].range.range] {
            guard b >= 0x30, b <= 0x39 else { return nil }
            value = value * 10 + Int(b - 0x30)
            if value > 1_000_000 { return nil }
        }
        return value
    }
}
