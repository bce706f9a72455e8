import StorylineCore

extension RoleExtractor {
    /// A run of titles (and lower-case qualifiers before them) read as one role: "Deputy Prime Minister",
    /// "foreign policy chief", "foreign ministry spokeswoman".
    struct TitleChain {
        var tokens: Range<Int>
        var parts: [String]

        /// The normalized role: the parts joined by spaces.
        var role: String { parts.joined(separator: " ") }
    }

    /// Lower-case words that may qualify a title and join its role: "foreign ministry spokeswoman",
    /// "government spokesman", "regional governor".
    static let qualifiers: Set<UInt64> = Set(
        [
            "government", "foreign", "ministry", "policy", "defence", "defense", "military", "security",
            "presidential", "press", "senior", "top", "interior", "finance", "economy", "economic", "energy",
            "trade", "national", "regional", "army", "intelligence", "justice", "health", "parliamentary",
            "party", "state", "cabinet", "communications", "climate",
        ].map { FeatureHash.string($0) }
    )

    /// Whether token `i` is a lower-case qualifier word.
    func isQualifier(_ i: Int, in document: Document) -> Bool {
        document.isLowerWord(i) && document.titleAt[i] < 0 && Self.qualifiers.contains(document.exact[i])
    }

    /// The title chain that ends at token `end` (inclusive), reading backward no further than `start`; nil
    /// unless the token at `end` ends a title and the chain holds a title that is a role by itself.
    func titleChain(endingAt end: Int, from start: Int, in document: Document) -> TitleChain? {
        var parts: [String] = []
        var hasRole = false
        var j = end
        var lowest = end + 1
        while j >= start {
            if let match = document.title(endingAt: j), match.tokens.lowerBound >= start,
                match.title.kind != .honorific
            {
                parts.insert(match.title.role, at: 0)
                hasRole = hasRole || match.title.isRole
                lowest = match.tokens.lowerBound
                j = lowest - 1
            } else if !parts.isEmpty, isQualifier(j, in: document) {
                parts.insert(document.text(j..<j + 1).lowercased(), at: 0)
                lowest = j
                j -= 1
            } else {
                break
            }
        }
        guard hasRole else { return nil }
        return TitleChain(tokens: lowest..<end + 1, parts: parts)
    }

    /// The title chain that starts at token `begin`, reading forward no further than `end` (exclusive); the
    /// chain ends with a title, and holds a title that is a role by itself.
    func titleChain(startingAt begin: Int, before end: Int, in document: Document) -> TitleChain? {
        var parts: [String] = []
        var hasRole = false
        var j = begin
        var lastTitleEnd = begin
        var partsAtLastTitle = 0
        while j < end {
            if let match = document.title(startingAt: j), match.tokens.upperBound <= end,
                match.title.kind != .honorific
            {
                parts.append(match.title.role)
                hasRole = hasRole || match.title.isRole
                j = match.tokens.upperBound
                lastTitleEnd = j
                partsAtLastTitle = parts.count
            } else if isQualifier(j, in: document) {
                parts.append(document.text(j..<j + 1).lowercased())
                j += 1
            } else {
                break
            }
        }
        guard hasRole, lastTitleEnd > begin else { return nil }
        return TitleChain(tokens: begin..<lastTitleEnd, parts: Array(parts.prefix(partsAtLastTitle)))
    }

    /// The role a title before the name gives: "UK Prime Minister Keir Starmer", "the French president,
    /// Emmanuel Macron,".
    func titleBefore(_ person: Person, in document: Document) -> RoleFact? {
        let sentence = document.sentence[person.tokens.lowerBound]
        var personTokens = person.tokens
        var name = person.name
        var j = personTokens.lowerBound - 1
        // A first name the recognizer left out, between the title and the surname.
        if person.widenedStart < personTokens.lowerBound, document.title(endingAt: person.widenedStart - 1) != nil {
            personTokens = person.widenedStart..<personTokens.upperBound
            name = document.text(personTokens)
            j = person.widenedStart - 1
        }
        // "the French president, Emmanuel Macron,": a comma between title and name.
        let commaForm = document.isMark(j, UInt8(ascii: ","))
        if commaForm {
            let after = personTokens.upperBound
            guard
                after >= sentence.upperBound || document.isMark(after, UInt8(ascii: ","))
                    || document.isMark(after, UInt8(ascii: ")"))
            else { return nil }
            j -= 1
        }
        // Honorifics next to the name: "Prime Minister Sir Keir Starmer".
        while j >= sentence.lowerBound, let match = document.title(endingAt: j), match.title.kind == .honorific {
            j = match.tokens.lowerBound - 1
        }
        // An alternative title in brackets: "Taoiseach (Prime Minister) Micheál Martin".
        if !commaForm, document.isMark(j, UInt8(ascii: ")")) {
            var open = j - 1
            while open > max(sentence.lowerBound, j - 8), !document.isMark(open, UInt8(ascii: "(")) { open -= 1 }
            if document.isMark(open, UInt8(ascii: "(")), open + 1 < j,
                (open + 1..<j).allSatisfy({ document.titleAt[$0] >= 0 })
            {
                j = open - 1
            }
        }
        guard j >= sentence.lowerBound, var chain = titleChain(endingAt: j, from: sentence.lowerBound, in: document)
        else { return nil }

        // The affiliation before the title, possessive or not.
        var k = chain.tokens.lowerBound - 1
        var affiliation: Affiliation?
        let possessive = document.isPossessive(k)
        if possessive {
            if let found = self.affiliation(endingAt: k - 1, in: document, sentenceStart: sentence.lowerBound) {
                if !found.isPerson { affiliation = found }
                k = found.tokens.lowerBound - 1
            }
        } else if let found = self.affiliation(endingAt: k, in: document, sentenceStart: sentence.lowerBound),
            !found.isPerson
        {
            affiliation = found
            k = found.tokens.lowerBound - 1
        }
        // A modifier before the affiliation: "former US President Ronald Reagan".
        if affiliation != nil, let match = document.title(endingAt: k), match.tokens.lowerBound >= sentence.lowerBound,
            match.title.kind == .modifier
        {
            chain.parts.insert(match.title.role, at: 0)
            chain.tokens = match.tokens.lowerBound..<chain.tokens.upperBound
            k = match.tokens.lowerBound - 1
        }
        if commaForm {
            // Only after "the" or a possessive: "the French president, Emmanuel Macron,".
            guard possessive || (k >= sentence.lowerBound && document.lower[k] == Self.the) else { return nil }
        }
        return RoleFact(
            person: name,
            personRange: document.byteRange(personTokens),
            role: chain.role,
            roleRange: document.byteRange(chain.tokens),
            affiliation: affiliation?.name,
            affiliationRange: affiliation.map { document.byteRange($0.tokens) }
        )
    }

    static let the = FeatureHash.string("the")
}
