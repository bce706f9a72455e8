import GRDB
import StorylineCore
import StorylineStore

/// Conversion between an article's ``StorylineCore/ArticleAnnotations`` and the rows of the annotation tables
/// (`timex`, schema migration `v2-annotations`; the producing extractor's version in `article.extractor_version`,
/// migration `v3-extractor-version`). Ranges are stored as they are kept in memory: UTF-8 byte offsets into the
/// article's body.
extension SQLiteStore {
    /// Writes the annotations of a newly inserted article, in their order.
    static func insertAnnotations(_ annotations: ArticleAnnotations, articleID: String, _ db: Database) throws {
        guard !annotations.timexes.isEmpty else { return }
        let statement = try db.cachedStatement(
            sql: "INSERT INTO timex (article_id, start_byte, end_byte, type, value) VALUES (?, ?, ?, ?, ?)"
        )
        for timex in annotations.timexes {
            try statement.execute(arguments: [
                articleID, timex.range.start, timex.range.end, timex.type.rawValue, timex.value,
            ])
        }
    }

    /// Deletes every annotation row of `articleID`: one statement per table that ``insertAnnotations(_:articleID:_:)``
    /// writes to (keep the two in step when a kind of annotation gets its table).
    static func deleteAnnotations(articleID: String, _ db: Database) throws {
        try db.cachedStatement(sql: "DELETE FROM timex WHERE article_id = ?").execute(arguments: [articleID])
    }

    /// Reads the annotations of several stored articles, in the order they were written; articles without
    /// any time expression are missing from the result.
    static func fetchAnnotations(articleIDs: [String], _ db: Database) throws -> [String: ArticleAnnotations] {
        var byArticle: [String: ArticleAnnotations] = [:]
        for chunk in chunked(articleIDs) {
            let rows = try Row.fetchCursor(
                db,
                sql: """
                    SELECT article_id, start_byte, end_byte, type, value FROM timex
                    WHERE article_id IN (\(databaseQuestionMarks(count: chunk.count)))
                    ORDER BY article_id, id
                    """,
                arguments: StatementArguments(chunk)
            )
            while let row = try rows.next() {
                let articleID: String = row["article_id"]
                byArticle[articleID, default: ArticleAnnotations()].timexes.append(try decodeTimex(row, of: articleID))
            }
        }
        return byArticle
    }

    /// Replaces the annotations of the stored article `articleID` (none, or an older extractor's) with
    /// `annotations`, checked against the stored body, and records `extractorVersion` as their producer.
    static func replaceAnnotations(
        _ annotations: ArticleAnnotations,
        articleID: String,
        extractorVersion: String?,
        _ db: Database
    ) throws {
        // The body's length in UTF-8 bytes, the unit of the ranges (the database encoding is UTF-8).
        let lengthStatement = try db.cachedStatement(sql: "SELECT length(CAST(body AS BLOB)) FROM article WHERE id = ?")
        guard let textLength = try Int.fetchOne(lengthStatement, arguments: [articleID]) else {
            throw StoreKeys.unknownArticle(articleID)
        }
        try StoreKeys.checkAnnotations(annotations, textLength: textLength, articleID: articleID)
        try deleteAnnotations(articleID: articleID, db)
        try insertAnnotations(annotations, articleID: articleID, db)
        try db.cachedStatement(sql: "UPDATE article SET annotated = 1, extractor_version = ? WHERE id = ?")
            .execute(arguments: [extractorVersion, articleID])
    }

    /// `ids` in slices small enough to be bound as the parameters of one `IN (…)` list.
    static func chunked(_ ids: [String]) -> [ArraySlice<String>] {
        let size = 500
        return stride(from: 0, to: ids.count, by: size).map { ids[$0..<min($0 + size, ids.count)] }
    }

    private static func decodeTimex(_ row: Row, of articleID: String) throws -> TimeExpression {
        let start: Int = row["start_byte"]
        let end: Int = row["end_byte"]
        let typeName: String = row["type"]
        guard 0 <= start, start <= end else {
            throw StoreError(.io, "article \(articleID) has a time expression with an invalid range \(start)..<\(end)")
        }
        guard let type = TimexType(rawValue: typeName) else {
            throw StoreError(.io, "article \(articleID) has a time expression of unknown type \"\(typeName)\"")
        }
        return TimeExpression(range: TextRange(start: start, end: end), type: type, value: row["value"])
    }
}
