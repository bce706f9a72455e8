import Foundation
import GRDB
import StorylineCore
import StorylineStore

/// Conversion between `Article` / `ArticleSource` values and the rows of the `article` and `article_source`
/// tables (annotations: `SQLiteStore+Annotations.swift`). Scalars get their own columns (for queries and for
/// people reading the file with `sqlite3`); lists and nested values are stored as their Codable JSON, so every
/// field round-trips exactly.
extension SQLiteStore {
    /// An article with its JSON columns encoded, ready to be written without further work, and its annotations.
    struct EncodedArticle: Sendable {
        var article: Article
        var annotations: ArticleAnnotations
        var extractorVersion: String?
        /// ``StorylineCore/Article/text``, joined once.
        var body: String
        var byline: String
        var paragraphs: String
        var liveBlogEntries: String
        var removedChrome: String
        var origin: String

        init(_ annotated: AnnotatedArticle) throws {
            let article = annotated.article
            self.article = article
            annotations = annotated.annotations
            extractorVersion = annotated.extractorVersion
            body = article.text
            try StoreKeys.checkAnnotations(annotations, textLength: body.utf8.count, articleID: article.id)
            do {
                byline = try SQLiteStore.json(article.byline)
                paragraphs = try SQLiteStore.json(article.paragraphs)
                liveBlogEntries = try SQLiteStore.json(article.liveBlogEntries)
                removedChrome = try SQLiteStore.json(article.removedChrome)
                origin = try SQLiteStore.json(article.origin)
            } catch {
                throw StoreError(
                    .io,
                    "cannot encode article \(article.id) for storage",
                    cause: String(describing: error)
                )
            }
        }
    }

    static func json(_ value: some Encodable) throws -> String {
        let encoder = JSONEncoder()
        encoder.outputFormatting = [.sortedKeys, .withoutEscapingSlashes]
        return String(decoding: try encoder.encode(value), as: UTF8.self)
    }

    static func insertArticle(_ row: EncodedArticle, _ db: Database) throws {
        let article = row.article
        try db.execute(
            sql: """
                INSERT INTO article (
                    id, content_hash, title, outlet, url, published, published_key, modified, byline, language,
                    dateline, body, paragraphs, live_blog_entries, live_blog_entry_count, removed_chrome,
                    word_count, origin, annotated, extractor_version)
                VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, 1, ?)
                """,
            arguments: [
                article.id, article.contentHash, article.title, article.outlet, article.url,
                article.published?.iso8601, article.published.map(StoreKeys.sortKey), article.modified?.iso8601,
                row.byline, article.language, article.dateline, row.body, row.paragraphs, row.liveBlogEntries,
                article.liveBlogEntries.count, row.removedChrome, article.wordCount, row.origin, row.extractorVersion,
            ]
        )
    }

    /// Adds the reading's source to `articleID` unless a source with the same key is already there;
    /// `db.changesCount` then tells which happened.
    static func insertSource(_ row: EncodedArticle, articleID: String, _ db: Database) throws {
        let article = row.article
        try db.execute(
            sql: """
                INSERT INTO article_source (
                    article_id, key, outlet, outlet_key, url, title, published, byline, origin)
                VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?)
                ON CONFLICT (article_id, key) DO NOTHING
                """,
            arguments: [
                articleID, ArticleSource.key(for: article), article.outlet,
                article.outlet.map(StoreKeys.outletKey), article.url, article.title, article.published?.iso8601,
                row.byline, row.origin,
            ]
        )
    }

    static func decodeArticle(_ row: Row) throws -> Article {
        let id: String = row["id"]
        return Article(
            id: id,
            contentHash: row["content_hash"],
            title: row["title"],
            outlet: row["outlet"],
            url: row["url"],
            published: try date(row["published"], column: "published", of: id),
            modified: try date(row["modified"], column: "modified", of: id),
            byline: try decode([String].self, row["byline"], column: "byline", of: id),
            language: row["language"],
            dateline: row["dateline"],
            paragraphs: try decode([String].self, row["paragraphs"], column: "paragraphs", of: id),
            liveBlogEntries: try decode(
                [LiveBlogEntry].self,
                row["live_blog_entries"],
                column: "live_blog_entries",
                of: id
            ),
            removedChrome: try decode([String].self, row["removed_chrome"], column: "removed_chrome", of: id),
            origin: try decode(ArticleOrigin.self, row["origin"], column: "origin", of: id)
        )
    }

    /// The rows of `sql`, each made a value by `transform`, read through a cursor: a cursor's row looks a column
    /// up by name once, where the rows `Row.fetchAll` copies lower-case every column's name at every lookup.
    static func values<T>(
        _ db: Database,
        _ sql: String,
        _ arguments: StatementArguments = StatementArguments(),
        _ transform: (Row) throws -> T
    ) throws -> [T] {
        var values: [T] = []
        let rows = try Row.fetchCursor(db, sql: sql, arguments: arguments)
        while let row = try rows.next() { values.append(try transform(row)) }
        return values
    }

    static func decodeSource(_ row: Row) throws -> ArticleSource {
        let id: String = row["article_id"]
        return ArticleSource(
            key: row["key"],
            outlet: row["outlet"],
            url: row["url"],
            title: row["title"],
            published: try date(row["published"], column: "article_source.published", of: id),
            byline: try decode([String].self, row["byline"], column: "article_source.byline", of: id),
            origin: try decode(ArticleOrigin.self, row["origin"], column: "article_source.origin", of: id)
        )
    }

    static func summary(_ row: Row) throws -> ArticleSummary {
        let id: String = row["id"]
        return ArticleSummary(
            id: id,
            title: row["title"],
            outlet: row["outlet"],
            url: row["url"],
            published: try date(row["published"], column: "published", of: id),
            wordCount: row["word_count"],
            sourceCount: row["source_count"],
            liveBlogEntryCount: row["live_blog_entry_count"]
        )
    }

    static func date(_ text: String?, column: String, of id: String) throws -> PublicationDate? {
        guard let text else { return nil }
        guard let date = PublicationDate(iso8601: text) else {
            throw StoreError(.io, "article \(id) has an unreadable date in column \(column): \"\(text)\"")
        }
        return date
    }

    private static func decode<T: Decodable>(_ type: T.Type, _ text: String, column: String, of id: String) throws -> T
    {
        do {
            return try JSONDecoder().decode(type, from: Data(text.utf8))
        } catch {
            throw StoreError(
                .io,
                "article \(id) has unreadable JSON in column \(column)",
                cause: String(describing: error)
            )
        }
    }
}
