import GRDB
import StorylineCore
import StorylineStore

/// Quote and entity queries across the stored articles. Every value a user gives is bound as an SQL parameter,
/// never written into the SQL text; text filters compare with the lowercased column through GRDB's
/// `swiftLowercaseString` function (Swift's `lowercased()`, the function the in-memory store uses), so both
/// stores match the same quotes and entities.
extension SQLiteStore {
    public func quotes(matching query: QuoteQuery) async throws -> [StoredQuote] {
        let limit = max(query.limit, 0)
        guard limit > 0 else { return [] }
        var (conditions, arguments) = Self.publishedBetween(query.since, query.until)
        if let speaker = StoreKeys.filterKey(query.speaker) {
            conditions.append(
                "(instr(swiftLowercaseString(q.speaker_name), ?) > 0 OR instr(swiftLowercaseString(q.speaker), ?) > 0)"
            )
            arguments += [speaker, speaker]
        }
        if let entityID = query.speakerEntityID {
            // A row-value IN: the entity's (article, name) pairs are listed once and each quote probes them. (A
            // correlated EXISTS made SQLite scan every mention of the entity for every quote.)
            conditions.append(
                "(q.article_id, q.speaker_name) IN (SELECT article_id, canonical FROM entity_mention WHERE entity_id = ?)"
            )
            arguments += [entityID]
        }
        if let about = query.aboutTerms {
            // The quote's words, through its full-text index (migration v11-quote-search). No word: no quote.
            guard let match = Self.matchExpression(about) else { return [] }
            conditions.append("q.id IN (SELECT rowid FROM quote_search WHERE quote_search MATCH ?)")
            arguments += [match]
        }
        if query.undated { conditions.append("a.published_key IS NULL") }
        arguments += [limit, max(query.offset, 0)]
        // Without words to look up, the articles are walked in publication order (index article_chronology,
        // the CROSS JOIN keeping them outside) and the walk stops at the page's end; with words, their few
        // matches come from the index and are sorted.
        let tables =
            query.aboutTerms == nil
            ? "article a CROSS JOIN quote q ON q.article_id = a.id" : "quote q JOIN article a ON a.id = q.article_id"
        let sql = """
            SELECT q.article_id, q.start_byte, q.end_byte, q.kind, q.speaker, q.speaker_start, q.speaker_end,
                   q.speaker_name, q.cue, q.addressee, q.channel
            FROM \(tables)
            \(conditions.isEmpty ? "" : "WHERE " + conditions.joined(separator: " AND "))
            ORDER BY a.published_key IS NULL, a.published_key, a.id, q.start_byte, q.id
            LIMIT ? OFFSET ?
            """
        let finalArguments = arguments
        return try await perform("find quotes in") {
            try await self.pool.read { db in
                let found = try Self.values(db, sql, finalArguments) { row in
                    let articleID: String = row["article_id"]
                    return (articleID: articleID, quote: try Self.decodeQuote(row, of: articleID))
                }
                return try Self.storedQuotes(found, db)
            }
        }
    }

    public func entities(matching query: EntityQuery) async throws -> [EntitySummary] {
        var conditions: [String] = []
        var arguments = StatementArguments()
        if let name = StoreKeys.filterKey(query.name) {
            conditions.append("instr(swiftLowercaseString(m.canonical), ?) > 0")
            arguments += [name]
        }
        if let type = query.type {
            conditions.append("m.type = ?")
            arguments += [type.rawValue]
        }
        arguments += [max(query.limit, 0), max(query.offset, 0)]
        let sql = """
            SELECT m.canonical, m.type, COUNT(*) AS mentions, COUNT(DISTINCT m.article_id) AS articles,
                   MIN(a.published_key) AS first_key, MAX(a.published_key) AS last_key
            FROM entity_mention m JOIN article a ON a.id = m.article_id
            \(conditions.isEmpty ? "" : "WHERE " + conditions.joined(separator: " AND "))
            GROUP BY m.canonical, m.type
            ORDER BY mentions DESC, articles DESC, m.canonical, m.type
            LIMIT ? OFFSET ?
            """
        let finalArguments = arguments
        return try await perform("list entities in") {
            try await self.pool.read { db in
                try Self.values(db, sql, finalArguments) { row in
                    let name: String = row["canonical"]
                    let typeName: String = row["type"]
                    guard let type = EntityType(rawValue: typeName) else {
                        throw StoreError(.io, "entity \"\(name)\" is stored with an unknown type \"\(typeName)\"")
                    }
                    let first: Int64? = row["first_key"]
                    let last: Int64? = row["last_key"]
                    return EntitySummary(
                        name: name,
                        type: type,
                        mentions: row["mentions"],
                        articles: row["articles"],
                        firstPublished: first.map(StoreKeys.day(ofSortKey:)),
                        lastPublished: last.map(StoreKeys.day(ofSortKey:))
                    )
                }
            }
        }
    }

    /// The found quotes with their text, context, article and sources: the articles and their sources are read
    /// with one `IN (…)` query each per 500 distinct articles.
    private static func storedQuotes(
        _ found: [(articleID: String, quote: QuoteMention)],
        _ db: Database
    ) throws -> [StoredQuote] {
        var ids: [String] = []
        var seen: Set<String> = []
        for (id, _) in found where seen.insert(id).inserted { ids.append(id) }
        // What each article gives its quotes.
        struct Article {
            var title: String?
            var outlet: String?
            var url: String?
            var published: PublicationDate?
            var body: [UInt8]
        }
        var articles: [String: Article] = [:]
        var sources: [String: [ArticleSource]] = [:]
        for chunk in chunked(ids) {
            let marks = databaseQuestionMarks(count: chunk.count)
            for (id, article) in try values(
                db,
                "SELECT id, title, outlet, url, published, body FROM article WHERE id IN (\(marks))",
                StatementArguments(chunk),
                { row -> (String, Article) in
                    let id: String = row["id"]
                    let body: String = row["body"]
                    return (
                        id,
                        Article(
                            title: row["title"],
                            outlet: row["outlet"],
                            url: row["url"],
                            published: try date(row["published"], column: "published", of: id),
                            body: Array(body.utf8)
                        )
                    )
                }
            ) {
                articles[id] = article
            }
            for (id, source) in try values(
                db,
                "SELECT * FROM article_source WHERE article_id IN (\(marks)) ORDER BY article_id, id",
                StatementArguments(chunk),
                { row in (row["article_id"] as String, try decodeSource(row)) }
            ) {
                sources[id, default: []].append(source)
            }
        }
        return try found.compactMap { id, quote in
            guard let article = articles[id] else { return nil }
            let annotations = ArticleAnnotations(quotes: [quote])
            try StoreKeys.checkAnnotations(annotations, textLength: article.body.count, articleID: id)
            return StoredQuote(
                quote,
                body: article.body,
                articleID: id,
                title: article.title,
                outlet: article.outlet,
                url: article.url,
                published: article.published,
                sources: sources[id] ?? []
            )
        }
    }

    /// The SQL conditions (on the article table aliased `a`) and their bound values for articles published on
    /// the days from `since` to `until`, both inclusive; either may be nil.
    static func publishedBetween(
        _ since: PublicationDate?,
        _ until: PublicationDate?
    ) -> (conditions: [String], arguments: StatementArguments) {
        var conditions: [String] = []
        var arguments = StatementArguments()
        if let since {
            conditions.append("a.published_key >= ?")
            arguments += [StoreKeys.dayStart(since)]
        }
        if let until {
            conditions.append("a.published_key < ?")
            arguments += [StoreKeys.dayEnd(until)]
        }
        return (conditions, arguments)
    }
}
