import Foundation
import StorylineCore
import StorylineResolve
import StorylineStore

/// The stories and merged events a store keeps, computed incrementally: each new article goes once through
/// story clustering with near-duplicate detection (``StoryClusterer``) and its events once through event
/// merging (``EventMerger``), with participants named by the entities just resolved. What an article
/// created or changed — its story assignment, the stories and events it touched — is handed to the store
/// (``StoryResolution``) in the same transaction as the article; nothing stored earlier is read again.
///
/// ``EntityResolutionRunner`` drives it: its state is saved inside the resolver snapshot and rebuilt with
/// the entity resolution, from every stored article in publication order.
struct StoryRunner: Codable {
    /// One article to add.
    struct Input {
        var source: ReportSource
        var text: String
        /// Its annotations in the order the store keeps them (``StorylineStore/StoreKeys/inTextOrder(_:)``):
        /// an event report's index is its index in `annotations.events`.
        var annotations: ArticleAnnotations
        /// The entity id of each of `annotations.entities`; empty when they were not resolved.
        var entityIDs: [Int64]
    }

    private(set) var clusterer = StoryClusterer()
    private(set) var merger = EventMerger()

    /// Adds articles — in publication order (``ReportSource/earlier(_:_:)``), whatever order they come in —
    /// naming their entities as `resolver` names them now, and returns their assignments with the stories
    /// and events they created or changed.
    mutating func add(_ inputs: [Input], resolver: EntityResolver) throws -> StoryResolution {
        var assignments: [ArticleStory] = []
        var stories: Set<StoryID> = []
        var events: Set<EventID> = []
        for input in inputs.sorted(by: { ReportSource.earlier($0.source, $1.source) }) {
            // In-document canonical names ("Zelenskyy") → the canonical name of the entity they resolved to.
            var names: [String: String] = [:]
            for (mention, id) in zip(input.annotations.entities, input.entityIDs) where names[mention.canonical] == nil
            {
                names[mention.canonical] = resolver.canonicalName(of: id)
            }
            let assignment = clusterer.add(
                articleID: input.source.articleID,
                published: input.source.published,
                text: input.text,
                entities: StoryBuilder.orderedUnique(
                    input.annotations.entities.map { names[$0.canonical] ?? $0.canonical }
                )
            )
            assignments.append(
                ArticleStory(
                    articleID: input.source.articleID,
                    story: assignment.story.rawValue,
                    thread: assignment.thread.rawValue,
                    duplicateOf: assignment.duplicateOf
                )
            )
            stories.insert(assignment.story)
            for (index, event) in input.annotations.events.enumerated() {
                let report = EventReport(
                    event,
                    index: index,
                    source: input.source,
                    text: input.text,
                    syndicatedFrom: assignment.duplicateOf,
                    name: { names[$0.name] ?? $0.name }
                )
                events.insert(merger.add(report))
            }
        }
        return StoryResolution(
            stories: try stories.sorted().compactMap { clusterer.story($0) }.map(Self.record),
            articles: assignments,
            events: try events.sorted().compactMap { merger.event($0) }.map(Self.record)
        )
    }

    /// Everything added so far, as a resolution that replaces a store's stories and events.
    func all(articles: [ArticleStory]) throws -> StoryResolution {
        StoryResolution(
            stories: try clusterer.stories.map(Self.record),
            articles: articles,
            events: try merger.events.map(Self.record)
        )
    }

    /// What the store keeps of a story: its record without the list of its articles, which the store holds
    /// as the articles' assignments.
    static func record(_ story: Story) throws -> StoredStory {
        var story = story
        story.articleIDs = []
        return StoredStory(id: story.id.rawValue, record: try encode(story, "story \(story.id)"))
    }

    /// What the store keeps of a merged event: its record, type and the days its date spans.
    static func record(_ event: MergedEvent) throws -> StoredStoryEvent {
        let days = EventDate.days(StoryBuilder.Event.date(of: event))
        return StoredStoryEvent(
            id: event.id.rawValue,
            type: event.type,
            firstDay: days?.lowerBound,
            lastDay: days?.upperBound,
            record: try encode(event, "event \(event.id)")
        )
    }

    private static func encode(_ value: some Encodable, _ what: String) throws -> Data {
        let encoder = JSONEncoder()
        encoder.outputFormatting = .sortedKeys
        do {
            return try encoder.encode(value)
        } catch {
            throw StoreError(.io, "cannot encode \(what) for storage", cause: String(describing: error))
        }
    }
}
