import StorylineCore
import StorylineText

/// Quotations: direct quotes (attributed before, after, by an earlier colon or as a continuation),
/// partial quotes inside a paraphrase, and scare quotes, which are dropped.
extension QuotePass {
    /// Quoted fragments of at most this many words with no speech cue around them are scare quotes or
    /// names ('coalition of the willing'), not quotes.
    static let scareQuoteWords = 5

    mutating func handleQuotation(_ n: Int) {
        let q = d.quotations[n]
        let first = q.tokens.lowerBound
        let last = q.tokens.upperBound
        let s0 = Int(d.sentenceOf[first])
        let s1 = Int(d.sentenceOf[last])
        var beforeStart = d.sentences[s0].lowerBound
        if n > 0, d.quotations[n - 1].tokens.upperBound >= beforeStart {
            beforeStart = d.quotations[n - 1].tokens.upperBound + 1
        }
        var afterEnd = d.sentences[s1].upperBound
        if n + 1 < d.quotations.count, d.quotations[n + 1].tokens.lowerBound < afterEnd {
            afterEnd = d.quotations[n + 1].tokens.lowerBound
        }
        let before = beforeStart..<max(beforeStart, first)
        let after = min(last + 1, afterEnd)..<afterEnd
        let paragraph = d.paragraphOf[last]
        guard q.wordCount > 0, q.tokens.contains(where: { d.tokens[$0].kind == .word }) else { return }

        // 1. Attributed after the quotation: "…," he said / "…," said Starmer.
        let openToAfter =
            q.endsWithComma || !q.endsWithSentencePunctuation || startsWithComma(after)
            || before.isEmpty
        if openToAfter, let attribution = attributionAfter(after, quoteEndsWithComma: q.endsWithComma) {
            let isEmbedded = !before.isEmpty && !endsIntroduction(before)
            if isEmbedded && q.wordCount <= Self.scareQuoteWords && !q.endsWithComma {
                // "the 'coalition of the willing' met, he said": a name inside someone's paraphrase.
                return
            }
            commitDirect(q, isEmbedded ? .partial : .direct, attribution, paragraph: paragraph)
            return
        }
        // 2. Introduced before it: Starmer said: "…" / He told reporters, "…" / Trump: '…'.
        if !before.isEmpty {
            if let attribution = attributionBefore(before) {
                commitDirect(q, .direct, attribution, paragraph: paragraph)
                return
            }
            // 3. Inside a paraphrase: a partial quote, attributed to the sentence's cue.
            if let attribution = cueInSentence(around: before, after) {
                if q.wordCount <= 2 && !hasCueBefore(before) && !q.endsWithSentencePunctuation {
                    return
                }
                commitDirect(q, .partial, attribution, paragraph: paragraph)
                return
            }
            if q.wordCount > Self.scareQuoteWords, let carried = lastDirect, paragraph - carried.paragraph <= 1 {
                record(q.inner, .partial, carrying: carried)
            }
            return
        }
        // 4. A whole sentence in quotation marks with no cue of its own.
        let endsSentence = after.isEmpty || after.allSatisfy { d.tokens[$0].kind == .punctuation }
        guard endsSentence || q.endsWithSentencePunctuation || q.endsWithComma else {
            if q.wordCount > Self.scareQuoteWords, let carried = lastDirect, paragraph - carried.paragraph <= 1 {
                record(q.inner, .partial, carrying: carried)
            }
            return
        }
        if s0 > 0, let attribution = colonIntroduction(sentence: s0 - 1) {
            commitDirect(q, .direct, attribution, paragraph: paragraph)
            return
        }
        if after.isEmpty, let attribution = attributionInNextSentence(s1, paragraph: paragraph) {
            commitDirect(q, .direct, attribution, paragraph: paragraph)
            return
        }
        if var carried = lastDirect, paragraph - carried.paragraph <= 1 || q.isMultiParagraph {
            record(q.inner, .direct, carrying: carried)
            carried.paragraph = paragraph
            lastDirect = carried
            return
        }
        if q.wordCount >= 3 {
            results.append(QuoteMention(range: q.inner, kind: .direct))
        }
    }

    private mutating func commitDirect(
        _ q: QuoteDocument.Quotation,
        _ kind: QuoteMention.Kind,
        _ attribution: Attribution,
        paragraph: Int32
    ) {
        // A partial quote leaves its cue to the indirect pass, which reports the cue's other clauses
        // when they hold no quotation ("He went on to claim the war … and that a deal would prevent a
        // "war on European soil."").
        if kind == .direct {
            for c in attribution.cue { usedCues.insert(c) }
        }
        var carried = record(q.inner, kind, attribution)
        carried.paragraph = paragraph
        if kind == .direct { lastDirect = carried }
    }

    private func startsWithComma(_ region: Range<Int>) -> Bool {
        guard let first = region.first else { return false }
        return d.isPunct(first, UInt8(ascii: ","))
            || d.tokens[first].kind == .punctuation
                && d.bytes[d.tokens[first].range.start] == 0xE2  // an em or en dash
    }

    /// Whether the text before a quotation ends the way an introduction does: with a colon or a comma,
    /// or with the cue itself (He said "…").
    private func endsIntroduction(_ before: Range<Int>) -> Bool {
        let k = before.upperBound - 1
        return d.isPunct(k, UInt8(ascii: ":")) || d.isPunct(k, UInt8(ascii: ","))
            || !d.classes[k].isDisjoint(with: QuoteLexicon.Classes.strongCue)
    }

    private func hasCueBefore(_ before: Range<Int>) -> Bool {
        before.contains { !d.classes[$0].isDisjoint(with: [.speechCue, .tellCue, .weakCue, .according, .namingCue]) }
    }

    /// "…," he said / "…," said Starmer / "…" — Peskov, the Kremlin spokesman, said.
    private func attributionAfter(_ after: Range<Int>, quoteEndsWithComma: Bool = false) -> Attribution? {
        var i = after.lowerBound
        while i < after.upperBound && d.tokens[i].kind == .punctuation && !d.isPunct(i, UInt8(ascii: ".")) {
            i += 1
        }
        guard i < after.upperBound else { return nil }
        var c = i
        // Inside an appositive after the source ("…," Douglas Holtz-Eakin, an economic adviser to
        // Republicans and former director of …, wrote) clause words do not end the search.
        var inAppositive = false
        var sawAppositive = false
        var skippedAdjunct = false
        while c < after.upperBound && c - i < (sawAppositive ? 32 : 14) {
            let classes = d.classes[c]
            if d.isPunct(c, UInt8(ascii: ",")) && c > i && d.isCapitalized(c - 1) {
                inAppositive.toggle()
                sawAppositive = true
            }
            if c == i, classes.contains(.according) {
                // "…," according to Judicial Watch.
                guard let source = attribution(ofCue: c, lowerBound: i, upperBound: after.upperBound),
                    source.speaker != nil
                else { return nil }
                return source
            }
            if !classes.isDisjoint(with: QuoteLexicon.Classes.strongCue) && !d.inQuotation(c) {
                if c == i {
                    guard let source = attribution(ofCue: c, lowerBound: i, upperBound: after.upperBound),
                        source.speaker.map({ $0.lowerBound > c }) ?? false
                    else { return nil }
                    return source
                }
                guard let subject = d.subject(ofCue: c, lowerBound: i),
                    subject.lowerBound == i || d.isPunct(subject.lowerBound - 1, UInt8(ascii: ","))
                else { return nil }
                return attribution(ofCue: c, lowerBound: i, upperBound: after.upperBound)
            }
            if d.isPunct(c, UInt8(ascii: ".")) || d.isPunct(c, UInt8(ascii: ";"))
                || (classes.contains(.clauseWord) && !d.tokenIs(c, "who") && !inAppositive)
            {
                // An adjunct between the quotation and its attribution: `"…," as a result of the
                // partnership, Trump said.` — the attribution opens after the adjunct's comma.
                if !skippedAdjunct, quoteEndsWithComma || d.isPunct(after.lowerBound, UInt8(ascii: ",")),
                    let comma = (c..<min(after.upperBound, c + 12)).first(where: { d.isPunct($0, UInt8(ascii: ",")) }),
                    comma + 1 < after.upperBound
                {
                    skippedAdjunct = true
                    i = comma + 1
                    c = i
                    continue
                }
                return nil
            }
            c += 1
        }
        return nil
    }

    /// `"Does he not understand …?" Biden said.` — a quotation that ends its sentence, attributed by a
    /// next sentence in the same paragraph that opens with the attribution and ends after it (not with a
    /// colon, which introduces the next quotation: `"We are not terrorists." Mr. Zahed said: "…"`).
    private func attributionInNextSentence(_ s: Int, paragraph: Int32) -> Attribution? {
        guard s + 1 < d.sentences.count else { return nil }
        let next = d.sentences[s + 1]
        guard !next.isEmpty, d.paragraphOf[next.lowerBound] == paragraph, !d.inQuotation(next.lowerBound),
            let attribution = attributionAfter(next.lowerBound..<min(next.upperBound, next.lowerBound + 16)),
            let speaker = attribution.speaker
        else { return nil }
        var end = max(attribution.cue.upperBound, speaker.upperBound)
        end = d.skipAdjuncts(from: end, upperBound: next.upperBound).next
        guard
            end >= next.upperBound || d.isPunct(end, UInt8(ascii: ".")) || d.isPunct(end, UInt8(ascii: ","))
                || d.inQuotation(end)
        else { return nil }
        return attribution
    }

    /// Starmer said: "…" / He told reporters on Thursday, "…" / Trump: '…'.
    private func attributionBefore(_ before: Range<Int>) -> Attribution? {
        let k = before.upperBound - 1
        let endsColon = d.isPunct(k, UInt8(ascii: ":"))
        let endsComma = d.isPunct(k, UInt8(ascii: ","))
        var c = k
        while c >= before.lowerBound && k - c <= 10 {
            let classes = d.classes[c]
            if !classes.isDisjoint(with: [.speechCue, .tellCue]) {
                guard endsColon || endsComma || c == k else { return nil }
                return attribution(ofCue: c, lowerBound: before.lowerBound, upperBound: k + 1)
            }
            if classes.contains(.that) || d.isPunct(c, UInt8(ascii: ".")) { break }
            c -= 1
        }
        if endsColon, k - 1 >= before.lowerBound,
            let source = d.phrase(endingAt: k - 1, lowerBound: before.lowerBound),
            source.lowerBound == before.lowerBound, source.count <= 4
        {
            return Attribution(cue: k..<(k + 1), speaker: source)
        }
        return nil
    }

    /// The cue of the sentence around a quoted fragment: the nearest one before it, else one after it,
    /// else a headline's "X:".
    private func cueInSentence(around before: Range<Int>, _ after: Range<Int>) -> Attribution? {
        let sentence = d.sentences[Int(d.sentenceOf[before.lowerBound])]
        var c = before.upperBound - 1
        while c >= sentence.lowerBound {
            if !d.inQuotation(c),
                !d.classes[c].isDisjoint(with: [.speechCue, .tellCue, .weakCue, .according, .namingCue])
            {
                if let a = attribution(ofCue: c, lowerBound: sentence.lowerBound, upperBound: before.upperBound),
                    a.speaker != nil
                {
                    return a
                }
            }
            c -= 1
        }
        for c in after where !d.inQuotation(c) {
            if !d.classes[c].isDisjoint(with: QuoteLexicon.Classes.strongCue),
                let a = attribution(ofCue: c, lowerBound: after.lowerBound, upperBound: sentence.upperBound),
                a.speaker != nil
            {
                return a
            }
        }
        return headlineSource(sentence)
    }

    /// A previous sentence that introduces what follows with a colon: "He then listed the qualities:".
    private func colonIntroduction(sentence s: Int) -> Attribution? {
        let sentence = d.sentences[s]
        let k = sentence.upperBound - 1
        guard d.isPunct(k, UInt8(ascii: ":")), !d.inQuotation(k) else { return nil }
        for c in sentence.reversed() where !d.inQuotation(c) {
            if !d.classes[c].isDisjoint(with: QuoteLexicon.Classes.strongCue) {
                return attribution(ofCue: c, lowerBound: sentence.lowerBound, upperBound: k)
            }
        }
        guard let subject = sentenceSubject(before: k) else { return nil }
        return Attribution(cue: k..<(k + 1), speaker: subject)
    }
}
