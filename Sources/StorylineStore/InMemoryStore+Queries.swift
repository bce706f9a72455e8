import StorylineCore

/// Quote and entity queries over the in-memory store: a scan of every stored article, with the same filters,
/// order and paging as the SQL queries of the persistent stores.
extension InMemoryStore {
    public func quotes(matching query: QuoteQuery) async throws -> [StoredQuote] {
        let limit = max(query.limit, 0)
        guard limit > 0 else { return [] }
        let since = query.since.map(StoreKeys.dayStart)
        let until = query.until.map(StoreKeys.dayEnd)
        let speaker = StoreKeys.filterKey(query.speaker)
        let about = query.aboutTerms
        let entries: [Entry] = state.withLock { state in
            state.entries.values.filter { entry in
                guard let annotations = entry.annotations, !annotations.quotes.isEmpty else { return false }
                if query.undated, entry.sortKey != nil { return false }
                guard since != nil || until != nil else { return true }
                guard let key = entry.sortKey else { return false }
                if let since, key < since { return false }
                if let until, key >= until { return false }
                return true
            }
        }
        // Articles in the order of the results: by date (undated last), then id; quotes in text order inside.
        let articles = entries.sorted(by: Self.inPublicationOrder)
        var page = QuotePage(query, speaker: speaker, about: about)
        for entry in articles where !page.isFull {
            page.add(
                entry.article,
                quotes: entry.annotations?.quotes ?? [],
                sources: entry.sources,
                spokenByEntity: query.speakerEntityID.map { id in { Self.speaker(of: $0, in: entry, is: id) } }
            )
        }
        return page.quotes
    }

    public func entities(matching query: EntityQuery) async throws -> [EntitySummary] {
        struct Group {
            var mentions = 0
            var articles = 0
            var first: Int64?
            var last: Int64?
        }
        /// A canonical name compared by its UTF-8 bytes, as SQL groups text (not by canonical equivalence).
        struct Key: Hashable {
            var name: String
            var type: EntityType

            static func == (a: Key, b: Key) -> Bool { a.type == b.type && a.name.utf8.elementsEqual(b.name.utf8) }

            func hash(into hasher: inout Hasher) {
                hasher.combine(type)
                for byte in name.utf8 { hasher.combine(byte) }
            }
        }
        let name = StoreKeys.filterKey(query.name)
        var groups: [Key: Group] = [:]
        state.withLock { state in
            for entry in state.entries.values {
                var seen: Set<Key> = []
                for mention in entry.annotations?.entities ?? [] {
                    if let type = query.type, mention.type != type { continue }
                    if let name, !StoreKeys.matches(mention.canonical, key: name) { continue }
                    let key = Key(name: mention.canonical, type: mention.type)
                    var group = groups[key] ?? Group()
                    group.mentions += 1
                    if seen.insert(key).inserted {
                        group.articles += 1
                        if let date = entry.sortKey {
                            group.first = min(group.first ?? date, date)
                            group.last = max(group.last ?? date, date)
                        }
                    }
                    groups[key] = group
                }
            }
        }
        let sorted = groups.sorted { a, b in
            if a.value.mentions != b.value.mentions { return a.value.mentions > b.value.mentions }
            if a.value.articles != b.value.articles { return a.value.articles > b.value.articles }
            if !a.key.name.utf8.elementsEqual(b.key.name.utf8) { return Self.precedes(a.key.name, b.key.name) }
            return Self.precedes(a.key.type.rawValue, b.key.type.rawValue)
        }
        let offset = min(max(query.offset, 0), sorted.count)
        let end = offset + min(max(query.limit, 0), sorted.count - offset)
        return sorted[offset..<end].map { key, group in
            EntitySummary(
                name: key.name,
                type: key.type,
                mentions: group.mentions,
                articles: group.articles,
                firstPublished: group.first.map(StoreKeys.day(ofSortKey:)),
                lastPublished: group.last.map(StoreKeys.day(ofSortKey:))
            )
        }
    }
}
