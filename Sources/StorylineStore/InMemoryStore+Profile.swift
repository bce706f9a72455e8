import StorylineCore

/// Entity profiles in the in-memory store: a scan of the articles whose mentions resolve to the entity, with
/// the same counts and order as the persistent stores.
extension InMemoryStore {
    public func entityProfile(id: Int64, coMentionLimit: Int) async throws -> EntityProfile? {
        let (found, entries, entities) = state.withLock { state -> (StoredEntity?, [Entry], [Int64: StoredEntity]) in
            guard let entity = state.entities[id] else { return (nil, [], [:]) }
            let entries = state.entries.values.filter { $0.entityIDs?.contains(id) == true }
            return (entity, entries, state.entities)
        }
        guard let entity = found else { return nil }

        var profile = EntityProfile.Accumulator(id: id)
        for entry in entries.sorted(by: Self.inPublicationOrder) {
            guard let annotations = entry.annotations, let ids = entry.entityIDs else { continue }
            profile.add(
                annotations,
                entityIDs: ids,
                sortKey: entry.sortKey,
                articleID: entry.article.id,
                published: entry.article.published
            )
        }
        return profile.profile(of: entity, others: entities, coMentionLimit: coMentionLimit)
    }

    /// Whether the quote's resolved speaker is the in-document name of a mention of entity `id` in its article.
    static func speaker(of quote: QuoteMention, in entry: Entry, is id: Int64) -> Bool {
        guard let name = quote.speakerName, let annotations = entry.annotations, let ids = entry.entityIDs else {
            return false
        }
        return zip(annotations.entities, ids).contains { mention, mentionID in
            mentionID == id && mention.canonical == name
        }
    }

    /// Publication order: dated articles oldest first, then undated ones, ties by id.
    static func inPublicationOrder(_ a: Entry, _ b: Entry) -> Bool {
        switch (a.sortKey, b.sortKey) {
        case let (x?, y?) where x != y: return x < y
        case (_?, nil): return true
        case (nil, _?): return false
        default: return precedes(a.article.id, b.article.id)
        }
    }
}
