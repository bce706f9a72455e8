import StorylineCore

extension EventExtractor {
    /// One ``EventType/statement`` per quote with a known speaker: the speaker is the actor, the trigger the
    /// quote's cue word next to the speaker ("said", "told") or, without one, the speaker as written. An
    /// unnamed source ("diplomats said", "a senior administration official told reporters", "according to
    /// U.S. officials") makes no statement event: it names no one who could be found again.
    func statements(_ quotes: [QuoteMention], _ c: Context) -> [EventMention] {
        let d = c.document
        guard !d.tokens.isEmpty else { return [] }
        var events: [EventMention] = []
        for quote in quotes {
            guard let name = quote.attributedName, !QuoteMention.isUnnamedSource(name) else { continue }
            let speaker = quote.speakerRange ?? quote.range
            let trigger = cueRange(of: quote, near: speaker, d) ?? speaker
            guard let sentence = sentence(containing: trigger.start, d) else { continue }
            let label = d.mentions.first { $0.range.overlaps(speaker) }?.type
            let (date, dateRange) = date(near: trigger, in: sentence, c)
            events.append(
                EventMention(
                    type: .statement,
                    trigger: trigger,
                    sentence: sentence,
                    actors: [EventArgument(name: name, range: speaker, label: label)],
                    date: date,
                    dateRange: dateRange,
                    modality: .happened
                )
            )
        }
        return events
    }

    /// The byte range of the quote's cue word nearest its speaker (within eight tokens), if any.
    func cueRange(of quote: QuoteMention, near speaker: TextRange, _ d: EventDocument) -> TextRange? {
        guard let cue = quote.cue, let word = cue.split(separator: " ").first, word.first?.isLetter == true else {
            return nil
        }
        let key = EventLexicon.hash(String(word))
        let first = tokenIndex(atOrAfter: speaker.start, d)
        var best: Int?
        var bestDistance = Int.max
        for k in max(0, first - 8)..<min(d.tokens.count, first + 12) where d.hashes[k] == key {
            let r = d.tokens[k].range
            let distance = r.end <= speaker.start ? speaker.start - r.end : max(0, r.start - speaker.end)
            if distance < bestDistance {
                best = k
                bestDistance = distance
            }
        }
        return best.map { d.tokens[$0].range }
    }

    /// The index of the first token starting at or after byte `offset`.
    func tokenIndex(atOrAfter offset: Int, _ d: EventDocument) -> Int {
        var lo = 0
        var hi = d.tokens.count
        while lo < hi {
            let mid = (lo + hi) / 2
            if d.tokens[mid].range.start < offset { lo = mid + 1 } else { hi = mid }
        }
        return min(lo, d.tokens.count - 1)
    }

    /// The byte range of the sentence holding byte `offset`.
    func sentence(containing offset: Int, _ d: EventDocument) -> TextRange? {
        var lo = 0
        var hi = d.sentences.count
        while lo < hi {
            let mid = (lo + hi) / 2
            if d.tokens[d.sentences[mid].upperBound - 1].range.end <= offset { lo = mid + 1 } else { hi = mid }
        }
        guard lo < d.sentences.count else { return nil }
        return d.byteRange(d.sentences[lo])
    }
}
