import StorylineText

/// The closed word classes quote extraction looks up per token: speech and cognition cues (every
/// inflected form), pronouns, determiners, clause openers, auxiliaries, prepositions, time words, role
/// nouns and channel nouns.
///
/// Built once into a hash table keyed by the FNV-1a hash of a token's ASCII-lower-cased UTF-8 bytes, so
/// a lookup hashes the token's bytes in place and allocates nothing.
struct QuoteLexicon: Sendable {
    /// Word classes, as bits.
    struct Classes: OptionSet, Sendable, Hashable {
        let rawValue: UInt32
        init(rawValue: UInt32) { self.rawValue = rawValue }

        /// A reporting verb that takes a clause or a quotation on its own: said, warned, wrote.
        static let speechCue = Classes(rawValue: 1 << 0)
        /// A reporting verb whose addressee comes first: told, informed, assured.
        static let tellCue = Classes(rawValue: 1 << 1)
        /// A cognition or finding verb, a cue only before "that": believes, found, hopes.
        static let weakCue = Classes(rawValue: 1 << 2)
        /// A participle that attaches to the main clause's subject: saying, adding, telling.
        static let participle = Classes(rawValue: 1 << 3)
        /// "according".
        static let according = Classes(rawValue: 1 << 4)
        /// he, she: a singular personal pronoun.
        static let personPronoun = Classes(rawValue: 1 << 5)
        /// they, we, it, I, you.
        static let otherPronoun = Classes(rawValue: 1 << 6)
        /// the, a, an, his, her, its, their, our, this.
        static let determiner = Classes(rawValue: 1 << 7)
        /// Words that open or join clauses and so end a noun phrase: that, which, who, and, but, while.
        static let clauseWord = Classes(rawValue: 1 << 8)
        /// Auxiliaries and adverbs between a subject and its cue: has, also, later, would.
        static let auxiliary = Classes(rawValue: 1 << 9)
        /// Prepositions: on, in, at, during, to, with.
        static let preposition = Classes(rawValue: 1 << 10)
        /// Weekdays, months and relative time words: Thursday, February, yesterday, week.
        static let timeWord = Classes(rawValue: 1 << 11)
        /// Nouns of roles and titles: president, spokesman, minister, officials.
        static let roleNoun = Classes(rawValue: 1 << 12)
        /// Nouns of media and occasions: statement, interview, radio, platform, conference.
        static let channelNoun = Classes(rawValue: 1 << 13)
        /// "that".
        static let that = Classes(rawValue: 1 << 14)
        /// "of".
        static let of = Classes(rawValue: 1 << 15)
        /// Verbs that never head a speaker phrase but often sit where one could: is, was, were.
        static let copula = Classes(rawValue: 1 << 16)

        /// Quantifiers before a noun: some, any, no, every, another.
        static let quantifier = Classes(rawValue: 1 << 17)
        /// Words ending in "-ly" that are not adverbs: family, ally, rally, supply.
        static let notAdverb = Classes(rawValue: 1 << 18)
        /// Quantifiers and numbers that can stand for a source by themselves: "many say", "one suggested".
        static let standalone = Classes(rawValue: 1 << 19)
        /// The base form of a reporting verb that is also a common noun: comment, claim, report, retort.
        static let baseForm = Classes(rawValue: 1 << 20)
        /// A verb that names something in someone's words: called, branded, dubbed. A cue only for the
        /// quoted fragment it introduces ("calling Zelensky a "dictator"").
        static let namingCue = Classes(rawValue: 1 << 21)
        /// A reporting verb that often takes an object instead of a clause ("announced a plan", "denied the
        /// claims"): a cue for an unmarked clause only before "that" or a clause.
        static let objectCue = Classes(rawValue: 1 << 22)
        /// A modal verb: will, would, can, could, should, may, might, must.
        static let modal = Classes(rawValue: 1 << 23)
        /// A finite auxiliary verb (not an adverb): a modal, or has, have, had, do, does, did.
        static let auxiliaryVerb = Classes(rawValue: 1 << 24)

        /// Any cue that can report a statement by itself.
        static let strongCue: Classes = [.speechCue, .tellCue]
    }

    /// The shared lexicon.
    static let shared = QuoteLexicon()

    private var table: [UInt64: Classes] = [:]

    /// The classes of the bytes `bytes[range]` (compared case-insensitively for ASCII letters).
    func classes(_ bytes: UnsafeBufferPointer<UInt8>, _ range: Range<Int>) -> Classes {
        guard range.count <= 24 else { return [] }
        return table[Self.hash(bytes, range)] ?? []
    }

    /// FNV-1a over ASCII-lower-cased bytes, with curly apostrophes folded to `'`.
    static func hash(_ bytes: UnsafeBufferPointer<UInt8>, _ range: Range<Int>) -> UInt64 {
        var h: UInt64 = 0xcbf2_9ce4_8422_2325
        for i in range {
            var b = bytes[i]
            if b >= 65 && b <= 90 { b |= 0x20 }
            h = (h ^ UInt64(b)) &* 0x100_0000_01b3
        }
        return h
    }

    private static func hash(_ word: String) -> UInt64 {
        var word = word
        return word.withUTF8 { hash($0, 0..<$0.count) }
    }

    private mutating func add(_ words: [String], _ classes: Classes) {
        for word in words {
            table[Self.hash(word), default: []].formUnion(classes)
        }
    }

    private mutating func addVerbs(_ lemmas: [String], _ classes: Classes) {
        for lemma in lemmas {
            let forms = Self.inflections(of: lemma)
            add([forms.base, forms.third, forms.past], classes)
            add([forms.gerund], classes.union(.participle))
        }
    }

    /// Regular inflections: base, third person, past, gerund.
    static func inflections(of lemma: String) -> (base: String, third: String, past: String, gerund: String) {
        let last = lemma.last!
        let stem = String(lemma.dropLast())
        if last == "y", let before = stem.last, !"aeiou".contains(before) {
            return (lemma, stem + "ies", stem + "ied", lemma + "ing")
        }
        if last == "e" { return (lemma, lemma + "s", lemma + "d", stem + "ing") }
        if lemma.hasSuffix("s") || lemma.hasSuffix("sh") || lemma.hasSuffix("ch") || lemma.hasSuffix("x") {
            return (lemma, lemma + "es", lemma + "ed", lemma + "ing")
        }
        return (lemma, lemma + "s", lemma + "ed", lemma + "ing")
    }

    private init() {
        addVerbs(Self.speechLemmas, .speechCue)
        add(Self.speechLemmas, [.speechCue, .baseForm])
        addVerbs(Self.tellLemmas, .tellCue)
        addVerbs(Self.weakLemmas, .weakCue)
        addVerbs(["call", "brand", "label", "dub", "describe"], .namingCue)
        addVerbs(Self.objectLemmas, .objectCue)
        add(["wrote", "written"], .objectCue)
        add(["labelled", "labelling"], .namingCue)
        add(["say", "says", "said", "write", "writes", "wrote", "written", "posted"], .speechCue)
        add(["saying", "writing", "quipped", "quipping"], [.speechCue, .participle])
        add(["admitted", "signalled"], .speechCue)
        add(["admitting"], [.speechCue, .participle])
        add(["tell", "tells", "told"], .tellCue)
        add(["telling"], [.tellCue, .participle])
        add(["thinks", "thought", "knew", "known", "found", "felt", "shown", "showed"], .weakCue)
        add(["according"], .according)
        add(["he", "she"], .personPronoun)
        add(["they", "we", "it", "i", "you"], .otherPronoun)
        add(
            ["the", "a", "an", "his", "her", "its", "their", "our", "this", "these", "those", "my", "your"],
            .determiner
        )
        add(Self.clauseWords, .clauseWord)
        add(["that"], [.that, .clauseWord])
        add(["of"], .of)
        add(Self.lyWords, .notAdverb)
        add(["many", "some", "others", "both", "all", "several", "few", "most", "one", "none", "two"], .standalone)
        add(["some", "any", "no", "much", "little", "more", "every", "each", "another", "such"], .quantifier)
        add(Self.auxiliaries, .auxiliary)
        add(["will", "would", "can", "could", "should", "may", "might", "must"], [.modal, .auxiliaryVerb])
        add(["has", "have", "had", "do", "does", "did"], .auxiliaryVerb)
        add(["is", "was", "were", "are", "be", "been", "being", "am"], .copula)
        add(Self.prepositions, .preposition)
        add(Self.timeWords, .timeWord)
        add(Self.roleNouns, .roleNoun)
        add(Self.channelNouns, .channelNoun)
    }

    static let speechLemmas = [
        "add", "warn", "stress", "claim", "confirm", "insist", "note", "argue", "explain", "state", "declare",
        "announce", "report", "tweet", "continue", "conclude", "ask", "reply", "respond", "predict", "admit",
        "promise", "pledge", "vow", "recall", "reveal", "emphasize", "emphasise", "underline", "underscore",
        "complain", "boast", "concede", "contend", "maintain", "assert", "allege", "caution", "remark", "comment",
        "observe", "joke", "muse", "whisper", "shout", "yell", "exclaim", "disclose", "affirm", "reiterate",
        "repeat", "deny", "hint", "testify", "recount", "counter", "retort", "answer", "mention", "propose",
        "suggest", "acknowledge", "agree", "write", "post", "tweet", "declare", "lament", "predict", "estimate",
        "charge", "wonder", "signal", "cite",
    ]
    static let objectLemmas = [
        "announce", "propose", "promise", "pledge", "vow", "reveal", "repeat", "reiterate", "deny", "write", "post",
        "tweet", "report", "continue", "answer", "mention", "cite", "recall", "comment", "charge", "confirm",
        "acknowledge", "admit", "disclose", "concede", "recount", "underline", "underscore", "emphasize",
        "emphasise", "stress", "note", "claim", "explain", "predict", "suggest", "estimate",
    ]
    static let tellLemmas = ["inform", "assure", "reassure", "remind", "advise", "tell"]
    static let weakLemmas = [
        "believe", "think", "hope", "fear", "know", "find", "feel", "expect", "indicate", "show", "worry",
        "doubt", "suspect", "understand", "conclude", "learn", "decide", "acknowledge", "recognize",
        "recognise", "realize", "realise", "determine", "assume", "imagine", "predict", "project",
    ]
    static let clauseWords = [
        "which", "who", "whom", "whose", "and", "but", "or", "while", "as", "when", "because", "if", "although",
        "though", "since", "so", "where", "than", "whether", "nor", "yet", "not", "also", "there", "here",
        "what", "how", "why",
    ]
    static let auxiliaries = [
        "has", "have", "had", "also", "later", "previously", "again", "would", "will", "could", "may", "might",
        "then", "recently", "once", "earlier", "often", "reportedly", "publicly", "privately", "repeatedly",
        "quickly", "frequently", "separately", "further", "has", "did", "does", "do", "already", "still",
        "just", "never", "ever", "subsequently", "initially", "first", "finally", "simply", "flatly", "bluntly",
        "angrily", "firmly", "clearly", "openly",
    ]
    static let prepositions = [
        "on", "in", "at", "during", "to", "with", "via", "through", "after", "before", "from", "for", "by",
        "over", "about", "in", "into", "upon", "amid", "following", "ahead", "late", "early",
    ]
    /// Words of time that may stand between a cue and its speaker ("said on Monday", "told reporters last
    /// week"); month and weekday names come from the shared table.
    static let timeWords: [String] =
        [
            "today", "yesterday", "tonight", "week", "weekend", "month", "year", "morning", "afternoon", "evening",
            "night", "day", "last", "this", "next", "earlier", "later", "recently", "overnight", "previously",
            "weeks", "months", "days", "years", "ago", "late", "early",
        ] + CalendarWords.months.map(\.text) + CalendarWords.weekdays.filter { !$0.isAbbreviation }.map(\.text)
    static let roleNouns = [
        "president", "spokesman", "spokeswoman", "spokesperson", "minister", "secretary", "leader", "chancellor",
        "official", "officials", "diplomat", "diplomats", "source", "sources", "aide", "aides", "adviser",
        "advisers", "advisor", "advisors", "envoy", "ambassador", "governor", "senator", "lawmaker",
        "lawmakers", "mayor", "chief", "head", "director", "commander", "general", "premier", "king", "queen",
        "prince", "pope", "candidate", "nominee", "chairman", "chairwoman", "chair", "ceo", "analyst",
        "analysts", "expert", "experts", "prosecutor", "prosecutors", "judge", "attorney", "lawyer", "lawyers",
        "representative", "congressman", "congresswoman", "speaker", "deputy", "vice", "prime", "foreign",
        "defense", "defence", "press", "white", "house", "ministry", "office", "government", "administration",
        "campaign", "committee", "agency", "service", "army", "military", "police", "authorities", "kremlin",
        "taoiseach", "counterpart", "team", "department", "council", "commission", "spokesmen", "negotiator",
        "negotiators", "people", "residents", "voters", "supporters", "critics", "observers", "member",
        "members", "republicans", "democrats", "staff", "organizers", "organisers", "investigators",
        "manager", "strategist", "pollster", "consultant", "operative", "economist", "economists", "activist",
        "activists", "founder", "executive", "professor", "researcher", "researchers", "scientist", "historian",
        "correspondent", "reporter", "editor", "anchor", "co-anchor", "host", "coordinator", "organizer", "writer",
        "author", "partner", "owner", "president-elect", "sen", "rep", "gov", "secretary-general", "officer",
        "specialist", "specialists", "scientists", "historians", "doctors", "witnesses", "leaders", "officers",
        "journalists", "reporters", "students", "parents", "teachers", "workers", "protesters", "citizens",
        "broadcaster", "outlet", "tabloid", "magazine", "website", "publication",
    ]
    /// Nouns, verbs and names ending in "-ly": a lower-case word ending in "-ly" that is not one of these
    /// is taken for an adverb ("Moscow strongly denied", "the agency simply said").
    static let lyWords = [
        "family", "ally", "assembly", "rally", "supply", "apply", "comply", "rely", "imply", "multiply",
        "reply", "anomaly", "monopoly", "bully", "belly", "jelly", "holy", "daily", "weekly", "monthly",
        "quarterly", "fly", "july", "italy", "melancholy", "homily", "lily", "folly", "tally", "gully",
    ]
    static let channelNouns = [
        "statement", "interview", "radio", "television", "tv", "platform", "post", "conference", "briefing",
        "speech", "address", "letter", "podcast", "show", "call", "meeting", "summit", "rally", "hearing",
        "email", "message", "video", "broadcast", "network", "channel", "telegram", "newspaper", "op-ed",
        "column", "remarks", "comments", "tweet", "x", "twitter", "facebook", "instagram", "truth", "social",
        "sunday", "news", "event", "session", "appearance", "documents", "filing", "report", "release",
        "media", "account", "website", "page", "feed", "blog", "app",
    ]
}
