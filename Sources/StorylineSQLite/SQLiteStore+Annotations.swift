import GRDB
import StorylineCore
import StorylineStore

/// Conversion between an article's ``StorylineCore/ArticleAnnotations`` and the rows of the annotation tables
/// (`timex`, schema migration `v2-annotations`). Ranges are stored as they are kept in memory: UTF-8 byte
/// offsets into the article's body.
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

    /// Reads the annotations of a stored article, in the order they were written.
    static func fetchAnnotations(articleID: String, _ db: Database) throws -> ArticleAnnotations {
        let rows = try Row.fetchCursor(
            db,
            sql: "SELECT start_byte, end_byte, type, value FROM timex WHERE article_id = ? ORDER BY id",
            arguments: [articleID]
        )
        var timexes: [TimeExpression] = []
        while let row = try rows.next() {
            timexes.append(try decodeTimex(row, of: articleID))
        }
        return ArticleAnnotations(timexes: timexes)
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
