import StorylineCore
import StorylineText

extension EventExtractor {
    /// What governs a name: the trigger itself (a direct object), a preposition, or neither.
    enum Governor: Equatable {
        case direct
        case preposition(UInt64)
        case none
    }

    /// A participant found in the text: its first token (for ordering), the argument and how many parties it
    /// stands for ("18 leaders" is eighteen).
    struct Party {
        var token: Int
        var argument: EventArgument
        var count: Int
    }

    /// A place candidate and its rank (lower is better).
    struct PlaceCandidate {
        var argument: EventArgument
        var rank: Int
    }

    static let placeTypes: Set<EntityType> = [.geopolitical, .facility, .location]
    static let targetTypes: Set<EntityType> = [.person, .organization, .geopolitical, .nationalityOrGroup]
    static let symmetricTypes: Set<EventType> = [.consult, .agree, .cooperate]
    static let onTargetTypes: Set<EventType> = [.assault, .sanction, .threaten, .coerce, .mobilize, .accuse, .protest]
    static let forTargetTypes: Set<EventType> = [.support, .aid, .request]
    /// Types whose event nouns report an event only with a target ("support for Ukraine", not "his support
    /// among voters"; "a request for talks with Kyiv", not "a request for comment").
    static let nounNeedsTarget: Set<EventType> = [.support, .request, .accuse, .threaten, .reject]
    static let toTargetTypes: Set<EventType> = [.support, .aid, .request, .concede, .consult, .cooperate, .threaten]

    /// The event a trigger reports in its sentence, or nil when no actor can be found.
    func event(for trigger: Trigger, in sentence: Range<Int>, _ c: Context) -> EventMention? {
        let d = c.document
        let (clauseStart, antecedent) = clause(before: trigger.tokens.lowerBound, sentence, d)
        let objectEnd = objectEnd(after: trigger.tokens.upperBound, sentence, d)
        let passive = isPassive(trigger, clauseStart, d)

        var subjects = subjects(before: trigger.tokens.lowerBound, from: clauseStart, d)
        if subjects.isEmpty, let antecedent { subjects = [antecedent] }
        var places: [PlaceCandidate] = []
        var (targets, agents) = objects(of: trigger, upTo: objectEnd, passive: passive, d, places: &places)
        subjectSidePlaces(from: clauseStart, to: trigger.tokens.lowerBound, d, places: &places)

        var actors = passive ? agents : subjects
        if passive {
            targets = subjects + targets
        } else if !agents.isEmpty {
            // An event noun's own participants ("a summit of 18 leaders", "visits by Macron and Starmer"):
            // for a meeting they join whoever the clause says took part, otherwise they are the actors.
            actors = Self.symmetricTypes.contains(trigger.entry.type) ? subjects + agents : agents
        }
        if actors.isEmpty, Self.symmetricTypes.contains(trigger.entry.type), targets.count >= 2 {
            actors = targets
            targets = []
        }
        // A definite event noun with no participants of its own ("after the summit", "Sunday's summit")
        // refers back to an event already named: the caller gives it that event's participants.
        // A passive with no agent still reports what was done to whom ("dozens of protesters were detained").
        let agentless = passive && !targets.isEmpty
        guard !actors.isEmpty || agentless || refersBack(trigger, sentence, d) else { return nil }
        if Self.nounNeedsTarget.contains(trigger.entry.type), targets.isEmpty, isNounUse(trigger, sentence, d) {
            return nil
        }
        var type = trigger.entry.type
        // "Trump's attacks on Rubio": one person attacking another in words.
        if type == .assault, trigger.entry.mode == nil, d.token(trigger.tokens.lowerBound, in: EventCues.attackWords),
            actors.allSatisfy({ $0.argument.label == .person }),
            targets.allSatisfy({ $0.argument.label == .person || $0.argument.label == .organization })
        {
            type = .accuse
        }
        actors = Self.unique(actors, excluding: [])
        targets = Self.unique(targets, excluding: Set(actors.map(\.argument.name)))
        let taken = Set((actors + targets).map(\.argument.name))
        let place = places.filter { !taken.contains($0.argument.name) }.min { $0.rank < $1.rank }?.argument

        let triggerRange = d.byteRange(trigger.tokens)
        let clauseEnd = max(trigger.tokens.upperBound, min(objectEnd, trigger.tokens.upperBound + 12))
        let clauseRange = d.byteRange(min(clauseStart, trigger.tokens.lowerBound)..<clauseEnd)
        let (eventDate, dateRange) = date(near: triggerRange, in: d.byteRange(sentence), clause: clauseRange, c)
        let eventModality = modality(
            of: trigger,
            clauseStart: clauseStart,
            sentence: sentence,
            date: dateRange == nil ? nil : eventDate,
            c
        )
        return EventMention(
            type: type,
            mode: mode(of: trigger, parties: (actors + targets).reduce(0) { $0 + $1.count }, sentence, d),
            trigger: triggerRange,
            sentence: d.byteRange(sentence),
            actors: actors.map(\.argument),
            targets: targets.map(\.argument),
            place: place,
            date: eventDate,
            dateRange: dateRange,
            modality: eventModality
        )
    }

    /// Whether an event noun refers back to an event named before: it follows a definite determiner ("the
    /// summit", "that meeting") or the possessive of a time expression ("Sunday's summit").
    func refersBack(_ trigger: Trigger, _ sentence: Range<Int>, _ d: EventDocument) -> Bool {
        guard trigger.entry.form == .noun, !Self.nounNeedsTarget.contains(trigger.entry.type) else { return false }
        let before = trigger.tokens.lowerBound - 1
        guard before >= sentence.lowerBound else { return false }
        if d.token(before, in: EventCues.definiteDeterminers) { return true }
        return d.tokens[before].kind == .possessive && before - 1 >= sentence.lowerBound && d.inTimex[before - 1]
    }

    /// Whether the trigger is used as a noun: an event noun, or a base form after a determiner, a possessive or
    /// an adjective rather than after a subject, "to" or an auxiliary ("his support", "the praise").
    func isNounUse(_ trigger: Trigger, _ sentence: Range<Int>, _ d: EventDocument) -> Bool {
        switch trigger.entry.form {
        case .noun: return true
        case .base:
            let before = trigger.tokens.lowerBound - 1
            guard before >= sentence.lowerBound else { return false }
            if d.tokens[before].kind == .possessive { return true }
            return
                !(d.token(before, in: EventCues.verbContext) || d.mentionAt[before] >= 0
                || d.token(before, in: EventCues.auxiliaries))
        default: return false
        }
    }

    /// Parties in text order without repeated names, leaving out `excluding`.
    static func unique(_ parties: [Party], excluding: Set<String>) -> [Party] {
        var seen = excluding
        return parties.sorted { $0.token < $1.token }.filter { seen.insert($0.argument.name).inserted }
    }

    // MARK: Clauses

    /// The first token of the trigger's clause, and the antecedent of a relative "who" opening it.
    func clause(before t: Int, _ sentence: Range<Int>, _ d: EventDocument) -> (Int, Party?) {
        var j = t - 1
        while j >= sentence.lowerBound {
            if d.isClausePunctuation(j) { return (j + 1, nil) }
            if d.tokens[j].kind == .word {
                let h = d.hashes[j]
                if EventCues.relatives.contains(h) {
                    // The antecedent: the nearest person named in the twelve tokens before "who" ("Norm
                    // Coleman, the former senator from Minnesota who"), else a name right before it.
                    var k = j - 1
                    while k >= max(sentence.lowerBound, j - 12) {
                        if let m = d.mention(at: k), d.mentions[m].type == .person {
                            return (j + 1, party(mention: m, d))
                        }
                        k -= 1
                    }
                    k = j - 1
                    if k >= sentence.lowerBound, d.isPunct(k, UInt8(ascii: ",")) { k -= 1 }
                    if k >= sentence.lowerBound, let m = d.mention(at: k), d.mentions[m].type != .event,
                        governor(
                            of: d.mentionTokens[m].lowerBound,
                            end: k + 1,
                            floor: sentence.lowerBound,
                            triggerLast: nil,
                            d
                        ) == .none
                    {
                        return (j + 1, party(mention: m, d))
                    }
                    return (j + 1, nil)
                }
                if EventCues.clauseBreakers.contains(h) || EventCues.speechVerbs.contains(h) { return (j + 1, nil) }
            }
            j -= 1
        }
        return (sentence.lowerBound, nil)
    }

    /// The end (exclusive) of the trigger's object side: the next clause boundary, a comma that does not
    /// continue a list of names, "to" before a verb, "and" before a verb; at most 25 tokens.
    func objectEnd(after u: Int, _ sentence: Range<Int>, _ d: EventDocument) -> Int {
        var k = u
        let limit = min(sentence.upperBound, u + 25)
        while k < limit {
            if d.isClausePunctuation(k) { return k }
            let h = d.hashes[k]
            if d.isLowerWord(k), EventCues.clauseBreakers.contains(h) || EventCues.speechVerbs.contains(h) {
                return k
            }
            if d.isPunct(k, UInt8(ascii: ",")) {
                // A list of names goes on, even past a name the tagger missed ("by Macron, Starmer and …").
                func name(_ i: Int) -> Bool {
                    d.mentionAt[i] >= 0 || (d.tokens[i].kind == .word && d.tokens[i].flags.contains(.capitalized))
                }
                if k + 1 < limit, k > u, name(k + 1), name(k - 1) {
                    k += 1
                    continue
                }
                return k
            }
            if h == EventCues.to || h == EventCues.and || h == EventCues.or, k + 1 < limit, d.isLowerWord(k + 1) {
                let next = d.hashes[k + 1]
                if !EventCues.keepers.contains(next), !EventCues.groupModifiers.contains(next),
                    !EventCues.titleWords.contains(next), !EventCues.groupNouns.contains(next)
                {
                    return k
                }
            }
            k += 1
        }
        return k
    }

    /// Whether the trigger is a passive participle ("was attacked", "has been sanctioned", "people killed in").
    func isPassive(_ trigger: Trigger, _ clauseStart: Int, _ d: EventDocument) -> Bool {
        guard trigger.entry.form == .past else { return false }
        // A reduced relative: a noun, the participle, then "by", "in", "at" or "during" ("26 people killed in").
        let before = trigger.tokens.lowerBound - 1
        let after = trigger.tokens.upperBound
        if before >= clauseStart, after < d.tokens.count, d.isLowerWord(before),
            !d.token(before, in: EventCues.auxiliaries), !d.token(before, in: EventCues.personPronouns),
            !d.token(before, in: EventCues.otherPronouns),
            d.hashes[after] == EventCues.by || d.hashes[after] == EventCues.inWord || d.hashes[after] == EventCues.at
                || d.hashes[after] == EventCues.during
        {
            return true
        }
        var k = trigger.tokens.lowerBound - 1
        while k >= max(clauseStart, trigger.tokens.lowerBound - 3) {
            guard d.isLowerWord(k) || d.tokens[k].kind == .contraction else { return false }
            if d.token(k, in: EventCues.beForms) { return true }
            k -= 1
        }
        return false
    }

    /// The targets (and, for a passive, the agents after "by") on the trigger's object side, and the place
    /// candidates there.
    func objects(
        of trigger: Trigger,
        upTo end: Int,
        passive: Bool,
        _ d: EventDocument,
        places: inout [PlaceCandidate]
    ) -> (targets: [Party], agents: [Party]) {
        var targets: [Party] = []
        var agents: [Party] = []
        let type = trigger.entry.type
        let visit = trigger.entry.mode == "visit"
        let last = trigger.tokens.upperBound - 1
        let noun = trigger.entry.form == .noun
        // "of" right after a meeting noun names who meets.
        let participantsOf =
            noun && type == .consult && trigger.tokens.upperBound < end
            && d.hashes[trigger.tokens.upperBound] == EventCues.of
        var k = trigger.tokens.upperBound
        while k < end {
            var parties: [Party] = []
            var entityType: EntityType?
            var next = k + 1
            var groupStart: Int?
            if let m = d.mention(at: k) {
                parties = [party(mention: m, d)]
                entityType = d.mentions[m].type
                next = d.mentionTokens[m].upperBound
                if isAffiliation(m, d) || isAdjective(m, before: end, d) {
                    k = next
                    continue
                }
            } else if d.isLowerWord(k), d.token(k, in: EventCues.groupNouns),
                let group = groupPhrase(head: k, floor: trigger.tokens.upperBound, limit: end, d)
            {
                parties = group.parties
                groupStart = group.start
                let from = d.tokens[group.start].range.start
                targets.removeAll { $0.token >= group.start && $0.token < k }
                places.removeAll { $0.argument.range.start >= from && $0.argument.range.end <= d.tokens[k].range.start }
                next = group.end
            } else {
                k += 1
                continue
            }
            let first = groupStart ?? parties.first?.token ?? k
            let governor = governor(of: first, end: next, floor: trigger.tokens.lowerBound, triggerLast: last, d)
            for party in parties {
                let label = entityType ?? party.argument.label
                let isPlace = label.map { Self.placeTypes.contains($0) } ?? false
                let isTarget = label.map { Self.targetTypes.contains($0) } ?? true
                switch governor {
                case .direct:
                    // One visits a place: "visited Kyiv", "is visiting the White House" (an organisation's seat).
                    if (isPlace && (visit || label != .geopolitical)) || (visit && label == .organization) {
                        places.append(PlaceCandidate(argument: party.argument, rank: 0))
                    } else if isTarget {
                        targets.append(party)
                    }
                case .preposition(let p):
                    if p == EventCues.by && (passive || noun) {
                        // "was attacked by Russia"; "visits to Washington by Macron and Starmer".
                        agents.append(party)
                    } else if p == EventCues.of && participantsOf {
                        // "a summit of 18 leaders", "the meeting of foreign ministers".
                        agents.append(party)
                    } else if p == EventCues.inWord || p == EventCues.at {
                        // "at the White House", "at the Kremlin": a seat of government is a place after "at".
                        if isPlace || (p == EventCues.at && label == .organization) {
                            places.append(PlaceCandidate(argument: party.argument, rank: 0))
                        }
                    } else if p == EventCues.to && isPlace && type == .consult {
                        // Where a visit goes, not where a meeting "on the way to Washington" was.
                        if visit { places.append(PlaceCandidate(argument: party.argument, rank: 0)) }
                    } else if EventCues.placePrepositions.contains(p) && p != EventCues.to {
                        let rank = p == EventCues.from ? 2 : 1
                        if isPlace { places.append(PlaceCandidate(argument: party.argument, rank: rank)) }
                    } else if p == EventCues.on {
                        if isTarget && Self.onTargetTypes.contains(type) { targets.append(party) }
                    } else if p == EventCues.to {
                        if isTarget && Self.toTargetTypes.contains(type) { targets.append(party) }
                    } else if p == EventCues.forWord {
                        if isTarget && Self.forTargetTypes.contains(type) { targets.append(party) }
                    } else if EventCues.targetPrepositions.contains(p) && isTarget {
                        targets.append(party)
                    }
                case .none:
                    break
                }
            }
            k = max(next, k + 1)
        }
        return (targets, agents)
    }

    /// Place candidates before the trigger in its clause ("In London, Starmer hosted …").
    func subjectSidePlaces(from start: Int, to t: Int, _ d: EventDocument, places: inout [PlaceCandidate]) {
        var k = start
        while k < t {
            guard let m = d.mention(at: k) else {
                k += 1
                continue
            }
            let range = d.mentionTokens[m]
            if Self.placeTypes.contains(d.mentions[m].type),
                case .preposition(let p) = governor(
                    of: range.lowerBound,
                    end: range.upperBound,
                    floor: start,
                    triggerLast: nil,
                    d
                ),
                p == EventCues.inWord || p == EventCues.at
            {
                places.append(PlaceCandidate(argument: party(mention: m, d).argument, rank: 3))
            }
            k = max(range.upperBound, k + 1)
        }
    }
}
