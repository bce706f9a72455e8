import StorylineCore
import StorylineText

extension EntityTagger {
    /// Adds the mentions the model missed where the document itself says what a word is ("one sense per
    /// discourse"): a capitalized word, never seen in lower case in the text, that is the surname of a
    /// multi-word person name found elsewhere, or the whole of a one-word name found elsewhere, gets that
    /// reading. Spans of month-and-number dates ("Feb 27") are dropped.
    static func propagated(
        _ spans: [(tokens: Range<Int>, type: EntityType)],
        in document: EntityDocument
    ) -> [(tokens: Range<Int>, type: EntityType)] {
        let tokens = document.tokens
        var spans = spans.filter { !isDate($0.tokens, in: document) }
        var known: [UInt64: EntityType] = [:]
        var votes: [UInt64: [EntityType: Int]] = [:]
        for span in spans where span.tokens.count == 1 {
            votes[document.exact[span.tokens.lowerBound], default: [:]][span.type, default: 0] += 1
        }
        for (hash, byType) in votes {
            if let best = byType.max(by: {
                $0.value < $1.value || ($0.value == $1.value && $0.key.rawValue < $1.key.rawValue)
            }) {
                known[hash] = best.key
            }
        }
        for span in spans where span.type == .person && span.tokens.count >= 2 {
            let last = span.tokens.upperBound - 1
            if tokens[last].kind == .word { known[document.exact[last]] = .person }
        }
        guard !known.isEmpty else { return spans }
        var covered = [Bool](repeating: false, count: tokens.count)
        for span in spans {
            for i in span.tokens { covered[i] = true }
        }
        var added = false
        for i in tokens.indices where !covered[i] {
            let token = tokens[i]
            guard token.isWordLike, token.flags.contains(.capitalized), token.range.count > 1,
                let type = known[document.exact[i]], !document.seenLower.contains(document.lower[i])
            else { continue }
            // Not the start or end of a longer capitalized name the model left out.
            if i > 0, !covered[i - 1], tokens[i - 1].kind == .word, tokens[i - 1].flags.contains(.capitalized),
                document.matches.titlePosition[i - 1] == 255, !isSentenceStart(i - 1, in: document)
            {
                continue
            }
            if i + 1 < tokens.count, !covered[i + 1], tokens[i + 1].kind == .word,
                tokens[i + 1].flags.contains(.capitalized)
            {
                continue
            }
            spans.append((i..<i + 1, type))
            added = true
        }
        if added { spans.sort { $0.tokens.lowerBound < $1.tokens.lowerBound } }
        return spans
    }

    private static func isSentenceStart(_ i: Int, in document: EntityDocument) -> Bool {
        document.sentences.contains { $0.lowerBound == i }
    }

    /// Month names, and abbreviations with and without their full stop ("Feb", "Feb.").
    private static let months: Set<UInt64> = Set(
        CalendarWords.months.flatMap { $0.isAbbreviation ? [$0.text, $0.text + "."] : [$0.text] }
            .map { FeatureHash.string($0) }
    )

    /// Whether a span is a date: a month name and numbers only.
    static func isDate(_ range: Range<Int>, in document: EntityDocument) -> Bool {
        var month = false
        for i in range {
            if months.contains(document.lower[i]) {
                month = true
            } else if document.tokens[i].kind != .number && document.tokens[i].kind != .punctuation {
                return false
            }
        }
        return month && range.count > 1
    }

    /// Splits hyphenated tokens whose every part is a country, place or nationality ("Russia-Ukraine",
    /// "US-Russia") into one mention per part; a mention that was the whole token is replaced.
    static func splittingHyphenatedNames(
        _ mentions: [EntityMention],
        in document: EntityDocument,
        gazetteer: EntityGazetteer
    ) -> [EntityMention] {
        let places: EntityGazetteer.Sources = [EntityGazetteer.Source.country, .city, .region, .demonym]
            .reduce(0) { $0 | 1 << EntityGazetteer.Sources($1.rawValue) }
        let demonym = EntityGazetteer.Sources(1) << EntityGazetteer.Sources(EntityGazetteer.Source.demonym.rawValue)
        var result = mentions
        var changed = false
        for token in document.tokens where token.flags.contains(.hyphenated) && token.kind == .word {
            let r = token.range
            let inside = result.filter { $0.range.overlaps(r) }
            guard inside.allSatisfy({ $0.range == r }) else { continue }
            var parts: [EntityMention] = []
            var start = r.start
            var ok = true
            for k in r.start...r.end where k == r.end || document.bytes[k] == UInt8(ascii: "-") {
                guard k > start else {
                    ok = false
                    break
                }
                let hash = document.bytes.withUnsafeBufferPointer { FeatureHash.bytes($0, start..<k) }
                let (sources, _) = gazetteer.lookup(token: hash, as: .geopolitical)
                guard sources & places != 0, document.bytes[start] >= 0x41, document.bytes[start] <= 0x5A else {
                    ok = false
                    break
                }
                let type: EntityType = sources & (places & ~demonym) != 0 ? .geopolitical : .nationalityOrGroup
                let name = gazetteer.lookup(token: hash, as: type).canonical
                let surface = String(decoding: document.bytes[start..<k], as: UTF8.self)
                parts.append(
                    EntityMention(range: TextRange(start: start, end: k), type: type, canonical: name ?? surface)
                )
                start = k + 1
            }
            guard ok, parts.count >= 2 else { continue }
            result.removeAll { $0.range == r }
            result += parts
            changed = true
        }
        if changed { result.sort { $0.range < $1.range } }
        return result
    }
}
