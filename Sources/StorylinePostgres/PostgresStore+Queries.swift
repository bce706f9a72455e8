import Foundation
import PostgresNIO
import StorylineCore
import StorylineStore

/// Quotes and entity mentions across articles. The date filters, the grouping and the order run in SQL; the
/// text filters (speaker, name, words of a quote) compare Swift's `lowercased()` and ``SearchText`` folding,
/// exactly as the other stores do, so they run here on the rows SQL selected.
extension PostgresStore {
    /// Articles read per query while walking quotes.
    static let quotePageSize = 64

    public func quotes(matching query: QuoteQuery) async throws -> [StoredQuote] {
        let limit = max(query.limit, 0)
        guard limit > 0 else { return [] }
        let speaker = StoreKeys.filterKey(query.speaker)
        let about = query.aboutTerms
        if let about, about.isEmpty { return [] }
        var sql = SQLBuilder()
        sql.append("SELECT a.id, (SELECT COUNT(*) FROM quote q WHERE q.article_id = a.id) FROM article a")
        sql.append(" WHERE EXISTS (SELECT 1 FROM quote q WHERE q.article_id = a.id)")
        Self.publishedBetween(query.since, query.until, &sql)
        if query.undated { sql.append(" AND a.published_key IS NULL") }
        if let entityID = query.speakerEntityID {
            sql.append(" AND a.entity_ids @> ARRAY[")
            sql.bind(entityID)
            sql.append("]::bigint[]")
        }
        sql.append(" ORDER BY a.published_key NULLS LAST, a.id")
        let articlesQuery = sql.query
        let filtered = speaker != nil || about != nil || query.speakerEntityID != nil
        return try await read("find quotes in") { connection in
            var candidates: [(id: String, quotes: Int)] = []
            for try await (id, count) in try await connection.query(articlesQuery, logger: self.logger)
                .decode((String, Int).self)
            {
                candidates.append((id, count))
            }
            var page = QuotePage(query, speaker: speaker, about: about)
            if !filtered {
                // Whole articles before the page are skipped by their number of quotes, without reading them.
                while let first = candidates.first, first.quotes <= page.offsetLeft {
                    page.skip(first.quotes)
                    candidates.removeFirst()
                }
            }
            var start = 0
            while start < candidates.count, !page.isFull {
                let ids = candidates[start..<min(start + Self.quotePageSize, candidates.count)].map(\.id)
                start += ids.count
                for row in try await Self.articleRows(ids: ids, connection, self.logger) where !page.isFull {
                    page.add(
                        row.stored.article,
                        quotes: row.stored.annotations?.quotes ?? [],
                        sources: row.stored.sources,
                        spokenByEntity: query.speakerEntityID.map { id in { Self.speaker(of: $0, in: row, is: id) } }
                    )
                }
            }
            return page.quotes
        }
    }

    /// Whether the quote's resolved speaker is the in-document name of a mention of entity `id` in its article.
    static func speaker(of quote: QuoteMention, in row: ArticleRow, is id: Int64) -> Bool {
        guard let name = quote.speakerName, let annotations = row.stored.annotations, let ids = row.entityIDs else {
            return false
        }
        return zip(annotations.entities, ids).contains { mention, mentionID in
            mentionID == id && mention.canonical == name
        }
    }

    public func entities(matching query: EntityQuery) async throws -> [EntitySummary] {
        let name = StoreKeys.filterKey(query.name)
        var sql = SQLBuilder()
        sql.append(
            """
            SELECT m.canonical, m.type, COUNT(*), COUNT(DISTINCT m.article_id),
                   MIN(a.published_key), MAX(a.published_key)
            FROM entity_mention m JOIN article a ON a.id = m.article_id
            """
        )
        if let type = query.type {
            sql.append(" WHERE m.type = ")
            sql.bind(type.rawValue)
        }
        sql.append(" GROUP BY m.canonical, m.type")
        let groupsQuery = sql.query
        let groups = try await read("list entities in") { connection in
            var groups: [EntitySummary] = []
            for try await (canonical, typeName, mentions, articles, first, last) in try await connection.query(
                groupsQuery,
                logger: self.logger
            ).decode((String, String, Int, Int, Int64?, Int64?).self) {
                if let name, !StoreKeys.matches(canonical, key: name) { continue }
                guard let type = EntityType(rawValue: typeName) else {
                    throw StoreError(.io, "entity \"\(canonical)\" is stored with an unknown type \"\(typeName)\"")
                }
                groups.append(
                    EntitySummary(
                        name: canonical,
                        type: type,
                        mentions: mentions,
                        articles: articles,
                        firstPublished: first.map(StoreKeys.day(ofSortKey:)),
                        lastPublished: last.map(StoreKeys.day(ofSortKey:))
                    )
                )
            }
            return groups
        }
        let sorted = groups.sorted { a, b in
            if a.mentions != b.mentions { return a.mentions > b.mentions }
            if a.articles != b.articles { return a.articles > b.articles }
            if !a.name.utf8.elementsEqual(b.name.utf8) { return a.name.utf8.lexicographicallyPrecedes(b.name.utf8) }
            return a.type.rawValue.utf8.lexicographicallyPrecedes(b.type.rawValue.utf8)
        }
        let offset = min(max(query.offset, 0), sorted.count)
        let end = offset + min(max(query.limit, 0), sorted.count - offset)
        return Array(sorted[offset..<end])
    }
}
