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
        var spans = repeatedNames(spans.filter { !isDate($0.tokens, in: document) }, in: document)
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

    /// What a title settles: a known given name and the capitalized words after it, right after a title,
    /// are a person ("Secretary of State Marco Rubio", "Defence Minister Andrei Belousov"), replacing what
    /// the model made of them; and a mention lying inside a title of two or more words is part of the
    /// title, not a name ("State" in "Secretary of State", "Defence" in "Defence Minister").
    static func namesAfterTitles(
        _ spans: [(tokens: Range<Int>, type: EntityType)],
        in document: EntityDocument,
        _ gazetteer: EntityGazetteer
    ) -> [(tokens: Range<Int>, type: EntityType)] {
        let tokens = document.tokens
        let title = document.matches.titlePosition
        func insideLongTitle(_ range: Range<Int>) -> Bool {
            guard range.allSatisfy({ title[$0] != 255 }) else { return false }
            let before = range.lowerBound > 0 && (title[range.lowerBound] == 1 || title[range.lowerBound] == 2)
            let after = range.upperBound < tokens.count && (title[range.upperBound] == 1 || title[range.upperBound] == 2)
            return before || after
        }
        var result = spans.filter { !insideLongTitle($0.tokens) }
        var added: [(tokens: Range<Int>, type: EntityType)] = []
        for i in 1..<max(1, tokens.count) where title[i - 1] == 2 || title[i - 1] == 3 {
            guard isCapitalizedWord(i, in: document), title[i] == 255,
                (gazetteer.personNames[document.exact[i]] ?? 0) & 3 != 0
            else { continue }
            var end = i + 1
            while end < tokens.count, end - i < 4, isCapitalizedWord(end, in: document), title[end] == 255 { end += 1 }
            guard end > i + 1 else { continue }
            let range = i..<end
            // Only where the model read these words as something else or not at all, and not inside a
            // longer name it found ("the Secretary of State Marco Rubio Center" stays as found).
            let overlapping = result.filter { $0.tokens.overlaps(range) }
            guard overlapping.allSatisfy({ range.contains($0.tokens.lowerBound) && $0.tokens.upperBound <= range.upperBound }),
                !overlapping.contains(where: { $0.type == .person && $0.tokens == range })
            else { continue }
            result.removeAll { $0.tokens.overlaps(range) }
            added.append((range, .person))
        }
        guard !added.isEmpty else { return result }
        result += added
        result.sort { $0.tokens.lowerBound < $1.tokens.lowerBound }
        return result
    }

    /// Adds the other occurrences of every multi-word name the model found once ("Church of Scientology",
    /// "Tom Cruise"): the same token sequence elsewhere, not inside a longer capitalized run and not
    /// crossing another mention, becomes a mention of the type most often given to it; mentions lying
    /// inside the occurrence ("Cruise" alone within "Tom Cruise") are replaced by it.
    static func repeatedNames(
        _ spans: [(tokens: Range<Int>, type: EntityType)],
        in document: EntityDocument
    ) -> [(tokens: Range<Int>, type: EntityType)] {
        let tokens = document.tokens
        // Sequence hash → (length, votes per type); names indexed by their first token.
        // Titles are never part of a name, so a span holding one is a model error not to be copied.
        var names: [UInt64: (length: Int, votes: [EntityType: Int])] = [:]
        var firsts = Set<UInt64>()
        for span in spans
        where span.tokens.count >= 2 && !span.tokens.contains(where: { document.matches.titlePosition[$0] != 255 }) {
            let h = sequenceHash(span.tokens, in: document)
            names[h, default: (span.tokens.count, [:])].votes[span.type, default: 0] += 1
            firsts.insert(document.exact[span.tokens.lowerBound])
        }
        guard !names.isEmpty else { return spans }
        var owner = [Int](repeating: -1, count: tokens.count)
        for (n, span) in spans.enumerated() {
            for i in span.tokens { owner[i] = n }
        }
        let lengths = Set(names.values.map(\.length)).sorted(by: >)
        // Occurrences to fill in, and per name how often the model read an occurrence as shorter names
        // ("US" and "Donald Trump" in "US President Donald Trump"): such readings count against the whole.
        var candidates: [(tokens: Range<Int>, name: UInt64, inside: Set<Int>)] = []
        var splits: [UInt64: Int] = [:]
        var i = 0
        while i < tokens.count {
            guard firsts.contains(document.exact[i]) else {
                i += 1
                continue
            }
            var matched = false
            for length in lengths where i + length <= tokens.count {
                let range = i..<i + length
                let name = sequenceHash(range, in: document)
                guard let entry = names[name], entry.length == length else { continue }
                // Already a mention exactly, or crossing one that reaches outside: leave it.
                let inside = Set(range.map { owner[$0] }.filter { $0 >= 0 })
                if inside.contains(where: { spans[$0].tokens == range }) { break }
                if inside.contains(where: { !range.contains(spans[$0].tokens.lowerBound) || spans[$0].tokens.upperBound > range.upperBound }) {
                    break
                }
                if isCapitalizedWord(range.upperBound, in: document) { break }
                if range.lowerBound > 0, isCapitalizedWord(range.lowerBound - 1, in: document),
                    document.matches.titlePosition[range.lowerBound - 1] == 255,
                    !isSentenceStart(range.lowerBound - 1, in: document)
                {
                    break
                }
                if !inside.isEmpty { splits[name, default: 0] += 1 }
                candidates.append((range, name, inside))
                matched = true
                i = range.upperBound
                break
            }
            if !matched { i += 1 }
        }
        var added: [(tokens: Range<Int>, type: EntityType)] = []
        var removed = Set<Int>()
        for candidate in candidates {
            let votes = names[candidate.name]!.votes
            guard votes.values.reduce(0, +) > splits[candidate.name, default: 0] else { continue }
            let type = votes.max {
                $0.value < $1.value || ($0.value == $1.value && $0.key.rawValue > $1.key.rawValue)
            }!.key
            added.append((candidate.tokens, type))
            removed.formUnion(candidate.inside)
        }
        guard !added.isEmpty else { return spans }
        var result = spans.enumerated().filter { !removed.contains($0.offset) }.map(\.element) + added
        result.sort { $0.tokens.lowerBound < $1.tokens.lowerBound }
        return result
    }

    private static func sequenceHash(_ range: Range<Int>, in document: EntityDocument) -> UInt64 {
        var h = FeatureHash.seed
        for j in range { h = FeatureHash.combine(h, document.exact[j]) }
        return h
    }

    private static func isCapitalizedWord(_ i: Int, in document: EntityDocument) -> Bool {
        i >= 0 && i < document.tokens.count && document.tokens[i].kind == .word
            && document.tokens[i].flags.contains(.capitalized)
    }

    private static func isSentenceStart(_ i: Int, in document: EntityDocument) -> Bool {
        document.sentences.contains { $0.lowerBound == i }
    }

    /// Month names, and abbreviations with and without their full stop ("Feb", "Feb.").
    private static let months: Set<UInt64> = Set(
        CalendarWords.months.flatMap { $0.isAbbreviation ? [$0.text, $0.text + "."] : [$0.text] }
            .map { FeatureHash.string($0) }
    )

    /// Whether a span is a date: a month name and numbers only, or a month name alone right before or
    /// after a number ("Jan" in "on Jan 20", which is also a given name).
    static func isDate(_ range: Range<Int>, in document: EntityDocument) -> Bool {
        var month = false
        for i in range {
            if months.contains(document.lower[i]) {
                month = true
            } else if document.tokens[i].kind != .number && document.tokens[i].kind != .punctuation {
                return false
            }
        }
        guard month else { return false }
        if range.count > 1 { return true }
        let tokens = document.tokens
        return (range.upperBound < tokens.count && tokens[range.upperBound].kind == .number)
            || (range.lowerBound > 0 && tokens[range.lowerBound - 1].kind == .number)
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
