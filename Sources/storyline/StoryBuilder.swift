import Foundation
import ArgumentParser
import StorylineCore
import StorylineResolve
import StorylineSQLite
import StorylineStore

/// The story as `storyline timeline`, `events`, `stories` and `network` show it: the stories, story
/// assignments and merged events the store keeps — computed at ingest, one article at a time, by
/// ``StoryRunner`` — with each event's participants named by the entities as resolved now. A store whose
/// stories are out of date (written before they were kept, or re-extracted by an interrupted
/// `storyline reextract`) has them computed in memory from every stored article instead, as the next ingest
/// will store them.
struct StoryBuilder {
    /// One event report, its sentence and the summary of the article it came from.
    typealias Report = StoredEventReport

    /// One merged event with its reports (earliest first).
    struct Event {
        var merged: MergedEvent
        /// The reports with their articles and sentences: empty until read (``withReports(_:from:)``).
        var reports: [Report] = []
        /// How many reports the event has: ``withReports(_:from:at:)`` may read only the earliest.
        var reportCount: Int { merged.reports.count }
        /// The stories its reports' articles belong to.
        var stories: Set<StoryID>

        /// The event's own date: the one its reports state, else the day of its first report.
        var date: String? { Self.date(of: merged) }

        /// The date of `merged` as ``date`` gives it.
        static func date(of merged: MergedEvent) -> String? {
            merged.date ?? merged.firstReport.published.map { $0.dateOnly.iso8601 }
        }

        /// The articles that report it, in the order of its reports.
        var articleIDs: [String] { StoryBuilder.orderedUnique(merged.reports.map(\.source.articleID)) }
    }

    /// Every story, by ID; each story's articles are in ``assignments``.
    private(set) var stories: [Story] = []
    /// The story and thread of every article.
    private(set) var assignments: [ArticleStory] = []
    /// The merged events the query asked for, by ID.
    private(set) var events: [Event] = []
    /// Whether the stories and events were computed in memory because the store's are out of date.
    private(set) var computed = false

    /// Runs `body` on the existing database `options` names, a store error becoming its message on standard
    /// error and exit status 1.
    static func withStore<T>(_ options: StoreOptions, _ body: (any ArticleStore) async throws -> T) async throws -> T {
        let db = try options.openExisting()
        do {
            return try await body(db)
        } catch let error as StoreError {
            Terminal.error(error.description)
            throw ExitCode(1)
        }
    }

    /// Reads the stories and the events `query` selects (none when nil) from `store` — or computes them, when
    /// the store's are out of date — participants and places named by the entities resolved now.
    static func build(from store: any ArticleStore, events query: StoryEventQuery? = StoryEventQuery()) async throws
        -> StoryBuilder
    {
        let names = try await resolvedNames(store)
        var builder = StoryBuilder()
        var resolution: StoryResolution
        let assignments = try await store.storyArticles()
        if try await assignments.count == store.counts().articles {
            resolution = StoryResolution(stories: try await store.storedStories(), articles: assignments)
            if let query { resolution.events = try await store.storyEvents(matching: query) }
        } else {
            let computed = try await EntityResolutionRunner.compute(store: store)
            resolution = try computed.stories.all(articles: computed.assignments)
            resolution.events = query.map { resolution.events.filter($0.matches) } ?? []
            builder.computed = true
        }
        builder.assignments = resolution.articles
        builder.stories = try resolution.stories.map { try decode(Story.self, $0.record, "story \($0.id)") }
        var storyOf: [String: StoryID] = [:]
        for assignment in resolution.articles { storyOf[assignment.articleID] = StoryID(rawValue: assignment.story) }
        func name(_ value: String) -> String { names[value] ?? value }
        builder.events = try resolution.events.map { stored in
            var merged = try decode(MergedEvent.self, stored.record, "event \(stored.id)")
            // Named as the entities are resolved now: a canonical name may have grown since the merge.
            merged.actors = orderedUnique(merged.actors.map(name))
            merged.targets = orderedUnique(merged.targets.map(name)).filter { !merged.actors.contains($0) }
            merged.place = merged.place.map(name)
            return Event(merged: merged, stories: Set(merged.reports.compactMap { storyOf[$0.source.articleID] }))
        }
        return builder
    }

    /// `events` with their reports, read from `store` (each report's sentence and article summary, not the
    /// whole article): all of them, or the earliest `most` of each event.
    static func withReports(_ events: [Event], from store: any ArticleStore, atMost most: Int = .max) async throws
        -> [Event]
    {
        func key(_ ref: EventReportRef) -> EventReportKey {
            EventReportKey(articleID: ref.source.articleID, index: ref.index)
        }
        var byKey: [EventReportKey: Report] = [:]
        for report in try await store.eventReports(events.flatMap { $0.merged.reports.prefix(most).map(key) }) {
            byKey[report.key] = report
        }
        return events.map { event in
            var event = event
            event.reports = event.merged.reports.prefix(most).compactMap { byKey[key($0)] }
            return event
        }
    }

    private static func decode<T: Decodable>(_ type: T.Type, _ data: Data, _ what: String) throws -> T {
        do {
            return try JSONDecoder().decode(type, from: data)
        } catch {
            throw StoreError(.io, "the stored \(what) is not readable", cause: String(describing: error))
        }
    }

    /// The stored articles with `ids`, in that order, read from `store` `pageSize` at a time and given to
    /// `body` one by one until it returns false.
    static func readStoredArticles(
        _ store: any ArticleStore,
        ids: [String],
        pageSize: Int = 200,
        _ body: (StoredArticle) throws -> Bool
    ) async throws {
        var start = 0
        while start < ids.count {
            let page = try await store.storedArticles(ids: Array(ids[start..<min(start + pageSize, ids.count)]))
            start += pageSize
            for stored in page where try !body(stored) { return }
        }
    }

    /// In-document canonical names ("Zelenskyy", "Keir Starmer") → the canonical name of the entity they were
    /// resolved to across articles; a name given to several entities goes to the one it names most often.
    static func resolvedNames(_ store: any ArticleStore) async throws -> [String: String] {
        try await resolvedEntities(store).mapValues(\.canonicalName)
    }

    /// Every resolved entity of `store` under each of its in-document names and its canonical name; a name
    /// given to several entities goes to the one it names most often.
    static func resolvedEntities(_ store: any ArticleStore) async throws -> [String: StoredEntity] {
        var best: [String: (entity: StoredEntity, count: Int)] = [:]
        var offset = 0
        let page = 5000
        while true {
            let entities = try await store.resolvedEntities(matching: EntityQuery(limit: page, offset: offset))
            for entity in entities {
                for (name, count) in entity.names where count > (best[name]?.count ?? 0) {
                    best[name] = (entity, count)
                }
            }
            for entity in entities where best[entity.canonicalName] == nil {
                best[entity.canonicalName] = (entity, 0)
            }
            if entities.count < page { break }
            offset += page
        }
        return best.mapValues(\.entity)
    }

    static func orderedUnique(_ names: [String]) -> [String] {
        var seen = Set<String>()
        return names.filter { seen.insert($0).inserted }
    }
}
