/// Everything extraction found in one article's text: the output of the per-article pipeline
/// (`StorylineExtract.ArticleExtractor`), stored with the article and shown with it.
///
/// Every range is a ``TextRange`` of UTF-8 byte offsets into the text that was annotated, the article's
/// ``Article/text``; it becomes a Unicode-scalar offset only at the edge (JSON output, API).
///
/// Each kind of annotation is one field. Fields added later (entity mentions and quotes were added after time
/// expressions, events after roles) decode as empty from JSON written before they existed, so stored or exported
/// annotations stay readable.
public struct ArticleAnnotations: Sendable, Hashable, Codable {
    /// Time expressions normalized to TIMEX3 values, in text order.
    public var timexes: [TimeExpression]
    /// Named-entity mentions with their in-document canonical names, in text order.
    public var entities: [EntityMention]
    /// Quotes — direct, partial and indirect — with their speakers and cues, in text order.
    public var quotes: [QuoteMention]
    /// Roles and titles the text gives people ("UK Prime Minister Keir Starmer"), in text order of the person.
    public var roles: [RoleFact]
    /// Events the sentences report (who did what to whom, when, where), in text order of their triggers.
    public var events: [EventMention]

    /// Annotations with the given contents; nothing found by default.
    public init(
        timexes: [TimeExpression] = [],
        entities: [EntityMention] = [],
        quotes: [QuoteMention] = [],
        roles: [RoleFact] = [],
        events: [EventMention] = []
    ) {
        self.timexes = timexes
        self.entities = entities
        self.quotes = quotes
        self.roles = roles
        self.events = events
    }

    /// Whether nothing at all was found.
    public var isEmpty: Bool {
        timexes.isEmpty && entities.isEmpty && quotes.isEmpty && roles.isEmpty && events.isEmpty
    }

    private enum CodingKeys: String, CodingKey {
        case timexes, entities, quotes, roles, events
    }

    /// Decodes annotations, reading a missing field as empty.
    public init(from decoder: any Decoder) throws {
        let container = try decoder.container(keyedBy: CodingKeys.self)
        timexes = try container.decodeIfPresent([TimeExpression].self, forKey: .timexes) ?? []
        entities = try container.decodeIfPresent([EntityMention].self, forKey: .entities) ?? []
        quotes = try container.decodeIfPresent([QuoteMention].self, forKey: .quotes) ?? []
        roles = try container.decodeIfPresent([RoleFact].self, forKey: .roles) ?? []
        events = try container.decodeIfPresent([EventMention].self, forKey: .events) ?? []
    }
}
