import Foundation
import PostgresNIO
import StorylineCore
import StorylineStore

/// Paging through stored articles and replacing their annotations (`storyline reextract`).
extension PostgresStore {
    public func storedArticles(after id: String?, limit: Int, notExtractedBy version: String?) async throws
        -> [StoredArticle]
    {
        guard limit > 0 else { return [] }
        var sql = SQLBuilder()
        sql.append("SELECT id FROM article WHERE TRUE")
        if let id {
            sql.append(" AND id > ")
            sql.bind(id)
        }
        if let version {
            sql.append(" AND (annotations IS NULL OR extractor_version IS DISTINCT FROM ")
            sql.bind(version)
            sql.append(")")
        }
        sql.append(" ORDER BY id LIMIT ")
        sql.bind(limit)
        let finalQuery = sql.query
        return try await read("read a page of articles from") { connection in
            var ids: [String] = []
            for try await id in try await connection.query(finalQuery, logger: self.logger).decode(String.self) {
                ids.append(id)
            }
            return try await Self.storedArticles(ids: ids, connection, self.logger)
        }
    }

    public func countArticles(notExtractedBy version: String?) async throws -> Int {
        var sql = SQLBuilder()
        sql.append("SELECT COUNT(*) FROM article")
        if let version {
            sql.append(" WHERE annotations IS NULL OR extractor_version IS DISTINCT FROM ")
            sql.bind(version)
        }
        let finalQuery = sql.query
        return try await read("count articles in") { connection in
            for try await count in try await connection.query(finalQuery, logger: self.logger).decode(Int.self) {
                return count
            }
            return 0
        }
    }

    public func replaceAnnotations(
        _ batch: [(id: String, annotations: ArticleAnnotations)],
        extractorVersion: String?
    ) async throws {
        let items = try batch.map { item in
            (
                id: item.id, annotations: StoreKeys.inTextOrder(item.annotations),
                json: try Self.json(StoreKeys.inTextOrder(item.annotations))
            )
        }
        try await transaction("replace the annotations of \(batch.count) article(s) in") { connection in
            for item in items {
                var record: String?
                for try await found in try await connection.query(
                    "SELECT record FROM article WHERE id = \(item.id)",
                    logger: self.logger
                ).decode(String.self) {
                    record = found
                }
                guard let record else { throw StoreKeys.unknownArticle(item.id) }
                let article = try Self.decode(Article.self, record, "article \(item.id)")
                try StoreKeys.checkAnnotations(
                    item.annotations,
                    textLength: article.text.utf8.count,
                    articleID: item.id
                )
                try await connection.query(
                    """
                    UPDATE article SET annotations = \(item.json), extractor_version = \(extractorVersion),
                        entity_ids = NULL
                    WHERE id = \(item.id)
                    """,
                    logger: self.logger
                )
                try await connection.query(
                    "DELETE FROM entity_mention WHERE article_id = \(item.id)",
                    logger: self.logger
                )
                try await connection.query("DELETE FROM quote WHERE article_id = \(item.id)", logger: self.logger)
                try await Self.insertAnnotationRows(item.annotations, articleID: item.id, connection, self.logger)
            }
            if !items.isEmpty {
                try await Self.writeSnapshot(nil, connection, self.logger)
                try await Self.clearStories(connection, self.logger)
            }
            try await Self.bumpRevision(connection, self.logger)
        }
    }
}
