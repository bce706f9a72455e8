import StorylineCore
import StorylineStore
import Testing

/// Entity profiles, alike in every store: mentions per publication day, roles stated for the entity's names,
/// co-mentioned entities, and quotes selected by their speaker's entity. Expectations are counted here from
/// the sample annotations and the stand-in resolution (``resolve(_:snapshot:)``), not read from a store.
extension ArticleStoreConformanceTests {
    static func profileSamples() -> [AnnotatedArticle] {
        [
            QuoteSample.ceasefire(), interviewWithRoles(), QuoteSample.grainTalks(), QuoteSample.putinCall(),
            QuoteSample.macron(),
        ]
    }

    @Test("an entity profile counts mentions per day, roles and co-mentions", arguments: StoreKind.allCases)
    func entityProfile(kind: StoreKind) async throws {
        let articles = Self.profileSamples()
        let resolution = Self.resolve(articles, snapshot: "profiles")
        try await kind.withStore { store async throws in
            _ = try await store.save(articles, resolution: resolution)
            for entity in resolution.entities {
                let profile = try #require(try await store.entityProfile(id: entity.id, coMentionLimit: 100))
                #expect(profile.entity == entity)

                // Mentions per day and undated, counted from the articles the resolution links to the entity.
                var perDay: [String: (mentions: Int, articles: Int)] = [:]
                var undated = 0
                var shared: [Int64: Int] = [:]
                for article in articles {
                    let ids = resolution.mentionEntityIDs[article.article.id] ?? []
                    let mentions = ids.filter { $0 == entity.id }.count
                    guard mentions > 0 else { continue }
                    if let date = article.article.published {
                        let day = PublicationDate(year: date.year, month: date.month, day: date.day).iso8601
                        perDay[day, default: (0, 0)].mentions += mentions
                        perDay[day, default: (0, 0)].articles += 1
                    } else {
                        undated += mentions
                    }
                    for other in Set(ids) where other != entity.id { shared[other, default: 0] += 1 }
                }
                #expect(profile.mentionsByDay.map(\.day.iso8601) == perDay.keys.sorted(), "\(entity.canonicalName)")
                for day in profile.mentionsByDay {
                    #expect(day.mentions == perDay[day.day.iso8601]?.mentions)
                    #expect(day.articles == perDay[day.day.iso8601]?.articles)
                }
                #expect(profile.undatedMentions == undated, "\(entity.canonicalName)")
                #expect(
                    Dictionary(uniqueKeysWithValues: profile.coMentioned.map { ($0.entity.id, $0.sharedArticles) })
                        == shared,
                    "\(entity.canonicalName)"
                )
                let counts = profile.coMentioned.map(\.sharedArticles)
                #expect(counts == counts.sorted(by: >), "most shared first")
            }
        }
    }

    @Test("roles are the ones stated for the entity's names, with their first article", arguments: StoreKind.allCases)
    func entityProfileRoles(kind: StoreKind) async throws {
        let articles = Self.profileSamples()
        let resolution = Self.resolve(articles, snapshot: "profiles")
        try await kind.withStore { store async throws in
            _ = try await store.save(articles, resolution: resolution)
            let zelensky = try #require(resolution.entities.first { $0.canonicalName == "Volodymyr Zelensky" })
            let profile = try #require(try await store.entityProfile(id: zelensky.id, coMentionLimit: 5))
            let interview = Self.interviewWithRoles().article
            #expect(
                profile.roles == [
                    EntityProfile.Role(
                        role: "president",
                        affiliation: "Ukraine",
                        articleCount: 1,
                        firstPublished: nil,
                        lastPublished: nil,
                        firstArticleID: interview.id
                    )
                ]
            )
            // Nobody else is given a role.
            let fidan = try #require(resolution.entities.first { $0.canonicalName == "Hakan Fidan" })
            #expect(try await store.entityProfile(id: fidan.id, coMentionLimit: 5)?.roles == [])
        }
    }

    @Test(
        "the co-mention limit keeps the first of the full order; an unknown id has no profile",
        arguments: StoreKind.allCases
    )
    func entityProfileLimit(kind: StoreKind) async throws {
        let articles = Self.profileSamples()
        let resolution = Self.resolve(articles, snapshot: "profiles")
        try await kind.withStore { store async throws in
            _ = try await store.save(articles, resolution: resolution)
            let ukraine = try #require(resolution.entities.first { $0.canonicalName == "Ukraine" })
            let all = try #require(try await store.entityProfile(id: ukraine.id, coMentionLimit: 1000)).coMentioned
            #expect(all.count > 3)
            let first = try #require(try await store.entityProfile(id: ukraine.id, coMentionLimit: 3)).coMentioned
            #expect(first == Array(all.prefix(3)))
            #expect(try await store.entityProfile(id: ukraine.id, coMentionLimit: 0)?.coMentioned == [])
            #expect(try await store.entityProfile(id: 999_999, coMentionLimit: 5) == nil)
        }
    }

    @Test("quotes can be selected by the entity their speaker resolves to", arguments: StoreKind.allCases)
    func quotesBySpeakerEntity(kind: StoreKind) async throws {
        let articles = Self.profileSamples()
        let resolution = Self.resolve(articles, snapshot: "profiles")
        try await kind.withStore { store async throws in
            _ = try await store.save(articles, resolution: resolution)
            for entity in resolution.entities {
                let quotes = try await store.quotes(matching: QuoteQuery(speakerEntityID: entity.id, limit: 100))
                // Every quote whose resolved speaker name is a name of this entity's mentions in its article.
                var expected: [String] = []
                for article in articles {
                    let ids = resolution.mentionEntityIDs[article.article.id] ?? []
                    let mentions = StoreKeys.inTextOrder(article.annotations).entities
                    let names = Set(zip(mentions, ids).filter { $0.1 == entity.id }.map(\.0.canonical))
                    for quote in article.annotations.quotes where quote.speakerName.map(names.contains) == true {
                        expected.append(article.article.id)
                    }
                }
                #expect(quotes.map(\.articleID).sorted() == expected.sorted(), "\(entity.canonicalName)")
                #expect(quotes.allSatisfy { $0.quote.speakerName.map { entity.names[$0] != nil } == true })
            }
            let fidan = try #require(resolution.entities.first { $0.canonicalName == "Hakan Fidan" })
            #expect(try await store.quotes(matching: QuoteQuery(speakerEntityID: fidan.id)).count == 2)
        }
    }
}

/// The revision number, alike in every store: unchanged by reads, changed by every kind of write.
extension ArticleStoreConformanceTests {
    @Test("the revision changes with every write of content and never with a read", arguments: StoreKind.allCases)
    func revisionFollowsWrites(kind: StoreKind) async throws {
        let articles = Self.profileSamples()
        try await kind.withStore { store async throws in
            var seen: Set<Int64> = [try await store.revision()]
            func expectNew(_ what: String) async throws {
                let now = try await store.revision()
                #expect(seen.insert(now).inserted, "the revision did not change after \(what)")
            }

            _ = try await store.save(
                Array(articles.prefix(2)),
                resolution: Self.resolve(Array(articles.prefix(2)), snapshot: "a")
            )
            try await expectNew("saving articles")
            let before = try await store.revision()
            _ = try await store.articles(ArticleQuery())
            _ = try await store.quotes(matching: QuoteQuery())
            _ = try await store.resolvedEntities(matching: EntityQuery())
            _ = try await store.search(SearchQuery("ceasefire"))
            #expect(try await store.revision() == before, "reads change nothing")

            try await store.replaceEntityResolution(Self.resolve(Array(articles.prefix(2)), snapshot: "b"))
            try await expectNew("replacing the resolution")
            let first = articles[0]
            try await store.replaceAnnotations(
                [(id: first.article.id, annotations: first.annotations)],
                extractorVersion: "v2"
            )
            try await expectNew("replacing annotations")
            var copy = first.article
            copy.url = "https://example.org/syndicated-copy"
            copy.outlet = "Another outlet"
            _ = try await store.save([AnnotatedArticle(article: copy, annotations: first.annotations)])
            try await expectNew("adding a source")
        }
    }
}
