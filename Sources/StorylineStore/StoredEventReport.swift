import StorylineCore

/// Names one event report: the article and the index of the event among the article's events (in the order
/// the store keeps them, ``StoreKeys/inTextOrder(_:)``) — how a merged event refers to its reports.
public struct EventReportKey: Sendable, Hashable {
    public var articleID: String
    public var index: Int

    public init(articleID: String, index: Int) {
        self.articleID = articleID
        self.index = index
    }
}

/// One event report as a timeline shows it: the event, the sentence and trigger as written, and the reporting
/// article's summary — read without the rest of the article (``ArticleStore/eventReports(_:)``).
public struct StoredEventReport: Sendable, Hashable {
    public var key: EventReportKey
    public var event: EventMention
    public var title: String?
    public var outlet: String?
    public var url: String?
    public var published: PublicationDate?
    /// The article's first stored source: its outlet, date and URL stand in when the article has none.
    public var firstSource: ArticleSource?
    /// The sentence that reports the event, as written.
    public var sentence: String
    /// The sentence's Unicode-scalar offsets into the article's text.
    public var sentenceScalars: Range<Int>
    /// The trigger word or phrase, as written.
    public var trigger: String

    public init(
        key: EventReportKey,
        event: EventMention,
        title: String?,
        outlet: String?,
        url: String?,
        published: PublicationDate?,
        firstSource: ArticleSource?,
        sentence: String,
        sentenceScalars: Range<Int>,
        trigger: String
    ) {
        self.key = key
        self.event = event
        self.title = title
        self.outlet = outlet
        self.url = url
        self.published = published
        self.firstSource = firstSource
        self.sentence = sentence
        self.sentenceScalars = sentenceScalars
        self.trigger = trigger
    }

    /// Report `key` of `stored`, or nil when the article has no such event.
    public init?(_ key: EventReportKey, of stored: StoredArticle) {
        guard let events = stored.annotations?.events, events.indices.contains(key.index) else { return nil }
        let event = events[key.index]
        let article = stored.article
        let bytes = Array(article.text.utf8)
        func text(_ range: TextRange) -> String {
            let lower = min(max(range.start, 0), bytes.count)
            return String(decoding: bytes[lower..<min(max(range.end, lower), bytes.count)], as: UTF8.self)
        }
        let scalars = StoreKeys.scalarOffsets(ofBytes: [event.sentence.start, event.sentence.end], in: bytes)
        self.init(
            key: key,
            event: event,
            title: article.title,
            outlet: article.outlet,
            url: article.url,
            published: article.published,
            firstSource: stored.sources.first,
            sentence: text(event.sentence),
            sentenceScalars: (scalars[event.sentence.start] ?? 0)..<(scalars[event.sentence.end] ?? 0),
            trigger: text(event.trigger)
        )
    }
}

extension ArticleStore {
    /// The reports `keys` name, in that order; a key of no stored article or event is left out. This
    /// implementation reads the whole articles (``storedArticles(ids:)``); a store that can read the reports
    /// alone does so.
    public func eventReports(_ keys: [EventReportKey]) async throws -> [StoredEventReport] {
        var seen = Set<String>()
        let ids = keys.map(\.articleID).filter { seen.insert($0).inserted }
        var articles: [String: StoredArticle] = [:]
        var start = 0
        while start < ids.count {
            let end = min(start + 200, ids.count)
            for stored in try await storedArticles(ids: Array(ids[start..<end])) {
                articles[stored.article.id] = stored
            }
            start = end
        }
        return keys.compactMap { key in articles[key.articleID].flatMap { StoredEventReport(key, of: $0) } }
    }
}
