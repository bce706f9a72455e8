import Foundation
import Logging
import PostgresNIO
import StorylineCore
import StorylineStore

/// The ``ArticleStore`` for many concurrent writers: one PostgreSQL database, reached through postgres-nio's
/// connection pool (`PostgresClient`).
///
/// Opening the store parses the URL and starts the pool's `run()` in a task of its own; the schema is brought up
/// to date once, before the first operation, under a session advisory lock so that several processes opening
/// one database at once migrate it once (`PostgresStore+Schema.swift`). ``close()`` stops the pool.
///
/// Writes follow the same rules as the SQLite store: each ``save(_:resolution:)`` is one transaction, keyed by
/// the content hash (`INSERT … ON CONFLICT DO NOTHING`), so that any number of processes saving overlapping
/// batches store each body once and each source once. The rows of a batch are written in content-hash order,
/// so two batches that share articles wait for each other instead of deadlocking.
///
/// Cross-document resolution is state that one writer computes from the last committed state: two processes
/// that resolved their batches from the same snapshot would each allocate the same new entity ids. The store
/// therefore serializes resolution across processes (``withExclusiveResolution(_:)``, a session advisory
/// lock): the ingest reads the current revision and snapshot, resolves its new articles and saves them while
/// holding it — see `StorylinePostgres.docc` for the whole design.
public final class PostgresStore: ArticleStore, Sendable {
    /// The database the store works on, without its password: for messages.
    public let location: String

    let client: PostgresClient
    let logger: Logger
    private let runTask: Task<Void, Never>
    private let ready: Task<Void, any Error>

    /// Opens the database `url` names (`postgres://user:password@host:port/database`, also `postgresql://`;
    /// `?sslmode=disable|prefer|require`, `?host=/socket/dir` for a Unix socket), creating or upgrading the
    /// schema before the first operation.
    ///
    /// - Throws: ``StoreError`` with code ``StoreError/Code/cannotOpen`` when the URL is not a PostgreSQL URL.
    ///   A server that cannot be reached, or a database that is not Storyline's, fails the first operation.
    public init(url: String, logger: Logger = Logger(label: "storyline.postgres")) throws {
        let parsed = try PostgresURL(url)
        location = parsed.redacted
        self.logger = logger
        let client = PostgresClient(configuration: parsed.configuration, backgroundLogger: logger)
        self.client = client
        runTask = Task { await client.run() }
        let redacted = parsed.redacted
        ready = Task { try await Self.prepareSchema(client, location: redacted, logger: logger) }
    }

    deinit {
        runTask.cancel()
    }

    /// Whether `string` names a PostgreSQL database rather than a file: it starts with `postgres://` or
    /// `postgresql://`.
    public static func isURL(_ string: String) -> Bool {
        PostgresURL.isURL(string)
    }

    /// How messages name the database `url` names: the URL without its password.
    public static func location(ofURL url: String) throws -> String {
        try PostgresURL(url).redacted
    }

    /// Waits for the schema, then stops the connection pool: call once no operation is running any more.
    public func close() async {
        _ = try? await ready.value
        runTask.cancel()
        await runTask.value
    }

    /// Runs `body` while no other writer of the database — in this process or another — runs its own: a
    /// PostgreSQL session advisory lock held by a connection of its own for `body`'s duration (released when
    /// `body` ends, or by the server when the process dies).
    public func withExclusiveResolution<T>(_ body: () async throws -> T) async throws -> T {
        try await prepared()
        // The lock belongs to the session that took it: a task of its own leases a connection, takes the lock
        // on it, says so, and keeps the connection until `body` has finished; then it releases the lock.
        let (acquired, acquiredContinuation) = AsyncStream<Void>.makeStream()
        let (release, releaseContinuation) = AsyncStream<Void>.makeStream()
        let client = self.client
        let logger = self.logger
        let holder = Task {
            defer { acquiredContinuation.finish() }
            try await client.withConnection { connection in
                try await connection.query("SELECT pg_advisory_lock(\(Self.resolutionLockKey))", logger: logger)
                acquiredContinuation.yield()
                for await _ in release {}
                _ = try? await connection.query(
                    "SELECT pg_advisory_unlock(\(Self.resolutionLockKey))",
                    logger: logger
                )
            }
        }
        var locked = false
        for await _ in acquired {
            locked = true
            break
        }
        guard locked else {
            releaseContinuation.finish()
            try await perform("lock the entity resolution of") { try await holder.value }
            throw StoreError(.io, "cannot lock the entity resolution of the PostgreSQL database \(location)")
        }
        do {
            let result = try await body()
            releaseContinuation.finish()
            _ = try? await holder.value
            return result
        } catch {
            releaseContinuation.finish()
            _ = try? await holder.value
            throw error
        }
    }

    /// Several processes may save into one PostgreSQL database at once.
    public var allowsConcurrentWriters: Bool { true }

    // MARK: - ArticleStore

    public func save(_ articles: [AnnotatedArticle], resolution: EntityResolution?) async throws -> [SaveOutcome] {
        guard !articles.isEmpty || resolution != nil else { return [] }
        // Encode outside the transaction: only the SQL runs while other writers wait.
        let rows = try articles.map(EncodedArticle.init)
        let entities = try resolution.map { try $0.entities.map(EncodedEntity.init) } ?? []
        // Content-hash order (then batch order, so that the first reading of a body in the batch stays first):
        // two transactions inserting the same bodies take their row locks in one order and cannot deadlock.
        let order = rows.indices.sorted { a, b in
            rows[a].article.contentHash != rows[b].article.contentHash
                ? rows[a].article.contentHash < rows[b].article.contentHash : a < b
        }
        return try await transaction("save \(articles.count) article(s) to") { connection in
            try await Self.upsertEntities(entities, connection, self.logger)
            let mentionIDs = resolution?.mentionEntityIDs ?? [:]
            var outcomes = Array(repeating: SaveOutcome.unchanged, count: rows.count)
            var inserted: Set<String> = []
            var resolved = 0
            for index in order {
                let row = rows[index]
                let ids = mentionIDs[row.article.id]
                let outcome = try await Self.save(row, entityIDs: ids, connection, self.logger)
                if outcome == .inserted {
                    inserted.insert(row.article.id)
                    if ids != nil { resolved += 1 }
                }
                outcomes[index] = outcome
            }
            if let resolution {
                // Every article the resolution covers must have been inserted here, and only once.
                if resolved != mentionIDs.count {
                    let missing = mentionIDs.keys.sorted().first { !inserted.contains($0) } ?? "?"
                    throw StoreKeys.resolutionConflict(missing)
                }
                if let stories = resolution.stories {
                    if let missing = stories.articles.first(where: { !inserted.contains($0.articleID) }) {
                        throw StoreKeys.resolutionConflict(missing.articleID)
                    }
                    try await Self.writeStories(stories, connection, self.logger)
                }
                try await Self.writeSnapshot(resolution.snapshot, connection, self.logger)
            }
            if resolution != nil || outcomes.contains(where: { $0 != .unchanged }) {
                try await Self.bumpRevision(connection, self.logger)
            }
            return outcomes
        }
    }

    public func articles(_ query: ArticleQuery) async throws -> [ArticleSummary] {
        var sql = SQLBuilder()
        sql.append("SELECT \(Self.summaryColumns) FROM article a WHERE TRUE")
        Self.publishedBetween(query.since, query.until, &sql)
        if let outlet = query.outlet {
            sql.append(" AND EXISTS (SELECT 1 FROM article_source s WHERE s.article_id = a.id AND s.outlet_key = ")
            sql.bind(StoreKeys.outletKey(outlet))
            sql.append(")")
        }
        sql.append(" ORDER BY a.published_key IS NULL, a.published_key DESC, a.id LIMIT ")
        sql.bind(max(query.limit, 0))
        sql.append(" OFFSET ")
        sql.bind(max(query.offset, 0))
        let query = sql.query
        return try await read("list articles in") { connection in
            var summaries: [ArticleSummary] = []
            for try await row in try await connection.query(query, logger: self.logger) {
                summaries.append(try Self.summary(row))
            }
            return summaries
        }
    }

    public func article(id: String) async throws -> StoredArticle? {
        try await read("look up article \"\(id)\" in") { connection in
            guard let articleID = try await Self.resolve(id: id, connection, self.logger) else { return nil }
            return try await Self.storedArticles(ids: [articleID], connection, self.logger).first
        }
    }

    public func revision() async throws -> Int64 {
        try await read("read the revision of") { connection in
            let rows = try await connection.query(
                "SELECT revision FROM store_revision WHERE id = 1",
                logger: self.logger
            )
            for try await revision in rows.decode(Int64.self) { return revision }
            return 0
        }
    }

    public func counts() async throws -> StoreCounts {
        try await read("count articles in") { connection in
            let rows = try await connection.query(
                "SELECT (SELECT COUNT(*) FROM article), (SELECT COUNT(*) FROM article_source)",
                logger: self.logger
            )
            for try await (articles, sources) in rows.decode((Int, Int).self) {
                return StoreCounts(articles: articles, sources: sources)
            }
            return StoreCounts(articles: 0, sources: 0)
        }
    }

    /// Stores readings without annotations, as a database written before annotations were kept holds them:
    /// for tests of what happens to such articles. A reading of a stored body only adds its source.
    package func storeUnannotated(_ articles: [Article]) async throws {
        let rows = try articles.map {
            try EncodedArticle(AnnotatedArticle(article: $0, annotations: ArticleAnnotations()))
        }
        try await transaction("store \(articles.count) article(s) in") { connection in
            for row in rows {
                if try await Self.save(row, entityIDs: nil, connection, self.logger) == .inserted {
                    try await connection.query(
                        """
                        UPDATE article SET annotations = NULL, extractor_version = NULL WHERE id = \(row.article.id)
                        """,
                        logger: self.logger
                    )
                    try await connection.query(
                        "DELETE FROM entity_mention WHERE article_id = \(row.article.id)",
                        logger: self.logger
                    )
                    try await connection.query(
                        "DELETE FROM quote WHERE article_id = \(row.article.id)",
                        logger: self.logger
                    )
                }
            }
            try await Self.bumpRevision(connection, self.logger)
        }
    }

    // MARK: - Writing

    private static func save(
        _ row: EncodedArticle,
        entityIDs: [Int64]?,
        _ connection: PostgresConnection,
        _ logger: Logger
    ) async throws -> SaveOutcome {
        let article = row.article
        let mentions = row.annotations.entities.count
        if let entityIDs, entityIDs.count != mentions {
            throw StoreKeys.mentionCountMismatch(article.id, mentions: mentions, entityIDs: entityIDs.count)
        }
        let published = article.published.map(StoreKeys.sortKey)
        let insert: PostgresQuery = """
            INSERT INTO article (id, content_hash, title, outlet, url, published_key, word_count,
                                 live_blog_entry_count, record, annotations, extractor_version, entity_ids, search)
            VALUES (\(article.id), \(article.contentHash), \(article.title), \(article.outlet), \(article.url),
                    \(published), \(article.wordCount), \(article.liveBlogEntries.count), \(row.record),
                    \(row.annotationsJSON), \(row.extractorVersion), \(entityIDs),
                    setweight(to_tsvector('simple', \(row.searchTitle)), 'A')
                        || setweight(to_tsvector('simple', \(row.searchBody)), 'B'))
            ON CONFLICT DO NOTHING
            RETURNING seq
            """
        var inserted = false
        for try await _ in try await connection.query(insert, logger: logger) { inserted = true }
        guard inserted else {
            // The body is stored (by an earlier batch, or another writer that committed first), or its id is
            // taken by a different body.
            var existing: String?
            for try await id in try await connection.query(
                "SELECT id FROM article WHERE content_hash = \(article.contentHash)",
                logger: logger
            ).decode(String.self) {
                existing = id
            }
            guard let existing else { throw StoreKeys.idConflict(article) }
            return try await insertSource(row, articleID: existing, connection, logger) ? .addedSource : .unchanged
        }
        try await insertAnnotationRows(row.annotations, articleID: article.id, connection, logger)
        _ = try await insertSource(row, articleID: article.id, connection, logger)
        return .inserted
    }

    /// Adds a source to a stored article; false when the article already has a source with its key.
    private static func insertSource(
        _ row: EncodedArticle,
        articleID: String,
        _ connection: PostgresConnection,
        _ logger: Logger
    ) async throws -> Bool {
        let source = row.source
        let outletKey = source.outlet.map(StoreKeys.outletKey)
        var added = false
        for try await _ in try await connection.query(
            """
            INSERT INTO article_source (article_id, key, outlet_key, record)
            VALUES (\(articleID), \(source.key), \(outletKey), \(row.sourceRecord))
            ON CONFLICT (article_id, key) DO NOTHING
            RETURNING seq
            """,
            logger: logger
        ) {
            added = true
        }
        return added
    }

    /// The rows the cross-article queries read: one per entity mention and per quote, in text order.
    static func insertAnnotationRows(
        _ annotations: ArticleAnnotations,
        articleID: String,
        _ connection: PostgresConnection,
        _ logger: Logger
    ) async throws {
        if !annotations.entities.isEmpty {
            let names = annotations.entities.map(\.canonical)
            let types = annotations.entities.map(\.type.rawValue)
            try await connection.query(
                """
                INSERT INTO entity_mention (article_id, ordinal, canonical, type)
                SELECT \(articleID), m.ordinal - 1, m.canonical, m.type
                FROM unnest(\(names)::text[], \(types)::text[]) WITH ORDINALITY AS m(canonical, type, ordinal)
                """,
                logger: logger
            )
        }
        if !annotations.quotes.isEmpty {
            try await connection.query(
                """
                INSERT INTO quote (article_id, ordinal)
                SELECT \(articleID), q - 1 FROM generate_series(1, \(annotations.quotes.count)) AS q
                """,
                logger: logger
            )
        }
    }

    /// Counts one change of content (``revision()``): the last statement of every writing transaction, so that
    /// the row lock on the counter is held only while the transaction commits.
    static func bumpRevision(_ connection: PostgresConnection, _ logger: Logger) async throws {
        try await connection.query("UPDATE store_revision SET revision = revision + 1 WHERE id = 1", logger: logger)
    }

    // MARK: - Reading

    /// The id of the article `input` names: an exact id, or a unique prefix of at least 4 hex digits.
    private static func resolve(id input: String, _ connection: PostgresConnection, _ logger: Logger) async throws
        -> String?
    {
        for try await id in try await connection.query("SELECT id FROM article WHERE id = \(input)", logger: logger)
            .decode(String.self)
        {
            return id
        }
        guard let prefix = StoreKeys.idPrefix(input) else { return nil }
        var candidates: [String] = []
        for try await id in try await connection.query(
            "SELECT id FROM article WHERE id >= \(prefix) AND id < \(prefix + "g") ORDER BY id",
            logger: logger
        ).decode(String.self) where StoreKeys.id(id, hasPrefix: prefix) {
            candidates.append(id)
        }
        guard candidates.count <= 1 else { throw StoreKeys.ambiguous(input, candidates: candidates) }
        return candidates.first
    }

    // MARK: - Running queries

    /// Waits until the schema is ready (created or upgraded by ``init(url:logger:)``'s task).
    func prepared() async throws {
        do {
            try await ready.value
        } catch let error as StoreError {
            throw error
        } catch {
            throw Self.storeError(error, code: .cannotOpen, doing: "open", location: location)
        }
    }

    /// Runs reads on one leased connection, errors becoming ``StoreError`` values that name the database.
    func read<T: Sendable>(_ doing: String, _ body: (PostgresConnection) async throws -> T) async throws -> T {
        try await prepared()
        return try await perform(doing) { try await self.client.withConnection { try await body($0) } }
    }

    /// Runs `body` in one transaction, errors becoming ``StoreError`` values that name the database.
    func transaction<T: Sendable>(_ doing: String, _ body: (PostgresConnection) async throws -> T) async throws -> T {
        try await prepared()
        return try await perform(doing) {
            try await self.client.withConnection { connection in
                try await connection.query("BEGIN", logger: self.logger)
                do {
                    let result = try await body(connection)
                    try await connection.query("COMMIT", logger: self.logger)
                    return result
                } catch {
                    _ = try? await connection.query("ROLLBACK", logger: self.logger)
                    throw error
                }
            }
        }
    }

    func perform<T: Sendable>(_ doing: String, _ operation: () async throws -> T) async throws -> T {
        do {
            return try await operation()
        } catch let error as StoreError {
            throw error
        } catch {
            throw Self.storeError(error, code: .io, doing: doing, location: location)
        }
    }

    /// A ``StoreError`` for a failure of the server or the connection: it names the database without its password.
    static func storeError(_ error: any Error, code: StoreError.Code, doing: String, location: String) -> StoreError {
        var cause = String(reflecting: error)
        if let psql = error as? PSQLError {
            cause = psql.serverInfo?[.message].map { "\($0) (\(psql.serverInfo?[.sqlState] ?? "?"))" } ?? "\(psql.code)"
        }
        return StoreError(code, "cannot \(doing) the PostgreSQL database \(location)", cause: cause)
    }
}
