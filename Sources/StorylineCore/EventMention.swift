/// One event as one sentence reports it: who did what to whom, where, when, and whether it happened.
///
/// The type is one of PLOVER's sixteen event types, or ``EventType/statement`` for an attributed statement.
/// Every range is a ``TextRange`` of UTF-8 byte offsets into the text that was analysed (see ``TextRange``);
/// ``sentence`` is the sentence the event came from, so every event links back to the characters that
/// reported it. Reports of the same event in other sentences and articles are merged later, across documents
/// (`StorylineResolve`); this value is one report.
public struct EventMention: Sendable, Hashable, Codable {
    /// The event's PLOVER type.
    public var type: EventType
    /// The PLOVER mode when the text says ("visit", "phone", "multilateral", "drone", "aerial"…), else nil.
    public var mode: String?
    /// The word or phrase that names the event ("met", "summit", "signed", "sanctions"), as a UTF-8 range.
    public var trigger: TextRange
    /// The sentence the event came from.
    public var sentence: TextRange
    /// Who acts: resolved entities ("Keir Starmer", "Donald Trump") or compound actors as written ("European
    /// leaders", "the coalition of the willing"), in text order.
    public var actors: [EventArgument]
    /// Whom the action is aimed at, when the text says, in text order.
    public var targets: [EventArgument]
    /// Where it happened or is to happen, when the text says ("Anchorage", "the White House", "London").
    public var place: EventArgument?
    /// The event's own date as a TIMEX3 value ("2025-02-27", "2025-02", "2025-W09", "2025"), normalized from
    /// the sentence's time expression when it has one, else the article's publication day; nil when neither
    /// is known.
    public var date: String?
    /// The time expression ``date`` came from; nil when it is the article's date.
    public var dateRange: TextRange?
    /// Whether the text reports the event as having happened, planned, proposed, denied or hypothetical.
    public var modality: EventModality

    /// Creates an event report.
    public init(
        type: EventType,
        mode: String? = nil,
        trigger: TextRange,
        sentence: TextRange,
        actors: [EventArgument] = [],
        targets: [EventArgument] = [],
        place: EventArgument? = nil,
        date: String? = nil,
        dateRange: TextRange? = nil,
        modality: EventModality = .happened
    ) {
        self.type = type
        self.mode = mode
        self.trigger = trigger
        self.sentence = sentence
        self.actors = actors
        self.targets = targets
        self.place = place
        self.date = date
        self.dateRange = dateRange
        self.modality = modality
    }
}

/// PLOVER's sixteen event types (Political Language Ontology for Verifiable Event Records), plus
/// ``statement`` for attributed statements. Raw values are PLOVER's upper-case names.
public enum EventType: String, Sendable, Hashable, Codable, CaseIterable {
    case agree = "AGREE"
    case consult = "CONSULT"
    case support = "SUPPORT"
    case concede = "CONCEDE"
    case cooperate = "COOPERATE"
    case aid = "AID"
    case retreat = "RETREAT"
    case request = "REQUEST"
    case accuse = "ACCUSE"
    case reject = "REJECT"
    case threaten = "THREATEN"
    case sanction = "SANCTION"
    case protest = "PROTEST"
    case mobilize = "MOBILIZE"
    case coerce = "COERCE"
    case assault = "ASSAULT"
    case statement = "STATEMENT"
}

/// Whether an event report says the event happened.
public enum EventModality: String, Sendable, Hashable, Codable, CaseIterable {
    /// "Trump and Putin met in Anchorage."
    case happened
    /// "Zelensky is due in Washington on Friday to sign the deal."
    case planned
    /// "Macron proposed a one-month truce."
    case proposed
    /// "The Kremlin denied that the two had spoken."
    case denied
    /// "If Russia attacks again, …", "a deal could be signed".
    case hypothetical
}

/// A participant or place of an event: an entity mention or a phrase as written.
public struct EventArgument: Sendable, Hashable, Codable {
    /// The in-document canonical name of the entity ("Keir Starmer" for "Starmer"), or the phrase as written
    /// for a compound actor ("European leaders").
    public var name: String
    /// The UTF-8 byte range of the mention as written.
    public var range: TextRange
    /// The entity type when the argument is an entity mention; nil for a phrase ("European leaders").
    public var label: EntityType?

    /// Creates an argument.
    public init(name: String, range: TextRange, label: EntityType? = nil) {
        self.name = name
        self.range = range
        self.label = label
    }
}
