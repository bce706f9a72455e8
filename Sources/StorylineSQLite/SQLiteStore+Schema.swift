import GRDB
import StorylineStore

/// The database schema, its migrations, and the checks that refuse files this program must not touch.
extension SQLiteStore {
    /// `PRAGMA application_id` of a Storyline database: "STLN" in ASCII. Marks the file as ours.
    static let applicationID: Int32 = 0x5354_4C4E

    /// Every schema change, in order. Add a migration for each change; never edit a shipped one.
    static var migrator: DatabaseMigrator {
        var migrator = DatabaseMigrator()
        migrator.registerMigration("v1") { db in
            try db.execute(
                sql: """
                    CREATE TABLE article (
                        id TEXT NOT NULL PRIMARY KEY,
                        content_hash TEXT NOT NULL UNIQUE,
                        title TEXT,
                        outlet TEXT,
                        url TEXT,
                        -- ISO 8601 as stated by the source; published_key orders it (see StoreKeys.sortKey).
                        published TEXT,
                        published_key INTEGER,
                        modified TEXT,
                        byline TEXT NOT NULL,            -- JSON array of names
                        language TEXT,
                        dateline TEXT,
                        body TEXT NOT NULL,              -- paragraphs joined by a blank line
                        paragraphs TEXT NOT NULL,        -- JSON array
                        live_blog_entries TEXT NOT NULL, -- JSON array of LiveBlogEntry
                        live_blog_entry_count INTEGER NOT NULL,
                        removed_chrome TEXT NOT NULL,    -- JSON array
                        word_count INTEGER NOT NULL,
                        origin TEXT NOT NULL,            -- JSON ArticleOrigin of the first reading
                        stored_at TEXT NOT NULL DEFAULT (strftime('%Y-%m-%dT%H:%M:%fZ', 'now'))
                    ) STRICT;

                    CREATE TABLE article_source (
                        id INTEGER PRIMARY KEY,          -- storage order
                        article_id TEXT NOT NULL REFERENCES article(id) ON DELETE CASCADE,
                        key TEXT NOT NULL,               -- URL when known, else format:locator
                        outlet TEXT,
                        outlet_key TEXT,                 -- lowercased outlet, for the outlet filter
                        url TEXT,
                        title TEXT,
                        published TEXT,
                        byline TEXT NOT NULL,
                        origin TEXT NOT NULL,
                        stored_at TEXT NOT NULL DEFAULT (strftime('%Y-%m-%dT%H:%M:%fZ', 'now')),
                        UNIQUE (article_id, key)
                    ) STRICT;

                    CREATE INDEX article_listing ON article (published_key IS NULL, published_key DESC, id);
                    CREATE INDEX article_published ON article (published_key);
                    CREATE INDEX article_source_outlet ON article_source (outlet_key, article_id);
                    """
            )
            try db.execute(sql: "PRAGMA application_id = \(applicationID)")
        }
        migrator.registerMigration("v2-annotations") { db in
            // Articles stored under v1 were never annotated: `annotated` tells them apart from articles in
            // which extraction found nothing.
            try db.execute(
                sql: """
                    ALTER TABLE article ADD COLUMN
                        annotated INTEGER NOT NULL DEFAULT 0;  -- 1: annotations stored with it; 0: stored by v1

                    -- Time expressions found in article bodies (ArticleAnnotations.timexes). Offsets are UTF-8
                    -- byte offsets into article.body, start inclusive and end exclusive (TextRange's unit);
                    -- they become Unicode-scalar offsets only at the edge (JSON output).
                    CREATE TABLE timex (
                        id INTEGER PRIMARY KEY,          -- storage order: text order within an article
                        article_id TEXT NOT NULL REFERENCES article(id) ON DELETE CASCADE,
                        start_byte INTEGER NOT NULL,     -- UTF-8 offset in article.body of the first byte
                        end_byte INTEGER NOT NULL,       -- UTF-8 offset in article.body just past the last byte
                        type TEXT NOT NULL,              -- TIMEX3 type: DATE, TIME, DURATION or SET
                        value TEXT NOT NULL              -- TIMEX3 value: 2025-02-27, 2025-W08, P3Y, XXXX-02-27…
                    ) STRICT;

                    CREATE INDEX timex_article ON timex (article_id);
                    -- For timeline queries: the articles that mention a given day, week, month…
                    CREATE INDEX timex_value ON timex (value);
                    """
            )
        }
        migrator.registerMigration("v3-extractor-version") { db in
            // Annotations stored under v2 were made by an extractor whose version was not recorded: NULL, which
            // `storyline reextract` treats as outdated.
            try db.execute(
                sql: """
                    ALTER TABLE article ADD COLUMN
                        extractor_version TEXT;  -- ArticleExtractor.version of the stored annotations; NULL: unknown

                    -- Paging in id order through the articles whose annotations are missing or outdated
                    -- (SQLiteStore.storedArticles, countArticles) reads this index, not the article bodies.
                    CREATE INDEX article_extraction ON article (id, annotated, extractor_version);
                    """
            )
        }
        migrator.registerMigration("v4-entities-quotes") { db in
            // Articles annotated before this migration have no rows here; their extractor version is older than
            // the one that finds entities and quotes, so `storyline reextract` fills these tables for them.
            try db.execute(
                sql: """
                    -- Named-entity mentions found in article bodies (ArticleAnnotations.entities). Offsets are UTF-8
                    -- byte offsets into article.body, start inclusive and end exclusive, as in the timex table.
                    CREATE TABLE entity_mention (
                        id INTEGER PRIMARY KEY,          -- storage order: text order within an article
                        article_id TEXT NOT NULL REFERENCES article(id) ON DELETE CASCADE,
                        start_byte INTEGER NOT NULL,     -- the name only: no title, leading "the" or possessive 's
                        end_byte INTEGER NOT NULL,
                        type TEXT NOT NULL,              -- PERSON, ORG, GPE, LOC, NORP, FAC or EVENT
                        canonical TEXT NOT NULL          -- in-document canonical name: "Keir Starmer" for "Starmer"
                    ) STRICT;

                    CREATE INDEX entity_mention_article ON entity_mention (article_id);
                    -- For entity queries: every mention of a name, grouped by name and type.
                    CREATE INDEX entity_mention_canonical ON entity_mention (canonical, type);

                    -- Quotes found in article bodies (ArticleAnnotations.quotes): what was said (start_byte..end_byte
                    -- of article.body: the words inside the quotation marks, or the reported clause), by whom and how.
                    CREATE TABLE quote (
                        id INTEGER PRIMARY KEY,          -- storage order: text order within an article
                        article_id TEXT NOT NULL REFERENCES article(id) ON DELETE CASCADE,
                        start_byte INTEGER NOT NULL,
                        end_byte INTEGER NOT NULL,
                        kind TEXT NOT NULL,              -- direct, partial or indirect
                        speaker TEXT,                    -- the source as written: "Keir Starmer", "he", "the Kremlin"
                        speaker_start INTEGER,           -- UTF-8 range of speaker in article.body, when it has one
                        speaker_end INTEGER,
                        speaker_name TEXT,               -- the name the speaker resolves to: "Keir Starmer" for "he"
                        cue TEXT,                        -- "said", "told", "according to", ":"
                        addressee TEXT,                  -- "reporters" in "told reporters"
                        channel TEXT                     -- "in a statement"
                    ) STRICT;

                    CREATE INDEX quote_article ON quote (article_id);
                    CREATE INDEX quote_speaker_name ON quote (speaker_name);
                    """
            )
        }
        migrator.registerMigration("v5-resolved-entities") { db in
            // Databases migrated from v4 have mentions without entity ids and no resolver state: the next
            // `storyline ingest` or `storyline reextract` rebuilds the resolution over every stored article.
            try db.execute(
                sql: """
                    -- Entities resolved across articles (cross-document resolution, computed by the caller and
                    -- written with the batch that changed them). id is the resolver's: stable, never reused.
                    CREATE TABLE entity (
                        id INTEGER PRIMARY KEY,
                        type TEXT NOT NULL,              -- the most frequent type of its mentions
                        canonical_name TEXT NOT NULL,    -- the fullest common form; may change as articles arrive
                        mention_count INTEGER NOT NULL,
                        article_count INTEGER NOT NULL,
                        first_article_id TEXT,           -- the earliest report (publication date, then id)
                        first_published TEXT,            -- ISO 8601 as stated by that article
                        last_article_id TEXT,            -- the latest dated report
                        last_published TEXT,
                        names TEXT NOT NULL,             -- JSON object: in-document canonical name → mentions
                        aliases TEXT NOT NULL            -- JSON object: surface form as written → mentions
                    ) STRICT;

                    CREATE INDEX entity_ranking ON entity (mention_count DESC, article_count DESC, canonical_name, id);

                    -- NULL until the mention's article is resolved (databases migrated from v4, annotations
                    -- replaced by reextract and not yet resolved again).
                    ALTER TABLE entity_mention ADD COLUMN entity_id INTEGER REFERENCES entity(id);
                    CREATE INDEX entity_mention_entity ON entity_mention (entity_id);

                    -- The entity resolver's state after the last resolution (one row; JSON), so that the next
                    -- ingest continues incrementally. No row: none yet, or out of date (rebuild from scratch).
                    CREATE TABLE resolver_state (
                        id INTEGER PRIMARY KEY CHECK (id = 1),
                        snapshot BLOB NOT NULL,
                        updated_at TEXT NOT NULL DEFAULT (strftime('%Y-%m-%dT%H:%M:%fZ', 'now'))
                    ) STRICT;
                    """
            )
        }
        migrator.registerMigration("v6-role-facts") { db in
            // Articles annotated before this migration have no rows here; their extractor version is older than
            // the one that finds roles, so `storyline reextract` fills this table for them.
            try db.execute(
                sql: """
                    -- Roles and titles the article gives people (ArticleAnnotations.roles): "UK Prime Minister Keir
                    -- Starmer", "Mark Rutte, NATO's secretary general". UTF-8 byte ranges into article.body.
                    CREATE TABLE role_fact (
                        id INTEGER PRIMARY KEY,          -- storage order: text order within an article
                        article_id TEXT NOT NULL REFERENCES article(id) ON DELETE CASCADE,
                        person TEXT NOT NULL,            -- the person's in-document canonical name
                        person_start INTEGER NOT NULL,
                        person_end INTEGER NOT NULL,
                        role TEXT NOT NULL,              -- normalized, lower case: "prime minister", "spokesperson"
                        role_start INTEGER NOT NULL,     -- the title as written
                        role_end INTEGER NOT NULL,
                        affiliation TEXT,                -- organisation or country: "United Kingdom", "Kremlin"
                        affiliation_start INTEGER,
                        affiliation_end INTEGER
                    ) STRICT;

                    CREATE INDEX role_fact_article ON role_fact (article_id);
                    CREATE INDEX role_fact_person ON role_fact (person);
                    """
            )
        }
        migrator.registerMigration("v7-events") { db in
            // Articles annotated before this migration have no rows here; their extractor version is older than
            // the one that finds events, so `storyline reextract` fills this table for them.
            try db.execute(
                sql: """
                    -- Events the article's sentences report (ArticleAnnotations.events): one row per report, in
                    -- trigger order. UTF-8 byte ranges into article.body.
                    CREATE TABLE event_mention (
                        id INTEGER PRIMARY KEY,          -- storage order: text order within an article
                        article_id TEXT NOT NULL REFERENCES article(id) ON DELETE CASCADE,
                        type TEXT NOT NULL,              -- PLOVER type or STATEMENT
                        mode TEXT,                       -- PLOVER mode: "visit", "phone", "drone"…
                        modality TEXT NOT NULL,          -- happened, planned, proposed, denied, hypothetical
                        trigger_start INTEGER NOT NULL,
                        trigger_end INTEGER NOT NULL,
                        sentence_start INTEGER NOT NULL,
                        sentence_end INTEGER NOT NULL,
                        date TEXT,                       -- TIMEX3 value of the event's own date
                        date_start INTEGER,              -- the time expression it came from (NULL: article date)
                        date_end INTEGER,
                        arguments TEXT NOT NULL          -- JSON: {"actors":[…],"targets":[…],"place":…}
                    ) STRICT;

                    CREATE INDEX event_mention_article ON event_mention (article_id);
                    CREATE INDEX event_mention_type_date ON event_mention (type, date);
                    """
            )
        }
        migrator.registerMigration("v8-stories") { db in
            // Written at ingest with the entity resolution (EntityResolution.stories). A database from before
            // this migration has none: the next ingest rebuilds them from every stored article, and until then
            // the commands that read them merge the stored events in memory.
            try db.execute(
                sql: """
                    -- Stories (StoryClusterer): the clusterer's record of each story as JSON.
                    CREATE TABLE story (
                        id INTEGER PRIMARY KEY,
                        record TEXT NOT NULL
                    ) STRICT;

                    -- The story and thread of each article, and the article it copies when it is a near-duplicate.
                    CREATE TABLE article_story (
                        article_id TEXT PRIMARY KEY REFERENCES article(id) ON DELETE CASCADE,
                        story_id INTEGER NOT NULL,
                        thread_id INTEGER NOT NULL,
                        duplicate_of TEXT
                    ) STRICT;
                    CREATE INDEX article_story_story ON article_story (story_id);

                    -- Events merged across articles (EventMerger): the merger's record of each as JSON, with its
                    -- type and the days its date spans (NULL: undated) to filter on.
                    CREATE TABLE story_event (
                        id TEXT PRIMARY KEY,
                        type TEXT NOT NULL,
                        first_day INTEGER,
                        last_day INTEGER,
                        record TEXT NOT NULL
                    ) STRICT;
                    CREATE INDEX story_event_day ON story_event (first_day);
                    """
            )
        }
        migrator.registerMigration("v9-search") { db in
            // Full-text search (SQLiteStore+Search.swift): its own copy of each article's title and body, kept
            // by triggers, so that a VACUUM renumbering the article rows cannot desynchronize it.
            try db.execute(
                sql: """
                    CREATE VIRTUAL TABLE article_search USING fts5(
                        article_id UNINDEXED, title, body, tokenize = 'unicode61 remove_diacritics 2');
                    INSERT INTO article_search (rowid, article_id, title, body)
                        SELECT rowid, id, coalesce(title, ''), body FROM article;
                    CREATE TRIGGER article_search_insert AFTER INSERT ON article BEGIN
                        INSERT INTO article_search (rowid, article_id, title, body)
                        VALUES (new.rowid, new.id, coalesce(new.title, ''), new.body);
                    END;
                    CREATE TRIGGER article_search_delete AFTER DELETE ON article BEGIN
                        DELETE FROM article_search WHERE article_id = old.id;
                    END;
                    """
            )
        }
        migrator.registerMigration("v10-revision") { db in
            // A counter of content changes (ArticleStore.revision()): readers that keep a view built from the
            // store (the server's timeline) rebuild it when the number changed. Bumped by triggers on every
            // table a reader's view is built from, so that no writer — this process or another — can forget it.
            var sql = """
                CREATE TABLE store_revision (
                    id INTEGER PRIMARY KEY CHECK (id = 1),
                    revision INTEGER NOT NULL
                ) STRICT;
                INSERT INTO store_revision (id, revision) VALUES (1, 1);

                """
            for table in ["article", "article_source", "entity", "story", "article_story", "story_event"] {
                for change in ["INSERT", "UPDATE", "DELETE"] {
                    sql += """
                        CREATE TRIGGER \(table)_revision_\(change.lowercased()) AFTER \(change) ON \(table) BEGIN
                            UPDATE store_revision SET revision = revision + 1 WHERE id = 1;
                        END;

                        """
                }
            }
            try db.execute(sql: sql)
        }
        migrator.registerMigration("v11-quote-search") { db in
            // Quotes by their words (QuoteQuery.about): an FTS5 index of each quote's text — its bytes of the
            // article body — keyed by the quote's id (an INTEGER PRIMARY KEY, which VACUUM keeps). Kept by
            // triggers; the quotes already stored are indexed when the database migrates. And the articles in
            // publication order, for listing quotes without sorting them all.
            try db.execute(
                sql: """
                    CREATE VIRTUAL TABLE quote_search USING fts5(
                        text, tokenize = 'unicode61 remove_diacritics 2');
                    INSERT INTO quote_search (rowid, text)
                        SELECT q.id, CAST(substr(CAST(a.body AS BLOB), q.start_byte + 1, q.end_byte - q.start_byte)
                            AS TEXT)
                        FROM quote q JOIN article a ON a.id = q.article_id;
                    CREATE TRIGGER quote_search_insert AFTER INSERT ON quote BEGIN
                        INSERT INTO quote_search (rowid, text)
                            SELECT new.id, CAST(substr(CAST(body AS BLOB), new.start_byte + 1,
                                new.end_byte - new.start_byte) AS TEXT)
                            FROM article WHERE id = new.article_id;
                    END;
                    CREATE TRIGGER quote_search_delete AFTER DELETE ON quote BEGIN
                        DELETE FROM quote_search WHERE rowid = old.id;
                    END;
                    -- Publication order (undated last), the order quotes are listed in: walked from the start,
                    -- a page of quotes stops early instead of sorting every quote.
                    CREATE INDEX article_chronology ON article (published_key IS NULL, published_key, id);
                    """
            )
        }
        return migrator
    }

    /// Refuses foreign or newer databases, then brings the schema up to date.
    static func prepareSchema(_ pool: DatabasePool, path: String) throws {
        let migrator = Self.migrator
        do {
            try pool.read { db in try checkCompatibility(db, migrator: migrator, path: path) }
        } catch {
            throw openError(error, path: path)
        }
        do {
            try migrator.migrate(pool)
        } catch {
            // Another process may have created the schema between our check and our migration.
            let done = (try? pool.read { db in try migrator.hasCompletedMigrations(db) }) ?? false
            if !done { throw ioError(error, doing: "create the schema of", path: path) }
        }
    }

    private static func checkCompatibility(_ db: Database, migrator: DatabaseMigrator, path: String) throws {
        let notStoryline = StoreError(
            .incompatibleSchema,
            "the database at \(path) is not a Storyline database; refusing to modify it"
        )
        let appID = try Int32.fetchOne(db, sql: "PRAGMA application_id") ?? 0
        guard appID == 0 || appID == applicationID else { throw notStoryline }
        let applied = try db.tableExists("grdb_migrations") ? try migrator.appliedIdentifiers(db) : []
        if applied.isEmpty {
            // A fresh file (or one whose first migration never committed) holds no tables but GRDB's own.
            let tables =
                try Int.fetchOne(
                    db,
                    sql: """
                        SELECT COUNT(*) FROM sqlite_master
                        WHERE name NOT LIKE 'sqlite\\_%' ESCAPE '\\' AND name <> 'grdb_migrations'
                        """
                ) ?? 0
            guard tables == 0 else { throw notStoryline }
            return
        }
        guard appID == applicationID else { throw notStoryline }
        if try migrator.hasBeenSuperseded(db) {
            let known = Set(migrator.migrations)
            let unknown = applied.filter { !known.contains($0) }.sorted()
            throw StoreError(
                .incompatibleSchema,
                "the database at \(path) was written by a newer version of Storyline "
                    + "(unknown schema migrations: \(unknown.joined(separator: ", "))); upgrade Storyline to open it"
            )
        }
    }
}
