import StorylineCore
import Synchronization

/// An ``ArticleStore`` kept in memory, for tests and one-shot runs: nothing outlives the process.
///
/// It follows the same rules as the persistent stores: articles are keyed by content hash and kept with
/// the annotations of their first reading, a syndicated copy adds a source to the stored article, and a
/// batch is saved entirely or not at all. All access goes through one lock, so the store can be shared
/// freely between tasks.
public final class InMemoryStore: ArticleStore, Sendable {
    private struct Entry: Sendable {
        var article: Article
        var annotations: ArticleAnnotations
        var sources: [ArticleSource]
        var sourceKeys: Set<String>
        var sortKey: Int64?

        var stored: StoredArticle { StoredArticle(article: article, sources: sources, annotations: annotations) }
    }

    private struct State: Sendable {
        /// Stored articles by content hash.
        var entries: [String: Entry] = [:]
        /// Content hash of each stored article id.
        var hashByID: [String: String] = [:]
        var sourceCount = 0
    }

    private let state = Mutex(State())

    /// An empty store.
    public init() {}

    public func save(_ articles: [AnnotatedArticle]) async throws -> [SaveOutcome] {
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
            for article in articles {
                outcomes.append(try Self.save(article, into: &next))
            }
            stored = next
            return outcomes
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
            annotations: annotated.annotations,
            sources: [source],
            sourceKeys: [source.key],
            sortKey: article.published.map(StoreKeys.sortKey)
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
        return sorted[offset..<end].map { entry in
            let article = entry.article
            return ArticleSummary(
                id: article.id,
                title: article.title,
                outlet: article.outlet,
                url: article.url,
                published: article.published,
                wordCount: article.wordCount,
                sourceCount: entry.sources.count,
                liveBlogEntryCount: article.liveBlogEntries.count
            )
        }
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
}
