import StorylineCore

/// Gives the mentions of one document their canonical names (in-document resolution only).
///
/// - GPE, NORP, ORG, FAC, LOC: the gazetteer's canonical name of the exact surface form
///   (`U.S.`, `America` → "United States"; `Britain`, `UK` → "United Kingdom"; `Nato` → "NATO";
///   `Ukrainians` → "Ukrainian"), else the surface text.
/// - A mention of another type that is such a part of a person's name (and no country, region or
///   demonym) is that person: "Trump" read as ORG after "Donald Trump".
/// - PERSON: a mention whose tokens are a part of a longer person name in the same document that ends
///   in the same surname (`Starmer`, or `Keir Starmer` for `Keir Rodney Starmer`) takes that name — the
///   nearest earlier one, else the first later one; else its own surface text.
///
/// Cross-document resolution (transliterations, descriptions) is StorylineResolve's work.
struct EntityNameLinker {
    let document: EntityDocument
    let gazetteer: EntityGazetteer

    /// Gazetteer sources that keep a name from being read as a surname: countries, demonyms, regions.
    static let placeOrGroup: EntityGazetteer.Sources = {
        let sources: [EntityGazetteer.Source] = [.country, .demonym, .region, .place]
        return sources.reduce(0) { $0 | 1 << EntityGazetteer.Sources($1.rawValue) }
    }()

    /// The mentions of token spans, with byte ranges and canonical names.
    func mentions(for spans: [(tokens: Range<Int>, type: EntityType)]) -> [EntityMention] {
        let tokens = document.tokens
        func text(_ r: Range<Int>) -> String {
            let from = tokens[r.lowerBound].range.start
            let to = tokens[r.upperBound - 1].range.end
            return String(decoding: document.bytes[from..<to], as: UTF8.self)
        }
        func words(_ r: Range<Int>) -> [UInt64] {
            r.filter { tokens[$0].isWordLike }.map { document.exact[$0] }
        }
        let people = spans.indices.filter { spans[$0].type == .person }
        let personWords = Dictionary(uniqueKeysWithValues: people.map { ($0, words(spans[$0].tokens)) })
        var names = PersonNames(people: people, words: personWords)

        var result: [EntityMention] = []
        result.reserveCapacity(spans.count)
        for (n, span) in spans.enumerated() {
            let range = TextRange(
                start: tokens[span.tokens.lowerBound].range.start,
                end: tokens[span.tokens.upperBound - 1].range.end
            )
            var canonical: String
            var type = span.type
            if type != .person, gazetteer.sources(exact: document.exact, range: span.tokens) & Self.placeOrGroup == 0,
                let fuller = names.fuller(of: words(span.tokens), at: n)
            {
                // "Trump" read as ORG in a text that names "Donald Trump" is the person.
                type = .person
                canonical = text(spans[fuller].tokens)
            } else if type == .person {
                canonical = text(span.tokens)
                let mine = personWords[n] ?? []
                if let fuller = names.fuller(of: mine, at: n) {
                    canonical = text(spans[fuller].tokens)
                }
            } else {
                canonical =
                    gazetteer.canonicalName(exact: document.exact, range: span.tokens, type: span.type)
                    ?? text(span.tokens)
            }
            result.append(EntityMention(range: range, type: type, canonical: canonical))
        }
        return result
    }

}

/// The person names of one document, indexed so that finding the fuller name of a mention costs about the number of
/// distinct names it is part of, not the number of person mentions (a long document names the same people
/// thousands of times).
private struct PersonNames {
    /// The mention indices of each distinct name (its words), ascending.
    let occurrences: [[UInt64]: [Int]]
    /// The distinct names by their last word.
    let byLastWord: [UInt64: [[UInt64]]]
    /// The name of each person mention.
    let words: [Int: [UInt64]]
    /// The distinct longer names each name is a part of, computed once per name.
    var containing: [[UInt64]: [[UInt64]]] = [:]

    init(people: [Int], words: [Int: [UInt64]]) {
        self.words = words
        var occurrences: [[UInt64]: [Int]] = [:]
        for p in people { occurrences[words[p] ?? [], default: []].append(p) }
        var byLastWord: [UInt64: [[UInt64]]] = [:]
        for name in occurrences.keys { if let last = name.last { byLastWord[last, default: []].append(name) } }
        self.occurrences = occurrences
        self.byLastWord = byLastWord
    }

    /// The index of the person mention whose name `mine` is a part of: nearest before `n`, else first after it;
    /// then, in turn, that name's own fuller name ("Keir Starmer" → "Keir Rodney Starmer" seen earlier).
    mutating func fuller(of mine: [UInt64], at n: Int) -> Int? {
        guard !mine.isEmpty else { return nil }
        let candidates = longerNames(containing: mine)
        var before: Int?
        var after: Int?
        for name in candidates {
            guard let indices = occurrences[name] else { continue }
            // The first occurrence at or after n.
            var low = 0
            var high = indices.count
            while low < high {
                let mid = (low + high) / 2
                if indices[mid] < n { low = mid + 1 } else { high = mid }
            }
            if low > 0 { before = max(before ?? indices[low - 1], indices[low - 1]) }
            if low < indices.count, indices[low] == n { low += 1 }
            if low < indices.count { after = min(after ?? indices[low], indices[low]) }
        }
        guard let best = before ?? after else { return nil }
        return words[best].flatMap { fuller(of: $0, at: best) } ?? best
    }

    /// The distinct names longer than `mine` that end in its last word and hold its words in order.
    private mutating func longerNames(containing mine: [UInt64]) -> [[UInt64]] {
        if let known = containing[mine] { return known }
        let found = (byLastWord[mine.last ?? 0] ?? []).filter { full in
            guard full.count > mine.count else { return false }
            var k = 0
            for w in full where k < mine.count && w == mine[k] { k += 1 }
            return k == mine.count
        }
        containing[mine] = found
        return found
    }
}
