import StorylineCore

/// One article's report of an event, as ``EventMerger`` takes it: an ``EventMention`` whose participants and
/// place the caller has already resolved to canonical entity names.
public struct EventReport: Sendable, Hashable, Codable {
    /// The article, outlet and publication date of the report.
    public var source: ReportSource
    /// The event's index in its article's `annotations.events`; with ``ReportSource/articleID`` it identifies
    /// the report.
    public var index: Int
    /// The event's PLOVER type.
    public var type: EventType
    /// The PLOVER mode when the text says ("visit", "phone"…).
    public var mode: String?
    /// Whether the report says the event happened, is planned, proposed, denied or hypothetical.
    public var modality: EventModality
    /// Who acts: resolved canonical entity names, or phrases for compound actors ("European leaders").
    public var actors: [String]
    /// Whom the action is aimed at.
    public var targets: [String]
    /// Where it happened or is to happen, resolved.
    public var place: String?
    /// What kind of place ``place`` is, when known: a building or seat (FAC, or ORG for "the White House",
    /// "the Kremlin") or an area (GPE, LOC). A site and an area are not compared: one may hold the other.
    public var placeType: EntityType?
    /// The event's date as a TIMEX3 value ("2025-02-27", "2025-W09", "2025-02", "2025-Q1", "2025"); nil when
    /// unknown. Values the merger cannot read as a calendar period ("PRESENT_REF") count as unknown.
    public var date: String?
    /// The date is the article's publication day because the sentence gives none. A happened event so dated
    /// took place on or within ``EventMerger/Configuration/recentDays`` days before that day ("the meeting",
    /// reported the next morning), and merges with events dated anywhere in that span.
    public var dateFromArticle: Bool
    /// For a ``EventType/statement``, the words reported — the quote, or the sentence that reports it — when
    /// the caller has them: two statements by one speaker on one day are one event only when their content
    /// words overlap (see ``EventMerger``). Ignored for other types.
    public var content: String?
    /// The ID of the article this report's article is a near-duplicate copy of (a syndicated wire story or a
    /// re-post), when known; see ``NearDuplicateIndex``.
    public var syndicatedFrom: String?

    /// Creates a report.
    public init(
        source: ReportSource,
        index: Int,
        type: EventType,
        mode: String? = nil,
        modality: EventModality = .happened,
        actors: [String] = [],
        targets: [String] = [],
        place: String? = nil,
        placeType: EntityType? = nil,
        date: String? = nil,
        dateFromArticle: Bool = false,
        content: String? = nil,
        syndicatedFrom: String? = nil
    ) {
        self.source = source
        self.index = index
        self.type = type
        self.mode = mode
        self.modality = modality
        self.actors = actors
        self.targets = targets
        self.place = place
        self.placeType = placeType
        self.date = date
        self.dateFromArticle = dateFromArticle
        self.content = content
        self.syndicatedFrom = syndicatedFrom
    }

    /// The report of an event an article's extraction found (the `index`-th of its events), its participants
    /// and place named by `name` (the cross-document name of each argument); a statement carries its sentence
    /// from `text` (the article's text) as content, which tells one statement of a speaker's day from another.
    public init(
        _ event: EventMention,
        index: Int,
        source: ReportSource,
        text: String,
        syndicatedFrom: String?,
        name: (EventArgument) -> String
    ) {
        self.init(
            source: source,
            index: index,
            type: event.type,
            mode: event.mode,
            modality: event.modality,
            actors: event.actors.map(name),
            targets: event.targets.map(name),
            place: event.place.map(name),
            placeType: event.place?.label,
            date: event.date,
            dateFromArticle: event.date != nil && event.dateRange == nil,
            content: event.type == .statement ? event.sentence.text(in: text) : nil,
            syndicatedFrom: syndicatedFrom
        )
    }
}

extension EventReport {
    private enum CodingKeys: String, CodingKey {
        case source, index, type, mode, modality, actors, targets, place, placeType, date, dateFromArticle, content
        case syndicatedFrom
    }

    /// Decodes a report; one encoded before ``dateFromArticle`` and ``placeType`` existed has an explicit date
    /// and a place of unknown kind.
    public init(from decoder: any Decoder) throws {
        let c = try decoder.container(keyedBy: CodingKeys.self)
        self.init(
            source: try c.decode(ReportSource.self, forKey: .source),
            index: try c.decode(Int.self, forKey: .index),
            type: try c.decode(EventType.self, forKey: .type),
            mode: try c.decodeIfPresent(String.self, forKey: .mode),
            modality: try c.decode(EventModality.self, forKey: .modality),
            actors: try c.decode([String].self, forKey: .actors),
            targets: try c.decode([String].self, forKey: .targets),
            place: try c.decodeIfPresent(String.self, forKey: .place),
            placeType: try c.decodeIfPresent(EntityType.self, forKey: .placeType),
            date: try c.decodeIfPresent(String.self, forKey: .date),
            dateFromArticle: try c.decodeIfPresent(Bool.self, forKey: .dateFromArticle) ?? false,
            content: try c.decodeIfPresent(String.self, forKey: .content),
            syndicatedFrom: try c.decodeIfPresent(String.self, forKey: .syndicatedFrom)
        )
    }
}
