import Foundation
import StorylineCore
import Synchronization

/// An ``ArticleStore`` kept in memory, for tests and one-shot runs: nothing outlives the process.
///
/// It follows the same rules as the persistent stores: articles are keyed by content hash and kept with
/// the annotations of their first reading, a syndicated copy adds a source to the stored article, and a
/// batch is saved — or its annotations replaced — entirely or not at all. All access goes through one lock,
/// so the store can be shared freely between tasks. Quote and entity queries scan every stored article
/// (`InMemoryStore+Queries.swift`).
public final class InMemoryStore: ArticleStore, Sendable {
    struct Entry: Sendable {
        var article: Article
        /// `nil`: stored without annotations (see ``InMemoryStore/storeUnannotated(_:)``).
        var annotations: ArticleAnnotations?
        var extractorVersion: String?
        var sources: [ArticleSource]
        var sourceKeys: Set<String>
        var sortKey: Int64?
        /// The entity id of each mention in ``annotations``; nil until resolved.
        var entityIDs: [Int64]?
        /// Storage order: 1 for the first article stored, and so on (search ranks ties in this order).
        var sequence: Int64 = 0

        var summary: ArticleSummary {
            ArticleSummary(
                id: article.id,
                title: article.title,
                outlet: article.outlet,
                url: article.url,
                published: article.published,
                wordCount: article.wordCount,
                sourceCount: sources.count,
                liveBlogEntryCount: article.liveBlogEntries.count
            )
        }

        var stored: StoredArticle {
            StoredArticle(
                article: article,
                sources: sources,
                annotations: annotations,
                extractorVersion: extractorVersion
            )
        }
    }

    struct State: Sendable {
        /// Stored articles by content hash.
        var entries: [String: Entry] = [:]
        /// Content hash of each stored article id.
        var hashByID: [String: String] = [:]
        var sourceCount = 0
        /// Resolved entities by id (`InMemoryStore+Resolution.swift`).
        var entities: [Int64: StoredEntity] = [:]
        /// The resolver's snapshot; nil when there is none or it is out of date.
        var resolverSnapshot: Data?
        /// Story assignments by article id, stories by id, merged events by id (`InMemoryStore+Stories.swift`).
        var storyArticles: [String: ArticleStory] = [:]
        var stories: [Int: StoredStory] = [:]
        var storyEvents: [String: StoredStoryEvent] = [:]
        /// Bumped by every change of content (``ArticleStore/revision()``).
        var revision: Int64 = 1
    }

    let state = Mutex(State())

    /// An empty store.
    public init() {}

    public func revision() async throws -> Int64 {
        state.withLock { $0.revision }
    }

    public func save(_ articles: [AnnotatedArticle], resolution: EntityResolution?) async throws -> [SaveOutcome] {
        // Checked outside the lock, like the persistent stores' encoding.
        for annotated in articles {
            try StoreKeys.checkAnnotations(
                annotated.annotations,
                textLength: annotated.article.text.utf8.count,
                articleID: annotated.article.id
            )
        }
        return try state.withLock { stored in
            // Work on a copy and publish it only when the whole batch succeeded: all or nothing.
            var next = stored
            var outcomes: [SaveOutcome] = []
            outcomes.reserveCapacity(articles.count)
            var inserted: Set<String> = []
            for article in articles {
                let outcome = try Self.save(article, into: &next)
                if outcome == .inserted { inserted.insert(article.article.id) }
                outcomes.append(outcome)
            }
            if let resolution {
                let check: (String) throws -> Void = { id in
                    guard inserted.contains(id) else { throw Self.notInserted(id) }
                }
                try Self.apply(resolution, to: &next, check: check)
                if let stories = resolution.stories { try Self.apply(stories, to: &next, check: check) }
                next.resolverSnapshot = resolution.snapshot
            }
            next.revision += 1
            stored = next
            return outcomes
        }
    }

    /// Stores readings the way a database written before annotations were kept holds them: with no
    /// annotations at all (``StoredArticle/annotations`` is `nil`), as the SQLite store reads articles of a
    /// v1 file. For tests of what happens to such articles; a reading of a stored body only adds its source.
    package func storeUnannotated(_ articles: [Article]) throws {
        try state.withLock { stored in
            var next = stored
            for article in articles {
                let hash = article.contentHash
                if try Self.save(AnnotatedArticle(article: article, annotations: ArticleAnnotations()), into: &next)
                    == .inserted
                {
                    next.entries[hash]?.annotations = nil
                }
            }
            next.revision += 1
            stored = next
        }
    }

    private static func save(_ annotated: AnnotatedArticle, into state: inout State) throws -> SaveOutcome {
        let article = annotated.article
        let source = ArticleSource(article)
        if var entry = state.entries[article.contentHash] {
            guard entry.sourceKeys.insert(source.key).inserted else { return .unchanged }
            entry.sources.append(source)
            state.entries[article.contentHash] = entry
            state.sourceCount += 1
            return .addedSource
        }
        guard state.hashByID[article.id] == nil else { throw StoreKeys.idConflict(article) }
        state.entries[article.contentHash] = Entry(
            article: article,
            annotations: StoreKeys.inTextOrder(annotated.annotations),
            extractorVersion: annotated.extractorVersion,
            sources: [source],
            sourceKeys: [source.key],
            sortKey: article.published.map(StoreKeys.sortKey),
            sequence: Int64(state.entries.count + 1)
        )
        state.hashByID[article.id] = article.contentHash
        state.sourceCount += 1
        return .inserted
    }

    public func articles(_ query: ArticleQuery) async throws -> [ArticleSummary] {
        let since = query.since.map(StoreKeys.dayStart)
        let until = query.until.map(StoreKeys.dayEnd)
        let outlet = query.outlet.map(StoreKeys.outletKey)
        let matching: [Entry] = state.withLock { state in
            state.entries.values.filter { entry in
                if since != nil || until != nil {
                    guard let key = entry.sortKey else { return false }
                    if let since, key < since { return false }
                    if let until, key >= until { return false }
                }
                if let outlet {
                    guard entry.sources.contains(where: { $0.outlet.map(StoreKeys.outletKey) == outlet }) else {
                        return false
                    }
                }
                return true
            }
        }
        let sorted = matching.sorted { a, b in
            switch (a.sortKey, b.sortKey) {
            case let (x?, y?) where x != y: return x > y
            case (_?, nil): return true
            case (nil, _?): return false
            default: return a.article.id < b.article.id
            }
        }
        let offset = min(max(query.offset, 0), sorted.count)
        let end = offset + min(max(query.limit, 0), sorted.count - offset)
        return sorted[offset..<end].map(\.summary)
    }

    public func article(id: String) async throws -> StoredArticle? {
        try state.withLock { state in
            if let hash = state.hashByID[id], let entry = state.entries[hash] {
                return entry.stored
            }
            guard let prefix = StoreKeys.idPrefix(id) else { return nil }
            if let hash = state.hashByID[prefix], let entry = state.entries[hash] {
                return entry.stored
            }
            let candidates = state.hashByID.keys.filter { StoreKeys.id($0, hasPrefix: prefix) }
            guard candidates.count <= 1 else { throw StoreKeys.ambiguous(id, candidates: Array(candidates)) }
            guard let match = candidates.first, let hash = state.hashByID[match], let entry = state.entries[hash]
            else { return nil }
            return entry.stored
        }
    }

    public func counts() async throws -> StoreCounts {
        state.withLock { StoreCounts(articles: $0.entries.count, sources: $0.sourceCount) }
    }

    // MARK: - Re-extraction

    public func storedArticles(after id: String?, limit: Int, notExtractedBy version: String?) async throws
        -> [StoredArticle]
    {
        guard limit > 0 else { return [] }
        return state.withLock { state in
            // Byte-wise order, as SQLite compares the text primary key.
            var ids = state.hashByID.keys.filter { candidate in id.map { Self.precedes($0, candidate) } ?? true }
            ids.sort(by: Self.precedes)
            var page: [StoredArticle] = []
            for candidate in ids {
                guard let hash = state.hashByID[candidate], let entry = state.entries[hash] else { continue }
                let stored = entry.stored
                if let version, !stored.needsExtraction(by: version) { continue }
                page.append(stored)
                if page.count == limit { break }
            }
            return page
        }
    }

    public func countArticles(notExtractedBy version: String?) async throws -> Int {
        state.withLock { state in
            guard let version else { return state.entries.count }
            return state.entries.values.count { $0.stored.needsExtraction(by: version) }
        }
    }

    public func replaceAnnotations(
        _ batch: [(id: String, annotations: ArticleAnnotations)],
        extractorVersion: String?
    ) async throws {
        try state.withLock { stored in
            // Checked against the stored text, on a copy published only when every item is good.
            var next = stored
            for item in batch {
                guard let hash = next.hashByID[item.id], var entry = next.entries[hash] else {
                    throw StoreKeys.unknownArticle(item.id)
                }
                try StoreKeys.checkAnnotations(
                    item.annotations,
                    textLength: entry.article.text.utf8.count,
                    articleID: item.id
                )
                entry.annotations = StoreKeys.inTextOrder(item.annotations)
                entry.extractorVersion = extractorVersion
                entry.entityIDs = nil
                next.entries[hash] = entry
            }
            if !batch.isEmpty {
                next.resolverSnapshot = nil
                Self.clearStories(&next)
            }
            next.revision += 1
            stored = next
        }
    }

    /// Whether `a` sorts before `b` comparing UTF-8 bytes, as SQLite orders text by default.
    static func precedes(_ a: String, _ b: String) -> Bool {
        a.utf8.lexicographicallyPrecedes(b.utf8)
    }
}
