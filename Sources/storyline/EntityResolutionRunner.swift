import Foundation
import StorylineCore
import StorylineResolve
import StorylineStore

/// Keeps a store's cross-document resolution up to date: one ``EntityResolver`` fed the entity mentions of
/// every newly stored article, in the order the articles are stored, and the stories and merged events built
/// on its names (``StoryRunner``), saved with them.
///
/// - **Ingest** loads the resolver from the store's snapshot (``load(store:)``), and each batch goes through
///   ``save(_:)``: the articles the store does not hold yet are resolved (on the resolver itself), and the
///   batch is saved together with the entities it touched, the entity id of each new mention, and the
///   story assignments, stories and merged events of the new articles — one transaction. A few batches
///   also carry the new snapshot (``snapshotInterval``), the others clear the stored one, and ``finish()``
///   writes it at the end of the run. A syndicated copy or a re-read of a stored body is not resolved
///   again. A batch that fails after resolving leaves the resolver ahead of the store: it is then stale, the
///   next batch first reloads it from the store, and ``finish()`` does not save it — a failed batch leaves no
///   trace.
/// - **Rebuild** (``rebuild(store:)``): after `storyline reextract` replaced mentions, or when the store has
///   no snapshot (a database from before resolution, or a reextract that was interrupted), the resolver is
///   rebuilt from scratch over every stored article in publication order (oldest first, undated last, ties
///   by id) and replaces the whole stored resolution, stories and events included. Incremental ingest
///   afterwards continues from that.
///
/// On a store for one process (SQLite), one process resolves at a time: two ingests into one database at once
/// each continue their own resolver, and the second to commit a new article is refused with
/// ``StoreError/Code/conflict`` when they overlap.
///
/// On a store that several processes write at once (``ArticleStore/allowsConcurrentWriters``, PostgreSQL),
/// loading and each batch run under ``ArticleStore/withExclusiveResolution(_:)``: the runner first compares the
/// store's revision with the one its own last write left; when another writer changed the store since, it
/// continues from the store's snapshot instead of its own resolver. Every batch then carries the snapshot, so
/// the store always holds the state of everything resolved, whoever resolved it. Resolution is thus serial
/// across processes, in commit order — the extraction before it, the bulk of the work, stays parallel.
struct EntityResolutionRunner {
    let store: any ArticleStore
    /// The resolver as of the last committed batch.
    private(set) var resolver: EntityResolver
    /// The stories and merged events as of the last committed batch.
    private(set) var stories: StoryRunner

    /// What the store's snapshot holds: both resolvers' state, as JSON.
    struct Snapshot: Codable {
        var entities: EntityResolver
        var stories: StoryRunner
    }

    /// Everything resolved from scratch over a whole store (``compute(store:)``).
    struct Computed {
        var resolver = EntityResolver()
        var stories = StoryRunner()
        var mentionIDs: [String: [Int64]] = [:]
        var assignments: [ArticleStory] = []
    }

    /// Articles read per query when rebuilding.
    static let rebuildPageSize = 256
    /// The fewest batches saved without the snapshot between two that carry it. Encoding the snapshot costs
    /// time in proportion to everything resolved so far, so writing it with every batch, or every n-th,
    /// would make a long ingest quadratic: a run writes it after this many batches, then after as many
    /// batches again as it had committed at the last one (32, 64, 128…), so that all its snapshots together
    /// cost at most about twice the last. In between, the store holds none (a killed run is rebuilt, never
    /// continued from a stale one).
    static let snapshotInterval = 32
    /// The store's revision right after this runner's last write (stores with concurrent writers only): a
    /// different revision means another writer changed the store since.
    private var knownRevision: Int64?
    /// The resolver went ahead of the store: a batch failed after resolving its articles.
    private var stale = false
    /// Batches committed by this runner, and how many had been when it last wrote the snapshot.
    private var batches = 0
    private var batchesAtSnapshot = 0
    /// Batches committed since the last snapshot was written.
    private var batchesSinceSnapshot: Int { batches - batchesAtSnapshot }

    /// The resolver saved in `store`, or — when it has none, it cannot be read, or it was saved before stories
    /// were kept — one rebuilt from every stored article (and saved); `rebuilt` says which.
    static func load(store: any ArticleStore) async throws -> (runner: EntityResolutionRunner, rebuilt: Bool) {
        guard store.allowsConcurrentWriters else { return try await loadAlone(store: store) }
        return try await store.withExclusiveResolution {
            var (runner, rebuilt) = try await loadAlone(store: store)
            runner.knownRevision = try await store.revision()
            return (runner, rebuilt)
        }
    }

    private static func loadAlone(store: any ArticleStore) async throws
        -> (runner: EntityResolutionRunner, rebuilt: Bool)
    {
        if let data = try await store.entityResolverSnapshot(), let snapshot = try? decodeSnapshot(data) {
            return (EntityResolutionRunner(store: store, resolver: snapshot.entities, stories: snapshot.stories), false)
        }
        let computed = try await rebuild(store: store)
        return (EntityResolutionRunner(store: store, resolver: computed.resolver, stories: computed.stories), true)
    }

    /// Resolves every stored article again from scratch, in publication order, and replaces the stored
    /// resolution (entities, mention entity ids, stories and merged events, snapshot) in one transaction.
    @discardableResult
    static func rebuild(store: any ArticleStore) async throws -> Computed {
        let computed = try await compute(store: store)
        try await store.replaceEntityResolution(
            EntityResolution(
                entities: computed.resolver.entities.map(Self.record),
                mentionEntityIDs: computed.mentionIDs,
                snapshot: try snapshot(of: computed.resolver, computed.stories),
                stories: try computed.stories.all(articles: computed.assignments)
            )
        )
        return computed
    }

    /// Resolves every stored article from scratch, in publication order, `rebuildPageSize` at a time: entities
    /// first, then the page's stories and events named by the entities resolved so far — what ingesting the
    /// articles one page per batch would have computed. Writes nothing.
    static func compute(store: any ArticleStore) async throws -> Computed {
        let ids = try await store.articleIDsInPublicationOrder()
        var computed = Computed()
        for start in stride(from: 0, to: ids.count, by: rebuildPageSize) {
            let page = Array(ids[start..<min(start + rebuildPageSize, ids.count)])
            var inputs: [StoryRunner.Input] = []
            for stored in try await store.storedArticles(ids: page) {
                let article = stored.article
                // Stored mentions are in the order the store expects their entity ids in.
                let annotations = stored.annotations ?? ArticleAnnotations()
                var entityIDs: [Int64] = []
                if !annotations.entities.isEmpty {
                    entityIDs = computed.resolver.resolve(annotations.entities, in: article).map(\.entityID)
                    computed.mentionIDs[article.id] = entityIDs
                }
                // The outlet and day of the article, else of its first stored reading.
                let source = ReportSource(
                    articleID: article.id,
                    outlet: article.outlet ?? stored.sources.first?.outlet,
                    published: article.published ?? stored.sources.first?.published
                )
                inputs.append(
                    StoryRunner.Input(
                        source: source,
                        text: article.text,
                        annotations: annotations,
                        entityIDs: entityIDs
                    )
                )
            }
            let added = try computed.stories.add(inputs, resolver: computed.resolver)
            computed.assignments += added.articles
        }
        return computed
    }

    /// Saves a batch of articles with the resolution of those that are new, in one transaction.
    mutating func save(_ articles: [AnnotatedArticle]) async throws -> [SaveOutcome] {
        guard !articles.isEmpty else { return [] }
        guard store.allowsConcurrentWriters else { return try await resolveAndSave(articles) }
        let store = self.store
        return try await store.withExclusiveResolution {
            try await catchUp()
            let outcomes = try await resolveAndSave(articles)
            knownRevision = try await store.revision()
            return outcomes
        }
    }

    /// Continues from the store's resolution when another writer changed the store since this runner's last
    /// write (under ``ArticleStore/withExclusiveResolution(_:)``): from its snapshot, or rebuilt when it has
    /// none.
    private mutating func catchUp() async throws {
        let revision = try await store.revision()
        guard revision != knownRevision else { return }
        try await reload()
        knownRevision = revision
    }

    /// Continues from the store's resolution: its snapshot, or rebuilt when it has none.
    private mutating func reload() async throws {
        let (current, _) = try await Self.loadAlone(store: store)
        resolver = current.resolver
        stories = current.stories
        stale = false
    }

    /// Resolves the new articles of a batch on the resolver itself — a copy would double the state's memory
    /// and copy it with every batch — and saves them with their resolution; when resolving or saving fails,
    /// the resolver is ahead of the store, so it is marked stale and the next batch starts by reloading.
    private mutating func resolveAndSave(_ articles: [AnnotatedArticle]) async throws -> [SaveOutcome] {
        if stale { try await reload() }
        var seen = try await store.storedContentHashes(among: articles.map(\.article.contentHash))
        stale = true
        let outcomes = try await resolveAndSaveInPlace(articles, new: &seen)
        stale = false
        return outcomes
    }

    private mutating func resolveAndSaveInPlace(_ articles: [AnnotatedArticle], new seen: inout Set<String>)
        async throws -> [SaveOutcome]
    {
        var mentionIDs: [String: [Int64]] = [:]
        var touched: Set<Int64> = []
        var inputs: [StoryRunner.Input] = []
        for annotated in articles where seen.insert(annotated.article.contentHash).inserted {
            // The order the store keeps mentions and events in, which their entity ids and indexes follow.
            let annotations = StoreKeys.inTextOrder(annotated.annotations)
            var ids: [Int64] = []
            if !annotations.entities.isEmpty {
                ids = resolver.resolve(annotations.entities, in: annotated.article).map(\.entityID)
                mentionIDs[annotated.article.id] = ids
                touched.formUnion(ids)
            }
            inputs.append(
                StoryRunner.Input(
                    source: ReportSource(annotated.article),
                    text: annotated.article.text,
                    annotations: annotations,
                    entityIDs: ids
                )
            )
        }
        guard !inputs.isEmpty else { return try await store.save(articles, resolution: nil) }
        let storyChanges = try stories.add(inputs, resolver: resolver)
        // With concurrent writers every batch carries it: the next batch may be another process's.
        let withSnapshot =
            store.allowsConcurrentWriters
            || batchesSinceSnapshot + 1 >= max(Self.snapshotInterval, batchesAtSnapshot)
        let resolution = EntityResolution(
            entities: touched.sorted().compactMap { resolver.entity($0).map(Self.record) },
            mentionEntityIDs: mentionIDs,
            snapshot: withSnapshot ? try Self.snapshot(of: resolver, stories) : nil,
            stories: storyChanges
        )
        let outcomes = try await store.save(articles, resolution: resolution)
        batches += 1
        if withSnapshot { batchesAtSnapshot = batches }
        return outcomes
    }

    /// Writes the snapshot if batches were saved without it since the last one: call at the end of a run.
    mutating func finish() async throws {
        guard batchesSinceSnapshot > 0, !stale else { return }
        try await store.saveEntityResolverSnapshot(try Self.snapshot(of: resolver, stories))
        batchesAtSnapshot = batches
    }

    /// The resolvers' state as the store keeps it, in ``StateEncoder``'s binary format: written in one pass,
    /// so that saving it costs its size in memory, not a JSON tree of everything resolved.
    static func snapshot(of resolver: EntityResolver, _ stories: StoryRunner) throws -> Data {
        do {
            return try StateEncoder().encode(Snapshot(entities: resolver, stories: stories))
        } catch {
            throw StoreError(.io, "cannot encode the resolvers' state", cause: String(describing: error))
        }
    }

    /// A stored snapshot: the binary format, or JSON as stores written before it hold.
    static func decodeSnapshot(_ data: Data) throws -> Snapshot {
        StateDecoder.canDecode(data)
            ? try StateDecoder().decode(Snapshot.self, from: data) : try JSONDecoder().decode(Snapshot.self, from: data)
    }

    /// What the store keeps of a resolved entity.
    static func record(_ entity: ResolvedEntity) -> StoredEntity {
        StoredEntity(
            id: entity.id,
            type: entity.type,
            canonicalName: entity.canonicalName,
            names: entity.names,
            aliases: entity.aliases,
            mentionCount: entity.mentionCount,
            articleCount: entity.articleCount,
            firstArticleID: entity.firstReport.articleID,
            firstPublished: entity.firstReport.published,
            lastArticleID: entity.lastReport.articleID,
            lastPublished: entity.lastReport.published
        )
    }
}
