import StorylineCore

extension RoleExtractor {
    /// A name next to a title: the organisation or country a role belongs to, or a person (a possessor,
    /// never an affiliation).
    struct Affiliation {
        var tokens: Range<Int>
        /// The canonical name, or the country a nationality adjective names; empty for a person.
        var name: String
        var isPerson: Bool
    }

    /// Entity types that can be an affiliation.
    static let affiliationTypes: Set<EntityType> = [
        .organization, .geopolitical, .location, .facility, .nationalityOrGroup,
    ]

    /// Gazetteer sources read as places, as nationalities and as organisations, for names the recognizer
    /// missed.
    private static let placeSources: EntityGazetteer.Sources = mask([.country, .city, .region, .place])
    private static let demonymSources: EntityGazetteer.Sources = mask([.demonym])
    private static let organizationSources: EntityGazetteer.Sources = mask([.organization, .facility])

    private static func mask(_ sources: [EntityGazetteer.Source]) -> EntityGazetteer.Sources {
        sources.reduce(0) { $0 | 1 << EntityGazetteer.Sources($1.rawValue) }
    }

    /// The affiliation whose last token is `i`: a mention ending there, else the longest gazetteer name of
    /// up to three capitalized free words ending there.
    func affiliation(endingAt i: Int, in document: Document, sentenceStart: Int) -> Affiliation? {
        guard i >= sentenceStart, i < document.tokens.count else { return nil }
        if let n = document.mention(endingAt: i) {
            return affiliation(mention: n, in: document)
        }
        for length in stride(from: 3, through: 1, by: -1) where i - length + 1 >= sentenceStart {
            if let found = gazetteerName(i - length + 1..<i + 1, in: document) { return found }
        }
        return nil
    }

    /// The affiliation whose first token is `i` (see ``affiliation(endingAt:in:sentenceStart:)``).
    func affiliation(startingAt i: Int, in document: Document, sentenceEnd: Int) -> Affiliation? {
        guard i >= 0, i < sentenceEnd else { return nil }
        if let n = document.mention(startingAt: i) {
            return affiliation(mention: n, in: document)
        }
        for length in stride(from: 3, through: 1, by: -1) where i + length <= sentenceEnd {
            if let found = gazetteerName(i..<i + length, in: document) { return found }
        }
        return nil
    }

    private func affiliation(mention n: Int, in document: Document) -> Affiliation? {
        let mention = document.mentions[n]
        let tokens = document.mentionTokens[n]
        guard !tokens.isEmpty else { return nil }
        if mention.type == .person { return Affiliation(tokens: tokens, name: "", isPerson: true) }
        guard Self.affiliationTypes.contains(mention.type) else { return nil }
        if mention.type == .nationalityOrGroup {
            guard !tables.isDescriptive(document.exact, range: tokens) else { return nil }
            let name = tables.place(ofDemonym: document.exact, range: tokens) ?? document.text(tokens)
            return Affiliation(tokens: tokens, name: name, isPerson: false)
        }
        return Affiliation(tokens: tokens, name: mention.canonical, isPerson: false)
    }

    /// A country, place, nationality or organisation the gazetteer knows, formed by capitalized words no
    /// mention or title covers.
    private func gazetteerName(_ range: Range<Int>, in document: Document) -> Affiliation? {
        guard range.allSatisfy({ document.isFreeCapitalizedWord($0) || document.tokens[$0].kind == .abbreviation })
        else { return nil }
        guard range.allSatisfy({ document.mentionAt[$0] < 0 && document.titleAt[$0] < 0 }) else { return nil }
        let sources = gazetteer.sources(exact: document.exact, range: range)
        if sources & Self.placeSources != 0,
            let name = gazetteer.canonicalName(exact: document.exact, range: range, type: .geopolitical)
        {
            return Affiliation(tokens: range, name: name, isPerson: false)
        }
        if sources & Self.demonymSources != 0 {
            guard !tables.isDescriptive(document.exact, range: range) else { return nil }
            let name = tables.place(ofDemonym: document.exact, range: range) ?? document.text(range)
            return Affiliation(tokens: range, name: name, isPerson: false)
        }
        if sources & Self.organizationSources != 0,
            let name = gazetteer.canonicalName(exact: document.exact, range: range, type: .organization)
        {
            return Affiliation(tokens: range, name: name, isPerson: false)
        }
        return nil
    }
}
