import GRDB
import StorylineCore
import StorylineStore

/// The embedded default ``ArticleStore``: one SQLite file, read and written through GRDB.
///
/// An article's annotations are rows of their own tables (`timex`, `entity_mention`, `quote`), written in the
/// same transaction as the article, with the version of the extractor that produced them
/// (`article.extractor_version`). ``replaceAnnotations(_:extractorVersion:)`` swaps them for new ones, a batch per
/// transaction, without touching the article (`SQLiteStore+Reextraction.swift`). Quotes and entities are queried
/// across articles with parameterized SQL (`SQLiteStore+Queries.swift`).
///
/// The file is opened as a GRDB `DatabasePool` in WAL mode, so reads never wait for a write and several
/// processes (each with its own `SQLiteStore`) can share one file: a writer that finds the file locked
/// waits for up to ``busyTimeoutSeconds`` before failing. Each ``save(_:)`` is one `IMMEDIATE` transaction,
/// so a process killed mid-ingest leaves the batches it committed and nothing of the one it was writing;
/// re-running the ingest completes it (saves are idempotent).
///
/// The schema is created and upgraded by a `DatabaseMigrator` (see `SQLiteStore+Schema.swift`). A file
/// written by a newer Storyline, or an SQLite file that is not a Storyline database, is refused with
/// ``StoreError/Code/incompatibleSchema`` and left untouched.
public final class SQLiteStore: ArticleStore {
    /// The file name the command-line tool uses when no database path is given.
    public static let defaultPath = "storyline.db"

    /// How long a write waits for another connection or process that holds the write lock.
    public static let busyTimeoutSeconds: Double = 10

    /// The database file's path, as given to ``init(path:)``.
    public let path: String

    let pool: DatabasePool

    /// Opens the Storyline database at `path`, creating the file and its schema if needed.
    ///
    /// - Throws: ``StoreError`` with code ``StoreError/Code/cannotOpen`` when the file cannot be opened or
    ///   created (for instance its directory does not exist), or ``StoreError/Code/incompatibleSchema`` when
    ///   the file is not a Storyline database or was written by a newer version of Storyline.
    ///
    /// - Parameter memoryMapBytes: when above zero, each connection reads up to this many bytes of the database
    ///   file through a memory map (`PRAGMA mmap_size`; SQLite caps it at its compile-time maximum, 2 GB in
    ///   Debian's build) instead of copying every page it reads with a system call. The server asks for it:
    ///   its requests read the same pages again and again. Mapped pages count toward the process's resident
    ///   memory, so commands whose peak memory is measured leave it off.
    public init(path: String, memoryMapBytes: Int64 = 0) throws {
        self.path = path
        var configuration = Configuration()
        configuration.busyMode = .timeout(Self.busyTimeoutSeconds)
        configuration.foreignKeysEnabled = true
        configuration.label = "storyline"
        if memoryMapBytes > 0 {
            configuration.prepareDatabase { db in try db.execute(sql: "PRAGMA mmap_size = \(memoryMapBytes)") }
        }
        do {
            pool = try DatabasePool(path: path, configuration: configuration)
        } catch {
            throw Self.openError(error, path: path)
        }
        try Self.prepareSchema(pool, path: path)
    }

    // MARK: - ArticleStore

    public func save(_ articles: [AnnotatedArticle], resolution: EntityResolution?) async throws -> [SaveOutcome] {
        guard !articles.isEmpty || resolution != nil else { return [] }
        // Encode outside the write lock: only the SQL runs while other writers wait.
        let rows = try articles.map(EncodedArticle.init)
        let entities = try resolution.map { try $0.entities.map(EncodedEntity.init) } ?? []
        return try await perform("save \(articles.count) article(s) to") {
            try await self.pool.write { db in
                // Entities first: the mentions inserted with the articles refer to them.
                try Self.upsertEntities(entities, db)
                let mentionIDs = resolution?.mentionEntityIDs ?? [:]
                var outcomes: [SaveOutcome] = []
                var resolved = 0
                for row in rows {
                    let ids = mentionIDs[row.article.id]
                    let outcome = try Self.save(row, entityIDs: ids, db)
                    if outcome == .inserted, ids != nil { resolved += 1 }
                    outcomes.append(outcome)
                }
                if let resolution {
                    // Every article the resolution covers must have been inserted here, and only once.
                    if resolved != mentionIDs.count {
                        let inserted = Set(zip(rows, outcomes).filter { $0.1 == .inserted }.map(\.0.article.id))
                        let missing = mentionIDs.keys.sorted().first { !inserted.contains($0) } ?? "?"
                        throw StoreKeys.resolutionConflict(missing)
                    }
                    if let stories = resolution.stories {
                        let inserted = Set(zip(rows, outcomes).filter { $0.1 == .inserted }.map(\.0.article.id))
                        if let missing = stories.articles.first(where: { !inserted.contains($0.articleID) }) {
                            throw StoreKeys.resolutionConflict(missing.articleID)
                        }
                        try Self.writeStories(stories, db)
                    }
                    try Self.writeSnapshot(resolution.snapshot, db)
                }
                return outcomes
            }
        }
    }

    public func articles(_ query: ArticleQuery) async throws -> [ArticleSummary] {
        var (conditions, arguments) = Self.publishedBetween(query.since, query.until)
        if let outlet = query.outlet {
            conditions.append(
                "EXISTS (SELECT 1 FROM article_source s WHERE s.article_id = a.id AND s.outlet_key = ?)"
            )
            arguments += [StoreKeys.outletKey(outlet)]
        }
        arguments += [max(query.limit, 0), max(query.offset, 0)]
        let sql = """
            SELECT a.id, a.title, a.outlet, a.url, a.published, a.word_count, a.live_blog_entry_count,
                   (SELECT COUNT(*) FROM article_source s WHERE s.article_id = a.id) AS source_count
            FROM article a
            \(conditions.isEmpty ? "" : "WHERE " + conditions.joined(separator: " AND "))
            ORDER BY a.published_key IS NULL, a.published_key DESC, a.id
            LIMIT ? OFFSET ?
            """
        let finalArguments = arguments
        return try await perform("list articles in") {
            try await self.pool.read { db in
                try Row.fetchAll(db, sql: sql, arguments: finalArguments).map(Self.summary)
            }
        }
    }

    public func article(id: String) async throws -> StoredArticle? {
        try await perform("look up article \"\(id)\" in") {
            try await self.pool.read { db in
                guard let articleID = try Self.resolve(id: id, db) else { return nil }
                return try Self.storedArticles(ids: [articleID], db).first
            }
        }
    }

    public func revision() async throws -> Int64 {
        try await perform("read the revision of") {
            try await self.pool.read { db in
                try Int64.fetchOne(db, sql: "SELECT revision FROM store_revision WHERE id = 1") ?? 0
            }
        }
    }

    public func counts() async throws -> StoreCounts {
        try await perform("count articles in") {
            try await self.pool.read { db in
                let articles = try Int.fetchOne(db, sql: "SELECT COUNT(*) FROM article") ?? 0
                let sources = try Int.fetchOne(db, sql: "SELECT COUNT(*) FROM article_source") ?? 0
                return StoreCounts(articles: articles, sources: sources)
            }
        }
    }

    // MARK: - Maintenance

    /// Checks the file's structure and its foreign keys; returns one line per problem (empty when sound).
    public func integrityCheck() throws -> [String] {
        do {
            return try pool.read { db in
                var problems = try String.fetchAll(db, sql: "PRAGMA integrity_check").filter { $0 != "ok" }
                for row in try Row.fetchAll(db, sql: "PRAGMA foreign_key_check") {
                    let table: String = row[0]
                    let rowid: Int64? = row[1]
                    let parent: String = row[2]
                    problems.append(
                        "row \(rowid.map(String.init) ?? "?") of table \(table) refers to a missing \(parent) row"
                    )
                }
                return problems
            }
        } catch {
            throw Self.ioError(error, doing: "check the integrity of", path: path)
        }
    }

    // MARK: - Writing

    private static func save(_ row: EncodedArticle, entityIDs: [Int64]?, _ db: Database) throws -> SaveOutcome {
        if let existingID = try String.fetchOne(
            db,
            sql: "SELECT id FROM article WHERE content_hash = ?",
            arguments: [row.article.contentHash]
        ) {
            try insertSource(row, articleID: existingID, db)
            return db.changesCount > 0 ? .addedSource : .unchanged
        }
        // The id is the primary key: a different body under the same id (a malformed reading) cannot be kept.
        let idTaken = try Bool.fetchOne(
            db,
            sql: "SELECT EXISTS (SELECT 1 FROM article WHERE id = ?)",
            arguments: [row.article.id]
        )
        guard idTaken != true else { throw StoreKeys.idConflict(row.article) }
        try insertArticle(row, db)
        try insertAnnotations(row.annotations, articleID: row.article.id, entityIDs: entityIDs, db)
        try insertSource(row, articleID: row.article.id, db)
        return .inserted
    }

    // MARK: - Reading

    /// The id of the article `input` names: an exact id, or a unique prefix of at least 4 hex digits.
    private static func resolve(id input: String, _ db: Database) throws -> String? {
        let exact = "SELECT id FROM article WHERE id = ?"
        if let id = try String.fetchOne(db, sql: exact, arguments: [input]) { return id }
        guard let prefix = StoreKeys.idPrefix(input) else { return nil }
        // Ids are lowercase hex, so every id that starts with `prefix` sorts in [prefix, prefix + "g").
        let candidates = try String.fetchAll(
            db,
            sql: "SELECT id FROM article WHERE id >= ? AND id < ? ORDER BY id",
            arguments: [prefix, prefix + "g"]
        ).filter { StoreKeys.id($0, hasPrefix: prefix) }
        guard candidates.count <= 1 else { throw StoreKeys.ambiguous(input, candidates: candidates) }
        return candidates.first
    }

    // MARK: - Errors

    /// Runs a database operation, turning GRDB errors into ``StoreError`` values that name the file.
    func perform<T: Sendable>(_ doing: String, _ operation: () async throws -> T) async throws -> T {
        do {
            return try await operation()
        } catch {
            throw Self.ioError(error, doing: doing, path: path)
        }
    }
}
