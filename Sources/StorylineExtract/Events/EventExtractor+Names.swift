import StorylineCore
import StorylineText

/// Names around a trigger: what governs them, which are affiliations or adjectives, the subjects of a clause,
/// the person a pronoun stands for, and compound actors written as phrases.
extension EventExtractor {
    /// What governs the name starting at token `first`, walking left over titles, names, "and", commas of a
    /// list and determiners, down to `floor`; `triggerLast` is the trigger's last token on the object side.
    func governor(of first: Int, end: Int, floor: Int, triggerLast: Int?, _ d: EventDocument) -> Governor {
        var inList =
            end < d.tokens.count
            && (d.isPunct(end, UInt8(ascii: ",")) || d.hashes[end] == EventCues.and || d.hashes[end] == EventCues.or)
        var k = first - 1
        while k >= floor {
            if k == triggerLast { return .direct }
            if let m = d.mention(at: k) {
                k = d.mentionTokens[m].lowerBound - 1
                continue
            }
            let token = d.tokens[k]
            switch token.kind {
            case .punctuation:
                guard inList, d.isPunct(k, UInt8(ascii: ",")) else { return .none }
            case .number, .possessive:
                break
            case .word, .abbreviation, .initial:
                let h = d.hashes[k]
                // "Thousands of protesters", "dozens of demonstrators": a quantity, not a preposition.
                if h == EventCues.of, k - 1 >= floor,
                    d.tokens[k - 1].kind == .number || d.token(k - 1, in: EventCues.quantities)
                {
                    k -= 2
                    continue
                }
                if EventCues.prepositions.contains(h) { return .preposition(h) }
                if h == EventCues.and || h == EventCues.or {
                    inList = true
                } else if !(EventCues.keepers.contains(h) || EventCues.titleWords.contains(h)
                    || EventCues.groupModifiers.contains(h) || token.flags.contains(.capitalized))
                {
                    return .none
                }
            default:
                return .none
            }
            k -= 1
        }
        return .none
    }

    /// Whether mention `m` is the affiliation in a title before a person ("UK" in "UK Prime Minister Keir
    /// Starmer", "Kremlin" in "Kremlin spokesman Dmitry Peskov") or of a person left unnamed ("the Ukrainian
    /// leader", "Irish PM").
    func isAffiliation(_ m: Int, _ d: EventDocument) -> Bool {
        guard d.mentions[m].type != .person else { return false }
        var k = d.mentionTokens[m].upperBound
        var steps = 0
        var sawTitle = false
        while k < d.tokens.count, steps < 6 {
            if let other = d.mention(at: k) { return d.mentions[other].type == .person }
            let token = d.tokens[k]
            let title = token.isWordLike && EventCues.titleWords.contains(d.hashes[k])
            let acronym = token.isWordLike && token.flags.contains(.allCaps) && token.range.count <= 3
            guard
                token.kind == .possessive || title || acronym
                    || (token.isWordLike && token.flags.contains(.capitalized))
            else { return sawTitle }
            sawTitle = sawTitle || title || acronym
            k += 1
            steps += 1
        }
        return sawTitle
    }

    /// Whether a mention is a modifier before a noun rather than a party: a lower-case word other than an
    /// auxiliary or the trigger follows it, and it is a NORP ("Republican donors", "Islamic State's") or a
    /// name after an indefinite article ("a Ukraine peace deal", "an EU plan": names take no article).
    func isAdjective(_ m: Int, before t: Int, _ d: EventDocument) -> Bool {
        let type = d.mentions[m].type
        guard type != .person else { return false }
        let k = d.mentionTokens[m].upperBound
        guard k < t, d.isLowerWord(k) else { return false }
        let h = d.hashes[k]
        guard
            !(EventCues.auxiliaries.contains(h) || EventCues.futureCues.contains(h) || h == EventCues.and
                || h == EventCues.or)
        else { return false }
        if type == .nationalityOrGroup { return true }
        let before = d.mentionTokens[m].lowerBound - 1
        return before >= 0 && d.token(before, in: EventCues.indefiniteArticles)
    }

    /// The party of an entity mention.
    func party(mention m: Int, _ d: EventDocument) -> Party {
        let mention = d.mentions[m]
        return Party(
            token: d.mentionTokens[m].lowerBound,
            argument: EventArgument(name: mention.canonical, range: mention.range, label: mention.type),
            count: 1
        )
    }

    /// The subjects in the clause before the trigger: the nearest names (a list of them) no preposition
    /// governs, a compound actor, or a subject pronoun standing for the last person named.
    func subjects(before t: Int, from start: Int, _ d: EventDocument) -> [Party] {
        var found: [Party] = []
        var contentWords = 0
        var j = t - 1
        while j >= start {
            if d.isPunct(j, UInt8(ascii: ",")) {
                if !found.isEmpty {
                    guard j - 1 >= start, let m = d.mention(at: j - 1),
                        governor(of: d.mentionTokens[m].lowerBound, end: j, floor: start, triggerLast: nil, d) == .none
                    else { break }
                }
                j -= 1
                continue
            }
            if let m = d.mention(at: j) {
                let range = d.mentionTokens[m]
                // A possessor of the trigger's noun phrase is its actor whatever governs the phrase ("prior to
                // Zelensky's planned trip").
                let possessor =
                    found.isEmpty && range.upperBound < t && d.tokens[range.upperBound].kind == .possessive
                    && t - range.upperBound <= 4
                    && (range.upperBound + 1..<t).allSatisfy { d.tokens[$0].kind == .word && d.mentionAt[$0] < 0 }
                // "the Brussels attacks", "a Ukraine peace deal": a place naming the event, not its actor.
                let compound =
                    range.upperBound == t && range.lowerBound > start
                    && [.geopolitical, .location, .facility].contains(d.mentions[m].type)
                    && (d.token(range.lowerBound - 1, in: EventCues.determiners)
                        || d.tokens[range.lowerBound - 1].kind == .possessive)
                if d.mentions[m].type != .event, !compound, !isAffiliation(m, d), !isAdjective(m, before: t, d),
                    possessor
                        || governor(of: range.lowerBound, end: range.upperBound, floor: start, triggerLast: nil, d)
                            == .none
                {
                    found.append(party(mention: m, d))
                }
                j = range.lowerBound - 1
                continue
            }
            if d.isLowerWord(j), d.token(j, in: EventCues.groupNouns) {
                if let group = groupPhrase(head: j, floor: start, limit: t, d) {
                    if governor(of: group.start, end: j + 1, floor: start, triggerLast: nil, d) == .none {
                        found += group.parties.reversed()
                    }
                    j = group.start - 1
                    continue
                }
            }
            if found.isEmpty, d.isLowerWord(j) || j == start, d.token(j, in: EventCues.personPronouns),
                let person = antecedent(ofPronoun: j, d)
            {
                let mention = d.mentions[person]
                found.append(
                    Party(
                        token: j,
                        argument: EventArgument(name: mention.canonical, range: d.tokens[j].range, label: .person),
                        count: 1
                    )
                )
                break
            }
            // "A Russian missile struck …": the weapon's country acts.
            if found.isEmpty, d.isLowerWord(j), d.token(j, in: EventCues.weapons), j - 1 >= start,
                let m = d.mention(at: j - 1), [.nationalityOrGroup, .geopolitical].contains(d.mentions[m].type)
            {
                found.append(party(mention: m, d))
                break
            }
            if found.isEmpty, d.tokens[j].kind == .word, d.hashes[j] == EventCues.they {
                // "They also agreed …": the caller resolves it to the pair named before, or drops the event.
                let argument = EventArgument(name: d.string(d.tokens[j].range), range: d.tokens[j].range, label: nil)
                found.append(Party(token: j, argument: argument, count: 2))
                break
            }
            if found.isEmpty, d.tokens[j].kind == .word, d.token(j, in: EventCues.otherPronouns) { break }
            if found.isEmpty, d.isLowerWord(j) {
                let h = d.hashes[j]
                if !(EventCues.keepers.contains(h) || EventCues.auxiliaries.contains(h)
                    || EventCues.prepositions.contains(h) || EventCues.futureCues.contains(h)
                    || EventCues.groupModifiers.contains(h) || EventCues.titleWords.contains(h))
                {
                    contentWords += 1
                    if contentWords > 3 { break }
                }
            }
            if !found.isEmpty, d.tokens[j].kind == .word, !d.tokens[j].flags.contains(.capitalized) {
                let h = d.hashes[j]
                if !(EventCues.keepers.contains(h) || EventCues.titleWords.contains(h)
                    || EventCues.groupModifiers.contains(h))
                {
                    break
                }
            }
            j -= 1
        }
        return found.reversed()
    }

    /// The person a subject pronoun stands for: the last person named in its sentence before it ("Trump said
    /// he …"), else the first person named in one of the three sentences before ("Starmer said … . He
    /// agreed …").
    func antecedent(ofPronoun j: Int, _ d: EventDocument) -> Int? {
        var lo = 0
        var hi = d.sentences.count
        while lo < hi {
            let mid = (lo + hi) / 2
            if d.sentences[mid].upperBound <= j { lo = mid + 1 } else { hi = mid }
        }
        guard lo < d.sentences.count else { return nil }
        func firstPerson(_ range: Range<Int>) -> Int? {
            for k in range {
                if let m = d.mention(at: k), d.mentions[m].type == .person { return m }
            }
            return nil
        }
        var k = j - 1
        while k >= d.sentences[lo].lowerBound {
            if let m = d.mention(at: k), d.mentions[m].type == .person { return m }
            k -= 1
        }
        var s = lo - 1
        while s >= max(0, lo - 3) {
            if let m = firstPerson(d.sentences[s]) { return m }
            s -= 1
        }
        return nil
    }

    /// A compound actor ending at the group noun `head`: "European leaders", "the two leaders", "18 leaders",
    /// "the coalition of the willing"; or the names of "officials from Washington and Moscow". Nil for a bare
    /// plural ("officials") with nothing to say whose.
    /// Returns the parties, the phrase's first token and the token after it.
    func groupPhrase(
        head: Int,
        floor: Int,
        limit: Int,
        _ d: EventDocument
    ) -> (parties: [Party], start: Int, end: Int)? {
        var start = head
        while start - 1 >= floor {
            let k = start - 1
            if let m = d.mention(at: k) {
                guard d.mentions[m].type != .person, d.mentions[m].type != .event else { break }
                start = max(floor, d.mentionTokens[m].lowerBound)
                continue
            }
            let token = d.tokens[k]
            if token.kind == .number
                || (token.kind == .word && token.flags.contains(.capitalized) && k != floor)
                || (d.isLowerWord(k) && d.token(k, in: EventCues.groupModifiers) && d.hashes[k] != EventCues.of)
            {
                start = k
                continue
            }
            break
        }
        var end = head + 1
        if d.hashes[head] == EventCues.coalition, end + 2 < limit, d.hashes[end] == EventCues.of,
            d.hashes[end + 1] == EventCues.the, d.hashes[end + 2] == EventCues.willing
        {
            end += 3
        }
        // "officials from Washington and Moscow": the parties they stand for.
        if end < limit, d.hashes[end] == EventCues.from || d.hashes[end] == EventCues.of {
            var members: [Party] = []
            var k = end + 1
            while k < limit {
                if d.hashes[k] == EventCues.the || d.hashes[k] == EventCues.and || d.isPunct(k, UInt8(ascii: ",")) {
                    k += 1
                    continue
                }
                guard let m = d.mention(at: k), Self.targetTypes.contains(d.mentions[m].type) else { break }
                members.append(party(mention: m, d))
                k = d.mentionTokens[m].upperBound
            }
            if !members.isEmpty { return (members, start, k) }
        }
        let isCoalition = d.hashes[head] == EventCues.coalition
        var count = isCoalition ? 3 : 1
        for k in start..<head { if let n = d.integer(k), n >= 2 { count = n } }
        let range = d.byteRange(start..<end)
        let argument = EventArgument(name: d.string(range), range: range, label: nil)
        return ([Party(token: start, argument: argument, count: count)], start, end)
    }
}
