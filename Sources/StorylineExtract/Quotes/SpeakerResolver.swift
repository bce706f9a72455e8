import StorylineCore
import StorylineText

/// Resolves the source phrase of a quote to a name: a name phrase to the person or organisation in it
/// ("UK Prime Minister Keir Starmer" → "Keir Starmer"), a pronoun to the most salient earlier person
/// ("he" → "Donald Trump"), a role to the person last introduced with it ("the Kremlin spokesman" →
/// "Dmitry Peskov", after "Kremlin spokesman Dmitry Peskov").
///
/// Salience for v1 is simple: a pronoun goes to the last named speaker when that speaker was mentioned in
/// the current or the two previous sentences, else to the first person named in the nearest sentence
/// before it that names one. Entity mentions (from `EntityTagger`) sharpen all of this; without them the
/// resolver falls back to capitalized words and earlier speakers.
struct SpeakerResolver {
    private let document: QuoteDocument
    /// Entity mentions, in text order.
    private let entities: [EntityMention]
    /// Token index of the first token of each entity mention.
    private let entityToken: [Int]
    /// The last named person speaker: name and the token where it was named.
    private(set) var lastPerson: (name: String, token: Int)?
    /// The last named speaker of any kind (person or organisation).
    private(set) var lastNamed: (name: String, token: Int)?

    init(document: QuoteDocument, entities: [EntityMention]) {
        self.document = document
        let sorted = entities.sorted { $0.range < $1.range }
        self.entities = sorted
        var entityToken: [Int] = []
        entityToken.reserveCapacity(sorted.count)
        var t = 0
        for e in sorted {
            while t < document.tokens.count && document.tokens[t].range.end <= e.range.start { t += 1 }
            entityToken.append(t)
        }
        self.entityToken = entityToken
    }

    /// The resolved name of a source phrase (tokens `phrase`), or nil; records the speaker for later
    /// pronouns.
    mutating func resolve(_ phrase: Range<Int>) -> String? {
        let d = document
        let first = phrase.lowerBound
        if phrase.count == 1, d.classes[first].contains(.personPronoun) {
            return resolvePronoun(at: first, person: true)
        }
        if phrase.count == 1, d.classes[first].contains(.otherPronoun) {
            if d.tokenIs(first, "it") || d.tokenIs(first, "they") {
                return resolvePronoun(at: first, person: false)
            }
            return nil
        }
        let bytes = d.byteRange(phrase)
        // An entity inside the phrase: the head person, else the first organisation. A person who only
        // modifies the head — followed by a possessive ("Clinton's campaign", "Trump's attorney, Alan
        // Garten") or by a role word ("Clinton campaign manager Robby Mook") — is not the source.
        var person: EntityMention?
        var modifier: (mention: EntityMention, possessive: Int?)?  // the first person who is a modifier
        var organisation: EntityMention?
        for k in entityIndex(before: bytes.start)..<entities.count {
            let e = entities[k]
            if e.range.start >= bytes.end { break }
            guard bytes.contains(e.range) else { continue }
            if e.type == .person {
                var next = entityToken[k]
                while next < phrase.upperBound && d.tokens[next].range.end <= e.range.end { next += 1 }
                let isPossessive = next < phrase.upperBound && d.tokens[next].kind == .possessive
                if isPossessive || (next < phrase.upperBound && d.classes[next].contains(.roleNoun)) {
                    if modifier == nil { modifier = (e, isPossessive ? next : nil) }
                    continue
                }
                person = e
                break
            } else if e.type == .organization && organisation == nil {
                organisation = e
            }
        }
        if let person {
            remember(person.canonical, at: phrase.lowerBound, person: true)
            return person.canonical
        }
        if let organisation {
            remember(organisation.canonical, at: phrase.lowerBound, person: false)
            // "the Bloomberg report", "a Kremlin statement", "a European Union spokesman": the organisation
            // spoke through it.
            if d.classes[phrase.upperBound - 1].contains(.channelNoun) || isSpokesperson(phrase.upperBound - 1) {
                return organisation.canonical
            }
            return d.string(tokens: trimDeterminer(phrase))
        }
        if let modifier, modifier.possessive == phrase.upperBound - 1 {
            // The phrase is the possessor itself ("Barrett's" in "Barrett's reply was: …").
            remember(modifier.mention.canonical, at: phrase.lowerBound, person: true)
            return modifier.mention.canonical
        }
        if modifier != nil {
            // A group or office of a person ("Clinton's campaign", "Trump campaign officials") is a source
            // of its own, named as written; it is not the person.
            return resolveRole(phrase)
        }
        // A name without an entity: the trailing run of capitalized non-role words.
        var end = phrase.upperBound
        while end > phrase.lowerBound && d.tokens[end - 1].kind == .possessive { end -= 1 }
        var start = end
        while start > phrase.lowerBound && d.isCapitalized(start - 1) && !d.classes[start - 1].contains(.roleNoun) {
            start -= 1
        }
        if start < end && end == phrase.upperBound && d.isCapitalized(end - 1) {
            let name = d.string(tokens: start..<end)
            let isPerson = !d.classes[end - 1].contains(.roleNoun)
            remember(name, at: phrase.lowerBound, person: isPerson)
            return name
        }
        // "Peskov, the Kremlin spokesman": the leading run of capitalized non-role words.
        var lead = phrase.lowerBound
        while lead < phrase.upperBound && d.isCapitalized(lead) && !d.classes[lead].contains(.roleNoun)
            && !d.classes[lead].contains(.determiner)
        {
            lead += 1
        }
        if lead > phrase.lowerBound && lead < phrase.upperBound && d.isPunct(lead, UInt8(ascii: ",")) {
            let name = d.string(tokens: phrase.lowerBound..<lead)
            remember(name, at: phrase.lowerBound, person: true)
            return name
        }
        if let role = resolveRole(phrase) { return role }
        // An organisation or a nominal source: the phrase itself, without a leading article.
        let text = d.string(tokens: trimDeterminer(phrase))
        if (phrase).contains(where: { d.isCapitalized($0) && $0 != phrase.lowerBound }) || d.isCapitalized(first) {
            remember(text, at: phrase.lowerBound, person: false)
        }
        return nil
    }

    /// Whether the name at token `t`, with its titles and article ("with British Prime Minister Keir
    /// Starmer"), follows a preposition.
    private func afterPreposition(_ t: Int) -> Bool {
        let d = document
        var k = t - 1
        while k >= 0 && t - k <= 8
            && (d.isCapitalized(k) || d.tokens[k].kind == .possessive
                || !d.classes[k].isDisjoint(with: [.roleNoun, .determiner]))
        {
            k -= 1
        }
        return k >= 0 && d.classes[k].contains(.preposition)
    }

    /// Whether token `i` marks a past holder of a role: former, late, ex-.
    private func isFormer(_ i: Int) -> Bool {
        document.tokenIs(i, "former") || document.tokenIs(i, "late") || document.tokenIs(i, "ex")
    }

    /// Whether token `i` is "spokesman", "spokeswoman", "spokesperson" or "spokespeople".
    private func isSpokesperson(_ i: Int) -> Bool {
        let r = document.tokens[i].range
        guard r.count >= 9 else { return false }
        let prefix = "spokes".utf8
        return zip(document.bytes[r.start..<r.start + 6], prefix).allSatisfy { $0 | 0x20 == $1 }
    }

    /// Records a speaker resolved elsewhere (a continuation of an earlier quote).
    mutating func remember(_ name: String, at token: Int, person: Bool) {
        lastNamed = (name, token)
        if person { lastPerson = (name, token) }
    }

    private func trimDeterminer(_ phrase: Range<Int>) -> Range<Int> {
        var start = phrase.lowerBound
        if start + 1 < phrase.upperBound, document.classes[start].contains(.determiner) { start += 1 }
        return start..<phrase.upperBound
    }

    /// "he"/"she": the last named person speaker if recently mentioned, else the first person of the
    /// nearest sentence naming one. "it"/"they": the last named speaker.
    private mutating func resolvePronoun(at token: Int, person: Bool) -> String? {
        let d = document
        let sentence = Int(d.sentenceOf[token])
        if !person {
            if let lastNamed, sentence - Int(d.sentenceOf[lastNamed.token]) <= 3 { return lastNamed.name }
            return nil
        }
        // A person named earlier in the same sentence, not after a preposition, is the likeliest antecedent:
        // "JD Vance said the leaders were discussing what he described as …".
        var n = entityIndex(before: d.tokens[token].range.start) - 1
        var inSentence: EntityMention?
        while n >= 0 {
            let t = min(entityToken[n], d.tokens.count - 1)
            if Int(d.sentenceOf[t]) != sentence { break }
            if entities[n].type == .person && !d.inQuotation(t) && !afterPreposition(t) {
                inSentence = entities[n]
            }
            n -= 1
        }
        if let inSentence {
            lastPerson = (inSentence.canonical, token)
            return inSentence.canonical
        }
        if let lastPerson {
            let distance = sentence - Int(d.sentenceOf[lastPerson.token])
            if distance <= 2 || entities.isEmpty { return lastPerson.name }
            if mentioned(lastPerson.name, from: max(0, sentence - 2), before: token) { return lastPerson.name }
        }
        // The first person named in the nearest sentence before the pronoun that names one.
        var k = entityIndex(before: d.tokens[token].range.start) - 1
        var found: EntityMention?
        var foundSentence = -1
        while k >= 0 {
            let e = entities[k]
            let s = Int(d.sentenceOf[min(entityToken[k], d.tokens.count - 1)])
            if foundSentence >= 0 && s != foundSentence { break }
            if sentence - s > 6 { break }
            if e.type == .person && !d.inQuotation(min(entityToken[k], d.tokens.count - 1)) {
                found = e
                foundSentence = s
            }
            k -= 1
        }
        if let found {
            lastPerson = (found.canonical, token)
            return found.canonical
        }
        return lastPerson?.name
    }

    /// Whether an entity with canonical `name` is mentioned between sentence `from` and `token`.
    private func mentioned(_ name: String, from sentence: Int, before token: Int) -> Bool {
        var k = entityIndex(before: document.tokens[token].range.start) - 1
        while k >= 0 {
            let t = min(entityToken[k], document.tokens.count - 1)
            if Int(document.sentenceOf[t]) < sentence { return false }
            if entities[k].canonical == name { return true }
            k -= 1
        }
        return false
    }

    /// The number of entity mentions that start before byte `offset`.
    private func entityIndex(before offset: Int) -> Int {
        var lo = 0
        var hi = entities.count
        while lo < hi {
            let mid = (lo + hi) / 2
            if entities[mid].range.start < offset { lo = mid + 1 } else { hi = mid }
        }
        return lo
    }

    /// A role phrase ("the Kremlin spokesman", "the US president") resolved to the last person named
    /// right after the same role word ("Kremlin spokesman Dmitry Peskov", "US President Donald Trump").
    private mutating func resolveRole(_ phrase: Range<Int>) -> String? {
        let d = document
        let head = phrase.upperBound - 1
        guard d.classes[head].contains(.roleNoun), !d.isCapitalized(head) || phrase.count > 1 else { return nil }
        let headHash = d.lowerHash(head)
        let modifiers = (phrase.lowerBound..<head).filter {
            d.isCapitalized($0) && !d.classes[$0].contains(.determiner)
        }
        .map { d.lowerHash($0) }
        // "the US president" is the sitting one: a "former US President Ronald Reagan" is no match unless the
        // phrase says "former" too.
        let wantsFormer = (phrase.lowerBound..<head).contains { isFormer($0) }
        // Without an exact match, the last person with the bare title ("President Donald Trump" for "the US
        // president"), whose title names no other country or office.
        var bare: EntityMention?
        var k = entityIndex(before: d.tokens[phrase.lowerBound].range.start) - 1
        let floor = max(0, k - 200)  // bounded look-back keeps the pass linear
        while k >= floor {
            let e = entities[k]
            let t = entityToken[k]
            if e.type == .person {
                var j = t - 1
                // Only the role word nearest the name: "Trump campaign spokeswoman Hope Hicks" is a
                // spokeswoman, not "the campaign".
                while j >= 0 && t - j <= 4 && (d.classes[j].contains(.roleNoun) || d.isCapitalized(j)) {
                    if d.lowerHash(j) == headHash, wantsFormer == (max(0, t - 6)..<t).contains(where: { isFormer($0) })
                    {
                        if modifiers.allSatisfy({ m in (max(0, t - 5)..<t).contains { d.lowerHash($0) == m } }) {
                            remember(e.canonical, at: phrase.lowerBound, person: true)
                            return e.canonical
                        }
                        if bare == nil, j == 0 || !(d.isCapitalized(j - 1) || d.tokens[j - 1].kind == .possessive) {
                            bare = e
                        }
                    }
                    if d.classes[j].contains(.roleNoun) { break }
                    j -= 1
                }
            }
            k -= 1
        }
        if let bare {
            remember(bare.canonical, at: phrase.lowerBound, person: true)
            return bare.canonical
        }
        return nil
    }
}
