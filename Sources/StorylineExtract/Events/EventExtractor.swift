import StorylineCore
import StorylineText

/// Finds the events a news text reports, sentence by sentence: who did what to whom, where, when, and whether
/// it happened, as PLOVER-typed ``EventMention``s, plus one ``EventType/statement`` per attributed quote.
///
/// How it reads a sentence:
/// - **Triggers** are verbs (every inflection) and event nouns of ``EventLexicon`` ("met", "talks", "summit",
///   "signed", "sanctions", "drone attack"), longest phrase first; a few need their object ("sent weapons",
///   "released prisoners", "called for"). A capitalized word inside a sentence, a word of a name or of a time
///   expression is never a trigger. An event noun right after a verb trigger is that verb's object ("signed
///   the deal", "imposed sanctions") and makes no event of its own.
/// - **Actors** are the entity mentions (and compound actors written as phrases: "European leaders", "the
///   coalition of the willing", "18 leaders", "thousands of protesters", "police") of the clause before the trigger that no preposition governs;
///   titles' affiliations ("UK" in "UK Prime Minister Keir Starmer") are not actors. A subject pronoun ("he",
///   "she") stands for the last person named. In a passive ("was attacked by"), the roles swap.
/// - **Targets** are the names after the trigger, directly ("met Trump") or after "with", "against", "on",
///   "to", "between" ("talks with Zelensky", "an attack on Kyiv"). With no subject, the parties of "talks
///   between X and Y" are the actors. An event noun names its own participants after "of" ("a summit of 18
///   leaders") and "by" ("visits to Washington by Macron and Starmer" — plural visits by several people are
///   one visit each). A definite event noun with no participants ("after the summit", "Sunday's summit")
///   refers back to the last event of its type in the text and takes its participants, place and date.
///   A passive with no agent keeps its targets ("dozens of protesters were detained"); any other event with no
///   actor is dropped. "The two leaders" (or "both leaders", "the two sides", a
///   subject "they") are the two named participants of the last event before it that has exactly two; a
///   "they" with no such pair drops the event.
/// - **Place**: a GPE, FAC or LOC after "in", "at", "to" (a visit), "from", "near" — after the trigger first.
/// - **Date**: the sentence's nearest DATE or TIME expression with a calendar value (a possessive one only
///   for what it possesses: "Sunday's summit"), else the document day with no `dateRange`.
/// - **Modality**: denied ("denied that", "did not meet", "no talks"), hypothetical ("if", "unless",
///   "would", "could", "possible"), proposed ("proposed a truce"), planned ("will", "is due to", "is
///   expected to", a future date), else happened.
///
/// Works on UTF-8 bytes with one tokenization and one sentence split per call and bounded look-around per
/// trigger; look-ups are hashed. A value with no mutable state: share one extractor between tasks.
public struct EventExtractor: Sendable {
    /// Creates an extractor.
    public init() {}

    /// The events of `text`, in trigger order, with UTF-8 byte ranges into `text`.
    ///
    /// - Parameters:
    ///   - documentDate: the article's publication date: the date of events whose sentence gives none, and
    ///     the reference for "planned" (a date after it).
    ///   - entities: the entity mentions of the same text (``EntityTagger``).
    ///   - timexes: the time expressions of the same text (``TimeTagger``).
    ///   - quotes: the quotes of the same text (``QuoteExtractor``): each one with a known speaker is a
    ///     statement event.
    public func events(
        in text: String,
        documentDate: PublicationDate?,
        entities: [EntityMention],
        timexes: [TimeExpression],
        quotes: [QuoteMention]
    ) -> [EventMention] {
        let document = EventDocument(text: text, mentions: entities, timexes: timexes)
        let context = Context(
            document: document,
            documentDay: documentDate.map { $0.dateOnly.iso8601 },
            timexes: timexes.filter(Self.isCalendarDate).sorted { $0.range < $1.range }
        )
        var events: [EventMention] = []
        for sentence in document.sentences where !sentence.isEmpty {
            for trigger in triggers(in: sentence, document) {
                guard var event = event(for: trigger, in: sentence, context) else { continue }
                if event.actors.isEmpty, trigger.entry.form == .noun {
                    guard let antecedent = Self.antecedent(of: event, in: events) else { continue }
                    event.takeParticipants(of: antecedent)
                } else if let phrase = pairPhrase(of: event, document) {
                    if let pair = Self.lastNamedPair(in: events) {
                        event.actors = pair
                        event.targets.removeAll { pair.map(\.name).contains($0.name) }
                    } else if phrase == "they" {
                        continue  // "they" with no pair to stand for
                    }
                }
                events += distributed(event, trigger, document)
            }
        }
        events += statements(quotes, context)
        events.sort { $0.trigger != $1.trigger ? $0.trigger < $1.trigger : $0.type.rawValue < $1.type.rawValue }
        return events
    }

    /// The event a definite event noun without participants refers back to ("the summit" after "a summit of
    /// 18 leaders"): the last one named before it of the same type, with the same mode when it states one.
    static func antecedent(of event: EventMention, in events: [EventMention]) -> EventMention? {
        events.last { $0.type == event.type && !$0.actors.isEmpty && (event.mode == nil || $0.mode == event.mode) }
    }

    /// The actor phrase, lower-cased, when the event's only actor stands for two parties named before: "the
    /// two leaders", "both leaders", "the two sides", a subject "they"; nil otherwise.
    func pairPhrase(of event: EventMention, _ d: EventDocument) -> String? {
        guard event.actors.count == 1, event.actors[0].label == nil else { return nil }
        let phrase = d.string(event.actors[0].range).lowercased()
        let pair =
            phrase.hasPrefix("the two ") || phrase.hasPrefix("both ") || phrase.hasPrefix("two ") || phrase == "they"
        return pair ? phrase : nil
    }

    /// The two named participants of the last event that has exactly two, or nil when none has.
    static func lastNamedPair(in events: [EventMention]) -> [EventArgument]? {
        for earlier in events.reversed() {
            var named: [EventArgument] = []
            for party in earlier.actors + earlier.targets where party.label != nil {
                if !named.contains(where: { $0.name == party.name }) { named.append(party) }
            }
            if named.count == 2 { return named }
        }
        return nil
    }

    /// One visit per person when a plural visit noun has several person actors ("visits to Washington by
    /// Macron, Starmer and Zelensky" are three visits), else the event itself.
    func distributed(_ event: EventMention, _ trigger: Trigger, _ d: EventDocument) -> [EventMention] {
        let last = d.tokens[trigger.tokens.upperBound - 1].range
        guard trigger.entry.form == .noun, event.mode == "visit", event.actors.count > 1, event.targets.isEmpty,
            d.bytes[last.end - 1] == UInt8(ascii: "s"), event.actors.allSatisfy({ $0.label == .person })
        else { return [event] }
        return event.actors.map { actor in
            var one = event
            one.actors = [actor]
            return one
        }
    }

    /// What every trigger of one call shares.
    struct Context {
        let document: EventDocument
        /// The document's day, `YYYY-MM-DD`.
        let documentDay: String?
        /// DATE and TIME expressions with a calendar value, by start.
        let timexes: [TimeExpression]
    }

    /// A trigger found in a sentence: its tokens and lexicon entry (type and mode possibly adjusted).
    struct Trigger {
        var tokens: Range<Int>
        var entry: EventLexicon.Entry
    }

    /// Whether a time expression is a DATE or TIME with a calendar value (it starts with four digits).
    static func isCalendarDate(_ timex: TimeExpression) -> Bool {
        guard timex.type == .date || timex.type == .time else { return false }
        let v = timex.value.utf8
        guard v.count >= 4 else { return false }
        return v.prefix(4).allSatisfy { $0 >= 0x30 && $0 <= 0x39 }
    }

    // MARK: Triggers

    /// The triggers of one sentence, in text order, with the objects of verb triggers absorbed.
    func triggers(in sentence: Range<Int>, _ d: EventDocument) -> [Trigger] {
        let lexicon = EventLexicon.shared
        var found: [Trigger] = []
        var i = sentence.lowerBound
        while i < sentence.upperBound {
            guard d.tokens[i].kind == .word, d.mentionAt[i] < 0, !d.inTimex[i],
                i == sentence.lowerBound || !d.tokens[i].flags.contains(.capitalized)
            else {
                i += 1
                continue
            }
            var keys: [UInt64] = [d.hashes[i]]
            var k = i + 1
            while keys.count < EventLexicon.maxLength, k < sentence.upperBound,
                d.tokens[k].kind == .word
                    || d.tokens[k].kind == .number
            {
                keys.append(EventLexicon.combine(keys[keys.count - 1], d.hashes[k]))
                k += 1
            }
            var match: Trigger?
            for length in stride(from: keys.count, through: 1, by: -1) {
                guard let entry = lexicon.entry(keys[length - 1]) else { continue }
                if let trigger = checked(Trigger(tokens: i..<(i + length), entry: entry), sentence, d) {
                    match = trigger
                    break
                }
            }
            if let match {
                found.append(match)
                i = match.tokens.upperBound
            } else {
                i += 1
            }
        }
        return absorbingObjects(found, d)
    }

    /// The trigger if the words around it allow it (see ``EventLexicon/Condition``), else nil.
    func checked(_ trigger: Trigger, _ sentence: Range<Int>, _ d: EventDocument) -> Trigger? {
        var trigger = trigger
        let after = trigger.tokens.upperBound
        let before = trigger.tokens.lowerBound - 1
        func nextWords(_ n: Int, in set: Set<UInt64>) -> Bool {
            var k = after
            while k < min(after + n, sentence.upperBound) {
                if d.token(k, in: set) { return true }
                k += 1
            }
            return false
        }
        func nextIs(_ word: UInt64) -> Bool {
            after < sentence.upperBound && d.hashes[after] == word
        }
        func namedPartyWithin(_ n: Int) -> Bool {
            var k = after
            while k < min(after + n, sentence.upperBound) {
                if let m = d.mention(at: k), [.person, .organization, .geopolitical].contains(d.mentions[m].type) {
                    return true
                }
                k += 1
            }
            return false
        }
        switch trigger.entry.condition {
        case .none:
            return trigger
        case .aidObject:
            // "announced nearly $8 billion in military assistance": an amount may stand between.
            return nextWords(10, in: EventCues.aidObjects) ? trigger : nil
        case .aidOrSupport:
            if nextWords(10, in: EventCues.aidObjects) { trigger.entry.type = .aid }
            return trigger
        case .releaseObject:
            return nextWords(4, in: EventCues.releaseObjects) ? trigger : nil
        case .concessionObject:
            return nextWords(4, in: EventCues.concessionObjects) ? trigger : nil
        case .askObject:
            // A request, not a question: "asked for", "asked Kyiv to …".
            if nextIs(EventCues.forWord) { return trigger }
            guard let m = after < sentence.upperBound ? d.mention(at: after) : nil else { return nil }
            let end = d.mentionTokens[m].upperBound
            return end < sentence.upperBound && (d.hashes[end] == EventCues.to || d.hashes[end] == EventCues.forWord)
                ? trigger : nil
        case .militaryObject:
            return nextWords(5, in: EventCues.militaryObjects) ? trigger : nil
        case .partnerObject:
            return (nextIs(EventCues.to) || nextIs(EventCues.with)) && namedPartyWithin(5) ? trigger : nil
        case .verbContext:
            guard before >= sentence.lowerBound else { return nil }
            let h = d.hashes[before]
            let context =
                EventCues.modals.contains(h) || EventCues.negations.contains(h)
                || EventCues.futureCues.contains(h) || h == EventCues.to || h == EventCues.also
            return context ? trigger : nil
        case .call:
            let verbUse =
                trigger.entry.form == .past || trigger.entry.form == .gerund
                || (before >= sentence.lowerBound
                    && (d.token(before, in: EventCues.verbContext) || d.mentionAt[before] >= 0))
            if verbUse, nextIs(EventCues.forWord) || nextIs(EventCues.on) {
                trigger.entry.type = .request
                trigger.entry.mode = nil
                trigger.tokens = trigger.tokens.lowerBound..<(after + 1)
                return trigger
            }
            let nounUse = before >= sentence.lowerBound && d.token(before, in: EventCues.determiners)
            guard nounUse, nextIs(EventCues.with) || nextIs(EventCues.between) else { return nil }
            trigger.entry.type = .consult
            trigger.entry.mode = "phone"
            trigger.entry.form = .noun
            return trigger
        }
    }

    /// Drops event nouns that are the object of a verb trigger just before them ("signed the deal", "imposed
    /// sanctions", "called for a ceasefire") and triggers of the same type right after another ("ceasefire
    /// deal").
    func absorbingObjects(_ triggers: [Trigger], _ d: EventDocument) -> [Trigger] {
        var kept: [Trigger] = []
        for trigger in triggers {
            if let last = kept.last {
                let gap = trigger.tokens.lowerBound - last.tokens.upperBound
                let clean = !(last.tokens.upperBound..<trigger.tokens.lowerBound).contains {
                    d.tokens[$0].kind == .punctuation || d.mentionAt[$0] >= 0
                }
                let sameType = last.entry.type == trigger.entry.type
                if trigger.entry.form == .noun,
                    (last.entry.form != .noun && gap <= 4 && (clean || sameType)) || (sameType && clean && gap <= 2)
                {
                    continue
                }
            }
            kept.append(trigger)
        }
        return kept
    }
}

extension EventMention {
    /// Takes the participants, and the place and date where this mention states none, of the event it refers
    /// back to (see ``EventExtractor/antecedent(of:in:)``). The arguments keep their ranges in the antecedent's
    /// sentence, where the text names them.
    mutating func takeParticipants(of antecedent: EventMention) {
        actors = antecedent.actors
        if targets.isEmpty { targets = antecedent.targets }
        if place == nil { place = antecedent.place }
        if antecedent.dateRange != nil || dateRange == nil {
            date = antecedent.date
            dateRange = antecedent.dateRange
        }
    }
}
