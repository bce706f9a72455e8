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
                let fuller = fullerName(of: words(span.tokens), at: n, people: people, words: personWords)
            {
                // "Trump" read as ORG in a text that names "Donald Trump" is the person.
                type = .person
                canonical = text(spans[fuller].tokens)
            } else if type == .person {
                canonical = text(span.tokens)
                let mine = personWords[n] ?? []
                if let fuller = fullerName(of: mine, at: n, people: people, words: personWords) {
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

    /// The index of the person mention whose name `mine` is a part of: nearest before `n`, else first
    /// after it; the longest such name wins among equally near ones.
    private func fullerName(of mine: [UInt64], at n: Int, people: [Int], words: [Int: [UInt64]]) -> Int? {
        guard !mine.isEmpty else { return nil }
        func contains(_ full: [UInt64]) -> Bool {
            guard full.count > mine.count, full.last == mine.last else { return false }
            var k = 0
            for w in full where k < mine.count && w == mine[k] { k += 1 }
            return k == mine.count
        }
        var best: Int?
        for p in people.reversed() where p < n {
            if let full = words[p], contains(full) {
                if let b = best, (words[b]?.count ?? 0) >= full.count { continue }
                best = p
                break
            }
        }
        if best == nil {
            for p in people where p > n {
                if let full = words[p], contains(full) {
                    best = p
                    break
                }
            }
        }
        // Resolve chains ("Keir Starmer" → "Keir Rodney Starmer" seen earlier).
        if let b = best, let full = words[b], let further = fullerName(of: full, at: b, people: people, words: words) {
            return further
        }
        return best
    }
}
