import Foundation
import StorylineCore
import StorylineStore
import Testing

/// Stories and merged events kept by every store alike: written with the entity resolution of their batch,
/// read back exactly, filtered and ordered by date, refused when they name an article the batch does not
/// insert, deleted by re-extraction and replaced whole by a rebuilt resolution.
extension ArticleStoreConformanceTests {
    /// A clusterer's or merger's JSON record, with non-ASCII text so that a store re-encoding it is caught.
    static func storyRecord(_ label: String) -> Data {
        Data(#"{"label":"\#(label)","note":"Zelenskyy – “minerals” · Київ"}"#.utf8)
    }

    /// A story with a record naming `label`.
    static func story(_ id: Int, _ label: String) -> StoredStory {
        StoredStory(id: id, record: storyRecord(label))
    }

    /// A merged event spanning days `days` after 2025-03-01 (nil: undated), with a record naming `label`.
    static func storyEvent(
        _ id: String,
        _ type: EventType,
        _ days: ClosedRange<Int>?,
        _ label: String? = nil
    ) -> StoredStoryEvent {
        let base = PublicationDate.dayNumber(year: 2025, month: 3, day: 1)
        return StoredStoryEvent(
            id: id,
            type: type,
            firstDay: days.map { base + $0.lowerBound },
            lastDay: days.map { base + $0.upperBound },
            record: storyRecord(label ?? id)
        )
    }

    /// The first day of 2025-03-01 plus `offset`, as stored events count days.
    static func storyDay(_ offset: Int) -> Int {
        PublicationDate.dayNumber(year: 2025, month: 3, day: 1) + offset
    }

    /// The stand-in entity resolution of `batch` (ids as if `all` were resolved in one run) carrying `stories`.
    static func resolve(
        _ batch: [AnnotatedArticle],
        of all: [AnnotatedArticle],
        stories: StoryResolution?
    ) -> EntityResolution {
        var resolution = resolve(all, snapshot: "stories")
        let ids = Set(batch.map(\.article.id))
        resolution.mentionEntityIDs = resolution.mentionEntityIDs.filter { ids.contains($0.key) }
        resolution.stories = stories
        return resolution
    }

    /// Every story, assignment and event the store holds.
    static func storyState(
        _ store: any ArticleStore
    ) async throws -> (stories: [StoredStory], articles: [ArticleStory], events: [StoredStoryEvent]) {
        (
            try await store.storedStories(),
            try await store.storyArticles(),
            try await store.storyEvents(matching: StoryEventQuery())
        )
    }

    /// `assignments` by article id in byte order, as ``ArticleStore/storyArticles()`` returns them.
    static func byArticleID(_ assignments: [ArticleStory]) -> [ArticleStory] {
        assignments.sorted { $0.articleID.utf8.lexicographicallyPrecedes($1.articleID.utf8) }
    }

    @Test(
        "stories, assignments and events are saved with their batch and read back exactly",
        arguments: StoreKind.allCases
    )
    func storiesAreSavedWithTheBatch(kind: StoreKind) async throws {
        let articles = QuoteSample.all()
        let first = Array(articles.prefix(3))
        let rest = Array(articles.dropFirst(3))
        let ids = articles.map(\.article.id)
        let firstStories = StoryResolution(
            stories: [Self.story(2, "grain talks"), Self.story(1, "ceasefire")],
            articles: [
                ArticleStory(articleID: ids[0], story: 1, thread: 1),
                ArticleStory(articleID: ids[1], story: 1, thread: 2, duplicateOf: ids[0]),
                ArticleStory(articleID: ids[2], story: 2, thread: 1),
            ],
            events: [
                Self.storyEvent("E5", .statement, nil),
                Self.storyEvent("E0", .agree, 9...9, "truce agreed, 1 report"),
            ]
        )
        try await kind.withStore { store async throws in
            let empty = try await Self.storyState(store)
            #expect(empty.stories.isEmpty && empty.articles.isEmpty && empty.events.isEmpty)

            _ = try await store.save(first, resolution: Self.resolve(first, of: articles, stories: firstStories))
            let saved = try await Self.storyState(store)
            #expect(saved.stories == [Self.story(1, "ceasefire"), Self.story(2, "grain talks")])
            #expect(saved.articles == Self.byArticleID(firstStories.articles))
            #expect(saved.articles.first { $0.articleID == ids[1] }?.duplicateOf == ids[0])
            #expect(saved.articles.first { $0.articleID == ids[0] }?.duplicateOf == nil)
            #expect(
                saved.events == [
                    Self.storyEvent("E0", .agree, 9...9, "truce agreed, 1 report"),
                    Self.storyEvent("E5", .statement, nil),
                ]
            )
            // Records are the caller's bytes, not a re-encoding of them.
            #expect(saved.events.map(\.record) == [Self.storyRecord("truce agreed, 1 report"), Self.storyRecord("E5")])
            #expect(saved.stories.map(\.record) == [Self.storyRecord("ceasefire"), Self.storyRecord("grain talks")])

            // A later batch: E0 gains a report (new record, longer period), E1 is new, story 2 is relabelled,
            // story 3 is new.
            let laterStories = StoryResolution(
                stories: [Self.story(2, "grain talks in Istanbul"), Self.story(3, "Putin call")],
                articles: [
                    ArticleStory(articleID: ids[3], story: 3, thread: 1),
                    ArticleStory(articleID: ids[4], story: 2, thread: 1, duplicateOf: ids[2]),
                ],
                events: [
                    Self.storyEvent("E0", .agree, 9...12, "truce agreed, 2 reports"),
                    Self.storyEvent("E1", .consult, 3...3),
                ]
            )
            _ = try await store.save(rest, resolution: Self.resolve(rest, of: articles, stories: laterStories))
            let later = try await Self.storyState(store)
            #expect(
                later.stories == [
                    Self.story(1, "ceasefire"), Self.story(2, "grain talks in Istanbul"), Self.story(3, "Putin call"),
                ]
            )
            #expect(later.articles == Self.byArticleID(firstStories.articles + laterStories.articles))
            #expect(later.articles.count == (try await store.counts().articles), "every article has a story")
            #expect(
                later.events == [
                    Self.storyEvent("E1", .consult, 3...3),
                    Self.storyEvent("E0", .agree, 9...12, "truce agreed, 2 reports"),
                    Self.storyEvent("E5", .statement, nil),
                ],
                "E0 is replaced, not duplicated"
            )
            #expect(
                later.events.filter { $0.id == "E0" }.map(\.record) == [Self.storyRecord("truce agreed, 2 reports")]
            )

            // A batch saved with a resolution but without stories keeps the stored ones.
            let extra = Sample.annotated("A story saved without stories.")
            _ = try await store.save(
                [extra],
                resolution: EntityResolution(entities: [], mentionEntityIDs: [:], snapshot: nil)
            )
            let unchanged = try await Self.storyState(store)
            #expect(unchanged.stories == later.stories)
            #expect(unchanged.articles == later.articles)
            #expect(unchanged.events == later.events)
        }
    }

    @Test(
        "merged events are filtered by type, statements and period, and ordered by first day",
        arguments: StoreKind.allCases
    )
    func storyEventQueries(kind: StoreKind) async throws {
        let article = QuoteSample.ceasefire()
        let events = [
            Self.storyEvent("E9", .consult, 10...10),
            Self.storyEvent("E4", .statement, nil),
            Self.storyEvent("E10", .agree, 10...40),
            Self.storyEvent("E2", .statement, 20...20),
            Self.storyEvent("E3", .assault, 50...60),
            Self.storyEvent("E12", .agree, nil),
            Self.storyEvent("E11", .agree, 5...8),
        ]
        let stories = StoryResolution(
            stories: [Self.story(1, "ceasefire")],
            articles: [ArticleStory(articleID: article.article.id, story: 1, thread: 1)],
            events: events
        )
        try await kind.withStore { store async throws in
            _ = try await store.save([article], resolution: Self.resolve([article], of: [article], stories: stories))
            func ids(
                type: EventType? = nil,
                excludeStatements: Bool = false,
                from: Int? = nil,
                to: Int? = nil
            ) async throws -> [String] {
                let query = StoryEventQuery(
                    type: type,
                    excludeStatements: excludeStatements,
                    fromDay: from.map(Self.storyDay),
                    toDay: to.map(Self.storyDay)
                )
                return try await store.storyEvents(matching: query).map(\.id)
            }

            // Dated by first day, undated last; ties by id in byte order ("E10" before "E9", "E12" before "E4").
            #expect(try await ids() == ["E11", "E10", "E9", "E2", "E3", "E12", "E4"])
            #expect(try await store.storyEvents(matching: StoryEventQuery()).count == events.count)

            // Type; statements left out unless asked for by type.
            #expect(try await ids(type: .agree) == ["E11", "E10", "E12"])
            #expect(try await ids(type: .sanction) == [])
            #expect(try await ids(type: .statement) == ["E2", "E4"])
            #expect(try await ids(excludeStatements: true) == ["E11", "E10", "E9", "E3", "E12"])
            #expect(try await ids(type: .statement, excludeStatements: true) == ["E2", "E4"])
            #expect(try await ids(type: .agree, excludeStatements: true) == ["E11", "E10", "E12"])

            // A period matches when it overlaps the days asked for (bounds included); undated never does.
            #expect(try await ids(from: 30) == ["E10", "E3"], "E10 spans days 10...40")
            #expect(try await ids(to: 12) == ["E11", "E10", "E9"])
            #expect(try await ids(from: 30, to: 12) == ["E10"])
            #expect(try await ids(from: 8, to: 8) == ["E11"], "last day included")
            #expect(try await ids(from: 60, to: 60) == ["E3"])
            #expect(try await ids(from: 50, to: 50) == ["E3"], "first day included")
            #expect(try await ids(from: 41, to: 49) == [])
            #expect(try await ids(from: 61) == [])
            #expect(try await ids(to: 4) == [])
            #expect(try await ids(from: -100_000) == ["E11", "E10", "E9", "E2", "E3"], "undated never matches")
            #expect(try await ids(to: 100_000) == ["E11", "E10", "E9", "E2", "E3"])
            #expect(try await ids(type: .agree, from: 6) == ["E11", "E10"])
            #expect(try await ids(type: .statement, from: 0, to: 100) == ["E2"])
            #expect(try await ids(excludeStatements: true, from: 15, to: 25) == ["E10"])
        }
    }

    @Test(
        "stories that name an article the batch does not insert are refused, and nothing is saved",
        arguments: StoreKind.allCases
    )
    func storyConflicts(kind: StoreKind) async throws {
        let articles = QuoteSample.all()
        let stored = articles[0]
        let fresh = articles[1]
        let firstStories = StoryResolution(
            stories: [Self.story(1, "ceasefire")],
            articles: [ArticleStory(articleID: stored.article.id, story: 1, thread: 1)],
            events: [Self.storyEvent("E0", .agree, 9...9)]
        )
        try await kind.withStore { store async throws in
            _ = try await store.save([stored], resolution: Self.resolve([stored], of: articles, stories: firstStories))
            let before = try await Self.storyState(store)

            // The stored article again in the batch (another writer stored it meanwhile): it is not inserted.
            let stale = StoryResolution(
                stories: [Self.story(1, "ceasefire, relabelled"), Self.story(2, "new")],
                articles: [
                    ArticleStory(articleID: stored.article.id, story: 2, thread: 1),
                    ArticleStory(articleID: fresh.article.id, story: 2, thread: 1),
                ],
                events: [Self.storyEvent("E0", .agree, 9...10, "changed"), Self.storyEvent("E1", .consult, 3...3)]
            )
            // Only the stories are stale: the entity ids cover just the article inserted.
            let staleResolution = Self.resolve([fresh], of: articles, stories: stale)
            // An article that no store holds.
            var unknown = stale
            unknown.articles[0].articleID = "0000000000000000"
            let notStored = Self.resolve([fresh], of: articles, stories: unknown)
            // The stored article in the batch again, left out of it, and an article never stored.
            for (batch, resolution) in [
                ([stored, fresh], staleResolution), ([fresh], staleResolution), ([fresh], notStored),
            ] {
                do {
                    _ = try await store.save(batch, resolution: resolution)
                    Issue.record("saved stories naming an article the batch does not insert")
                } catch let error as StoreError {
                    #expect(error.code == .conflict)
                }
                #expect(try await store.counts() == StoreCounts(articles: 1, sources: 1))
                #expect(try await store.article(id: fresh.article.id) == nil)
                let after = try await Self.storyState(store)
                #expect(after.stories == before.stories, "no new or changed story rows")
                #expect(after.articles == before.articles)
                #expect(after.events == before.events)
            }
            #expect(try await store.entityResolverSnapshot() == Data("stories".utf8))

            // Without the stale assignment the same batch is saved.
            var fixed = stale
            fixed.articles.removeFirst()
            _ = try await store.save([fresh], resolution: Self.resolve([fresh], of: articles, stories: fixed))
            #expect(try await store.counts().articles == 2)
            #expect(try await store.storyArticles().count == 2)
            #expect(try await store.storedStories().map(\.id) == [1, 2])
        }
    }

    @Test("re-extraction deletes every story, assignment and merged event", arguments: StoreKind.allCases)
    func reextractionClearsStories(kind: StoreKind) async throws {
        let articles = QuoteSample.all()
        let stories = StoryResolution(
            stories: [Self.story(1, "ceasefire"), Self.story(2, "grain")],
            articles: articles.enumerated().map {
                ArticleStory(articleID: $1.article.id, story: 1 + $0 % 2, thread: 1)
            },
            events: [Self.storyEvent("E0", .agree, 9...9), Self.storyEvent("E1", .statement, nil)]
        )
        try await kind.withStore { store async throws in
            _ = try await store.save(articles, resolution: Self.resolve(articles, of: articles, stories: stories))
            #expect(try await store.storyArticles().count == articles.count)

            // Re-extracting a single article makes every merged event out of date.
            let one = articles[2]
            try await store.replaceAnnotations(
                [(id: one.article.id, annotations: one.annotations)],
                extractorVersion: "next"
            )
            let after = try await Self.storyState(store)
            #expect(after.stories.isEmpty)
            #expect(after.articles.isEmpty, "fewer articles have a story than are stored: rebuild")
            #expect(after.events.isEmpty)
            #expect(try await store.storyEvents(matching: StoryEventQuery(type: .statement)).isEmpty)
            #expect(try await store.counts().articles == articles.count, "the articles stay")

            // A refused re-extraction changes nothing, stories included.
            try await store.replaceEntityResolution(Self.resolve(articles, of: articles, stories: stories))
            #expect(try await store.storyArticles().count == articles.count)
            await #expect(throws: StoreError.self) {
                try await store.replaceAnnotations(
                    [
                        (id: one.article.id, annotations: one.annotations),
                        (id: "0000000000000000", annotations: .init()),
                    ],
                    extractorVersion: "later"
                )
            }
            #expect(try await store.storyArticles().count == articles.count)
            #expect(try await store.storedStories().count == 2)
            #expect(try await store.storyEvents(matching: StoryEventQuery()).count == 2)
        }
    }

    @Test(
        "a rebuilt resolution replaces every story whole; without stories it leaves none",
        arguments: StoreKind.allCases
    )
    func rebuildReplacesStories(kind: StoreKind) async throws {
        let articles = QuoteSample.all()
        let ids = articles.map(\.article.id)
        let old = StoryResolution(
            stories: [Self.story(1, "old one"), Self.story(2, "old two")],
            articles: ids.map { ArticleStory(articleID: $0, story: 1, thread: 1) },
            events: [Self.storyEvent("E0", .agree, 9...9), Self.storyEvent("E7", .statement, nil)]
        )
        // Rebuilt: other ids, only some articles assigned, and one event id reused with a new record.
        let rebuilt = StoryResolution(
            stories: [Self.story(5, "new five"), Self.story(6, "new six")],
            articles: [
                ArticleStory(articleID: ids[3], story: 5, thread: 2),
                ArticleStory(articleID: ids[1], story: 6, thread: 1, duplicateOf: ids[3]),
            ],
            events: [Self.storyEvent("E20", .sanction, 1...2), Self.storyEvent("E0", .reject, nil, "rebuilt")]
        )
        try await kind.withStore { store async throws in
            _ = try await store.save(articles, resolution: Self.resolve(articles, of: articles, stories: old))

            try await store.replaceEntityResolution(Self.resolve(articles, of: articles, stories: rebuilt))
            let replaced = try await Self.storyState(store)
            #expect(replaced.stories == [Self.story(5, "new five"), Self.story(6, "new six")], "old ids are gone")
            #expect(replaced.articles == Self.byArticleID(rebuilt.articles))
            #expect(
                replaced.events == [
                    Self.storyEvent("E20", .sanction, 1...2), Self.storyEvent("E0", .reject, nil, "rebuilt"),
                ]
            )
            #expect(try await store.storyEvents(matching: StoryEventQuery(type: .agree)).isEmpty)

            // A rebuild that assigns an article no store holds is refused and changes nothing.
            var unknown = rebuilt
            unknown.articles.append(ArticleStory(articleID: "0000000000000000", story: 5, thread: 1))
            unknown.stories = [Self.story(9, "never")]
            var refused = Self.resolve(articles, of: articles, stories: unknown)
            refused.snapshot = Data("refused".utf8)
            do {
                try await store.replaceEntityResolution(refused)
                Issue.record("replaced the resolution with stories of an article that is not stored")
            } catch let error as StoreError {
                #expect(error.code == .conflict)
            }
            let kept = try await Self.storyState(store)
            #expect(kept.stories == replaced.stories)
            #expect(kept.articles == replaced.articles)
            #expect(kept.events == replaced.events)
            #expect(try await store.entityResolverSnapshot() == Data("stories".utf8))

            // Without stories: none are left.
            try await store.replaceEntityResolution(Self.resolve(articles, of: articles, stories: nil))
            let cleared = try await Self.storyState(store)
            #expect(cleared.stories.isEmpty)
            #expect(cleared.articles.isEmpty)
            #expect(cleared.events.isEmpty)
            #expect(try await store.counts().articles == articles.count)
        }
    }
}
