import StorylineCore
import StorylineText

/// Finds the roles and titles a text gives people, as ``RoleFact``s: "UK Prime Minister Keir Starmer",
/// "Kremlin spokesman Dmitry Peskov", "Mark Rutte, NATO's secretary general".
///
/// It reads the text's tokens (``Tokenizer``, UTF-8 bytes, no regular expressions), the entity mentions of
/// the same text (``EntityTagger``) and the titles gazetteer (`titles.tsv`, with each title's normalized
/// role and kind). A fact needs a PERSON mention and a title next to it, within one sentence:
///
/// - **Before the name**: `[modifier] [affiliation['s]] [qualifiers] title… [honorific] NAME` —
///   "UK Prime Minister Keir Starmer", "Ukraine's President Volodymyr Zelensky", "former US President Ronald
///   Reagan", "Russian foreign ministry spokeswoman Maria Zakharova", "Prime Minister Sir Keir Starmer",
///   "Taoiseach (Prime Minister) Micheál Martin"; and, after "the", with commas around the name: "the French
///   president, Emmanuel Macron,".
/// - **After the name** (an apposition): `NAME, [the|a] [affiliation['s]] [qualifiers] title… [of|for
///   affiliation]` followed by punctuation, the end of the sentence or a word such as "said" — "Mark Rutte,
///   NATO's secretary general,", "Dmitry Peskov, the Kremlin's spokesman, said", "Keir Starmer, the British
///   prime minister", "Mark Rutte, secretary general of NATO"; "the prime minister's spokesman" is the
///   spokesman's role, not the prime minister's.
/// - **A relative clause**: `NAME, who is|was|has been|became|serves as|took over as [the] … title` —
///   "Micheál Martin, who took over as Taoiseach last month".
///
/// Titles are matched on words no mention covers, longest first; a chain of them makes one role
/// ("Deputy" + "Prime Minister" → "deputy prime minister"). Honorifics ("Mr", "Sir", "Dr") are never roles;
/// a chain needs at least one title that is a role by itself (not only "Deputy" or "Former"). Lower-case
/// qualifiers from a short list ("foreign", "ministry", "government", "policy", "regional" …) just before a
/// title join the role. The affiliation is an adjacent ORG, GPE, LOC, FAC or NORP mention (or, when the
/// recognizer missed it, a gazetteer name), possessive or not; a NORP is given as the country it names
/// ("French" → "France"); a religious or ethnic word ("Muslim mayor") is no affiliation. A person's
/// possessive ("Trump's envoy Steve Witkoff") is not an affiliation, and "Starmer's minister" is never a
/// role of Starmer. An affiliation cut short by the recognizer ("director of Democrats for Life" tagged
/// "Democrats") is dropped.
///
/// The person is the mention's canonical name; when the recognizer left part of a name out — a first name
/// between the title and the surname ("Secretary of State Marco Rubio" tagged "Rubio"), or a particle
/// ("Ursula von der Leyen" tagged "Ursula von") — the name is widened to the words as written. A mention
/// of another type that reads "title Name Name" ("German Chancellor Friedrich Merz" tagged as one ORG) is
/// read as a title and a person; a person mention that does not look like a name (lower-case start, or a
/// word such as "the" or "under" inside: "Equal Justice Under Law") is skipped.
///
/// A value with no mutable state: share one extractor between tasks.
public struct RoleExtractor: Sendable {
    let gazetteer: EntityGazetteer
    let tables: EntityGazetteer.RoleTables

    /// An extractor with the gazetteers shipped in the module.
    public init() {
        self.init(gazetteer: .shared, tables: .shared)
    }

    /// An extractor with the given gazetteers.
    init(gazetteer: EntityGazetteer, tables: EntityGazetteer.RoleTables = .shared) {
        self.gazetteer = gazetteer
        self.tables = tables
    }

    /// The role facts of `text`, ordered by the person's position, then the role's.
    ///
    /// - Parameters:
    ///   - text: the text.
    ///   - entities: the entity mentions of that same text (``EntityTagger/tag(_:)``), UTF-8 byte ranges.
    public func roles(in text: String, entities: [EntityMention]) -> [RoleFact] {
        let document = Document(text: text, mentions: entities, tables: tables)
        var facts: [RoleFact] = []
        var absorbed = Set<Int>()
        for (n, mention) in document.mentions.enumerated() where mention.type == .person && !absorbed.contains(n) {
            guard let person = person(n, in: document, absorbed: &absorbed) else { continue }
            if let fact = titleBefore(person, in: document) { facts.append(fact) }
            if let fact = apposition(after: person, in: document) { facts.append(fact) }
        }
        var seen = Set<[Int]>()
        facts = facts.filter {
            seen.insert([$0.personRange.start, $0.personRange.end, $0.roleRange.start, $0.roleRange.end]).inserted
        }
        return facts.sorted {
            $0.personRange != $1.personRange ? $0.personRange < $1.personRange : $0.roleRange < $1.roleRange
        }
    }

    /// A person as role extraction sees it: tokens (possibly wider than the mention) and name.
    struct Person {
        var tokens: Range<Int>
        var name: String
        /// Token where the name starts if the first name before the mention is counted, else `tokens`'s
        /// start: used only after a title ("Secretary of State Marco Rubio").
        var widenedStart: Int
    }

    /// Words that never stand inside a person's name: a mention holding one is a recognizer error ("Equal
    /// Justice Under Law", "The President Can Save The Economy").
    static let functionWords: Set<UInt64> = Set(
        ["the", "a", "an", "of", "and", "or", "to", "for", "with", "under", "can", "will", "is", "was"]
            .map { FeatureHash.string($0) }
    )

    /// Whether a person mention looks like a name: it starts with a capital and holds no function word.
    func looksLikeAName(_ range: Range<Int>, in document: Document) -> Bool {
        guard document.tokens[range.lowerBound].flags.contains(.capitalized) else { return false }
        return !range.contains { document.tokens[$0].kind == .word && Self.functionWords.contains(document.lower[$0]) }
    }

    /// Name particles that may stand inside a person's name.
    static let particles: Set<UInt64> = Set(
        ["von", "van", "der", "den", "de", "da", "di", "du", "del", "la", "le", "al", "bin", "ibn", "el", "ter"]
            .map { FeatureHash.string($0) }
    )

    /// The person of mention `n`, widened forward over name particles ("Ursula von" + "der Leyen"). Person
    /// mentions swallowed by the widening are added to `absorbed`.
    func person(_ n: Int, in document: Document, absorbed: inout Set<Int>) -> Person? {
        var range = document.mentionTokens[n]
        guard !range.isEmpty, looksLikeAName(range, in: document) else { return nil }
        let sentenceEnd = document.sentence[range.lowerBound].upperBound
        // Forward over particles to a capitalized word: "Ursula von" + "der Leyen", "Ursula" + "von der Leyen".
        var j = range.upperBound
        var k = j
        var endsWithParticle = Self.particles.contains(document.exact[range.upperBound - 1])
        while k < sentenceEnd, document.isLowerWord(k), Self.particles.contains(document.exact[k]), k - j < 3 {
            k += 1
            endsWithParticle = true
        }
        if endsWithParticle, k < sentenceEnd, document.tokens[k].flags.contains(.capitalized) {
            if let other = document.mention(startingAt: k), document.mentions[other].type == .person {
                absorbed.insert(other)
                j = document.mentionTokens[other].upperBound
            } else if document.isFreeCapitalizedWord(k) {
                j = k + 1
            }
        }
        let widenedForward = j != range.upperBound
        range = range.lowerBound..<j
        // Backward over at most two free capitalized words, counted only after a title.
        var start = range.lowerBound
        let sentenceStart = document.sentence[range.lowerBound].lowerBound
        while start > sentenceStart, range.lowerBound - start < 2, document.isFreeCapitalizedWord(start - 1) {
            start -= 1
        }
        let name = widenedForward ? document.text(range) : document.mentions[n].canonical
        return Person(tokens: range, name: name, widenedStart: start)
    }
}
