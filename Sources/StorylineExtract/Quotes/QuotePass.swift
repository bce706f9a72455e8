import StorylineCore
import StorylineText

/// One left-to-right pass of quote extraction over a prepared document: sentence by sentence, first the
/// quotations that start in the sentence (direct or partial), then the cues left over (indirect), so
/// that every pronoun is resolved against what came before it.
struct QuotePass {
    /// Who said something and how: the cue token, the source phrase, and what the cue carries.
    struct Attribution {
        var cue: Range<Int>
        var speaker: Range<Int>?
        var addressee: Range<Int>?
        var channel: Range<Int>?
    }

    /// The speaker of the last direct quote, for continuation paragraphs and split quotes.
    struct Carried {
        var speaker: String?
        var speakerRange: TextRange?
        var speakerName: String?
        var cue: String?
        var paragraph: Int32
    }

    let d: QuoteDocument
    var resolver: SpeakerResolver
    var results: [QuoteMention] = []
    /// Cue tokens already used by a quotation's attribution.
    var usedCues = Set<Int>()
    var lastDirect: Carried?
    /// Sentences whose headline "X:" was used for a quotation.
    var ignoreRanges: [TextRange]

    init(document: QuoteDocument, entities: [EntityMention], ignore: [TextRange]) {
        d = document
        resolver = SpeakerResolver(document: document, entities: entities)
        ignoreRanges = ignore
    }

    /// Runs the pass and returns the quotes, by start.
    mutating func run() -> [QuoteMention] {
        var nextQuotation = 0
        for (s, sentence) in d.sentences.enumerated() where !sentence.isEmpty {
            if ignored(sentence) {
                while nextQuotation < d.quotations.count
                    && d.quotations[nextQuotation].tokens.lowerBound < sentence.upperBound
                {
                    nextQuotation += 1
                }
                continue
            }
            while nextQuotation < d.quotations.count
                && Int(d.sentenceOf[d.quotations[nextQuotation].tokens.lowerBound]) <= s
            {
                handleQuotation(nextQuotation)
                nextQuotation += 1
            }
            handleIndirect(in: sentence)
        }
        results.sort { $0.range < $1.range }
        return results
    }

    private func ignored(_ sentence: Range<Int>) -> Bool {
        guard !ignoreRanges.isEmpty else { return false }
        let r = d.byteRange(sentence)
        return ignoreRanges.contains { $0.overlaps(r) }
    }

    // MARK: Recording

    /// Appends a quote with its attribution resolved, and returns what a continuation would carry.
    @discardableResult
    mutating func record(_ range: TextRange, _ kind: QuoteMention.Kind, _ attribution: Attribution?) -> Carried {
        var quote = QuoteMention(range: range, kind: kind)
        if let attribution {
            quote.cue = d.string(tokens: attribution.cue)
            if let speaker = attribution.speaker {
                quote.speaker = d.string(tokens: speaker)
                quote.speakerRange = d.byteRange(speaker)
                quote.speakerName = resolver.resolve(speaker)
            }
            if let addressee = attribution.addressee { quote.addressee = d.string(tokens: addressee) }
            if let channel = attribution.channel { quote.channel = d.string(tokens: channel) }
        }
        results.append(quote)
        return Carried(
            speaker: quote.speaker,
            speakerRange: quote.speakerRange,
            speakerName: quote.speakerName,
            cue: quote.cue,
            paragraph: 0
        )
    }

    /// Appends a quote that carries an earlier quote's speaker.
    mutating func record(_ range: TextRange, _ kind: QuoteMention.Kind, carrying carried: Carried) {
        results.append(
            QuoteMention(
                range: range,
                kind: kind,
                speaker: carried.speaker,
                speakerRange: carried.speakerRange,
                speakerName: carried.speakerName,
                cue: carried.cue
            )
        )
    }

    // MARK: Attribution of a cue

    /// The attribution of the cue at token `c`, looking for its source no further left than
    /// `lowerBound` and no further right than `upperBound`.
    func attribution(ofCue c: Int, lowerBound: Int, upperBound: Int) -> Attribution? {
        let classes = d.classes[c]
        var cue = c..<(c + 1)
        if classes.contains(.according) {
            guard c + 1 < upperBound, d.tokenIs(c + 1, "to") else { return nil }
            cue = c..<(c + 2)
            // The source runs on over lower-case nouns: "according to South Korean intelligence".
            guard let source = d.phrase(startingAt: c + 2, upperBound: upperBound, allowLowercase: true) else {
                return nil
            }
            return Attribution(cue: cue, speaker: source)
        }
        var before = c - 1
        while before >= lowerBound && d.classes[before].contains(.auxiliary) { before -= 1 }
        if before >= lowerBound && (d.classes[before].contains(.copula) || d.classes[before].contains(.determiner)) {
            return nil
        }
        // A reporting verb's base form used as a noun: "the dictator comment", "a snappy retort", "the
        // Bloomberg report" (but "the Ukrainians claim" is a verb after a plural).
        if classes.contains(.baseForm), before - 1 >= lowerBound, d.tokens[before].kind == .word,
            d.classes[before].isDisjoint(with: [.roleNoun, .auxiliary, .otherPronoun, .personPronoun]),
            d.isLowercaseWord(before) || d.bytes[d.tokens[before].range.end - 1] != UInt8(ascii: "s"),
            d.classes[before - 1].contains(.determiner)
        {
            return nil
        }
        // A cognition word used as a noun: "some hope of resolving …", "fears of a wider war".
        if classes.contains(.weakCue) && classes.isDisjoint(with: QuoteLexicon.Classes.strongCue) {
            if c + 1 < d.tokens.count && d.classes[c + 1].contains(.of) { return nil }
            if before >= lowerBound && d.classes[before].contains(.quantifier) { return nil }
        }
        var speaker: Range<Int>?
        if !classes.contains(.participle), c > lowerBound, d.isPunct(c - 1, UInt8(ascii: ",")),
            let source = d.phrase(startingAt: c + 1, upperBound: upperBound),
            d.classes[source.lowerBound].isDisjoint(with: [.otherPronoun, .personPronoun]),
            d.isCapitalized(source.lowerBound) || d.classes[source.lowerBound].contains(.determiner)
        {
            let extended = d.extendedOverAppositive(source, upperBound: upperBound)
            if extended.upperBound >= upperBound || d.tokens[extended.upperBound].kind == .punctuation {
                speaker = extended
            }
        }
        if speaker == nil && !classes.contains(.participle) {
            speaker = d.subject(ofCue: c, lowerBound: lowerBound)
            // Coordinated or infinitive cue: "Hayek … and said", "… but said", "Trump was prompted to say".
            if speaker == nil, before >= lowerBound,
                d.tokenIs(before, "and") || d.tokenIs(before, "but") || d.tokenIs(before, "to")
            {
                speaker = sentenceSubject(before: c)
            }
            if speaker == nil, c + 1 < upperBound {
                // Inverted: "…," said Starmer / said the Kremlin spokesman Dmitry Peskov. The source ends
                // where the sentence, a comma or an adjunct starts — not before a verb ("said the war would").
                let (next, _) = d.skipAdjuncts(from: c + 1, upperBound: upperBound)
                if let source = d.phrase(startingAt: next, upperBound: upperBound),
                    d.classes[source.lowerBound].isDisjoint(with: [.otherPronoun]),
                    endsInvertedSource(source.upperBound, upperBound: upperBound)
                {
                    speaker = d.extendedOverAppositive(source, upperBound: upperBound)
                }
            }
        }
        if speaker == nil && classes.contains(.participle), c - 1 > lowerBound,
            let subject = d.subject(ofCue: c, lowerBound: lowerBound), subject.lowerBound > lowerBound,
            d.tokenIs(subject.lowerBound - 1, "with")
        {
            // "…, with a European Union spokesman citing "scheduling issues."": the participle's own subject.
            speaker = subject
        }
        if speaker == nil && classes.contains(.participle) {
            // "…," said Starmer, adding: "…" — the source of the main clause's cue, else its subject.
            let sentence = d.sentences[Int(d.sentenceOf[c])]
            var k = c - 1
            while k >= sentence.lowerBound && speaker == nil {
                let ck = d.classes[k]
                if !ck.isDisjoint(with: QuoteLexicon.Classes.strongCue), !ck.contains(.participle), !d.inQuotation(k) {
                    speaker = attribution(ofCue: k, lowerBound: sentence.lowerBound, upperBound: c)?.speaker
                }
                k -= 1
            }
            if speaker == nil { speaker = sentenceSubject(before: c) }
        }
        var result = Attribution(cue: cue, speaker: speaker)
        let (next, channel) = d.skipAdjuncts(from: c + 1, upperBound: upperBound)
        result.channel = channel
        if classes.contains(.tellCue),
            let addressee = d.phrase(startingAt: next, upperBound: upperBound, allowLowercase: true)
        {
            result.addressee = addressee
            let channel2 = d.skipAdjuncts(from: addressee.upperBound, upperBound: upperBound).channel
            if result.channel == nil { result.channel = channel2 }
        }
        return result
    }

    /// Whether token `k` can follow an inverted source: the end, punctuation, a time word, a preposition
    /// starting an adjunct, or "that".
    private func endsInvertedSource(_ k: Int, upperBound: Int) -> Bool {
        guard k < upperBound, d.tokens[k].isWordLike, !d.inQuotation(k) else { return true }
        return !d.classes[k].isDisjoint(with: [.preposition, .timeWord, .that, .participle, .of])
            || d.tokenIs(k, "who")
    }

    /// The subject phrase at the start of the sentence holding token `c`, for a participle cue
    /// ("Trump spoke to reporters, saying …") or a cue whose source is not next to it.
    func sentenceSubject(before c: Int) -> Range<Int>? {
        let sentence = d.sentences[Int(d.sentenceOf[c])]
        var start = sentence.lowerBound
        while start < c && (d.tokens[start].kind == .punctuation || d.inQuotation(start)) { start += 1 }
        // A dateline is not the subject: "WASHINGTON (AP) — President Joe Biden met … and announced …".
        if let after = d.datelineEnd(from: start, upperBound: c) { start = after }
        // Neither is an opening conjunction or adverb: "And even Obama tried …, noting …".
        while start < c && (Self.isOpeningConjunction(d, start) || d.classes[start].contains(.auxiliary)) {
            start += 1
        }
        // Nor an opening time adjunct: "Minutes later, the Trump campaign issued a statement saying …".
        if start + 2 < c, d.classes[start + 1].contains(.timeWord) || d.classes[start + 1].contains(.auxiliary),
            d.isPunct(start + 2, UInt8(ascii: ",")), d.tokens[start].kind == .word
        {
            start += 3
        }
        // An opening adjunct ("On Thursday, …", "Asked about it, …") is not the subject.
        if start < c, !d.classes[start].isDisjoint(with: [.preposition, .clauseWord, .participle, .speechCue]) {
            guard let comma = (start..<c).first(where: { d.isPunct($0, UInt8(ascii: ",")) }) else { return nil }
            start = comma + 1
        }
        guard start < c else { return nil }
        if let phrase = d.phrase(startingAt: start, upperBound: c) { return phrase }
        // "Later on Sunday, Carson shared …": the subject after an opening adjunct.
        guard let comma = (start..<c).first(where: { d.isPunct($0, UInt8(ascii: ",")) }), comma + 1 < c else {
            return nil
        }
        return d.phrase(startingAt: comma + 1, upperBound: c)
    }

    /// "And", "But", "So", "Yet", "Or" opening a sentence.
    private static func isOpeningConjunction(_ d: QuoteDocument, _ i: Int) -> Bool {
        d.tokenIs(i, "and") || d.tokenIs(i, "but") || d.tokenIs(i, "so") || d.tokenIs(i, "yet") || d.tokenIs(i, "or")
    }

    /// The source named as `X:` at the start of a headline-like sentence ("Trump: …", "Kremlin: …").
    func headlineSource(_ sentence: Range<Int>) -> Attribution? {
        let start = sentence.lowerBound
        guard d.isCapitalized(start), let phrase = d.phrase(startingAt: start, upperBound: sentence.upperBound),
            phrase.count <= 4, phrase.upperBound < sentence.upperBound, d.isPunct(phrase.upperBound, UInt8(ascii: ":"))
        else { return nil }
        return Attribution(cue: phrase.upperBound..<(phrase.upperBound + 1), speaker: phrase)
    }
}
