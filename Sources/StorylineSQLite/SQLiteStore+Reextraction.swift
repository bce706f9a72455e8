import GRDB
import StorylineCore
import StorylineStore

/// Re-extraction: paging through the stored articles whose annotations are missing or were produced by
/// another extractor version, and replacing their annotations a batch per transaction.
///
/// A page is a handful of queries whatever its size: the ids come from the `article_extraction` index (so
/// skipping up-to-date articles reads no bodies), then the articles, their sources and each kind of their
/// annotations are read with one `IN (…)` query per 500 ids.
extension SQLiteStore {
    public func storedArticles(after id: String?, limit: Int, notExtractedBy version: String?) async throws
        -> [StoredArticle]
    {
        guard limit > 0 else { return [] }
        var conditions: [String] = []
        var arguments = StatementArguments()
        if let id {
            conditions.append("id > ?")
            arguments += [id]
        }
        if let version {
            conditions.append("(annotated = 0 OR extractor_version IS NOT ?)")
            arguments += [version]
        }
        arguments += [limit]
        let sql = """
            SELECT id FROM article
            \(conditions.isEmpty ? "" : "WHERE " + conditions.joined(separator: " AND "))
            ORDER BY id LIMIT ?
            """
        let finalArguments = arguments
        return try await perform("read a page of articles from") {
            try await self.pool.read { db in
                let ids = try String.fetchAll(db, sql: sql, arguments: finalArguments)
                return try Self.storedArticles(ids: ids, db)
            }
        }
    }

    public func countArticles(notExtractedBy version: String?) async throws -> Int {
        try await perform("count articles in") {
            try await self.pool.read { db in
                guard let version else { return try Int.fetchOne(db, sql: "SELECT COUNT(*) FROM article") ?? 0 }
                return try Int.fetchOne(
                    db,
                    sql: "SELECT COUNT(*) FROM article WHERE annotated = 0 OR extractor_version IS NOT ?",
                    arguments: [version]
                ) ?? 0
            }
        }
    }

    public func replaceAnnotations(
        _ batch: [(id: String, annotations: ArticleAnnotations)],
        extractorVersion: String?
    ) async throws {
        guard !batch.isEmpty else { return }
        // Copied into a Sendable array for the write closure.
        let items = batch.map { ($0.id, $0.annotations) }
        try await perform("replace the annotations of \(batch.count) article(s) in") {
            try await self.pool.write { db in
                for (id, annotations) in items {
                    try Self.replaceAnnotations(annotations, articleID: id, extractorVersion: extractorVersion, db)
                }
                // The new mentions have no entity ids: the resolution is out of date until it is rebuilt, and
                // so are the events merged from the old annotations.
                try Self.clearSnapshot(db)
                try Self.clearStories(db)
            }
        }
    }

    /// The stored articles with these ids, in the order of `ids`, with their sources and annotations (checked
    /// against the text: a damaged row is reported, not trusted); ids of no article are left out.
    static func storedArticles(ids: [String], _ db: Database) throws -> [StoredArticle] {
        guard !ids.isEmpty else { return [] }
        var rows: [String: Row] = [:]
        var sources: [String: [ArticleSource]] = [:]
        for chunk in chunked(ids) {
            let marks = databaseQuestionMarks(count: chunk.count)
            for row in try Row.fetchAll(
                db,
                sql: "SELECT * FROM article WHERE id IN (\(marks))",
                arguments: StatementArguments(chunk)
            ) {
                rows[row["id"]] = row
            }
            for row in try Row.fetchAll(
                db,
                sql: "SELECT * FROM article_source WHERE article_id IN (\(marks)) ORDER BY article_id, id",
                arguments: StatementArguments(chunk)
            ) {
                sources[row["article_id"], default: []].append(try decodeSource(row))
            }
        }
        let annotated = ids.filter { id in rows[id].map { $0["annotated"] as Bool } ?? false }
        let annotationsByID = try fetchAnnotations(articleIDs: annotated, db)
        return try ids.compactMap { id in
            guard let row = rows[id] else { return nil }
            let article = try decodeArticle(row)
            let isAnnotated: Bool = row["annotated"]
            let annotations = isAnnotated ? annotationsByID[id] ?? ArticleAnnotations() : nil
            if let annotations {
                try StoreKeys.checkAnnotations(annotations, textLength: article.text.utf8.count, articleID: id)
            }
            return StoredArticle(
                article: article,
                sources: sources[id] ?? [],
                annotations: annotations,
                extractorVersion: isAnnotated ? row["extractor_version"] : nil
            )
        }
    }
}
