import StorylineCore

/// The trigger words and phrases of event extraction: verbs in all their inflections and event nouns, each
/// mapped to a PLOVER event type and, where the word itself says, a PLOVER mode.
///
/// Source: the PLOVER codebook (Political Language Ontology for Verifiable Event Records, the
/// openeventdata/PLOVER repository) for the sixteen types and their modes. The word lists are written by
/// hand for English news about diplomacy and war; no code or dictionary was copied.
///
/// Built once into a hash table keyed by the FNV-1a hash of a token's ASCII-lower-cased bytes (curly
/// apostrophes folded to `'`); phrases of up to four tokens are keyed by combining their tokens' hashes, so a
/// lookup hashes the tokens in place and allocates nothing.
struct EventLexicon: Sendable {
    /// The grammatical form of a trigger, as far as modality cares.
    enum Form: UInt8, Sendable {
        /// meet, agree: the base form.
        case base
        /// meets, agrees.
        case third
        /// met, agreed: past tense or participle.
        case past
        /// meeting, agreeing.
        case gerund
        /// talks, summit, deal: an event noun.
        case noun
    }

    /// What the words around a trigger must show before it counts.
    enum Condition: UInt8, Sendable {
        /// Nothing: the word is an event by itself.
        case none
        /// "send", "deliver": an aid object follows ("sent weapons", "send aid").
        case aidObject
        /// "pledge": aid when an aid object follows ("pledged €40bn in military aid"), else support.
        case aidOrSupport
        /// "release": prisoners or hostages follow.
        case releaseObject
        /// "accept": a ceasefire, deal, proposal or terms follow.
        case concessionObject
        /// "ask": "for" or a named party follows.
        case askObject
        /// "speak", "talk": "to"/"with" and a named party follow.
        case partnerObject
        /// "back": a verb only after "to", a modal or a negation ("will back", "to back").
        case verbContext
        /// "call": "for"/"on" makes a request, a noun use with "with"/"between" a phone call.
        case call
        /// "deploy": troops, forces, warships or missiles follow.
        case militaryObject
    }

    /// One trigger.
    struct Entry: Sendable {
        var type: EventType
        var mode: String?
        var form: Form
        var condition: Condition
        /// Tokens the trigger spans (1 for a word).
        var length: Int
    }

    /// The shared lexicon.
    static let shared = EventLexicon()

    /// The longest trigger, in tokens.
    static let maxLength = 4

    private var table: [UInt64: Entry] = [:]

    /// The entry for a key (a word's ``hash(_:_:)``, or ``combine(_:_:)`` of several).
    func entry(_ key: UInt64) -> Entry? { table[key] }

    /// FNV-1a over ASCII-lower-cased bytes, with the curly apostrophe (U+2019) folded to `'`.
    static func hash(_ bytes: UnsafeBufferPointer<UInt8>, _ range: Range<Int>) -> UInt64 {
        var h: UInt64 = 0xcbf2_9ce4_8422_2325
        var i = range.lowerBound
        while i < range.upperBound {
            var b = bytes[i]
            if b == 0xE2, i + 2 < range.upperBound, bytes[i + 1] == 0x80, bytes[i + 2] == 0x99 {
                b = 0x27
                i += 2
            } else if b >= 65 && b <= 90 {
                b |= 0x20
            }
            h = (h ^ UInt64(b)) &* 0x100_0000_01b3
            i += 1
        }
        return h
    }

    /// The hash of a word written in the lexicon.
    static func hash(_ word: String) -> UInt64 {
        var word = word
        return word.withUTF8 { hash($0, 0..<$0.count) }
    }

    /// The key of a phrase from its tokens' hashes (order matters).
    @inline(__always)
    static func combine(_ a: UInt64, _ b: UInt64) -> UInt64 { FeatureHash.combine(a, b) }

    /// The key of a phrase written with spaces.
    static func key(_ phrase: String) -> UInt64 {
        let words = phrase.split(separator: " ").map { hash(String($0)) }
        return words.dropFirst().reduce(words[0]) { combine($0, $1) }
    }

    // MARK: Building

    private mutating func add(_ phrase: String, _ type: EventType, _ mode: String?, _ form: Form, _ c: Condition) {
        let length = phrase.split(separator: " ").count
        table[Self.key(phrase)] = Entry(type: type, mode: mode, form: form, condition: c, length: length)
    }

    /// Adds a verb in every inflection, with `tail` words after it ("pull" + "out").
    private mutating func verb(
        _ base: String,
        _ type: EventType,
        mode: String? = nil,
        past: String? = nil,
        participle: String? = nil,
        gerund: String? = nil,
        tail: String = "",
        _ condition: Condition = .none
    ) {
        let suffix = tail.isEmpty ? "" : " " + tail
        for (word, form) in Self.inflections(base, past: past, participle: participle, gerund: gerund) {
            add(word + suffix, type, mode, form, condition)
        }
    }

    /// Adds event nouns (each written in the forms to match: "talks", "summit", "summits").
    private mutating func nouns(_ words: [String], _ type: EventType, mode: String? = nil, _ c: Condition = .none) {
        for word in words { add(word, type, mode, .noun, c) }
    }

    /// The inflections of an English verb: regular rules unless the irregular forms are given.
    static func inflections(
        _ base: String,
        past: String? = nil,
        participle: String? = nil,
        gerund: String? = nil
    ) -> [(String, Form)] {
        let vowels: Set<Character> = ["a", "e", "i", "o", "u"]
        let last = base.last!
        let beforeLast = base.dropLast().last
        let third: String
        if base.hasSuffix("s") || base.hasSuffix("x") || base.hasSuffix("z") || base.hasSuffix("ch")
            || base.hasSuffix("sh") || base.hasSuffix("o")
        {
            third = base + "es"
        } else if last == "y", let b = beforeLast, !vowels.contains(b) {
            third = base.dropLast() + "ies"
        } else {
            third = base + "s"
        }
        let regularPast: String
        if last == "e" {
            regularPast = base + "d"
        } else if last == "y", let b = beforeLast, !vowels.contains(b) {
            regularPast = base.dropLast() + "ied"
        } else {
            regularPast = base + "ed"
        }
        let regularGerund = last == "e" && !base.hasSuffix("ee") ? base.dropLast() + "ing" : base + "ing"
        var forms: [(String, Form)] = [(base, .base), (third, .third), (past ?? regularPast, .past)]
        if let participle { forms.append((participle, .past)) }
        forms.append((gerund ?? regularGerund, .gerund))
        return forms
    }

    private init() {
        // CONSULT: meetings, talks, visits, calls.
        verb("meet", .consult, past: "met")
        verb("meet", .consult, past: "met", tail: "with")
        verb("hold", .consult, past: "held", tail: "talks")
        verb("negotiate", .consult)
        verb("discuss", .consult)
        verb("host", .consult, mode: "visit")
        add("host", .consult, "visit", .base, .verbContext)
        verb("visit", .consult, mode: "visit")
        verb("travel", .consult, mode: "visit", past: "travelled", participle: "traveled", gerund: "travelling")
        verb("travel", .consult, mode: "visit", past: "traveled", gerund: "traveling")
        verb("phone", .consult, mode: "phone")
        verb("speak", .consult, mode: "phone", past: "spoke", participle: "spoken", tail: "by phone")
        verb("speak", .consult, past: "spoke", participle: "spoken", .partnerObject)
        verb("talk", .consult, .partnerObject)
        verb("call", .consult, .call)
        verb("attend", .consult)
        verb("arrive", .consult, mode: "visit")
        nouns(["talks", "meeting", "meetings", "negotiations", "consultations", "encounter"], .consult)
        nouns(["summit", "summits"], .consult, mode: "multilateral")
        nouns(["visit", "visits", "trip", "state visit"], .consult, mode: "visit")
        nouns(["phone call", "phone calls", "telephone call", "call", "calls"], .consult, mode: "phone", .call)
        add("phone call", .consult, "phone", .noun, .none)
        add("phone calls", .consult, "phone", .noun, .none)
        add("telephone call", .consult, "phone", .noun, .none)

        // AGREE: agreements, deals, truces.
        verb("agree", .agree)
        verb("sign", .agree)
        verb("strike", .agree, past: "struck", tail: "a deal")
        for object in ["a deal", "an agreement", "agreement", "a ceasefire", "a truce"] {
            verb("reach", .agree, past: "reached", tail: object)
        }
        nouns(["deal", "deals", "accord", "accords", "agreement", "agreements", "ceasefire", "truce"], .agree)
        nouns(["cease-fire", "ceasefires", "armistice", "peace deal", "peace agreement"], .agree)

        // SUPPORT: backing, endorsement, praise.
        verb("back", .support, .verbContext)
        add("backed", .support, nil, .past, .none)
        add("backs", .support, nil, .third, .none)
        verb("endorse", .support)
        verb("praise", .support)
        verb("pledge", .support, .aidOrSupport)
        verb("support", .support)
        verb("thank", .support)
        verb("commend", .support)
        verb("award", .support)
        nouns(["backing", "endorsement"], .support)

        // COOPERATE.
        verb("cooperate", .cooperate)
        verb("co-operate", .cooperate)
        verb("work", .cooperate, tail: "with")
        verb("work", .cooperate, tail: "together")
        verb("join", .cooperate, tail: "forces")
        nouns(["cooperation", "partnership"], .cooperate)

        // AID.
        verb("provide", .aid)
        verb("supply", .aid)
        verb("fund", .aid)
        verb("donate", .aid)
        verb("send", .aid, past: "sent", .aidObject)
        verb("deliver", .aid, .aidObject)
        verb("promise", .aid, .aidObject)
        verb("announce", .aid, .aidObject)
        verb("commit", .aid, past: "committed", gerund: "committing", .aidObject)
        nouns(["arms deliveries", "weapons deliveries", "weapons shipments", "arms shipments"], .aid)
        nouns(["aid", "military aid", "humanitarian aid", "assistance"], .aid)

        // CONCEDE.
        for v in ["ease", "lift"] {
            verb(v, .concede, tail: "sanctions")
            verb(v, .concede, tail: "the sanctions")
        }
        verb("release", .concede, .releaseObject)
        verb("accept", .concede, .concessionObject)
        verb("concede", .concede)
        verb("cede", .concede)
        nouns(["concession", "concessions", "prisoner exchange", "prisoner swap", "prisoner exchanges"], .concede)

        // RETREAT.
        verb("withdraw", .retreat, past: "withdrew", participle: "withdrawn")
        verb("pull", .retreat, tail: "out")
        verb("pull", .retreat, tail: "back")
        verb("retreat", .retreat)
        nouns(["withdrawal", "pullout", "pull-out"], .retreat)

        // REQUEST.
        verb("urge", .request)
        verb("ask", .request, .askObject)
        verb("demand", .request)
        verb("appeal", .request)
        verb("request", .request)
        verb("plead", .request)
        nouns(["plea"], .request)

        // ACCUSE.
        verb("accuse", .accuse)
        verb("blame", .accuse)
        verb("condemn", .accuse)
        verb("criticise", .accuse)
        verb("criticize", .accuse)
        verb("denounce", .accuse)
        add("slammed", .accuse, nil, .past, .none)
        add("slams", .accuse, nil, .third, .none)
        nouns(["accusation", "accusations", "condemnation", "criticism"], .accuse)

        // REJECT.
        verb("reject", .reject)
        verb("refuse", .reject)
        verb("dismiss", .reject)
        verb("veto", .reject)
        verb("rebuff", .reject)
        verb("decline", .reject)
        verb("oppose", .reject)
        verb("rule", .reject, tail: "out")
        verb("turn", .reject, tail: "down")
        nouns(["rejection", "refusal"], .reject)

        // THREATEN.
        verb("threaten", .threaten)
        verb("warn", .threaten)
        verb("vow", .threaten)
        nouns(["threat", "threats", "ultimatum"], .threaten)

        // SANCTION.
        verb("sanction", .sanction)
        verb("impose", .sanction)
        verb("expel", .sanction, past: "expelled", gerund: "expelling")
        verb("cut", .sanction, past: "cut", gerund: "cutting", tail: "off")
        verb("boycott", .sanction)
        nouns(["sanctions", "tariffs", "embargo", "expulsion", "suspension"], .sanction)
        nouns(["visa restrictions", "travel bans", "export controls"], .sanction)

        // PROTEST.
        verb("protest", .protest)
        verb("demonstrate", .protest)
        verb("rally", .protest)
        verb("march", .protest)
        nouns(["rally", "rallies", "marches"], .protest)
        nouns(["protest", "protests", "demonstration", "demonstrations"], .protest)

        // MOBILIZE.
        verb("mobilize", .mobilize)
        verb("mobilise", .mobilize)
        verb("deploy", .mobilize, .militaryObject)
        verb("put", .mobilize, past: "put", gerund: "putting", tail: "on alert")
        verb("put", .mobilize, past: "put", gerund: "putting", tail: "on high alert")
        nouns(["deployment", "deployments", "mobilization", "mobilisation"], .mobilize)

        // COERCE.
        verb("arrest", .coerce)
        verb("detain", .coerce)
        verb("seize", .coerce)
        verb("ban", .coerce, past: "banned", gerund: "banning")
        verb("jail", .coerce)
        verb("imprison", .coerce)
        verb("crack", .coerce, tail: "down")
        nouns(["arrest", "arrests", "detention", "crackdown"], .coerce)

        // ASSAULT.
        verb("attack", .assault)
        verb("strike", .assault, past: "struck", participle: "stricken")
        verb("shell", .assault)
        verb("bomb", .assault)
        verb("kill", .assault)
        verb("invade", .assault)
        nouns(["invasion", "incursion"], .assault)
        nouns(["attack", "attacks", "strike", "strikes", "shelling", "bombing", "bombings"], .assault)
        nouns(["bombardment", "assault", "offensive", "raid", "raids"], .assault)
        nouns(["airstrike", "airstrikes", "air strike", "air strikes"], .assault, mode: "aerial")
        nouns(["air attack", "air attacks"], .assault, mode: "aerial")
        nouns(["air raid", "air raids", "bombing raid"], .assault, mode: "aerial")
        nouns(["drone attack", "drone attacks", "drone strike", "drone strikes"], .assault, mode: "drone")
    }
}
