import StorylineCore

extension EventExtractor {
    /// The event's date: the value of the calendar time expression nearest the trigger in its clause
    /// (`clause`), else the nearest one before the trigger in its sentence, with its range; else the document's
    /// day with no range; else nil.
    func date(near trigger: TextRange, in sentence: TextRange, clause: TextRange? = nil, _ c: Context)
        -> (String?, TextRange?)
    {
        var lo = 0
        var hi = c.timexes.count
        while lo < hi {
            let mid = (lo + hi) / 2
            if c.timexes[mid].range.start < sentence.start { lo = mid + 1 } else { hi = mid }
        }
        var best: TimeExpression?
        var bestDistance = Int.max
        var bestInClause = false
        var n = lo
        while n < c.timexes.count, c.timexes[n].range.start < sentence.end {
            let t = c.timexes[n]
            let distance =
                t.range.end <= trigger.start
                ? trigger.start - t.range.end : max(0, t.range.start - trigger.end)
            let inClause = clause?.contains(t.range) ?? false
            // Outside the clause, only an expression before the trigger counts ("On Friday, after …, they met");
            // a possessive dates only what it possesses ("Sunday's summit", not the visits after it), and an
            // expression bound to another occasion dates that ("thanked Martin … fleeing the invasion in 2022"),
            // as one in a relative clause closed before the trigger does ("Martin, who took over last month,").
            let usable =
                (inClause || clause == nil || t.range.end <= trigger.start)
                && !c.document.possessesOther(t.range, than: trigger)
                && !c.document.datesOtherOccasion(t.range, than: trigger)
                && !c.document.inRelativeClause(t.range, before: trigger, sentenceStart: sentence.start)
            if usable, (inClause && !bestInClause) || (inClause == bestInClause && distance < bestDistance) {
                best = t
                bestDistance = distance
                bestInClause = inClause
            }
            n += 1
        }
        if let best { return (best.value, best.range) }
        return (c.documentDay, nil)
    }

    /// Whether a TIMEX3 calendar value lies after the document's day (compared at the value's precision:
    /// day, month or year; weeks and other forms are not compared).
    static func isAfter(_ value: String, _ day: String) -> Bool {
        let v = Array(value.utf8)
        let dayBytes = Array(day.utf8)
        func digits(_ range: Range<Int>) -> Bool { range.allSatisfy { v[$0] >= 0x30 && v[$0] <= 0x39 } }
        let length: Int
        if v.count >= 10, digits(0..<4), v[4] == 0x2D, digits(5..<7), v[7] == 0x2D, digits(8..<10) {
            length = 10
        } else if v.count >= 7, digits(0..<4), v[4] == 0x2D, digits(5..<7) {
            length = 7
        } else if v.count == 4, digits(0..<4) {
            length = 4
        } else {
            return false
        }
        guard dayBytes.count >= length else { return false }
        return v[0..<length].lexicographicallyPrecedes(dayBytes[0..<length]) == false
            && v[0..<length] != dayBytes[0..<length]
    }

    /// Whether the report is of an event that happened, is planned, proposed, denied or hypothetical.
    func modality(
        of trigger: Trigger,
        clauseStart: Int,
        sentence: Range<Int>,
        date: String?,
        _ c: Context
    ) -> EventModality {
        let d = c.document
        let t = trigger.tokens.lowerBound
        // Denied: a negation right before the trigger ("did not meet", "has never met", "no talks"), or
        // "denied (that)" before it in the sentence.
        var k = t - 1
        while k >= clauseStart, k >= t - 4 {
            if d.token(k, in: EventCues.negations) { return .denied }
            guard d.isLowerWord(k) || d.tokens[k].kind == .contraction else { break }
            k -= 1
        }
        for j in sentence.lowerBound..<t where d.token(j, in: EventCues.denialCues) { return .denied }

        let future = date.map { day in c.documentDay.map { Self.isAfter(day, $0) } ?? false } ?? false
        // Hypothetical: a condition anywhere in the sentence; "possible" or a modal just before the trigger
        // (a modal with a future date reports a plan: "would sign … on Friday").
        // A condition before the trigger governs it ("If Russia attacks again, Europe will …"); one after it only
        // when the trigger is itself future or modal ("Europe will impose sanctions if …").
        var conditionAfter = false
        for j in sentence where d.isLowerWord(j) || j == sentence.lowerBound {
            if d.token(j, in: EventCues.conditions) {
                if j < t { return .hypothetical }
                conditionAfter = true
            }
        }
        // Cues count within six tokens before the trigger, not across punctuation ("would not seek a recount,
        // conceding the race").
        var windowStart = t
        while windowStart > max(clauseStart, t - 6), d.tokens[windowStart - 1].kind != .punctuation { windowStart -= 1 }
        let window = windowStart..<t
        for j in window.reversed() {
            if d.token(j, in: EventCues.possibility) { return .hypothetical }
            if d.token(j, in: EventCues.modals) { return future && !conditionAfter ? .planned : .hypothetical }
        }
        // Proposed: "proposed a truce", "offered talks", "a proposal for a ceasefire".
        for j in window where d.token(j, in: EventCues.proposalCues) { return .proposed }
        // Planned: "will", "is due to", "is expected to", "is set to", "plans to", "is to", an infinitive.
        var futureStart = t
        while futureStart > max(clauseStart, t - 8), d.tokens[futureStart - 1].kind != .punctuation { futureStart -= 1 }
        for j in futureStart..<t where d.token(j, in: EventCues.futureCues) {
            let h = d.hashes[j]
            let needsTo =
                h == EventCues.setWord || h == EventCues.going || h == EventLexicon.hash("plan")
                || h == EventLexicon.hash("plans")
            if !needsTo || (j + 1 < t && d.hashes[j + 1] == EventCues.to) {
                return conditionAfter ? .hypothetical : .planned
            }
        }
        // An infinitive is a plan ("to meet Trump on Friday"), unless it follows an ordinal or a superlative:
        // "the latest European leader to meet Trump" says who already met him.
        if t - 1 >= clauseStart, d.hashes[t - 1] == EventCues.to, trigger.entry.form == .base,
            !(max(clauseStart, t - 5)..<(t - 1)).contains(where: { d.token($0, in: EventCues.ordinals) })
        {
            return .planned
        }
        if trigger.entry.form == .noun {
            // A named event whose own date is ahead ("looked ahead to tomorrow's talks"), or whose verb is
            // future ("the meeting between Trump and Putin will start at 11:30am", "the summit is due to open").
            if future { return conditionAfter ? .hypothetical : .planned }
            var j = trigger.tokens.upperBound
            while j < min(sentence.upperBound, trigger.tokens.upperBound + 8), d.tokens[j].kind != .punctuation {
                let h = d.hashes[j]
                if h == EventCues.will || h == EventCues.due || h == EventCues.scheduled {
                    return conditionAfter ? .hypothetical : .planned
                }
                j += 1
            }
        }
        // A date after the document's with no past verb before the trigger.
        if future, trigger.entry.form != .past, !hasPastVerb(from: clauseStart, to: t, d) { return .planned }
        return .happened
    }

    /// Whether a past auxiliary or an "-ed" word stands in tokens `start..<end`.
    func hasPastVerb(from start: Int, to end: Int, _ d: EventDocument) -> Bool {
        guard start < end else { return false }
        for j in start..<end where d.isLowerWord(j) {
            if d.token(j, in: EventCues.pastAuxiliaries) { return true }
            let r = d.tokens[j].range
            if r.count > 4, d.bytes[r.end - 2] == UInt8(ascii: "e"), d.bytes[r.end - 1] == UInt8(ascii: "d"),
                !d.token(j, in: EventCues.futureCues), !d.token(j, in: EventCues.proposalCues)
            {
                return true
            }
        }
        return false
    }

    /// The PLOVER mode: the lexicon's, else "drone" or "aerial" for an assault the words before it say, "phone"
    /// for a consultation by phone, "multilateral" for one of three parties or more.
    func mode(of trigger: Trigger, parties: Int, _ sentence: Range<Int>, _ d: EventDocument) -> String? {
        var mode = trigger.entry.mode
        let t = trigger.tokens.lowerBound
        switch trigger.entry.type {
        case .assault where mode == nil:
            for j in max(sentence.lowerBound, t - 2)..<t {
                if d.token(j, in: EventCues.droneWords) { mode = "drone" }
                if d.token(j, in: EventCues.aerialWords) { mode = "aerial" }
            }
        case .consult where mode != "visit" && mode != "phone":
            let around = max(sentence.lowerBound, t - 2)..<min(sentence.upperBound, trigger.tokens.upperBound + 6)
            if around.contains(where: { d.token($0, in: EventCues.phoneWords) }) { return "phone" }
            if mode == nil, parties >= 3, !sentence.contains(where: { d.hashes[$0] == EventCues.bilateral }) {
                mode = "multilateral"
            }
        default:
            break
        }
        return mode
    }
}
