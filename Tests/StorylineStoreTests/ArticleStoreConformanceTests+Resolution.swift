import Foundation
import StorylineCore
import StorylineStore
import Testing

/// Cross-document entities kept by every store alike: the resolution the caller computed is saved with its
/// batch, queried, refused when it does not fit the batch, invalidated by re-extraction and replaced whole.
extension ArticleStoreConformanceTests {
    /// A stand-in for the resolver: one entity per canonical name and type family ("Zelensky" and
    /// "Zelenskyy" folded by dropping a final "y"), ids in order of first mention.
    static func resolve(_ articles: [AnnotatedArticle], snapshot: String) -> EntityResolution {
        var ids: [String: Int64] = [:]
        var entities: [Int64: StoredEntity] = [:]
        var mentionIDs: [String: [Int64]] = [:]
        for annotated in articles {
            let article = annotated.article
            var seen: Set<Int64> = []
            var idsOfArticle: [Int64] = []
            for mention in StoreKeys.inTextOrder(annotated.annotations).entities {
                var key = mention.canonical
                if key.hasSuffix("yy") { key.removeLast() }
                let id = ids[key] ?? Int64(ids.count + 1)
                ids[key] = id
                var entity =
                    entities[id]
                    ?? StoredEntity(
                        id: id,
                        type: mention.type,
                        canonicalName: key,
                        names: [:],
                        aliases: [:],
                        mentionCount: 0,
                        articleCount: 0,
                        firstArticleID: article.id,
                        firstPublished: article.published,
                        lastArticleID: article.id,
                        lastPublished: article.published
                    )
                entity.names[mention.canonical, default: 0] += 1
                entity.mentionCount += 1
                if seen.insert(id).inserted {
                    entity.articleCount += 1
                    entity.lastArticleID = article.id
                    entity.lastPublished = article.published
                }
                entities[id] = entity
                idsOfArticle.append(id)
            }
            if !idsOfArticle.isEmpty { mentionIDs[article.id] = idsOfArticle }
        }
        return EntityResolution(
            entities: entities.values.sorted { $0.id < $1.id },
            mentionEntityIDs: mentionIDs,
            snapshot: Data(snapshot.utf8)
        )
    }

    @Test(
        "a batch saved without the snapshot clears the stored one until it is written again",
        arguments: StoreKind.allCases
    )
    func snapshotDeferred(kind: StoreKind) async throws {
        let articles = QuoteSample.all()
        let first = Array(articles.prefix(2))
        let rest = Array(articles.dropFirst(2))
        try await kind.withStore { store async throws in
            _ = try await store.save(first, resolution: Self.resolve(first, snapshot: "after two"))
            #expect(try await store.entityResolverSnapshot() == Data("after two".utf8))
            // The stand-in resolver restarts its ids per call, so resolve everything and keep the new articles'.
            var later = Self.resolve(articles, snapshot: "unused")
            later.mentionEntityIDs = later.mentionEntityIDs.filter { id, _ in rest.contains { $0.article.id == id } }
            later.snapshot = nil
            _ = try await store.save(rest, resolution: later)
            // Stale now: a run killed here must rebuild, not continue from "after two".
            #expect(try await store.entityResolverSnapshot() == nil)
            try await store.saveEntityResolverSnapshot(Data("after all".utf8))
            #expect(try await store.entityResolverSnapshot() == Data("after all".utf8))
        }
    }

    @Test("resolved entities are saved with their batch and queried by any name", arguments: StoreKind.allCases)
    func resolvedEntitiesAreSavedWithTheBatch(kind: StoreKind) async throws {
        let articles = QuoteSample.all()
        let resolution = Self.resolve(articles, snapshot: "state 1")
        try await kind.withStore { store async throws in
            #expect(try await store.entityResolverSnapshot() == nil)
            #expect(try await store.storedContentHashes(among: articles.map(\.article.contentHash)).isEmpty)
            _ = try await store.save(articles, resolution: resolution)
            #expect(try await store.entityResolverSnapshot() == Data("state 1".utf8))
            #expect(
                try await store.storedContentHashes(among: articles.map(\.article.contentHash) + ["nope"])
                    == Set(articles.map(\.article.contentHash))
            )

            let all = try await store.resolvedEntities(matching: EntityQuery(limit: 1000))
            #expect(Set(all) == Set(resolution.entities))
            #expect(all == all.sorted(by: StoredEntity.ranks))
            #expect(all.map(\.mentionCount).reduce(0, +) == articles.map(\.annotations.entities.count).reduce(0, +))
            let kremlin = try #require(all.first { $0.canonicalName == "Kremlin" })
            #expect(kremlin.articleCount == 3)

            // Filters: any name or spelling, type; paging.
            let rubio = try await store.resolvedEntities(matching: EntityQuery(name: "RUBIO"))
            #expect(rubio.map(\.canonicalName) == ["Marco Rubio"])
            let people = try await store.resolvedEntities(matching: EntityQuery(type: .person, limit: 1000))
            #expect(!people.isEmpty && people.allSatisfy { $0.type == .person })
            #expect(try await store.resolvedEntities(matching: EntityQuery(name: "' OR 1=1 --")).isEmpty)
            var paged: [StoredEntity] = []
            for offset in stride(from: 0, to: all.count, by: 5) {
                paged += try await store.resolvedEntities(matching: EntityQuery(limit: 5, offset: offset))
            }
            #expect(paged == all)

            // Updating an entity by id (a later batch renamed it) replaces its row.
            var renamed = kremlin
            renamed.canonicalName = "The Kremlin"
            renamed.mentionCount += 1
            let extra = QuoteSample.article(
                ["The Kremlin said nothing."],
                title: "t",
                outlet: "X",
                url: nil,
                published: "2025-03-20"
            )
            let annotated = AnnotatedArticle(
                article: extra,
                annotations: ArticleAnnotations(entities: [QuoteSample.entity("Kremlin", .organization, in: extra)])
            )
            _ = try await store.save(
                [annotated],
                resolution: EntityResolution(
                    entities: [renamed],
                    mentionEntityIDs: [extra.id: [kremlin.id]],
                    snapshot: Data("state 2".utf8)
                )
            )
            let after = try await store.resolvedEntities(matching: EntityQuery(name: "kremlin"))
            #expect(after == [renamed])
            #expect(try await store.entityResolverSnapshot() == Data("state 2".utf8))
        }
    }

    @Test("a resolution that does not fit the batch is refused, and nothing is saved", arguments: StoreKind.allCases)
    func resolutionConflicts(kind: StoreKind) async throws {
        let articles = QuoteSample.all()
        try await kind.withStore { store async throws in
            _ = try await store.save([articles[0]], resolution: Self.resolve([articles[0]], snapshot: "1"))
            // The first article is already stored: a resolution that covers it again is stale.
            let stale = Self.resolve(articles, snapshot: "2")
            await #expect(throws: StoreError.self) { _ = try await store.save(articles, resolution: stale) }
            #expect(try await store.counts().articles == 1)
            #expect(try await store.entityResolverSnapshot() == Data("1".utf8))

            // One entity id too few for an article's mentions.
            var short = Self.resolve([articles[1]], snapshot: "3")
            short.mentionEntityIDs[articles[1].article.id]?.removeLast()
            do {
                _ = try await store.save([articles[1]], resolution: short)
                Issue.record("saved a resolution with too few entity ids")
            } catch let error as StoreError {
                #expect(error.code == .conflict)
            }
            #expect(try await store.counts().articles == 1)
        }
    }

    @Test("re-extraction clears the snapshot; a rebuilt resolution replaces everything", arguments: StoreKind.allCases)
    func rebuildAfterReextraction(kind: StoreKind) async throws {
        let articles = QuoteSample.all()
        try await kind.withStore { store async throws in
            _ = try await store.save(articles, resolution: Self.resolve(articles, snapshot: "1"))
            let first = articles[0]
            try await store.replaceAnnotations(
                [(id: first.article.id, annotations: first.annotations)],
                extractorVersion: "next"
            )
            #expect(try await store.entityResolverSnapshot() == nil, "the resolution is out of date")

            // Rebuild in publication order, as the CLI does.
            let order = try await store.articleIDsInPublicationOrder()
            #expect(Set(order) == Set(articles.map(\.article.id)))
            let stored = try await store.storedArticles(ids: order)
            #expect(stored.map(\.article.id) == order)
            let dated = stored.compactMap(\.article.published)
            #expect(dated == dated.sorted(), "oldest first")
            #expect(stored.prefix(dated.count).allSatisfy { $0.article.published != nil }, "undated last")
            let rebuilt = Self.resolve(
                stored.map {
                    AnnotatedArticle(article: $0.article, annotations: $0.annotations ?? ArticleAnnotations())
                },
                snapshot: "rebuilt"
            )
            try await store.replaceEntityResolution(rebuilt)
            #expect(try await store.entityResolverSnapshot() == Data("rebuilt".utf8))
            #expect(Set(try await store.resolvedEntities(matching: EntityQuery(limit: 1000))) == Set(rebuilt.entities))

            var unknown = rebuilt
            unknown.mentionEntityIDs["0000000000000000"] = []
            await #expect(throws: StoreError.self) { try await store.replaceEntityResolution(unknown) }
            #expect(try await store.entityResolverSnapshot() == Data("rebuilt".utf8))
        }
    }
}
