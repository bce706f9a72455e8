import StorylineCore

extension RoleExtractor {
    private static func hashes(_ words: [String]) -> [UInt64] { words.map { FeatureHash.string($0) } }

    /// Verb phrases of a relative clause that give a role: "who is", "who was", "who took over as" ….
    static let relativeVerbs: [[UInt64]] = [
        ["took", "over", "as"], ["has", "been"], ["had", "been"], ["serves", "as"], ["served", "as"],
        ["is", "now"], ["is", "also"], ["was", "also"], ["is"], ["was"], ["became"], ["becomes"],
    ].map(hashes)

    static let determiners: Set<UInt64> = Set(hashes(["the", "a", "an"]))
    static let who = FeatureHash.string("who")
    /// Prepositions after a title that may introduce its affiliation: "secretary general of NATO".
    static let affiliationPrepositions: Set<UInt64> = Set(hashes(["of", "for", "at", "to", "in"]))
    /// Lower-case words that may follow an apposition's title.
    static let appositionFollowers: Set<UInt64> = Set(
        hashes([
            "said", "says", "told", "tells", "added", "wrote", "and", "who", "has", "had", "is", "was", "will",
            "would", "of", "for", "at", "to", "in", "on", "since", "from", "with", "warned", "announced",
        ])
    )

    /// The role an apposition or a relative clause after the name gives: "Mark Rutte, NATO's secretary
    /// general,", "Keir Starmer, the British prime minister", "Micheál Martin, who took over as Taoiseach".
    func apposition(after person: Person, in document: Document) -> RoleFact? {
        let sentence = document.sentence[person.tokens.lowerBound]
        let end = sentence.upperBound
        var k = person.tokens.upperBound
        guard k < end, document.isMark(k, UInt8(ascii: ",")) else { return nil }
        k += 1
        var relative = false
        if k < end, document.lower[k] == Self.who {
            guard
                let verb = Self.relativeVerbs.first(where: { phrase in
                    k + phrase.count < end && phrase.indices.allSatisfy { document.lower[k + 1 + $0] == phrase[$0] }
                })
            else { return nil }
            k += 1 + verb.count
            relative = true
        }
        if k < end, document.isLowerWord(k), Self.determiners.contains(document.lower[k]) { k += 1 }

        // An affiliation before the title: "NATO's", "the Kremlin's", "the British"; or a person's
        // possessive ("Trump's special envoy"), which is no affiliation.
        var affiliation: Affiliation?
        if document.title(startingAt: k) == nil, !isQualifier(k, in: document),
            let found = self.affiliation(startingAt: k, in: document, sentenceEnd: end)
        {
            let after = found.tokens.upperBound
            if document.isPossessive(after) {
                if !found.isPerson { affiliation = found }
                k = after + 1
            } else if !found.isPerson, document.title(startingAt: after) != nil || isQualifier(after, in: document) {
                affiliation = found
                k = after
            } else {
                return nil
            }
        }
        guard var chain = titleChain(startingAt: k, before: end, in: document) else { return nil }
        // "the prime minister's spokesman": the first title is the possessor's.
        if document.isPossessive(chain.tokens.upperBound) {
            guard let owned = titleChain(startingAt: chain.tokens.upperBound + 1, before: end, in: document) else {
                return nil
            }
            chain = owned
            affiliation = nil
        }
        var next = chain.tokens.upperBound
        // "secretary general of NATO", "a spokeswoman for the foreign ministry".
        if affiliation == nil, next < end, Self.affiliationPrepositions.contains(document.lower[next]) {
            var m = next + 1
            if m < end, document.isLowerWord(m), Self.determiners.contains(document.lower[m]) { m += 1 }
            if let found = self.affiliation(startingAt: m, in: document, sentenceEnd: end), !found.isPerson {
                next = found.tokens.upperBound
                // "director of Democrats for Life": the name goes on past the mention; better none than half.
                let cut =
                    next + 1 < end && Self.affiliationPrepositions.contains(document.lower[next])
                    && document.tokens[next + 1].flags.contains(.capitalized)
                if !cut { affiliation = found }
            }
        }
        guard followsApposition(next, sentenceEnd: end, relative: relative, in: document) else { return nil }
        return RoleFact(
            person: person.name,
            personRange: document.byteRange(person.tokens),
            role: chain.role,
            roleRange: document.byteRange(chain.tokens),
            affiliation: affiliation?.name,
            affiliationRange: affiliation.map { document.byteRange($0.tokens) }
        )
    }

    /// Whether token `i` may follow an apposition's title: the end of the sentence, punctuation, or one of
    /// a few lower-case words ("said", "and", "of"); after a relative clause anything but a name or a
    /// possessive. A name right after the title means the title was the next person's ("Sergey Lavrov,
    /// Defence Minister Andrei Belousov").
    private func followsApposition(_ i: Int, sentenceEnd: Int, relative: Bool, in document: Document) -> Bool {
        guard i < sentenceEnd else { return true }
        let token = document.tokens[i]
        if token.kind == .possessive { return false }
        if let n = document.mention(startingAt: i), document.mentions[n].type == .person { return false }
        if relative { return !token.flags.contains(.capitalized) || token.kind == .punctuation }
        switch token.kind {
        case .punctuation: return true
        case .word: return document.isLowerWord(i) && Self.appositionFollowers.contains(document.lower[i])
        default: return false
        }
    }
}
