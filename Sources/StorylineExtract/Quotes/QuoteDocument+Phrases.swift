import StorylineCore
import StorylineText

/// Noun phrases around a cue (the source: "UK Prime Minister Keir Starmer", "the Kremlin spokesman",
/// "he") and the adjuncts a cue can carry ("on Thursday", "in a statement", "told reporters").
///
/// All walks are bounded (a phrase is at most a dozen tokens), so the cost per cue is constant.
extension QuoteDocument {
    /// The longest phrase walk, in tokens.
    static let maximumPhrase = 10

    /// Whether token `i` can be part of a speaker phrase at all.
    private func isPhraseWord(_ i: Int) -> Bool {
        let c = classes[i]
        if inQuotation(i) { return false }
        if !c.isDisjoint(with: [.clauseWord, .speechCue, .tellCue, .according, .copula, .auxiliary]) {
            return false
        }
        let kind = tokens[i].kind
        return kind == .word || kind == .abbreviation || kind == .initial || kind == .number
    }

    /// The source phrase that ends at token `end` (inclusive), walking left no further than `lowerBound`.
    func phrase(endingAt end: Int, lowerBound: Int) -> Range<Int>? {
        guard end >= lowerBound, end < tokens.count else { return nil }
        let c = classes[end]
        if !c.isDisjoint(with: [.personPronoun, .otherPronoun, .standalone]) && !inQuotation(end) {
            // "The two admit …".
            if c.contains(.standalone), end > lowerBound, tokenIs(end - 1, "the") { return (end - 1)..<(end + 1) }
            return end..<(end + 1)
        }
        guard isPhraseWord(end), !c.contains(.determiner),
            c.isDisjoint(with: [.preposition, .timeWord]) || (isCapitalized(end) && !c.contains(.timeWord))
        else { return nil }
        if c.contains(.preposition) && !isCapitalized(end) { return nil }
        let headIsName = isCapitalized(end) && !c.contains(.roleNoun)
        var start = end
        var sawDeterminer = false
        var sawRole = false
        var i = end - 1
        while i >= lowerBound && end - i < Self.maximumPhrase {
            let ci = classes[i]
            if tokens[i].kind == .possessive {
                guard i - 1 >= lowerBound, isPhraseWord(i - 1) else { break }
                start = i
                i -= 1
                continue
            }
            if !ci.isDisjoint(with: [.determiner, .quantifier]) && tokens[i].kind == .word {
                start = i
                sawDeterminer = true
                break
            }
            if ci.contains(.of), i - 1 >= lowerBound, isCapitalized(i - 1) || classes[i - 1].contains(.roleNoun),
                isCapitalized(start)
            {
                start = i
                i -= 1
                continue
            }
            guard isPhraseWord(i) else { break }
            if ci.contains(.preposition) && !ci.contains(.roleNoun) { break }
            if isCapitalized(i) {
                if ci.contains(.timeWord) { break }
                start = i
            } else if ci.contains(.roleNoun) {
                start = i
                sawRole = true
            } else if (!headIsName || sawRole) && !ci.contains(.timeWord) {
                // A lower-case word before a role noun is its modifier: "former State policy planning
                // director Anne-Marie Slaughter".
                start = i
            } else {
                break
            }
            i -= 1
        }
        // A lower-case phrase needs a determiner, a capitalized word, a number ("47 percent") or a role
        // head to be a source.
        if !sawDeterminer && !(start...end).contains(where: { isCapitalized($0) || tokens[$0].kind == .number })
            && !c.contains(.roleNoun)
        {
            return nil
        }
        return start..<(end + 1)
    }

    /// The source phrase of a cue at `cue` found to its left: "Starmer said", "the Kremlin spokesman has
    /// said", "Dmitry Peskov, the Kremlin spokesman, said".
    func subject(ofCue cue: Int, lowerBound: Int) -> Range<Int>? {
        var i = cue - 1
        while i >= lowerBound && !inQuotation(i) {
            if classes[i].contains(.auxiliary)
                || (tokenIs(i, "since") && i > lowerBound && classes[i - 1].contains(.auxiliary))
            {
                i -= 1
            } else if isPunct(i, UInt8(ascii: ")")) {
                var j = i - 1
                while j > lowerBound && i - j < 8 && !isPunct(j, UInt8(ascii: "(")) { j -= 1 }
                guard isPunct(j, UInt8(ascii: "(")) else { break }
                i = j - 1
            } else if classes[i].contains(.timeWord) && !classes[i].contains(.roleNoun) {
                i -= 1
                if i >= lowerBound && classes[i].contains(.preposition) { i -= 1 }
            } else {
                break
            }
        }
        guard i >= lowerBound, !classes[i].contains(.copula) else { return nil }
        // A relative clause: "Graham, who says …", "experts who say …".
        if tokenIs(i, "who"), i > lowerBound {
            let head = isPunct(i - 1, UInt8(ascii: ",")) ? i - 2 : i - 1
            return head >= lowerBound ? phrase(endingAt: head, lowerBound: lowerBound) : nil
        }
        if isPunct(i, UInt8(ascii: ",")) {
            // An appositive or relative clause between two commas: "Peskov, the Kremlin spokesman, said".
            var j = i - 1
            while j > lowerBound && i - j < 30 && !isPunct(j, UInt8(ascii: ",")) && !inQuotation(j) { j -= 1 }
            guard j > lowerBound, isPunct(j, UInt8(ascii: ",")), j + 1 < i else { return nil }
            // Not a coordination ("…, and officials, said" is no appositive).
            guard !(tokenIs(j + 1, "and") || tokenIs(j + 1, "but") || tokenIs(j + 1, "or")) else { return nil }
            guard let head = phrase(endingAt: j - 1, lowerBound: lowerBound) else { return nil }
            // An adverbial between commas is no appositive: "Kelly Ayotte's campaign, for example, said".
            if classes[j + 1].contains(.preposition) || (j + 1..<i).allSatisfy({ classes[$0].contains(.auxiliary) }) {
                return head
            }
            // A chain: "Christopher M. Shelton, the president of the Communications Workers of America,
            // which endorsed Mr. Sanders in December, said", "Yin Myint May, 60, a doctor, said" — the
            // name before the first of up to three descriptions between commas.
            var segment = j
            var steps = 0
            while steps < 2, segment > lowerBound, isDescription(segment + 1) {
                var k = segment - 1
                while k > lowerBound && segment - k < 20 && !isPunct(k, UInt8(ascii: ",")) && !inQuotation(k) { k -= 1 }
                guard k > lowerBound, isPunct(k, UInt8(ascii: ",")), k + 1 < segment, isDescription(k + 1) else {
                    break
                }
                if let name = phrase(endingAt: k - 1, lowerBound: lowerBound), isCapitalized(name.upperBound - 1) {
                    return name.lowerBound..<i
                }
                segment = k
                steps += 1
            }
            // The source as written, appositive included: "Mary Polak, the province's environment minister".
            return head.lowerBound..<i
        }
        return phrase(endingAt: i, lowerBound: lowerBound)
    }

    /// The phrase that starts at token `start` and ends before `upperBound`: an inverted source
    /// ("said the Kremlin spokesman Dmitry Peskov"), an addressee ("told France Info radio").
    func phrase(startingAt start: Int, upperBound: Int, allowLowercase: Bool = false) -> Range<Int>? {
        guard start < upperBound, start < tokens.count else { return nil }
        let c = classes[start]
        if !c.isDisjoint(with: [.personPronoun, .otherPronoun]) && !inQuotation(start) {
            return start..<(start + 1)
        }
        var i = start
        var sawDeterminer = false
        if !c.isDisjoint(with: [.determiner, .quantifier]) && !inQuotation(i) {
            sawDeterminer = true
            i += 1
        }
        var end = i
        while i < upperBound && i - start < Self.maximumPhrase {
            let ci = classes[i]
            if tokens[i].kind == .possessive && i > start {
                i += 1
                end = i
                continue
            }
            if ci.contains(.of), i + 1 < upperBound, isCapitalized(i + 1), end > start {
                i += 1
                continue
            }
            // After a determiner a cue word is a noun ("the state news agency").
            // …but not a past-tense verb after the noun: "the Trump campaign issued a statement".
            if sawDeterminer || allowLowercase, i > start + 1, isLowercaseWord(i), endsWithED(i),
                !ci.contains(.roleNoun)
            {
                break
            }
            let nounAfterDeterminer =
                sawDeterminer && isLowercaseWord(i) && ci.isDisjoint(with: [.clauseWord, .copula, .auxiliary])
            guard isPhraseWord(i) || nounAfterDeterminer, ci.isDisjoint(with: [.preposition, .that, .participle])
            else { break }
            if i > start && ci.contains(.determiner) { break }
            // A lower-case modifier of a role noun: "senior campaign adviser …", and after a name only
            // right before it ("Irish public broadcaster RTE", not "Berg shook her head").
            let sawName = (start..<i).contains { isCapitalized($0) }
            let beforeRole =
                isLowercaseWord(i)
                && (i + 1..<min(i + (sawName ? 2 : 3), upperBound)).contains { classes[$0].contains(.roleNoun) }
            if ci.contains(.timeWord) && !ci.contains(.roleNoun) && !(isCapitalized(i) && !isTimeName(i)) { break }
            if isCapitalized(i) || ci.contains(.roleNoun) || sawDeterminer || allowLowercase || beforeRole
                || tokens[i].kind == .number
            {
                i += 1
                end = i
            } else {
                break
            }
        }
        return end > start && (end > start + 1 || !sawDeterminer) ? start..<end : nil
    }

    /// `source` extended over an appositive that follows it up to the sentence end or the next comma:
    /// "said Mary Polak, the province's environment minister." (at most 24 tokens).
    func extendedOverAppositive(_ source: Range<Int>, upperBound: Int) -> Range<Int> {
        let comma = source.upperBound
        guard comma + 1 < upperBound, isPunct(comma, UInt8(ascii: ",")), !inQuotation(comma + 1),
            classes[comma + 1].contains(.determiner) || classes[comma + 1].contains(.roleNoun)
                || tokens[comma + 1].kind == .number
        else { return source }
        var k = comma + 1
        while k < upperBound && k - comma < 24 && !inQuotation(k) && tokens[k].kind != .punctuation { k += 1 }
        guard k == upperBound || isPunct(k, UInt8(ascii: ",")) || isPunct(k, UInt8(ascii: ".")) else { return source }
        return source.lowerBound..<k
    }

    /// Whether the words from token `i` describe a name before them: an article, a role, a number (an
    /// age) or a relative pronoun.
    private func isDescription(_ i: Int) -> Bool {
        !classes[i].isDisjoint(with: [.determiner, .roleNoun]) || tokens[i].kind == .number || tokenIs(i, "which")
            || tokenIs(i, "who") || tokenIs(i, "whose")
    }

    /// Whether token `i` ends in "ed" ("tried", "issued").
    func endsWithED(_ i: Int) -> Bool {
        let r = tokens[i].range
        return r.count > 3 && bytes[r.end - 2] == UInt8(ascii: "e") && bytes[r.end - 1] == UInt8(ascii: "d")
    }

    /// Whether a capitalized time word is a weekday or month name (not a name like "May" the person).
    private func isTimeName(_ i: Int) -> Bool { classes[i].contains(.timeWord) }

    /// Skips the adjuncts that can follow a cue before what was said: time phrases ("on Thursday (Feb
    /// 27)", "last week"), adverbs, and prepositional phrases of channel or occasion ("in a statement",
    /// "on his Truth Social platform", "at a joint news conference"). Returns the next token and the
    /// channel phrase when one was skipped.
    func skipAdjuncts(from start: Int, upperBound: Int) -> (next: Int, channel: Range<Int>?) {
        var i = start
        var channel: Range<Int>?
        var steps = 0
        while i < upperBound && steps < 4 {
            steps += 1
            let c = classes[i]
            if inQuotation(i) { break }
            if c.contains(.auxiliary) || (c.contains(.timeWord) && !c.contains(.preposition)) {
                var j = i
                while j < upperBound && !classes[j].isDisjoint(with: [.auxiliary, .timeWord]) { j += 1 }
                i = j
                continue
            }
            if tokens[i].kind == .punctuation && bytes[tokens[i].range.start] == 0xE2 {
                // A dash-delimited aside: "said — on Twitter, as it happens — that …".
                var j = i + 1
                while j < upperBound && j - i < 12
                    && !(tokens[j].kind == .punctuation && bytes[tokens[j].range.start] == 0xE2)
                {
                    j += 1
                }
                guard j < upperBound, j - i < 12 else { break }
                i = j + 1
                continue
            }
            if isPunct(i, UInt8(ascii: "(")) {
                var j = i + 1
                while j < upperBound && j - i < 8 && !isPunct(j, UInt8(ascii: ")")) { j += 1 }
                guard j < upperBound, isPunct(j, UInt8(ascii: ")")) else { break }
                i = j + 1
                continue
            }
            if c.contains(.preposition) {
                var j = i + 1
                var hasChannel = false
                var content = false
                while j < upperBound && j - i < 9 {
                    let cj = classes[j]
                    if inQuotation(j) || cj.contains(.that) { break }
                    if cj.contains(.channelNoun) { hasChannel = true }
                    let determinerHere = cj.contains(.determiner) && (j == i + 1 || tokens[j - 1].kind == .possessive)
                    let fits =
                        determinerHere || !cj.isDisjoint(with: [.timeWord, .channelNoun, .roleNoun])
                        || isCapitalized(j) || tokens[j].kind == .possessive || tokens[j].kind == .number
                        || (cj.contains(.of) && content)
                    guard fits && tokens[j].kind != .punctuation else { break }
                    content = true
                    j += 1
                }
                guard content else { break }
                // Without a channel noun or a time word, a preposition may start what was said.
                if hasChannel { channel = i..<j }
                i = j
                continue
            }
            break
        }
        return (i, channel)
    }
}
