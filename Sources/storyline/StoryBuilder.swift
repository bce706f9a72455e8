import ArgumentParser
import StorylineCore
import StorylineResolve
import StorylineStore

/// The story as `storyline timeline`, `events` and `stories` show it: the stored articles read once in
/// publication order and fed, one article at a time, to the incremental mergers of `StorylineResolve` —
/// story clustering with near-duplicate detection (``StoryClusterer``) and event merging
/// (``EventMerger``) — with each event's participants named by the entities resolved across articles.
struct StoryBuilder {
    /// One event report and where it came from.
    struct Report {
        var article: StoredArticle
        var event: EventMention
    }

    /// One merged event with its reports (earliest first).
    struct Event {
        var merged: MergedEvent
        var reports: [Report]
        /// The stories its reports' articles belong to.
        var stories: Set<StoryID>

        /// The event's own date: the one its reports state, else the day of its first report.
        var date: String? {
            merged.date ?? merged.firstReport.published.map { $0.dateOnly.iso8601 }
        }

        /// The articles that report it, in the order of its reports.
        var articleIDs: [String] { StoryBuilder.orderedUnique(reports.map(\.article.article.id)) }
    }

    /// The articles read, in publication order, with their story assignment.
    private(set) var articles: [(article: StoredArticle, assignment: StoryAssignment)] = []
    private(set) var events: [Event] = []
    private(set) var clusterer = StoryClusterer()

    /// Reads every article of the existing database `options` names, a store error becoming its message on
    /// standard error and exit status 1.
    static func build(_ options: StoreOptions) async throws -> StoryBuilder {
        let db = try options.openExisting()
        do {
            return try await build(from: db)
        } catch let error as StoreError {
            Terminal.error(error.description)
            throw ExitCode(1)
        }
    }

    /// Reads every stored article of `store` in publication order, `pageSize` at a time.
    static func build(from store: any ArticleStore, pageSize: Int = 200) async throws -> StoryBuilder {
        let names = try await resolvedNames(store)
        let ids = try await store.articleIDsInPublicationOrder()
        var builder = StoryBuilder()
        var merger = EventMerger()
        var reports: [EventID: [Report]] = [:]
        var stories: [EventID: Set<StoryID>] = [:]
        try await readStoredArticles(store, ids: ids, pageSize: pageSize) { stored in
            let article = stored.article
            let annotations = stored.annotations ?? ArticleAnnotations()
            // The outlet and day of the article, else of its first stored reading.
            let source = ReportSource(
                articleID: article.id,
                outlet: article.outlet ?? stored.sources.first?.outlet,
                published: article.published ?? stored.sources.first?.published
            )
            let entityNames = orderedUnique(annotations.entities.map { names[$0.canonical] ?? $0.canonical })
            let assignment = builder.clusterer.add(
                articleID: article.id,
                published: article.published,
                text: article.text,
                entities: entityNames
            )
            builder.articles.append((stored, assignment))
            for (index, event) in annotations.events.enumerated() {
                let id = merger.add(
                    EventReport(
                        event,
                        index: index,
                        source: source,
                        text: article.text,
                        syndicatedFrom: assignment.duplicateOf,
                        name: { names[$0.name] ?? $0.name }
                    )
                )
                let report = Report(article: stored, event: event)
                reports[id, default: []].append(report)
                stories[id, default: []].insert(assignment.story)
            }
            return true
        }
        builder.events = merger.events.map { merged in
            Event(merged: merged, reports: reports[merged.id] ?? [], stories: stories[merged.id] ?? [])
        }
        return builder
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
