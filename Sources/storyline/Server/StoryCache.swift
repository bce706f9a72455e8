import StorylineStore

/// The stories and merged events as the server reads them: built from the store once per store revision
/// (``StorylineStore/ArticleStore/revision()``) and kept, events already in timeline order, so that a timeline
/// request filters and pages a prepared list instead of reading and decoding every stored event. A write by
/// any process — `storyline ingest` into the served database, the ingest API — changes the revision, and the
/// next request builds the view again; requests arriving meanwhile wait for that one build.
actor StoryCache {
    /// The view of one store revision.
    struct View: Sendable {
        var revision: Int64
        var builder: StoryBuilder
        /// Every merged event (statements included), in timeline order (``TimelineCommand/inTimelineOrder(_:)``).
        let events: [StoryBuilder.Event]
        /// What filters read of the events.
        let table: TimelineCommand.FilterTable

        init(revision: Int64, builder: StoryBuilder) {
            self.revision = revision
            self.builder = builder
            events = TimelineCommand.inTimelineOrder(builder.events)
            table = TimelineCommand.FilterTable(events)
        }

        /// The positions in ``events`` of the events `filter` keeps.
        func selected(_ filter: TimelineCommand.Filter) -> [Int] {
            table.indices(keptBy: filter)
        }

        /// The events `filter` keeps, in timeline order, `offset` of them skipped and at most `limit` kept.
        func events(_ filter: TimelineCommand.Filter, limit: Int, offset: Int) -> [StoryBuilder.Event] {
            var page: [StoryBuilder.Event] = []
            var skip = offset
            for index in table.indices where table.keeps(index, filter) {
                if skip > 0 {
                    skip -= 1
                    continue
                }
                guard page.count < limit else { break }
                page.append(events[index])
            }
            return page
        }
    }

    private let store: any ArticleStore
    private var view: View?
    private var building: (revision: Int64, task: Task<View, any Error>)?

    init(store: any ArticleStore) {
        self.store = store
    }

    /// The view of the store as it is now.
    func current() async throws -> View {
        let revision = try await store.revision()
        if let view, view.revision == revision { return view }
        if let building, building.revision == revision { return try await building.task.value }
        let store = self.store
        let task = Task {
            let builder = try await StoryBuilder.build(from: store, events: StoryEventQuery())
            return View(revision: revision, builder: builder)
        }
        building = (revision, task)
        do {
            let built = try await task.value
            if building?.revision == revision { building = nil }
            if (view?.revision ?? Int64.min) < revision { view = built }
            return built
        } catch {
            if building?.revision == revision { building = nil }
            throw error
        }
    }
}
