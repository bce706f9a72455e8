import Foundation
import GRDB
import StorylineCore
import StorylineStore
import Testing

@testable import StorylineSQLite

/// Databases written by earlier schema versions open cleanly, and the annotation tables behave as the
/// schema says.
@Suite("SQLiteStore migrations and annotation tables")
struct SQLiteMigrationTests {
    /// Creates a database as Storyline left it before annotations were stored — the shipped migration "v1"
    /// only — holding `readings`, written with the v1 columns.
    static func makeV1Database(at path: String, readings: [Article]) async throws {
        try await makeDatabase(at: path, upTo: "v1", readings: readings)
    }

    /// Creates a database as Storyline left it before extractor versions were recorded — the migrations up to
    /// "v2-annotations" — holding `readings` with their annotations, written with the v2 columns.
    static func makeV2Database(at path: String, readings: [AnnotatedArticle]) async throws {
        try await makeDatabase(at: path, upTo: "v2-annotations", readings: readings.map(\.article))
        try await DatabaseQueue(path: path).write { db in
            for annotated in readings {
                let id = annotated.article.id
                guard
                    try Bool.fetchOne(db, sql: "SELECT annotated = 0 FROM article WHERE id = ?", arguments: [id])
                        == true
                else { continue }
                try db.execute(sql: "UPDATE article SET annotated = 1 WHERE id = ?", arguments: [id])
                try SQLiteStore.insertAnnotations(annotated.annotations, articleID: id, db)
            }
        }
    }

    /// Creates a database with the shipped migrations up to `migration`, holding `readings` written with the
    /// v1 columns.
    private static func makeDatabase(at path: String, upTo migration: String, readings: [Article]) async throws {
        let queue = try DatabaseQueue(path: path)
        try SQLiteStore.migrator.migrate(queue, upTo: migration)
        try await queue.write { db in
            for article in readings {
                let byline = try SQLiteStore.json(article.byline)
                let origin = try SQLiteStore.json(article.origin)
                let isNew = try Bool.fetchOne(
                    db,
                    sql: "SELECT NOT EXISTS (SELECT 1 FROM article WHERE content_hash = ?)",
                    arguments: [article.contentHash]
                )
                if isNew == true {
                    try db.execute(
                        sql: """
                            INSERT INTO article (
                                id, content_hash, title, outlet, url, published, published_key, modified, byline,
                                language, dateline, body, paragraphs, live_blog_entries, live_blog_entry_count,
                                removed_chrome, word_count, origin)
                            VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)
                            """,
                        arguments: [
                            article.id, article.contentHash, article.title, article.outlet, article.url,
                            article.published?.iso8601, article.published.map(StoreKeys.sortKey),
                            article.modified?.iso8601, byline, article.language, article.dateline, article.text,
                            try SQLiteStore.json(article.paragraphs), try SQLiteStore.json(article.liveBlogEntries),
                            article.liveBlogEntries.count, try SQLiteStore.json(article.removedChrome),
                            article.wordCount, origin,
                        ]
                    )
                }
                try db.execute(
                    sql: """
                        INSERT INTO article_source (
                            article_id, key, outlet, outlet_key, url, title, published, byline, origin)
                        VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?)
                        """,
                    arguments: [
                        article.id, ArticleSource.key(for: article), article.outlet,
                        article.outlet.map(StoreKeys.outletKey), article.url, article.title,
                        article.published?.iso8601, byline, origin,
                    ]
                )
            }
        }
    }

    /// Every shipped migration, in order.
    static let allMigrations = [
        "v1", "v2-annotations", "v3-extractor-version", "v4-entities-quotes", "v5-resolved-entities",
        "v6-role-facts", "v7-events", "v8-stories", "v9-search", "v10-revision", "v11-quote-search",
    ]

    /// Creates a database as Storyline left it before entities and quotes were stored — the migrations up to
    /// "v3-extractor-version" — holding `readings` with their time expressions, extracted by `version`.
    static func makeV3Database(at path: String, readings: [AnnotatedArticle], version: String) async throws {
        try await makeDatabase(at: path, upTo: "v3-extractor-version", readings: readings.map(\.article))
        try await DatabaseQueue(path: path).write { db in
            for annotated in readings {
                let id = annotated.article.id
                guard
                    try Bool.fetchOne(db, sql: "SELECT annotated = 0 FROM article WHERE id = ?", arguments: [id])
                        == true
                else { continue }
                try db.execute(
                    sql: "UPDATE article SET annotated = 1, extractor_version = ? WHERE id = ?",
                    arguments: [version, id]
                )
                let timexes = ArticleAnnotations(timexes: annotated.annotations.timexes)
                try SQLiteStore.insertAnnotations(timexes, articleID: id, db)
            }
        }
    }

    static func migrations(at path: String) async throws -> [String] {
        try await DatabaseQueue(path: path).read { db in
            try String.fetchAll(db, sql: "SELECT identifier FROM grdb_migrations ORDER BY rowid")
        }
    }

    @Test("a v1 database migrates: its articles read back unannotated, new ones are stored with annotations")
    func v1DatabaseMigrates() async throws {
        let live = Sample.liveBlog()
        let copy = Sample.syndicated(live, outlet: "BBC News", url: "https://www.bbc.co.uk/news/live/world-123")
        let old = Sample.article("Stored before annotations existed.")
        let new = Sample.annotated("Stored after the upgrade.")
        try await withTemporaryDirectory { directory in
            let path = directory + "/storyline.db"
            try await Self.makeV1Database(at: path, readings: [live, copy, old])
            #expect(try await Self.migrations(at: path) == ["v1"])

            let store = try SQLiteStore(path: path)
            #expect(try await Self.migrations(at: path) == Self.allMigrations)
            #expect(try await store.counts() == StoreCounts(articles: 2, sources: 3))
            let storedLive = try #require(try await store.article(id: live.id))
            #expect(storedLive.article == live)
            #expect(storedLive.sources == [ArticleSource(live), ArticleSource(copy)])
            #expect(storedLive.annotations == nil, "a v1 article was never annotated: unknown, not empty")
            #expect(storedLive.extractorVersion == nil)
            #expect(try await store.countArticles(notExtractedBy: "2026.11.23-1") == 2, "both need extracting")
            #expect(try await store.article(id: old.id)?.annotations == nil)

            // Re-saving a v1 article changes nothing, as for any stored body.
            let oldAgain = AnnotatedArticle(article: old, annotations: Sample.annotated("x").annotations)
            #expect(try await store.save([oldAgain]) == [.unchanged])
            #expect(try await store.article(id: old.id)?.annotations == nil)

            #expect(try await store.save([new]) == [.inserted])
            #expect(try await store.article(id: new.article.id)?.annotations == new.annotations)
            #expect(try await store.articles(ArticleQuery()).count == 3)
            #expect(try store.integrityCheck() == [])

            // Opening the migrated file again applies nothing more.
            let reopened = try SQLiteStore(path: path)
            #expect(try await Self.migrations(at: path) == Self.allMigrations)
            #expect(try await reopened.article(id: new.article.id)?.annotations == new.annotations)
        }
    }

    @Test("a v2 database migrates: its annotations read back from an unknown extractor version, to be redone")
    func v2DatabaseMigrates() async throws {
        let live = Sample.annotatedLiveBlog()
        let plain = Sample.annotated("Annotated before versions were recorded.")
        let copy = Sample.syndicated(plain.article, outlet: "AP", url: "https://apnews.com/article/v2")
        let nothingFound = AnnotatedArticle(article: Sample.article("Nothing found here."), annotations: .init())
        let new = Self.extracted(Sample.annotated("Stored after the upgrade."), by: "2026.11.23-1")
        try await withTemporaryDirectory { directory in
            let path = directory + "/storyline.db"
            let readings = [live, plain, AnnotatedArticle(article: copy, annotations: .init()), nothingFound]
            try await Self.makeV2Database(at: path, readings: readings)
            #expect(try await Self.migrations(at: path) == ["v1", "v2-annotations"])

            let store = try SQLiteStore(path: path)
            #expect(try await Self.migrations(at: path) == Self.allMigrations)
            #expect(try await store.counts() == StoreCounts(articles: 3, sources: 4))
            for saved in [live, plain, nothingFound] {
                let stored = try #require(try await store.article(id: saved.article.id))
                #expect(stored.article == saved.article)
                #expect(stored.annotations == saved.annotations, "v2 annotations are kept")
                #expect(stored.extractorVersion == nil, "made by a version nobody recorded")
            }
            #expect(try await store.article(id: plain.article.id)?.sources.count == 2)
            // Every v2 article is outdated for any version.
            #expect(try await store.countArticles(notExtractedBy: "2026.11.23-1") == 3)
            let page = try await store.storedArticles(after: nil, limit: 10, notExtractedBy: "2026.11.23-1")
            #expect(page.map(\.article.id) == [live, plain, nothingFound].map(\.article.id).sorted())

            #expect(try await store.save([new]) == [.inserted])
            #expect(try await store.article(id: new.article.id)?.extractorVersion == "2026.11.23-1")
            #expect(try await store.countArticles(notExtractedBy: "2026.11.23-1") == 3)
            try await store.replaceAnnotations(
                page.map { (id: $0.article.id, annotations: ArticleAnnotations()) },
                extractorVersion: "2026.11.23-1"
            )
            #expect(try await store.countArticles(notExtractedBy: "2026.11.23-1") == 0)
            #expect(try await store.article(id: live.article.id)?.annotations == ArticleAnnotations())
            #expect(try store.integrityCheck() == [])
        }
    }

    @Test("a v3 database migrates: its time expressions are kept, entities and quotes are to be extracted")
    func v3DatabaseMigrates() async throws {
        var grain = QuoteSample.grainTalks()
        grain.annotations.timexes = [
            Sample.timex("March 10", in: grain.article, value: "2025-03-10"),
            Sample.timex("Monday", in: grain.article, value: "2025-03-10"),
            Sample.timex("next week", in: grain.article, value: "2025-W12"),
        ]
        let interview = QuoteSample.interview()
        try await withTemporaryDirectory { directory in
            let path = directory + "/storyline.db"
            try await Self.makeV3Database(at: path, readings: [grain, interview], version: "2026.11.23-1")
            #expect(try await Self.migrations(at: path) == ["v1", "v2-annotations", "v3-extractor-version"])

            let store = try SQLiteStore(path: path)
            #expect(try await Self.migrations(at: path) == Self.allMigrations)
            let stored = try #require(try await store.article(id: grain.article.id))
            #expect(stored.annotations == ArticleAnnotations(timexes: grain.annotations.timexes))
            #expect(stored.extractorVersion == "2026.11.23-1")
            #expect(try await store.article(id: interview.article.id)?.annotations == ArticleAnnotations())
            #expect(try await store.quotes(matching: QuoteQuery()).isEmpty)
            #expect(try await store.entities(matching: EntityQuery()).isEmpty)
            // A newer extractor redoes both.
            #expect(try await store.countArticles(notExtractedBy: "2026.11.23-2") == 2)

            try await store.replaceAnnotations(
                [
                    (id: grain.article.id, annotations: grain.annotations),
                    (id: interview.article.id, annotations: interview.annotations),
                ],
                extractorVersion: "2026.11.23-2"
            )
            #expect(try await store.article(id: grain.article.id)?.annotations == grain.annotations)
            #expect(try await store.quotes(matching: QuoteQuery()).count == 5)
            #expect(try await store.entities(matching: EntityQuery(name: "fidan")).map(\.mentions) == [2])
            #expect(try await store.countArticles(notExtractedBy: "2026.11.23-2") == 0)
            #expect(try store.integrityCheck() == [])
        }
    }

    /// Creates a database as Storyline left it before entities were resolved across articles — the migrations
    /// up to "v4-entities-quotes" — holding `readings` with all their annotations, extracted by `version`.
    static func makeV4Database(at path: String, readings: [AnnotatedArticle], version: String) async throws {
        try await makeDatabase(at: path, upTo: "v4-entities-quotes", readings: readings.map(\.article))
        try await DatabaseQueue(path: path).write { db in
            for annotated in readings {
                let id = annotated.article.id
                try db.execute(
                    sql: "UPDATE article SET annotated = 1, extractor_version = ? WHERE id = ?",
                    arguments: [version, id]
                )
                // The v4 columns: no entity_id yet.
                let annotations = StoreKeys.inTextOrder(annotated.annotations)
                try SQLiteStore.insertAnnotations(ArticleAnnotations(quotes: annotations.quotes), articleID: id, db)
                for mention in annotations.entities {
                    try db.execute(
                        sql: """
                            INSERT INTO entity_mention (article_id, start_byte, end_byte, type, canonical)
                            VALUES (?, ?, ?, ?, ?)
                            """,
                        arguments: [
                            id, mention.range.start, mention.range.end, mention.type.rawValue, mention.canonical,
                        ]
                    )
                }
            }
        }
    }

    @Test("a v4 database migrates: its mentions have no entity until the resolution is rebuilt")
    func v4DatabaseMigrates() async throws {
        let articles = QuoteSample.all()
        try await withTemporaryDirectory { directory in
            let path = directory + "/storyline.db"
            try await Self.makeV4Database(at: path, readings: articles, version: "2026.11.23-3")
            #expect(try await Self.migrations(at: path) == Array(Self.allMigrations.prefix(through: 3)))

            let store = try SQLiteStore(path: path)
            #expect(try await Self.migrations(at: path) == Self.allMigrations)
            // Everything of v4 reads back; nothing is resolved yet.
            for annotated in articles {
                #expect(
                    try await store.article(id: annotated.article.id)?.annotations
                        == StoreKeys.inTextOrder(annotated.annotations)
                )
            }
            #expect(try await store.entityResolverSnapshot() == nil)
            #expect(try await store.resolvedEntities(matching: EntityQuery()).isEmpty)
            // Quotes stored before their words were indexed are found by their words.
            let about = try await store.quotes(matching: QuoteQuery(about: "ceasefire")).map(\.text)
            #expect(
                about == [
                    "Ukraine had accepted a 30-day ceasefire proposal", "Russia has broken every ceasefire it signed,",
                ]
            )
            let unresolved = try await DatabaseQueue(path: path).read { db in
                try Int.fetchOne(db, sql: "SELECT COUNT(*) FROM entity_mention WHERE entity_id IS NULL")
            }
            #expect(unresolved == articles.map(\.annotations.entities.count).reduce(0, +))

            // The rebuild the CLI runs: every stored article in publication order.
            let stored = try await store.storedArticles(ids: try await store.articleIDsInPublicationOrder())
            let resolution = ArticleStoreConformanceTests.resolve(
                stored.map {
                    AnnotatedArticle(article: $0.article, annotations: $0.annotations ?? ArticleAnnotations())
                },
                snapshot: "rebuilt"
            )
            try await store.replaceEntityResolution(resolution)
            #expect(try await store.entityResolverSnapshot() == Data("rebuilt".utf8))
            #expect(
                Set(try await store.resolvedEntities(matching: EntityQuery(limit: 1000))) == Set(resolution.entities)
            )
            let stillUnresolved = try await DatabaseQueue(path: path).read { db in
                try Int.fetchOne(db, sql: "SELECT COUNT(*) FROM entity_mention WHERE entity_id IS NULL")
            }
            #expect(stillUnresolved == 0)
            #expect(try store.integrityCheck() == [])
        }
    }

    @Test("a v7 database migrates: its articles are intact and it has no stories until they are rebuilt")
    func v7DatabaseMigratesWithoutStories() async throws {
        let articles = QuoteSample.all()
        let v7 = Array(SQLiteStore.migrator.migrations.prefix { $0 != "v8-stories" })
        try await withTemporaryDirectory { directory in
            let path = directory + "/storyline.db"
            try await Self.makeDatabase(at: path, upTo: "v7-events", readings: articles.map(\.article))
            #expect(try await Self.migrations(at: path) == v7)
            #expect(v7.last == "v7-events")

            let store = try SQLiteStore(path: path)
            let migrated = try await Self.migrations(at: path)
            #expect(migrated == SQLiteStore.migrator.migrations)
            #expect(migrated.contains("v8-stories"))
            let rows = try await DatabaseQueue(path: path).read { db in
                try ["story", "article_story", "story_event"].map { table in
                    try Int.fetchOne(db, sql: "SELECT COUNT(*) FROM \(table)") ?? -1
                }
            }
            #expect(rows == [0, 0, 0])
            #expect(try await store.storyArticles().isEmpty)
            #expect(try await store.storedStories().isEmpty)
            #expect(try await store.storyEvents(matching: StoryEventQuery()).isEmpty)
            #expect(try await store.counts() == StoreCounts(articles: articles.count, sources: articles.count))
            for annotated in articles {
                #expect(try await store.article(id: annotated.article.id)?.article == annotated.article)
            }

            // The rebuild the CLI runs then writes them.
            let ids = try await store.articleIDsInPublicationOrder()
            try await store.replaceEntityResolution(
                EntityResolution(
                    entities: [],
                    mentionEntityIDs: [:],
                    snapshot: Data("rebuilt".utf8),
                    stories: StoryResolution(
                        stories: [StoredStory(id: 1, record: Data(#"{"label":"ceasefire"}"#.utf8))],
                        articles: ids.map { ArticleStory(articleID: $0, story: 1, thread: 1) },
                        events: [
                            StoredStoryEvent(id: "E0", type: .agree, firstDay: 1, lastDay: 2, record: Data("{}".utf8))
                        ]
                    )
                )
            )
            #expect(try await store.storyArticles().map(\.articleID) == ids.sorted())
            #expect(try await store.storyEvents(matching: StoryEventQuery()).map(\.id) == ["E0"])
            #expect(try store.integrityCheck() == [])
        }
    }

    /// `annotated` as extracted by `version`.
    static func extracted(_ annotated: AnnotatedArticle, by version: String?) -> AnnotatedArticle {
        var copy = annotated
        copy.extractorVersion = version
        return copy
    }

    @Test("paging reads the extraction index, not the article bodies")
    func pagingUsesTheExtractionIndex() async throws {
        try await withTemporaryDirectory { directory in
            let path = directory + "/storyline.db"
            _ = try SQLiteStore(path: path)
            let plans = try await DatabaseQueue(path: path).read { db in
                try [
                    "SELECT id FROM article WHERE id > 'a' AND (annotated = 0 OR extractor_version IS NOT 'v') "
                        + "ORDER BY id LIMIT 10",
                    "SELECT COUNT(*) FROM article WHERE annotated = 0 OR extractor_version IS NOT 'v'",
                ].map { sql in
                    try Row.fetchAll(db, sql: "EXPLAIN QUERY PLAN " + sql).map { $0["detail"] as String }
                        .joined(separator: "; ")
                }
            }
            for plan in plans {
                #expect(plan.contains("COVERING INDEX article_extraction"), "\(plan)")
            }
        }
    }

    @Test("time expressions are stored as UTF-8 byte offsets into the body and deleted with their article")
    func timexRows() async throws {
        let live = Sample.annotatedLiveBlog()
        try await withTemporaryDirectory { directory in
            let path = directory + "/storyline.db"
            let store = try SQLiteStore(path: path)
            _ = try await store.save([live, Sample.annotated("Another story.")])
            let queue = try DatabaseQueue(path: path)
            let rows = try queue.read { db in
                try Row.fetchAll(
                    db,
                    sql: """
                        SELECT substr(CAST(a.body AS BLOB), t.start_byte + 1, t.end_byte - t.start_byte) AS span,
                               t.type, t.value
                        FROM timex t JOIN article a ON a.id = t.article_id
                        WHERE t.article_id = ? ORDER BY t.id
                        """,
                    arguments: [live.article.id]
                )
            }
            let spans = rows.map { String(decoding: ($0["span"] as Data), as: UTF8.self) }
            #expect(spans == ["Friday", "11am", "the first minutes"])
            #expect(rows.map { $0["value"] as String } == live.annotations.timexes.map(\.value))

            try await queue.write { db in
                try db.execute(sql: "DELETE FROM article WHERE id = ?", arguments: [live.article.id])
            }
            let left = try await queue.read { db in
                try Int.fetchOne(
                    db,
                    sql: "SELECT COUNT(*) FROM timex WHERE article_id = ?",
                    arguments: [live.article.id]
                )
            }
            #expect(left == 0)
            #expect(try store.integrityCheck() == [])
        }
    }

    @Test("a damaged time expression row is reported with the article, not trusted")
    func damagedTimexRow() async throws {
        let article = Sample.annotated("A story whose file gets damaged.")
        try await withTemporaryDirectory { directory in
            let path = directory + "/storyline.db"
            let store = try SQLiteStore(path: path)
            _ = try await store.save([article])
            let queue = try DatabaseQueue(path: path)
            for damage in ["UPDATE timex SET end_byte = 100000", "UPDATE timex SET type = 'WEEKDAY'"] {
                try await queue.write { db in try db.execute(sql: damage) }
                let error = await #expect(throws: StoreError.self) { try await store.article(id: article.article.id) }
                #expect(error?.message.contains(article.article.id) == true, "\(damage)")
                try await queue.write { db in try db.execute(sql: "DELETE FROM timex") }
                try await queue.write { db in
                    try SQLiteStore.insertAnnotations(article.annotations, articleID: article.article.id, db)
                }
            }
            #expect(try await store.article(id: article.article.id)?.annotations == article.annotations)
        }
    }
}
