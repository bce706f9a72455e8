import Foundation
import StorylineCore
import StorylineResolve
import StorylineStore

/// Keeps a store's cross-document entity resolution up to date: one ``EntityResolver`` fed the entity
/// mentions of every newly stored article, in the order the articles are stored, and saved with them.
///
/// - **Ingest** loads the resolver from the store's snapshot (``load(store:)``), and each batch goes through
///   ``save(_:)``: the articles the store does not hold yet are resolved on a copy of the resolver, and the
///   batch is saved together with the entities it touched and the entity id of each new mention — one
///   transaction; every ``snapshotInterval``-th such batch also carries the new snapshot, the others clear
///   the stored one, and ``finish()`` writes it at the end of the run. A syndicated copy or a re-read of a stored body is not resolved again. The
///   copy becomes the resolver only once the transaction committed, so a failed batch leaves no trace.
/// - **Rebuild** (``rebuild(store:)``): after `storyline reextract` replaced mentions, or when the store has
///   no snapshot (a database from before resolution, or a reextract that was interrupted), the resolver is
///   rebuilt from scratch over every stored article in publication order (oldest first, undated last, ties
///   by id) and replaces the whole stored resolution. Incremental ingest afterwards continues from that.
///
/// One process resolves at a time: two ingests into one database at once each continue their own resolver,
/// and the second to commit a new article is refused with ``StoreError/Code/conflict`` when they overlap.
struct EntityResolutionRunner {
    let store: any ArticleStore
    /// The resolver as of the last committed batch.
    private(set) var resolver: EntityResolver

    /// Articles read per query when rebuilding.
    static let rebuildPageSize = 256
    /// Batches saved without the snapshot between two that carry it. Encoding the snapshot costs time in
    /// proportion to everything resolved so far, so writing it with every batch would make a long ingest
    /// quadratic; in between, the store holds none (a killed run is rebuilt, never continued from a stale one).
    static let snapshotInterval = 32
    /// Batches committed since the last snapshot was written.
    private var batchesSinceSnapshot = 0

    /// The resolver saved in `store`, or — when it has none or it cannot be read — one rebuilt from every
    /// stored article (and saved); `rebuilt` says which.
    static func load(store: any ArticleStore) async throws -> (runner: EntityResolutionRunner, rebuilt: Bool) {
        if let snapshot = try await store.entityResolverSnapshot(),
            let resolver = try? JSONDecoder().decode(EntityResolver.self, from: snapshot)
        {
            return (EntityResolutionRunner(store: store, resolver: resolver), false)
        }
        let resolver = try await rebuild(store: store)
        return (EntityResolutionRunner(store: store, resolver: resolver), true)
    }

    /// Resolves every stored article again from scratch, in publication order, and replaces the stored
    /// resolution (entities, mention entity ids, snapshot) in one transaction. Returns the new resolver.
    @discardableResult
    static func rebuild(store: any ArticleStore) async throws -> EntityResolver {
        let ids = try await store.articleIDsInPublicationOrder()
        var resolver = EntityResolver()
        var mentionIDs: [String: [Int64]] = [:]
        for start in stride(from: 0, to: ids.count, by: rebuildPageSize) {
            let page = Array(ids[start..<min(start + rebuildPageSize, ids.count)])
            for stored in try await store.storedArticles(ids: page) {
                // Stored mentions are in the order the store expects their entity ids in.
                guard let mentions = stored.annotations?.entities, !mentions.isEmpty else { continue }
                mentionIDs[stored.article.id] = resolver.resolve(mentions, in: stored.article).map(\.entityID)
            }
        }
        try await store.replaceEntityResolution(
            EntityResolution(
                entities: resolver.entities.map(Self.record),
                mentionEntityIDs: mentionIDs,
                snapshot: try snapshot(of: resolver)
            )
        )
        return resolver
    }

    /// Saves a batch of articles with the resolution of those that are new, in one transaction.
    mutating func save(_ articles: [AnnotatedArticle]) async throws -> [SaveOutcome] {
        guard !articles.isEmpty else { return [] }
        var seen = try await store.storedContentHashes(among: articles.map(\.article.contentHash))
        var next = resolver
        var mentionIDs: [String: [Int64]] = [:]
        var touched: Set<Int64> = []
        for annotated in articles where seen.insert(annotated.article.contentHash).inserted {
            // The order the store keeps mentions in, which their entity ids follow.
            let mentions = StoreKeys.inTextOrder(annotated.annotations).entities
            guard !mentions.isEmpty else { continue }
            let ids = next.resolve(mentions, in: annotated.article).map(\.entityID)
            mentionIDs[annotated.article.id] = ids
            touched.formUnion(ids)
        }
        guard !mentionIDs.isEmpty else { return try await store.save(articles, resolution: nil) }
        let withSnapshot = batchesSinceSnapshot + 1 >= Self.snapshotInterval
        let resolution = EntityResolution(
            entities: touched.sorted().compactMap { next.entity($0).map(Self.record) },
            mentionEntityIDs: mentionIDs,
            snapshot: withSnapshot ? try Self.snapshot(of: next) : nil
        )
        let outcomes = try await store.save(articles, resolution: resolution)
        resolver = next
        batchesSinceSnapshot = withSnapshot ? 0 : batchesSinceSnapshot + 1
        return outcomes
    }

    /// Writes the snapshot if batches were saved without it since the last one: call at the end of a run.
    mutating func finish() async throws {
        guard batchesSinceSnapshot > 0 else { return }
        try await store.saveEntityResolverSnapshot(try Self.snapshot(of: resolver))
        batchesSinceSnapshot = 0
    }

    /// The resolver's state as the store keeps it: JSON.
    static func snapshot(of resolver: EntityResolver) throws -> Data {
        do {
            return try JSONEncoder().encode(resolver)
        } catch {
            throw StoreError(.io, "cannot encode the entity resolver's state", cause: String(describing: error))
        }
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
