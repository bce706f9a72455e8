import Foundation
import Logging
import PostgresNIO
import StorylineCore
import StorylineStore

/// Conversion between stored values and rows: records are kept as their Codable JSON (so that every field
/// round-trips exactly), the scalars queries filter and order on in columns of their own.
extension PostgresStore {
    /// An article with its JSON encoded and its search words folded, ready to be written, and its annotations.
    struct EncodedArticle: Sendable {
        var article: Article
        /// In text order (``StoreKeys/inTextOrder(_:)``): the order of the mention and quote rows.
        var annotations: ArticleAnnotations
        var extractorVersion: String?
        var record: String
        var annotationsJSON: String
        var source: ArticleSource
        var sourceRecord: String
        /// The folded words of the title and of the body, separated by spaces (`to_tsvector('simple', …)`).
        var searchTitle: String
        var searchBody: String

        init(_ annotated: AnnotatedArticle) throws {
            let article = annotated.article
            self.article = article
            try StoreKeys.checkAnnotations(
                annotated.annotations,
                textLength: article.text.utf8.count,
                articleID: article.id
            )
            annotations = StoreKeys.inTextOrder(annotated.annotations)
            extractorVersion = annotated.extractorVersion
            source = ArticleSource(article)
            do {
                record = try PostgresStore.json(article)
                annotationsJSON = try PostgresStore.json(annotations)
                sourceRecord = try PostgresStore.json(source)
            } catch {
                throw StoreError(
                    .io,
                    "cannot encode article \(article.id) for storage",
                    cause: String(describing: error)
                )
            }
            searchTitle = PostgresStore.searchWords(article.title ?? "")
            searchBody = PostgresStore.searchWords(article.text)
        }
    }

    /// A resolved entity as a row.
    struct EncodedEntity: Sendable {
        var entity: StoredEntity
        var record: String

        init(_ entity: StoredEntity) throws {
            self.entity = entity
            do {
                record = try PostgresStore.json(entity)
            } catch {
                throw StoreError(.io, "cannot encode entity \(entity.id) for storage", cause: String(describing: error))
            }
        }
    }

    /// The most bytes of distinct words an article's search vector holds (PostgreSQL refuses a `tsvector` over
    /// 1 MB): the words of a longer text that are new after that are not indexed.
    static let searchVectorBudget = 900_000

    /// The words search finds in `text` (``SearchText/words(_:)``: folded, letters and digits), separated by
    /// spaces — what the `simple` text-search configuration turns into the article's lexemes.
    static func searchWords(_ text: String) -> String {
        var seen: Set<String> = []
        var bytes = 0
        var words: [String] = []
        for (word, _) in SearchText.words(text) {
            if !seen.contains(word) {
                guard bytes + word.utf8.count + 16 <= searchVectorBudget else { continue }
                seen.insert(word)
                bytes += word.utf8.count + 16
            }
            words.append(word)
        }
        return words.joined(separator: " ")
    }

    static func json(_ value: some Encodable) throws -> String {
        let encoder = JSONEncoder()
        encoder.outputFormatting = [.sortedKeys, .withoutEscapingSlashes]
        return String(decoding: try encoder.encode(value), as: UTF8.self)
    }

    static func decode<T: Decodable>(_ type: T.Type, _ json: String, _ what: String) throws -> T {
        do {
            return try JSONDecoder().decode(type, from: Data(json.utf8))
        } catch {
            throw StoreError(.io, "cannot read \(what) from the database", cause: String(describing: error))
        }
    }

    /// The columns of ``summary(_:)``, from `article a`.
    static let summaryColumns = """
        a.id, a.title, a.outlet, a.url, a.record, a.word_count, a.live_blog_entry_count,
        (SELECT COUNT(*) FROM article_source s WHERE s.article_id = a.id) AS source_count
        """

    static func summary(_ row: PostgresRow) throws -> ArticleSummary {
        let (id, title, outlet, url, record, words, entries, sources) = try row.decode(
            (String, String?, String?, String?, String, Int, Int, Int).self
        )
        let published = try decode(PublishedOnly.self, record, "article \(id)").published
        return ArticleSummary(
            id: id,
            title: title,
            outlet: outlet,
            url: url,
            published: published,
            wordCount: words,
            sourceCount: sources,
            liveBlogEntryCount: entries
        )
    }

    /// The publication date of an article record, without decoding the rest of it.
    private struct PublishedOnly: Decodable {
        var published: PublicationDate?
    }

    /// Conditions on `a.published_key` for a day range (both days included).
    static func publishedBetween(_ since: PublicationDate?, _ until: PublicationDate?, _ sql: inout SQLBuilder) {
        if let since {
            sql.append(" AND a.published_key >= ")
            sql.bind(StoreKeys.dayStart(since))
        }
        if let until {
            sql.append(" AND a.published_key < ")
            sql.bind(StoreKeys.dayEnd(until))
        }
    }

    /// A stored article as read, with the entity id of each mention (nil: not resolved).
    struct ArticleRow: Sendable {
        var stored: StoredArticle
        var entityIDs: [Int64]?
        var sortKey: Int64?
    }

    /// The stored articles with these ids, in the order of `ids`, ids of no article left out.
    static func storedArticles(ids: [String], _ connection: PostgresConnection, _ logger: Logger) async throws
        -> [StoredArticle]
    {
        try await articleRows(ids: ids, connection, logger).map(\.stored)
    }

    static func articleRows(ids: [String], _ connection: PostgresConnection, _ logger: Logger) async throws
        -> [ArticleRow]
    {
        guard !ids.isEmpty else { return [] }
        var found: [String: ArticleRow] = [:]
        for try await (id, record, annotations, version, entityIDs, sortKey) in try await connection.query(
            """
            SELECT id, record, annotations, extractor_version, entity_ids, published_key
            FROM article WHERE id = ANY(\(ids)::text[])
            """,
            logger: logger
        ).decode((String, String, String?, String?, [Int64]?, Int64?).self) {
            let article = try decode(Article.self, record, "article \(id)")
            let decoded = try annotations.map { try decode(ArticleAnnotations.self, $0, "the annotations of \(id)") }
            found[id] = ArticleRow(
                stored: StoredArticle(article: article, sources: [], annotations: decoded, extractorVersion: version),
                entityIDs: entityIDs,
                sortKey: sortKey
            )
        }
        for try await (id, record) in try await connection.query(
            "SELECT article_id, record FROM article_source WHERE article_id = ANY(\(ids)::text[]) ORDER BY seq",
            logger: logger
        ).decode((String, String).self) {
            found[id]?.stored.sources.append(try decode(ArticleSource.self, record, "a source of \(id)"))
        }
        return ids.compactMap { found[$0] }
    }
}

/// A query written in pieces: SQL text and the values bound to its `$n` parameters.
struct SQLBuilder {
    private var sql = ""
    private var binds = PostgresBindings()

    mutating func append(_ text: String) { sql += text }

    mutating func bind<Value: PostgresDynamicTypeEncodable>(_ value: Value) {
        binds.append(value)
        sql += "$\(binds.count)"
    }

    var query: PostgresQuery { PostgresQuery(unsafeSQL: sql, binds: binds) }
}
