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

        var days: [Int64: EntityProfile.Day] = [:]
        var undated = 0
        var shared: [Int64: Int] = [:]
        var roles = EntityProfile.RoleGroups()
        for entry in entries.sorted(by: Self.inPublicationOrder) {
            guard let annotations = entry.annotations, let ids = entry.entityIDs else { continue }
            var names: Set<String> = []
            var mentions = 0
            for (mention, mentionID) in zip(annotations.entities, ids) where mentionID == id {
                names.insert(mention.canonical)
                mentions += 1
            }
            if let key = entry.sortKey {
                let day = StoreKeys.day(ofSortKey: key)
                let dayKey = StoreKeys.dayStart(day)
                days[dayKey, default: EntityProfile.Day(day: day, mentions: 0, articles: 0)].mentions += mentions
                days[dayKey]?.articles += 1
            } else {
                undated += mentions
            }
            for other in Set(ids) where other != id { shared[other, default: 0] += 1 }
            var stated: Set<[String?]> = []
            for fact in annotations.roles where names.contains(fact.person) {
                guard stated.insert([fact.role, fact.affiliation]).inserted else { continue }
                roles.add(
                    role: fact.role,
                    affiliation: fact.affiliation,
                    articleID: entry.article.id,
                    published: entry.article.published
                )
            }
        }

        let coMentioned = shared.compactMap { other, count in
            entities[other].map { EntityProfile.CoMention(entity: $0, sharedArticles: count) }
        }.sorted(by: EntityProfile.CoMention.precedes)
        return EntityProfile(
            entity: entity,
            roles: roles.roles,
            mentionsByDay: days.sorted { $0.key < $1.key }.map(\.value),
            undatedMentions: undated,
            coMentioned: Array(coMentioned.prefix(max(coMentionLimit, 0)))
        )
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
