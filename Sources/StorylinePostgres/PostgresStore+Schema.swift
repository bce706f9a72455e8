import Logging
import PostgresNIO
import StorylineStore

/// The database schema and its numbered migrations (table `storyline_migrations`), applied once however many
/// processes open the database at the same moment.
extension PostgresStore {
    /// The key of the session advisory lock under which migrations run ("STLN" + 1).
    static let migrationLockKey: Int64 = 0x5354_4C4E_0001
    /// The key of the session advisory lock that serializes cross-document resolution (``withExclusiveResolution(_:)``).
    static let resolutionLockKey: Int64 = 0x5354_4C4E_0002

    /// Every schema change, in order: an identifier and its statements (one per element: the extended query
    /// protocol runs one statement at a time). Add a migration for each change; never edit a shipped one.
    ///
    /// The tables mean what the SQLite store's mean (`SQLiteStore+Schema.swift`). Differences: an article's
    /// record (`Article` as JSON) and its annotations (`ArticleAnnotations` as JSON, in text order) are kept
    /// whole, with the entity id of each mention in `article.entity_ids`; the rows the cross-article queries
    /// filter and group on (entity mentions, quotes) are kept beside them. Text compared or ordered by its
    /// bytes (ids, names) uses the "C" collation, whatever the database's locale.
    static let migrations: [(id: String, statements: [String])] = [
        (
            "v1",
            [
                """
                CREATE TABLE article (
                    seq BIGSERIAL NOT NULL UNIQUE,          -- storage order (search ranks ties by it)
                    id TEXT COLLATE "C" NOT NULL PRIMARY KEY,
                    content_hash TEXT COLLATE "C" NOT NULL UNIQUE,
                    title TEXT,
                    outlet TEXT,
                    url TEXT,
                    published_key BIGINT,                   -- StoreKeys.sortKey of the publication date
                    word_count BIGINT NOT NULL,
                    live_blog_entry_count BIGINT NOT NULL,
                    record TEXT NOT NULL,                   -- the Article of the first reading, JSON
                    annotations TEXT,                       -- ArticleAnnotations in text order, JSON; NULL: none
                    extractor_version TEXT,
                    entity_ids BIGINT[],                    -- entity id of each mention; NULL: not resolved
                    search TSVECTOR NOT NULL,               -- folded title words (weight A) and body words (B)
                    stored_at TIMESTAMPTZ NOT NULL DEFAULT now()
                )
                """,
                "CREATE INDEX article_listing ON article (published_key DESC NULLS LAST, id)",
                "CREATE INDEX article_chronology ON article (published_key NULLS LAST, id)",
                "CREATE INDEX article_search ON article USING GIN (search)",
                "CREATE INDEX article_entities ON article USING GIN (entity_ids)",
                """
                CREATE TABLE article_source (
                    seq BIGSERIAL PRIMARY KEY,              -- storage order
                    article_id TEXT COLLATE "C" NOT NULL REFERENCES article(id) ON DELETE CASCADE,
                    key TEXT NOT NULL,                      -- URL when known, else format:locator
                    outlet_key TEXT,                        -- lowercased outlet, for the outlet filter
                    record TEXT NOT NULL,                   -- ArticleSource, JSON
                    UNIQUE (article_id, key)
                )
                """,
                "CREATE INDEX article_source_outlet ON article_source (outlet_key, article_id)",
                """
                CREATE TABLE entity_mention (
                    article_id TEXT COLLATE "C" NOT NULL REFERENCES article(id) ON DELETE CASCADE,
                    ordinal BIGINT NOT NULL,                -- index in the article's mentions (text order)
                    canonical TEXT COLLATE "C" NOT NULL,    -- in-document canonical name
                    type TEXT COLLATE "C" NOT NULL,
                    PRIMARY KEY (article_id, ordinal)
                )
                """,
                "CREATE INDEX entity_mention_name ON entity_mention (canonical, type)",
                """
                CREATE TABLE quote (
                    article_id TEXT COLLATE "C" NOT NULL REFERENCES article(id) ON DELETE CASCADE,
                    ordinal BIGINT NOT NULL,                -- index in the article's quotes (text order)
                    PRIMARY KEY (article_id, ordinal)
                )
                """,
                """
                CREATE TABLE entity (
                    id BIGINT PRIMARY KEY,                  -- the resolver's: stable, never reused
                    type TEXT NOT NULL,
                    canonical_name TEXT COLLATE "C" NOT NULL,
                    mention_count BIGINT NOT NULL,
                    article_count BIGINT NOT NULL,
                    record TEXT NOT NULL                    -- StoredEntity, JSON
                )
                """,
                """
                CREATE TABLE resolver_state (
                    id INTEGER PRIMARY KEY CHECK (id = 1),
                    snapshot BYTEA NOT NULL,
                    updated_at TIMESTAMPTZ NOT NULL DEFAULT now()
                )
                """,
                "CREATE TABLE story (id BIGINT PRIMARY KEY, record BYTEA NOT NULL)",
                """
                CREATE TABLE article_story (
                    article_id TEXT COLLATE "C" PRIMARY KEY REFERENCES article(id) ON DELETE CASCADE,
                    story_id BIGINT NOT NULL,
                    thread_id BIGINT NOT NULL,
                    duplicate_of TEXT
                )
                """,
                """
                CREATE TABLE story_event (
                    id TEXT COLLATE "C" PRIMARY KEY,
                    type TEXT NOT NULL,
                    first_day BIGINT,
                    last_day BIGINT,
                    record BYTEA NOT NULL
                )
                """,
                "CREATE INDEX story_event_day ON story_event (first_day)",
                "CREATE TABLE store_revision (id INTEGER PRIMARY KEY CHECK (id = 1), revision BIGINT NOT NULL)",
                "INSERT INTO store_revision (id, revision) VALUES (1, 1)",
            ]
        )
    ]

    /// Refuses a database written by a newer Storyline, then applies the migrations it lacks — each in its own
    /// transaction, all under a session advisory lock so that processes starting together migrate once.
    static func prepareSchema(_ client: PostgresClient, location: String, logger: Logger) async throws {
        try await client.withConnection { connection in
            try await connection.query("SELECT pg_advisory_lock(\(migrationLockKey))", logger: logger)
            do {
                try await migrate(connection, location: location, logger: logger)
                try await connection.query("SELECT pg_advisory_unlock(\(migrationLockKey))", logger: logger)
            } catch {
                _ = try? await connection.query("SELECT pg_advisory_unlock(\(migrationLockKey))", logger: logger)
                throw error
            }
        }
    }

    private static func migrate(_ connection: PostgresConnection, location: String, logger: Logger) async throws {
        try await connection.query(
            """
            CREATE TABLE IF NOT EXISTS storyline_migrations (
                id TEXT PRIMARY KEY,
                applied_at TIMESTAMPTZ NOT NULL DEFAULT now()
            )
            """,
            logger: logger
        )
        var applied: Set<String> = []
        for try await id in try await connection.query("SELECT id FROM storyline_migrations", logger: logger)
            .decode(String.self)
        {
            applied.insert(id)
        }
        let known = Set(migrations.map(\.id))
        let unknown = applied.subtracting(known).sorted()
        guard unknown.isEmpty else {
            throw StoreError(
                .incompatibleSchema,
                "the PostgreSQL database \(location) was written by a newer version of Storyline "
                    + "(unknown schema migrations: \(unknown.joined(separator: ", "))); upgrade Storyline to open it"
            )
        }
        if applied.isEmpty {
            // A database with Storyline's tables but no record of them is not ours to change.
            var taken = 0
            for try await count in try await connection.query(
                """
                SELECT COUNT(*) FROM information_schema.tables
                WHERE table_schema = current_schema() AND table_name IN ('article', 'article_source', 'entity')
                """,
                logger: logger
            ).decode(Int.self) {
                taken = count
            }
            guard taken == 0 else {
                throw StoreError(
                    .incompatibleSchema,
                    "the PostgreSQL database \(location) has tables named like Storyline's but is not a Storyline "
                        + "database; refusing to modify it"
                )
            }
        }
        for migration in migrations where !applied.contains(migration.id) {
            try await connection.query("BEGIN", logger: logger)
            do {
                for statement in migration.statements {
                    try await connection.query(PostgresQuery(unsafeSQL: statement), logger: logger)
                }
                try await connection.query(
                    "INSERT INTO storyline_migrations (id) VALUES (\(migration.id))",
                    logger: logger
                )
                try await connection.query("COMMIT", logger: logger)
            } catch {
                _ = try? await connection.query("ROLLBACK", logger: logger)
                throw error
            }
        }
    }
}
