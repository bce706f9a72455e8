/// A person's role or title as one text states it: "UK Prime Minister Keir Starmer", "Kremlin spokesman
/// Dmitry Peskov", "Mark Rutte, NATO's secretary general".
///
/// The title is never part of the person's name (see ``EntityMention``): the fact links the two. Ranges are
/// ``TextRange``s of UTF-8 byte offsets into the text the fact was found in. When the fact was true — the
/// article's date — is attached by whoever stores the fact, not here.
public struct RoleFact: Sendable, Hashable, Codable {
    /// The person's canonical name in the document ("Keir Starmer"; the name as written when the
    /// recognizer split it, "Ursula von der Leyen").
    public var person: String
    /// The UTF-8 byte range of the person's name at this mention.
    public var personRange: TextRange
    /// The normalized role, lower case: the titles gazetteer's role for each title word group, in order,
    /// after any lower-case qualifiers as written ("prime minister", "spokesperson" for "spokesman",
    /// "defence minister" for "Defense Minister", "secretary general", "deputy prime minister",
    /// "former president", "foreign ministry spokesperson").
    public var role: String
    /// The UTF-8 byte range of the title words as written ("Prime Minister", "secretary general"). When a
    /// modifier stands before the affiliation ("former US President"), the range runs from the modifier to
    /// the title and so contains the affiliation.
    public var roleRange: TextRange
    /// The organisation or country the role belongs to, when the text says: the canonical name of an
    /// adjacent organisation or place ("United Kingdom" for "UK", "Kremlin", "NATO"), the country a
    /// nationality adjective names ("France" for "French"), or the adjective as written when no country is
    /// known; nil when the text names none.
    public var affiliation: String?
    /// The UTF-8 byte range of the affiliation as written (without a possessive `'s`), when there is one.
    public var affiliationRange: TextRange?

    /// Creates a role fact.
    public init(
        person: String,
        personRange: TextRange,
        role: String,
        roleRange: TextRange,
        affiliation: String? = nil,
        affiliationRange: TextRange? = nil
    ) {
        self.person = person
        self.personRange = personRange
        self.role = role
        self.roleRange = roleRange
        self.affiliation = affiliation
        self.affiliationRange = affiliationRange
    }
}
