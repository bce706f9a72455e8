import StorylineCore
import StorylineText

/// Indirect quotes: reported clauses after a cue ("X said (that) …", "X told reporters …"), before a
/// trailing attribution ("…, X said."), around "according to X", and headline "X: …" statements.
extension QuotePass {
    mutating func handleIndirect(in sentence: Range<Int>) {
        var coveredUntil = sentence.lowerBound
        var c = sentence.lowerBound
        while c < sentence.upperBound {
            defer { c += 1 }
            guard c >= coveredUntil, !d.inQuotation(c), !usedCues.contains(c) else { continue }
            let classes = d.classes[c]
            guard !classes.isDisjoint(with: [.speechCue, .tellCue, .weakCue, .according]) else { continue }
            if let end = indirect(at: c, in: sentence) { coveredUntil = end }
        }
        if sentence.count > 3, let headline = headlineStatement(sentence) {
            record(headline.content, .indirect, headline.attribution)
        }
    }

    /// Reports the indirect quote introduced by the cue at `c`, if any, and returns the token after it.
    private mutating func indirect(at c: Int, in sentence: Range<Int>) -> Int? {
        let classes = d.classes[c]
        let end = sentenceEnd(sentence)
        if classes.contains(.according) {
            guard let a = attribution(ofCue: c, lowerBound: sentence.lowerBound, upperBound: end),
                let source = a.speaker
            else { return nil }
            // An abbreviation in brackets after the source: "According to South Korea's National
            // Intelligence Service (NIS), …".
            var afterSource = source.upperBound
            if afterSource < end, d.isPunct(afterSource, UInt8(ascii: "(")),
                let close = (afterSource..<min(end, afterSource + 6)).first(where: { d.isPunct($0, UInt8(ascii: ")")) })
            {
                afterSource = close + 1
            }
            if afterSource < end, d.isPunct(afterSource, UInt8(ascii: ",")),
                c - sentence.lowerBound <= 2
            {
                // According to X, CLAUSE.
                guard let content = clause(from: afterSource + 1, to: end) else { return nil }
                record(d.byteRange(content), .indirect, a)
                return content.upperBound
            }
            if c > sentence.lowerBound, d.isPunct(c - 1, UInt8(ascii: ",")), source.lowerBound > c {
                // CLAUSE, according to X.
                guard let content = trailingClause(sentence.lowerBound, c - 1) else { return nil }
                record(d.byteRange(content), .indirect, a)
                return end
            }
            return nil
        }
        guard let a = attribution(ofCue: c, lowerBound: sentence.lowerBound, upperBound: end) else { return nil }
        // After the cue: adjuncts, an addressee, "that", then the clause.
        var next = d.skipAdjuncts(from: c + 1, upperBound: end).next
        if let addressee = a.addressee, addressee.lowerBound >= next {
            next = d.skipAdjuncts(from: addressee.upperBound, upperBound: end).next
        }
        if let speaker = a.speaker, speaker.lowerBound > c { next = max(next, speaker.upperBound) }
        // A relative clause on the addressee before the reported clause: "told Starmer, whom he welcomed
        // to the White House, that a peace deal …".
        if next + 1 < end, d.isPunct(next, UInt8(ascii: ",")),
            d.tokenIs(next + 1, "whom") || d.tokenIs(next + 1, "who"),
            let that = (next + 2..<min(end, next + 24)).first(where: {
                d.classes[$0].contains(.that) && d.isPunct($0 - 1, UInt8(ascii: ","))
            })
        {
            next = that
        }
        var hasThat = false
        if next < end, d.classes[next].contains(.that) {
            hasThat = true
            next += 1
        }
        if next < end, classes.contains(.weakCue) && !hasThat { return nil }
        // "…, Spicer said, adding …": a trailing attribution followed by a participle clause.
        // "…, Bloomberg News has reported with reference to unnamed sources." / "…, the official said,
        // while …": after a source set off by a comma, a prepositional adjunct or a comma before a
        // participle, a conjunction or a quotation ends the sentence's attribution.
        let commaBeforeSource =
            a.speaker.map {
                $0.lowerBound > sentence.lowerBound + 1 && $0.upperBound <= c
                    && d.isPunct($0.lowerBound - 1, UInt8(ascii: ","))
            } ?? false
        let trailing =
            next >= end
            || (commaBeforeSource && !hasThat && d.classes[next].contains(.preposition) && !d.inQuotation(next))
            || (d.isPunct(next, UInt8(ascii: ",")) && next + 1 < end
                && (d.classes[next + 1].contains(.participle) || d.inQuotation(next + 1)
                    || (commaBeforeSource && (d.tokenIs(next + 1, "while") || d.tokenIs(next + 1, "but")))))
        if trailing {
            // CLAUSE, X said. / CLAUSE, said X.
            guard !classes.contains(.participle), let speaker = a.speaker else { return nil }
            // The comma before the source: "…, X said" / "…, frontman X recently revealed" / "…, his
            // aide, X, told …".
            let left = min(speaker.lowerBound, c)
            var comma = left - 1
            while comma > sentence.lowerBound && left - comma < 8 && !d.isPunct(comma, UInt8(ascii: ","))
                && d.classes[comma].isDisjoint(with: [.clauseWord, .speechCue, .tellCue]) && !d.inQuotation(comma)
            {
                comma -= 1
            }
            if comma > sentence.lowerBound + 2, d.isPunct(comma, UInt8(ascii: ",")),
                d.isPunct(left - 1, UInt8(ascii: ",")),
                comma == left - 1
            {
                // An appositive source: "…, his top aide, Tad Devine, told …" — the clause ends at the first comma.
                var earlier = comma - 1
                while earlier > sentence.lowerBound && comma - earlier < 8 && !d.isPunct(earlier, UInt8(ascii: ",")) {
                    earlier -= 1
                }
                if d.isPunct(earlier, UInt8(ascii: ",")), d.classes[earlier + 1].contains(.determiner) {
                    comma = earlier
                }
            }
            guard comma > sentence.lowerBound + 1, d.isPunct(comma, UInt8(ascii: ",")) else { return nil }
            guard let content = trailingClause(sentence.lowerBound, comma) else { return nil }
            record(d.byteRange(content), .indirect, a)
            // "…, the official said, while a ceasefire would give them more comfort": the clause after
            // the attribution is reported too.
            if next + 2 < end, d.isPunct(next, UInt8(ascii: ",")), d.tokenIs(next + 1, "while"),
                let more = clause(from: next + 2, to: end)
            {
                record(d.byteRange(more), .indirect, a)
            }
            return end
        }
        guard a.speaker != nil || hasThat else { return nil }
        if d.isPunct(next, UInt8(ascii: ":")), next + 1 < end, !d.inQuotation(next + 1) {
            // X said: CLAUSE (unquoted).
            guard let content = clause(from: next + 1, to: end) else { return nil }
            record(d.byteRange(content), .indirect, a)
            return content.upperBound
        }
        if d.isPunct(next, UInt8(ascii: ",")), next + 1 < end, !d.inQuotation(next + 1), a.speaker != nil,
            let speaker = a.speaker, speaker.upperBound <= c
        {
            next += 1
        }
        var first = d.classes[next]
        // "said that is highly unlikely": "that" is the clause's subject.
        if hasThat, !first.isDisjoint(with: [.copula, .auxiliaryVerb]) {
            next -= 1
            first = d.classes[next]
        } else if !(hasThat && first.contains(.auxiliary))
            && (!first.isDisjoint(with: [.copula, .auxiliary]) || d.tokens[next].kind == .contraction
                || d.tokens[next].kind == .possessive)
        {
            // (An adverb after "that" starts the clause: "said that once Fields filed her complaint, …".)
            return nil
        }
        if d.tokens[next].kind == .punctuation || d.inQuotation(next) { return nil }
        if !hasThat && !first.isDisjoint(with: [.preposition, .of, .determiner]) && d.tokenIs(next, "to") {
            return nil
        }
        if !hasThat && (first.contains(.of) || first.contains(.preposition) && !d.isCapitalized(next)) {
            return nil
        }
        // A speech act with an object and no reported clause is no quote: "announced an increase in aid",
        // "reiterated Ireland's support", "wrote only one amendment".
        if !hasThat, classes.contains(.objectCue), !opensClause(at: next, end: end) { return nil }
        guard let content = clause(from: next, to: end) else { return nil }
        record(d.byteRange(content), .indirect, a)
        return content.upperBound
    }

    /// The token after the last word of the sentence (before its final punctuation and closing marks).
    private func sentenceEnd(_ sentence: Range<Int>) -> Int {
        var end = sentence.upperBound
        while end > sentence.lowerBound && d.tokens[end - 1].kind == .punctuation && !d.inQuotation(end - 1) {
            let b = d.firstByte(end - 1)
            guard b == UInt8(ascii: ".") || b == UInt8(ascii: "!") || b == UInt8(ascii: "?") || b == 0xE2 else { break }
            end -= 1
        }
        return end
    }

    /// The reported clause from `start`: up to the sentence end, a semicolon, or a comma before a
    /// participle, "according to", "while", "but" or a trailing attribution. Nil when it holds a
    /// quotation (the fragment is the quote) or is too short.
    private func clause(from start: Int, to end: Int) -> Range<Int>? {
        var start = start
        // "…, while a ceasefire would …": the conjunction is not part of what was said.
        while start < end && (d.tokenIs(start, "while") || d.tokenIs(start, "and") || d.tokenIs(start, "but")) {
            start += 1
        }
        var j = start
        while j < end {
            if d.inQuotation(j) { return nil }
            if d.isPunct(j, UInt8(ascii: ";")) { break }
            // A second reported clause that holds a quotation is the quotation's ("… had he been
            // president and that a peace agreement would prevent a "war on European soil.""); one without
            // stays part of this quote ("… is moving forward and that the United States has had …").
            if d.tokenIs(j, "and"), j + 1 < end, d.classes[j + 1].contains(.that),
                (j + 2..<end).contains(where: { d.inQuotation($0) })
            {
                break
            }
            // A past-tense verb after "and" in a clause with a modal belongs to the main clause: "Starmer
            // has signalled that Britain will increase defence spending and tried to reassure …".
            if d.tokenIs(j, "and"), j + 1 < end, d.isLowercaseWord(j + 1), d.endsWithED(j + 1),
                (start..<j).contains(where: { d.classes[$0].contains(.modal) })
            {
                break
            }
            if d.isPunct(j, UInt8(ascii: ",")), j + 1 < end, endsClause(after: j + 1, end: end) { break }
            j += 1
        }
        while j > start && d.tokens[j - 1].kind == .punctuation && d.tokens[j - 1].kind != .possessive {
            if d.isPunct(j - 1, UInt8(ascii: ")")) { break }
            j -= 1
        }
        return j - start >= 2 ? start..<j : nil
    }

    /// Whether the words from `i` read as a clause rather than a noun phrase: they open with a pronoun, a
    /// question word or "not", or within the first six words come a finite auxiliary, a form of "be" or a
    /// past-tense verb after its subject ("he would …", "why he disagrees", "the deal is …", "the RNC agreed").
    private func opensClause(at i: Int, end: Int) -> Bool {
        if !d.classes[i].isDisjoint(with: [.personPronoun, .otherPronoun]) { return true }
        let openers: [StaticString] = ["why", "how", "what", "when", "whether", "where", "who", "if", "not"]
        if openers.contains(where: { d.tokenIs(i, $0) }) { return true }
        return (i..<min(end, i + 6)).contains { k in
            !d.classes[k].isDisjoint(with: [.copula, .auxiliaryVerb])
                || (k >= i + 2 && d.isLowercaseWord(k) && d.endsWithED(k) && !d.classes[k - 1].contains(.determiner))
        }
    }

    /// Whether the words after a comma end a reported clause.
    private func endsClause(after i: Int, end: Int) -> Bool {
        let classes = d.classes[i]
        if classes.contains(.according) || classes.contains(.participle) { return true }
        if d.tokenIs(i, "while") || d.tokenIs(i, "but") || d.tokenIs(i, "although") || d.tokenIs(i, "whereas") {
            return true
        }
        if isGerund(i) { return true }
        // ", he said" / ", Starmer told reporters".
        var k = i
        while k < end && k - i < 6 {
            if !d.classes[k].isDisjoint(with: QuoteLexicon.Classes.strongCue) {
                return d.subject(ofCue: k, lowerBound: i)?.lowerBound == i || k == i
            }
            if d.tokens[k].kind == .punctuation { return false }
            k += 1
        }
        return false
    }

    /// A lower-case word ending in "ing": "brushing aside …".
    private func isGerund(_ i: Int) -> Bool {
        let r = d.tokens[i].range
        guard d.isLowercaseWord(i), r.count > 5 else { return false }
        return d.bytes[r.end - 3] == UInt8(ascii: "i") && d.bytes[r.end - 2] == UInt8(ascii: "n")
            && d.bytes[r.end - 1] == UInt8(ascii: "g")
    }

    /// The clause from the sentence start to the comma at `comma`, without leading conjunctions.
    private func trailingClause(_ start: Int, _ comma: Int) -> Range<Int>? {
        var s = start
        while s < comma && d.tokens[s].kind == .punctuation && !d.inQuotation(s) { s += 1 }
        guard comma - s >= 2 else { return nil }
        // A quotation before the attribution makes it a direct quote's, not a paraphrase's.
        if (s..<comma).contains(where: { d.inQuotation($0) }) { return nil }
        return s..<comma
    }

    /// Whether token `i` is the first on its line.
    private func startsLine(_ i: Int) -> Bool {
        var b = d.tokens[i].range.start - 1
        while b >= 0 && (d.bytes[b] == 0x20 || d.bytes[b] == 0x09 || d.bytes[b] == 0x0D) { b -= 1 }
        return b < 0 || d.bytes[b] == 0x0A
    }

    /// "Kremlin: One civilian killed in Belgorod": a headline-like line (no final full stop) that opens
    /// with a short source and a colon.
    private func headlineStatement(_ sentence: Range<Int>) -> (content: TextRange, attribution: Attribution)? {
        let last = sentence.upperBound - 1
        guard d.tokens[last].kind != .punctuation, startsLine(sentence.lowerBound), let a = headlineSource(sentence),
            let speaker = a.speaker
        else { return nil }
        let start = speaker.upperBound + 1
        guard start < sentence.upperBound, !(start..<sentence.upperBound).contains(where: { d.inQuotation($0) }),
            !(start..<sentence.upperBound).contains(where: {
                !d.classes[$0].isDisjoint(with: QuoteLexicon.Classes.strongCue)
            })
        else { return nil }
        return (d.byteRange(start..<sentence.upperBound), a)
    }
}
