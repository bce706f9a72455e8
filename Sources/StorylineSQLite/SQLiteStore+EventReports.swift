import GRDB
import StorylineCore
import StorylineStore

/// Event reports for the timeline, read without their articles: each report's row, its sentence and trigger
/// cut from the body in SQL, and the article's summary columns — no other annotation is read or decoded.
extension SQLiteStore {
    public func eventReports(_ keys: [EventReportKey]) async throws -> [StoredEventReport] {
        guard !keys.isEmpty else { return [] }
        return try await perform("read event reports from") {
            try await self.pool.read { db in try Self.eventReports(keys, db) }
        }
    }

    static func eventReports(_ keys: [EventReportKey], _ db: Database) throws -> [StoredEventReport] {
        var found: [EventReportKey: StoredEventReport] = [:]
        var seenKeys = Set<EventReportKey>()
        let unique = keys.filter { seenKeys.insert($0).inserted }
        // Two parameters per key and one per article: 200 keys stay well under SQLite's parameter limit.
        var start = 0
        while start < unique.count {
            let chunk = unique[start..<min(start + 200, unique.count)]
            start += chunk.count
            var seen = Set<String>()
            let ids = chunk.map(\.articleID).filter { seen.insert($0).inserted }
            var arguments = StatementArguments(ids)
            for key in chunk { arguments += [key.articleID, key.index] }
            // An event's index is its rank among its article's events in storage (text) order. The sentence and
            // trigger are the body's bytes (substr counts bytes in a blob, from 1); the sentence's start in
            // Unicode scalars is the length of the text before it (length() counts characters of UTF-8 text).
            let sql = """
                WITH numbered AS (
                    SELECT id, article_id, ROW_NUMBER() OVER (PARTITION BY article_id ORDER BY id) - 1 AS event_index
                    FROM event_mention WHERE article_id IN (\(databaseQuestionMarks(count: ids.count))))
                SELECT n.article_id, n.event_index, e.type, e.mode, e.modality, e.trigger_start, e.trigger_end,
                       e.sentence_start, e.sentence_end, e.date, e.date_start, e.date_end, e.arguments,
                       a.title, a.outlet, a.url, a.published,
                       CAST(substr(CAST(a.body AS BLOB), e.sentence_start + 1, e.sentence_end - e.sentence_start)
                           AS TEXT) AS sentence_text,
                       length(CAST(substr(CAST(a.body AS BLOB), 1, e.sentence_start) AS TEXT)) AS sentence_offset,
                       CAST(substr(CAST(a.body AS BLOB), e.trigger_start + 1, e.trigger_end - e.trigger_start)
                           AS TEXT) AS trigger_text
                FROM numbered n JOIN event_mention e ON e.id = n.id JOIN article a ON a.id = n.article_id
                WHERE (n.article_id, n.event_index) IN (VALUES \(Array(repeating: "(?, ?)", count: chunk.count)
                    .joined(separator: ", ")))
                """
            var sources: [String: ArticleSource] = [:]
            for (articleID, source) in try values(
                db,
                """
                SELECT * FROM article_source WHERE id IN (
                    SELECT MIN(id) FROM article_source
                    WHERE article_id IN (\(databaseQuestionMarks(count: ids.count))) GROUP BY article_id)
                """,
                StatementArguments(ids),
                { row in (row["article_id"] as String, try decodeSource(row)) }
            ) {
                sources[articleID] = source
            }
            for report in try values(
                db,
                sql,
                arguments,
                { row -> StoredEventReport in
                    let articleID: String = row["article_id"]
                    let key = EventReportKey(articleID: articleID, index: row["event_index"])
                    let sentence: String = row["sentence_text"]
                    let offset: Int = row["sentence_offset"]
                    return StoredEventReport(
                        key: key,
                        event: try decodeEvent(row, of: articleID),
                        title: row["title"],
                        outlet: row["outlet"],
                        url: row["url"],
                        published: try date(row["published"], column: "published", of: articleID),
                        firstSource: sources[articleID],
                        sentence: sentence,
                        sentenceScalars: offset..<(offset + sentence.unicodeScalars.count),
                        trigger: row["trigger_text"]
                    )
                }
            ) {
                found[report.key] = report
            }
        }
        return keys.compactMap { found[$0] }
    }
}
