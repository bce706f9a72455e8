/// The type of a named-entity mention, OntoNotes-style (see the evaluation kit's ANNOTATION.md).
public enum EntityType: String, Sendable, Hashable, Codable, CaseIterable {
    /// People: "Keir Starmer", "Zelensky".
    case person = "PERSON"
    /// Organisations, and governments acting under an institution's name: "NATO", "Kremlin", "AFP".
    case organization = "ORG"
    /// Places with a government: countries, cities, states, oblasts: "Ukraine", "Kyiv", "Alaska".
    case geopolitical = "GPE"
    /// Places without a government: continents, regions, seas, mountains: "Europe", "Black Sea".
    case location = "LOC"
    /// Nationalities, religious and political groups, and their adjectives: "Ukrainian", "Europeans".
    case nationalityOrGroup = "NORP"
    /// Buildings, airports and other facilities when they are places: "White House", "Shannon Airport".
    case facility = "FAC"
    /// Named events: "World War Three", "Munich Security Conference".
    case event = "EVENT"
}

/// A named-entity mention in a text: where it is, its type and the canonical name it refers to.
///
/// `range` is in UTF-8 byte offsets into the text that was tagged (see ``TextRange``); it covers the
/// name only — no title ("Prime Minister"), no leading article, no possessive `'s`.
public struct EntityMention: Sendable, Hashable, Codable {
    /// The name's UTF-8 byte range in the tagged text.
    public var range: TextRange
    /// The mention's type.
    public var type: EntityType
    /// The canonical name the mention resolves to within its document: "United States" for "U.S.",
    /// "Keir Starmer" for a later "Starmer"; the surface text when nothing better is known.
    public var canonical: String

    /// Creates a mention.
    public init(range: TextRange, type: EntityType, canonical: String) {
        self.range = range
        self.type = type
        self.canonical = canonical
    }
}
