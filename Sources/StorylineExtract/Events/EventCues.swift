/// The closed word classes event extraction looks up around a trigger: clause boundaries, prepositions,
/// modality cues (future, proposal, denial, condition), group nouns for compound actors, and the objects
/// some triggers need.
///
/// Each class is a set of ``EventLexicon/hash(_:_:)`` keys built once, so a look-up hashes nothing new: the
/// document holds every token's hash.
enum EventCues {
    private static func set(_ words: String) -> Set<UInt64> {
        Set(words.split(separator: " ").map { EventLexicon.hash(String($0)) })
    }

    /// Words that open another clause: a subject is not looked for before them, an object not after them.
    static let clauseBreakers = set(
        "that which while but after before when because although though since whereas if unless where whom "
            + "whose so once until whether why how whereby yet"
    )

    /// Reporting verbs: what stands before them is the reporter, not the event's subject.
    static let speechVerbs = set(
        "said says say told tells added adds stated according reported claimed insisted stressed noted wrote "
            + "tweeted posted confirmed announced argued believes believed thinks thought hopes hoped"
    )

    /// Prepositions: a name after one (and after the names listed with it) is not a subject.
    static let prepositions = set(
        "in at on of from to with for by during against into over under near about between among amid toward "
            + "towards outside inside across via without including like despite within through around ahead "
            + "following behind beyond upon onto throughout alongside than"
    )

    /// Prepositions that make a name the event's target.
    static let targetPrepositions = set("with against on to toward towards between among for at upon onto")

    /// Prepositions that make a place the event's place, best first.
    static let placePrepositions = set("in at to from near outside inside")

    /// Words that keep a preposition's hold over the names after it ("with the French and German leaders").
    static let keepers = set(
        "the a an and or both his her its their our fellow other ' 's & former acting then new"
    )

    /// Singular personal pronouns that stand for the last person named.
    static let personPronouns = set("he she")

    /// Pronouns that name no one by themselves: a subject scan stops at them.
    static let otherPronouns = set("i we you they it this these those there")

    /// Words between a subject and its verb that say nothing about who the subject is: auxiliaries, modals
    /// and common adverbs (a subject is looked for across a few content words at most).
    static let auxiliaries = set(
        "is are was were be been being has have had do does did will would could might may should can must "
            + "also later then now still already again not n't never just reportedly recently finally first "
            + "'s 're 've 'll 'd"
    )

    /// Relative pronouns whose antecedent is the subject ("Starmer, who was meeting Trump").
    static let relatives = set("who")

    /// Cues of a planned event before the trigger.
    static let futureCues = set(
        "will 'll shall due expected set plans plan planning planned scheduled going upcoming forthcoming impending next "
            + "intends intend aims aim prepares preparing poised"
    )

    /// Future verbs after a noun trigger: "the meeting … will start", "talks are due", "the summit is scheduled".
    static let will = EventLexicon.hash("will")
    static let due = EventLexicon.hash("due")
    static let scheduled = EventLexicon.hash("scheduled")

    /// Cues of a proposal before the trigger.
    static let proposalCues = set(
        "propose proposed proposes proposing proposal proposals suggest suggested suggests suggesting offer "
            + "offered offers offering floated float mooted"
    )

    /// Cues of a denial before the trigger in the same sentence.
    static let denialCues = set("deny denied denies denying")

    /// Negations directly before a trigger.
    static let negations = set("not n't never no nor")

    /// Ordinals and superlatives before "to" + verb that report what already happened ("the first leader to
    /// visit", "the latest to meet").
    static let ordinals = set("first second third fourth fifth last latest only")

    /// Modals of a hypothetical event.
    static let modals = set("would could might may should must")

    /// Words of a hypothetical event near the trigger.
    static let possibility = set("possible potential possibly perhaps hypothetical prospective")

    /// Conjunctions of a condition.
    static let conditions = set("if unless")

    /// Forms of "be" (a passive, "is due", "is to").
    static let beForms = set("is are was were be been being 's 're am")

    /// Auxiliaries that mark the past.
    static let pastAuxiliaries = set("was were had did")

    /// Heads of compound actors written as phrases ("European leaders", "the coalition of the willing").
    static let groupNouns = set(
        "leaders allies officials forces troops countries nations partners coalition diplomats ministers sides heads "
            + "negotiators delegation delegations protesters demonstrators governments lawmakers army military "
            + "counterparts powers soldiers police militants rebels"
    )

    /// Lower-case words that may stand inside a compound actor before its head ("the two leaders").
    static let groupModifiers = set(
        "the two three four five six seven eight nine ten several some both other fellow senior top western "
            + "european foreign military allied key world many dozens of"
    )

    /// Lower-case title words between an affiliation and a person ("Kremlin spokesman Dmitry Peskov").
    static let titleWords = set(
        "spokesman spokeswoman spokesperson envoy minister president chief leader secretary foreign defence "
            + "defense prime chancellor official commander ambassador general ministry head adviser advisor "
            + "negotiator counterpart special deputy vice premier king queen prince pope"
    )

    /// Objects that make "send" or "deliver" aid.
    static let aidObjects = set(
        "aid weapons arms missiles ammunition equipment money funds supplies tanks jets systems shells "
            + "assistance"
    )

    /// Nouns of occasions and periods that a time expression right before them, or after them with "in",
    /// "since" or "during", dates instead of the event around ("his 2017 to 2021 term", "the invasion in 2022").
    static let occasionNouns = set(
        "term terms election elections invasion war campaign crisis presidency tenure administration revolution "
            + "annexation uprising referendum olympics independence occupation incursion offensive pandemic"
    )

    /// Words that join the two ends of a span of years ("2017 to 2021").
    static let spanWords = set("to and through")

    /// Words that open a relative clause.
    static let relativeWords = set("who which whose")

    /// Prepositions that attach a time expression to the occasion noun before them.
    static let occasionPrepositions = set("in since during")

    /// Objects that make "release" a concession.
    static let releaseObjects = set("prisoners prisoner hostages hostage detainees captives pows")

    /// Objects that make "accept" a concession.
    static let concessionObjects = set("ceasefire truce deal proposal terms demands plan offer conditions")

    /// Objects that make "deploy" a mobilization.
    static let militaryObjects = set(
        "troops forces soldiers missiles warships jets ships units personnel peacekeepers weapons systems "
            + "aircraft fighter fighters brigades battalions army navy marines reservists"
    )

    /// Words after which "call for" is a verb: a subject, an auxiliary, "to".
    static let verbContext = set(
        "to will would could might may should must can also then now he she they we i it who which that and "
            + "has have had did does do 'll n't not"
    )

    /// The forms of "attack", which between people is mostly in words.
    static let attackWords = set("attack attacks attacked attacking")

    /// Words that make a meeting a phone call.
    static let phoneWords = set("phone telephone phoned")

    /// Words before an assault that make it a drone attack or an aerial one.
    static let droneWords = set("drone drones")
    static let aerialWords = set("air aerial airstrike")

    /// Single words compared by hash.
    static let to = EventLexicon.hash("to")
    static let also = EventLexicon.hash("also")
    static let they = EventLexicon.hash("they")
    static let forWord = EventLexicon.hash("for")
    static let on = EventLexicon.hash("on")
    static let with = EventLexicon.hash("with")
    static let between = EventLexicon.hash("between")
    static let by = EventLexicon.hash("by")
    static let of = EventLexicon.hash("of")
    static let from = EventLexicon.hash("from")
    static let and = EventLexicon.hash("and")
    static let or = EventLexicon.hash("or")
    static let the = EventLexicon.hash("the")
    static let inWord = EventLexicon.hash("in")
    static let at = EventLexicon.hash("at")
    static let setWord = EventLexicon.hash("set")
    static let going = EventLexicon.hash("going")
    static let coalition = EventLexicon.hash("coalition")
    static let willing = EventLexicon.hash("willing")
    static let bilateral = EventLexicon.hash("bilateral")
    static let during = EventLexicon.hash("during")

    /// Weapons whose country, named before them, is the actor of what they do ("a Russian missile struck").
    static let weapons = set(
        "missile missiles drone drones rocket rockets shell shells warplane warplanes jet jets aircraft artillery "
            + "bomb bombs"
    )

    /// Quantities before "of" that leave the noun after it the head ("thousands of protesters").
    static let quantities = set("thousands hundreds dozens millions scores tens hundred thousand dozen million")

    /// Indefinite articles: a name after one modifies a noun ("a Ukraine peace deal").
    static let indefiniteArticles = set("a an")

    /// Determiners that make an event noun refer back to an event already named ("the summit", "that
    /// meeting").
    static let definiteDeterminers = set("the this that these those")

    /// Determiners before a noun use of "call".
    static let determiners = set("a an the their his her its phone telephone")
}
