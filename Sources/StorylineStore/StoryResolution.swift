import Foundation
import StorylineCore

/// What story clustering and event merging computed for a batch of articles, handed to the store with
/// ``EntityResolution/stories`` as plain values so that the store does not depend on the mergers: the story
/// and thread of each new article, and the stories and merged events those articles created or changed.
/// Each story and event is kept whole as its merger's JSON record (opaque to the store), with the few
/// columns queries filter on beside it.
///
/// - With ``ArticleStore/save(_:resolution:)`` it covers the articles of the batch that are new: their
///   assignments are inserted, ``stories`` and ``events`` are written by id (inserted, or replaced: an event
///   gains reports, a story's label changes as articles arrive).
/// - With ``ArticleStore/replaceEntityResolution(_:)`` it covers the whole store and replaces every stored
///   story, assignment and event.
public struct StoryResolution: Sendable, Hashable {
    /// Stories to write, by id.
    public var stories: [StoredStory]
    /// The story and thread of each article this resolution covers.
    public var articles: [ArticleStory]
    /// Merged events to write, by id.
    public var events: [StoredStoryEvent]

    public init(stories: [StoredStory] = [], articles: [ArticleStory] = [], events: [StoredStoryEvent] = []) {
        self.stories = stories
        self.articles = articles
        self.events = events
    }
}

/// Where story clustering put one stored article.
public struct ArticleStory: Sendable, Hashable, Codable {
    public var articleID: String
    /// The story's number.
    public var story: Int
    /// The thread's number within the story.
    public var thread: Int
    /// The earlier article this one is a near-duplicate copy of (a syndicated wire story, a re-post).
    public var duplicateOf: String?

    public init(articleID: String, story: Int, thread: Int, duplicateOf: String? = nil) {
        self.articleID = articleID
        self.story = story
        self.thread = thread
        self.duplicateOf = duplicateOf
    }
}

/// One story as its clusterer describes it (label, threads, first and last day), as JSON.
public struct StoredStory: Sendable, Hashable {
    /// The story's number.
    public var id: Int
    /// The clusterer's record of the story (JSON).
    public var record: Data

    public init(id: Int, record: Data) {
        self.id = id
        self.record = record
    }
}

/// One event merged across the stored articles (every report of it, its participants, date and outlets), as
/// the merger's JSON record, with what queries filter on.
public struct StoredStoryEvent: Sendable, Hashable {
    /// The merger's event id ("E12").
    public var id: String
    /// The PLOVER type, or STATEMENT.
    public var type: EventType
    /// The event's date as days since 1970-01-01 (``StorylineCore/PublicationDate/dayNumber(year:month:day:)``):
    /// the first and last day of the period it names ("2025-02" spans the month); nil when undated.
    public var firstDay: Int?
    public var lastDay: Int?
    /// The merger's record of the event (JSON).
    public var record: Data

    public init(id: String, type: EventType, firstDay: Int?, lastDay: Int?, record: Data) {
        self.id = id
        self.type = type
        self.firstDay = firstDay
        self.lastDay = lastDay
        self.record = record
    }
}

/// Which merged events ``ArticleStore/storyEvents(matching:)`` returns.
public struct StoryEventQuery: Sendable, Hashable {
    /// Only events of this type.
    public var type: EventType?
    /// Leave out attributed statements (``StorylineCore/EventType/statement``) unless ``type`` asks for them.
    public var excludeStatements: Bool
    /// Only dated events whose period reaches this day or later (days since 1970-01-01).
    public var fromDay: Int?
    /// Only dated events whose period starts on this day or earlier.
    public var toDay: Int?

    public init(type: EventType? = nil, excludeStatements: Bool = false, fromDay: Int? = nil, toDay: Int? = nil) {
        self.type = type
        self.excludeStatements = excludeStatements
        self.fromDay = fromDay
        self.toDay = toDay
    }

    /// Whether an event with this type and period matches.
    public func matches(_ event: StoredStoryEvent) -> Bool {
        if let type, event.type != type { return false }
        if type == nil, excludeStatements, event.type == .statement { return false }
        if fromDay != nil || toDay != nil {
            guard let first = event.firstDay, let last = event.lastDay else { return false }
            if let fromDay, last < fromDay { return false }
            if let toDay, first > toDay { return false }
        }
        return true
    }
}
