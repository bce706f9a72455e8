import StorylineCore

/// One real-world entity as the ``EntityResolver`` knows it after the articles it has read: a person,
/// organisation, place, group or event, with every name it was called and where it was reported.
public struct ResolvedEntity: Sendable, Hashable, Codable, Identifiable {
    /// The entity's identifier: sequential from 1 in the order entities were first seen, never reused and
    /// never changed.
    public let id: Int64
    /// The most frequent type of its mentions (ties: the earlier case of `EntityType.allCases`).
    public internal(set) var type: EntityType
    /// The fullest common form of its names (see ``EntityResolver``): "Volodymyr Zelensky" over
    /// "Zelensky"; among spelling variants of one length, the most frequent; ties by string order.
    public internal(set) var canonicalName: String
    /// The names its mentions resolved to inside their own articles (``EntityMention/canonical``, after the
    /// alias table), with the number of mentions of each: what ``canonicalName`` is chosen from.
    public internal(set) var names: [String: Int]
    /// The surface forms of its mentions exactly as written ("Zelenskyy", "Zelensky's", "U.S."), with counts.
    public internal(set) var aliases: [String: Int]
    /// Mentions by type (a place tagged GPE in one article and LOC in another).
    public internal(set) var typeCounts: [EntityType: Int]
    /// Mentions resolved to the entity.
    public internal(set) var mentionCount: Int
    /// Articles that mention it.
    public internal(set) var articleCount: Int
    /// The earliest report that mentions it (``ReportSource/earlier(_:_:)`` order).
    public internal(set) var firstReport: ReportSource
    /// The latest dated report that mentions it (the latest report when none is dated).
    public internal(set) var lastReport: ReportSource
    /// Entities mentioned in the same articles, by ID, with the number of articles they share.
    public internal(set) var cooccurrences: [Int64: Int]

    /// A new entity first seen in `source`, with no mentions yet.
    init(id: Int64, type: EntityType, name: String, source: ReportSource) {
        self.id = id
        self.type = type
        self.canonicalName = name
        self.names = [:]
        self.aliases = [:]
        self.typeCounts = [:]
        self.mentionCount = 0
        self.articleCount = 0
        self.firstReport = source
        self.lastReport = source
        self.cooccurrences = [:]
    }

    /// The entities most often mentioned together with this one, most frequent first (ties by ID).
    public func topCooccurrences(_ limit: Int) -> [(id: Int64, articles: Int)] {
        cooccurrences.sorted { $0.value != $1.value ? $0.value > $1.value : $0.key < $1.key }
            .prefix(limit).map { (id: $0.key, articles: $0.value) }
    }

    /// Records a report that mentions the entity: counts the article and moves the first and last reports.
    mutating func addReport(_ source: ReportSource) {
        articleCount += 1
        if ReportSource.earlier(source, firstReport) { firstReport = source }
        switch (lastReport.published, source.published) {
        case let (last?, new?): if last < new { lastReport = source }
        case (nil, _): lastReport = source
        case (.some, nil): break
        }
    }
}
