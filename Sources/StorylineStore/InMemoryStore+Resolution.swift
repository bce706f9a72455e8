import Foundation
import StorylineCore

/// Cross-document entities in the in-memory store: the resolution the caller computed, kept beside the
/// articles (entities by id, an entity id per mention, the resolver's snapshot), with the same checks and
/// order as the persistent stores.
extension InMemoryStore {
    public func storedContentHashes(among hashes: [String]) async throws -> Set<String> {
        state.withLock { state in Set(hashes.filter { state.entries[$0] != nil }) }
    }

    public func entityResolverSnapshot() async throws -> Data? {
        state.withLock { $0.resolverSnapshot }
    }

    public func saveEntityResolverSnapshot(_ snapshot: Data) async throws {
        state.withLock { $0.resolverSnapshot = snapshot }
    }

    public func resolvedEntities(matching query: EntityQuery) async throws -> [StoredEntity] {
        let name = StoreKeys.filterKey(query.name)
        let matching = state.withLock { state in
            state.entities.values.filter { entity in
                if let type = query.type, entity.type != type { return false }
                if let name, !entity.matches(nameKey: name) { return false }
                return true
            }
        }
        let sorted = matching.sorted(by: StoredEntity.ranks)
        let offset = min(max(query.offset, 0), sorted.count)
        let end = offset + min(max(query.limit, 0), sorted.count - offset)
        return Array(sorted[offset..<end])
    }

    public func replaceEntityResolution(_ resolution: EntityResolution) async throws {
        try state.withLock { stored in
            var next = stored
            next.entities = [:]
            for hash in next.entries.keys { next.entries[hash]?.entityIDs = nil }
            // `apply` refuses an article that is not stored; every stored one may be listed.
            try Self.apply(resolution, to: &next) { _ in }
            Self.clearStories(&next)
            if let stories = resolution.stories { try Self.apply(stories, to: &next) { _ in } }
            next.resolverSnapshot = resolution.snapshot
            next.revision += 1
            stored = next
        }
    }

    public func articleIDsInPublicationOrder() async throws -> [String] {
        state.withLock { state in
            state.entries.values.sorted(by: Self.inPublicationOrder).map(\.article.id)
        }
    }

    public func storedArticles(ids: [String]) async throws -> [StoredArticle] {
        state.withLock { state in
            ids.compactMap { id in state.hashByID[id].flatMap { state.entries[$0]?.stored } }
        }
    }

    /// Writes a resolution into `state`: its entities by id, and the entity ids of the mentions of each article
    /// it lists, after `check` accepted the article id.
    static func apply(
        _ resolution: EntityResolution,
        to state: inout State,
        check: (String) throws -> Void
    ) throws {
        for entity in resolution.entities { state.entities[entity.id] = entity }
        for (id, entityIDs) in resolution.mentionEntityIDs {
            try check(id)
            guard let hash = state.hashByID[id], var entry = state.entries[hash] else { throw notInserted(id) }
            let mentions = entry.annotations?.entities.count ?? 0
            guard mentions == entityIDs.count else {
                throw StoreKeys.mentionCountMismatch(id, mentions: mentions, entityIDs: entityIDs.count)
            }
            entry.entityIDs = entityIDs
            state.entries[hash] = entry
        }
    }

    static func notInserted(_ id: String) -> StoreError {
        StoreKeys.resolutionConflict(id)
    }
}
