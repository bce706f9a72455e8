import StorylineText

/// The tense of the clause around a time expression, as far as cue words tell it: it decides whether a
/// bare weekday, month or season is the last one or the next one ("met on Friday" / "will meet on Friday").
extension TimeTaggerRun {
    /// Whether word `i` ends a clause: `;`, `!`, `?`, or a full stop that ends a sentence — not the stop of
    /// an abbreviation or initial ("Feb. 1", "Daniel P. Davison", "Gen. Smith") and not one followed by a
    /// lower-case word or a number.
    func isClauseBreak(_ i: Int) -> Bool {
        let w = words[i]
        guard w.kind == .other else { return false }
        switch w.key {
        case 0x21, 0x3F, 0x3B: return true
        case 0x2E: break
        default: return false
        }
        if i + 1 < words.count, !words[i + 1].newlineBefore {
            let next = words[i + 1]
            if next.kind == .digits || (next.kind == .letters && !next.capitalized) { return false }
        }
        guard i > 0, adjacent(i), words[i - 1].kind == .letters else { return true }
        let previous = words[i - 1]
        if previous.length == 1, previous.capitalized { return false }  // an initial
        let entry = Abbreviations.entry(
            UnsafeBufferPointer(rebasing: bytes[Int(previous.start)..<Int(previous.end)])
        )
        if let entry, entry.category == .title || entry.category == .month { return false }
        return true
    }

    /// The tense of the clause around the time expression at words `i..<end`: the cue word nearest to it,
    /// looking back to the start of the clause and a little ahead of it. Cues before the expression count
    /// double, because a verb usually precedes its time adverbial ("will double its flights by August",
    /// "the Aug. 7 blasts killed").
    func tense(around i: Int, end: Int? = nil, lookBack: Bool = true) -> ClauseTense {
        var best: (distance: Int, tense: ClauseTense) = (Int.max, .unknown)
        var j = i - 1
        var d = 1
        while lookBack, j >= 0, d <= 20 {
            if isClauseBreak(j) || words[j + 1].newlineBefore { break }
            if let t = cue(j) {
                best = (d, t)
                break
            }
            j -= 1
            d += 1
        }
        j = end ?? i + 1
        d = 1
        while j < words.count, d <= 12, 2 * d < best.distance {
            if isClauseBreak(j) || words[j].newlineBefore { break }
            if let t = cue(j) {
                best = (2 * d, t)
                break
            }
            // Names ("the National Abortion Rights Action League plans to…") count as one word.
            if !(words[j].capitalized && j > 0 && words[j - 1].capitalized) { d += 1 }
            j += 1
        }
        return best.tense
    }

    /// The tense word `j` signals, if any; `.unknown` for a present-tense cue that ends the search.
    func cue(_ j: Int) -> ClauseTense? {
        let w = words[j]
        if w.kind == .other, w.key == 0x27, j + 1 < words.count, adjacent(j + 1),
            words[j + 1].key == TimeLexicon.key("ll")
        {
            return .future  // 'll
        }
        guard w.kind == .letters else { return nil }
        if let k = keyword(j) {
            switch k {
            case .will, .shall, .would, .expected, .scheduled, .upcoming, .next, .coming, .tomorrow, .might, .soon:
                return .future
            case .due:
                // "is due to arrive", "is due in Washington" — not "was due", "had been due", "due to the storm".
                if let b = keyword(j - 1), b == .was || b == .were || b == .been { return .past }
                if let b = keyword(j - 1), b == .isWord || b == .are || b == .be { return .future }
                return keyword(j + 1) == .to ? nil : .future
            case .plans, .planned, .planning:
                // "plans to visit", "is planned for", "was planned for early March", "planning for the summit"
                // — not "the plan", "holiday plans for a trip", "a hastily planned trip".
                if keyword(j + 1) == .to { return .future }
                if keyword(j + 1) == .forWord {
                    if k == .planning { return .future }
                    if k == .planned, let b = keyword(j - 1), b == .was || b == .were { return .future }
                }
                if let b = keyword(j - 1), b == .isWord || b == .are || b == .be { return .future }
                return nil
            case .early:
                return keyword(j - 1) == .asWord && keyword(j + 1) == .asWord ? .future : nil
            case .to:
                if let b = keyword(j - 1), b == .isWord || b == .are { return .future }
                return nil
            case .set, .going:
                return keyword(j + 1) == .to ? .future : nil
            case .said, .was, .were, .had, .did, .ago, .last, .yesterday:
                return .past
            case .has, .have:
                // Present perfect ("has signed"), not "would have", "will have a meeting".
                guard j + 1 < words.count else { return nil }
                if keyword(j + 1) == .been || (!words[j + 1].capitalized && endsWith(j + 1, "ed")) { return .past }
                return nil
            default:
                return nil
            }
        }
        if w.capitalized { return nil }
        if TimeTaggerRun.futureIntentions.contains(w.key) { return keyword(j + 1) == .to ? .future : nil }
        // A simple present after a subject pronoun states a schedule: "when he meets with Putin on Friday",
        // "she arrives Monday" (not a reporting verb: "he says").
        if j > 0, TimeTaggerRun.subjectPronouns.contains(words[j - 1].key), w.length > 3, endsWith(j, "s"),
            !endsWith(j, "ss"), !TimeTaggerRun.reportingPresents.contains(w.key)
        {
            return .future
        }
        guard endsWith(j, "ed") || TimeTaggerRun.pastVerbs.contains(w.key) else { return nil }
        // A participle, not a past tense: "to be named", "markets untouched by"; after "is"/"are" a present
        // passive ("when the case is heard in May"), which says nothing about past or future.
        if let b = keyword(j - 1) {
            if b == .isWord || b == .are { return .unknown }
            if b == .be || b == .been || b == .to { return nil }
        }
        if keyword(j + 1) == .by { return nil }
        // An adjective after an article ("a still unspecified date", "the expanded program").
        if isAttributive(j) { return nil }
        return .past
    }

    /// Whether the -ed word `j` follows an article or possessive, perhaps past one adverb: "a still
    /// unspecified date", "the newly elected mayor", "its revised forecast".
    func isAttributive(_ j: Int) -> Bool {
        var b = j - 1
        if b >= 0, words[b].kind == .letters, !words[b].capitalized,
            endsWith(b, "ly") || TimeTaggerRun.degreeWords.contains(words[b].key)
        {
            b -= 1
        }
        guard b >= 0, words[b].kind == .letters else { return false }
        if let k = keyword(b) { return k == .a || k == .an || k == .the }  // not "that": "the deal that expired"
        return TimeTaggerRun.determiners.contains(words[b].key)
    }

    static let subjectPronouns: Set<UInt64> = Set((["he", "she", "it"] as [StaticString]).map(TimeLexicon.key))
    /// Present forms that report rather than schedule ("he says on Friday"), or are not verbs after a pronoun.
    static let reportingPresents: Set<UInt64> = Set(
        ([
            "says", "tells", "writes", "thinks", "believes", "insists", "argues", "claims", "adds", "notes", "warns",
            "knows", "seems", "wants", "needs", "hopes", "expects", "does", "goes", "has", "was", "always", "also",
            "still", "sometimes", "perhaps",
        ] as [StaticString]).map(TimeLexicon.key)
    )

    static let degreeWords: Set<UInt64> = Set(
        (["still", "very", "much", "more", "most", "less", "least", "long", "well", "not", "yet", "so"] as [StaticString])
            .map(TimeLexicon.key)
    )
    /// Verbs and nouns of intention that make a following "to"-clause future: "expects to release", "hopes
    /// to", "decided to admit", "an agreement to acquire".
    static let futureIntentions: Set<UInt64> = Set(
        ([
            "expects", "expect", "intends", "intend", "hopes", "hope", "aims", "aim", "wants", "want", "vowed", "vows",
            "pledged", "pledges", "promised", "promises", "threatened", "threatens", "agreed", "agrees", "likely",
            "unlikely", "ready", "poised", "decided", "decides", "agreement", "plan", "proposal", "offer", "bid",
            "deal", "intention", "decision",
        ]
            as [StaticString]).map(TimeLexicon.key)
    )

    /// Irregular simple past forms that are not also common present forms or nouns.
    static let pastVerbs: Set<UInt64> = Set(
        ([
            "arose", "awoke", "became", "began", "bent", "bit", "bled", "blew", "broke", "bred", "brought", "built",
            "bought", "caught", "chose", "clung", "came", "crept", "dealt", "dug", "drew", "drank", "drove", "ate",
            "fell", "fed", "felt", "fought", "fled", "flung", "flew", "forbade", "forgot", "forgave", "froze",
            "got", "gave", "went", "grew", "heard", "hid", "held", "kept", "knelt", "knew", "laid", "led", "leapt",
            "left", "lent", "lit", "lost", "made", "meant", "met", "paid", "rode", "rang", "rose", "ran", "saw",
            "sought", "sold", "sent", "shook", "shone", "shot", "shrank", "sang", "sank", "sat", "slept", "slid",
            "spoke", "sped", "spent", "spun", "spat", "sprang", "stood", "stole", "stuck", "stung", "strode",
            "struck", "strove", "swore", "swept", "swam", "swung", "took", "taught", "tore", "told", "thought",
            "threw", "understood", "woke", "wore", "wept", "won", "wrote", "withdrew", "undertook", "overtook",
            "oversaw", "mistook", "upheld", "withheld", "slew", "fought", "found", "hit", "put", "stood",
        ]
            as [StaticString]).map(TimeLexicon.key)
    )
}
