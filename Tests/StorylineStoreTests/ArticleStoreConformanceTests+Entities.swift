import StorylineCore
import StorylineStore
import Testing

/// The entities named in stored articles, alike in every store (``ArticleStore/entities(matching:)``).
extension ArticleStoreConformanceTests {
    /// Every entity of the sample stories, in the order a query without filters returns them: most mentions,
    /// then most articles, then name by its UTF-8 bytes ("Élysée" after every ASCII name).
    static let allEntityNames = [
        // 3 mentions in 3 articles
        "Kremlin", "Ukraine",
        // 2 mentions in 2 articles
        "Moscow", "Russia", "Ukrainian",
        // 2 mentions in 1 article
        "Andrii Sybiha", "Donald Trump", "Emmanuel Macron", "Hakan Fidan", "Istanbul", "Marco Rubio", "Vladimir Putin",
        // 1 mention
        "AP", "American", "BBC", "Black Sea", "Dmitry Peskov", "Europe", "European", "French", "Jeddah", "Kyiv",
        "Reuters", "Russian", "Russians", "Turkish", "Volodymyr Zelensky", "Washington", "Élysée",
    ]

    @Test("entities: mentions, articles and first and last day per name and type", arguments: StoreKind.allCases)
    func entitySummaries(kind: StoreKind) async throws {
        let day = Sample.date
        try await kind.withStore { store async throws in
            _ = try await store.save(QuoteSample.all())
            let all = try await store.entities(matching: EntityQuery())
            #expect(all.map(\.name) == Self.allEntityNames)
            let byName = Dictionary(uniqueKeysWithValues: all.map { ($0.name, $0) })
            #expect(
                byName["Kremlin"]
                    == EntitySummary(
                        name: "Kremlin",
                        type: .organization,
                        mentions: 3,
                        articles: 3,
                        firstPublished: day("2025-03-10"),
                        lastPublished: day("2025-03-14")
                    )
            )
            // The BBC interview is undated: it counts, but gives no day; the AP story's time and zone are dropped.
            #expect(
                byName["Ukraine"]
                    == EntitySummary(
                        name: "Ukraine",
                        type: .geopolitical,
                        mentions: 3,
                        articles: 3,
                        firstPublished: day("2025-03-11"),
                        lastPublished: day("2025-03-12")
                    )
            )
            #expect(
                byName["BBC"]
                    == EntitySummary(
                        name: "BBC",
                        type: .organization,
                        mentions: 1,
                        articles: 1,
                        firstPublished: nil,
                        lastPublished: nil
                    )
            )
            // A surname counts for the canonical name the article resolves it to.
            #expect(byName["Marco Rubio"]?.mentions == 2)
            #expect(byName["Marco Rubio"]?.articles == 1)
            #expect(byName["Rubio"] == nil)
            #expect(byName["Istanbul"]?.mentions == 2, "ISTANBUL in the dateline and Istanbul in the text")
        }
    }

    @Test("entities by part of the name and by type", arguments: StoreKind.allCases)
    func entityFilters(kind: StoreKind) async throws {
        let cases: [(EntityQuery, [String])] = [
            (EntityQuery(name: "russ"), ["Russia", "Russian", "Russians"]),
            (EntityQuery(name: "RUSS"), ["Russia", "Russian", "Russians"]),
            (EntityQuery(name: "ÉLYSÉE"), ["Élysée"]),
            (EntityQuery(name: "%"), []),
            (EntityQuery(name: "' OR 1=1 --"), []),
            (EntityQuery(name: ""), Self.allEntityNames),
            (
                EntityQuery(type: .person),
                [
                    "Andrii Sybiha", "Donald Trump", "Emmanuel Macron", "Hakan Fidan", "Marco Rubio", "Vladimir Putin",
                    "Dmitry Peskov", "Volodymyr Zelensky",
                ]
            ),
            (EntityQuery(name: "k", type: .organization), ["Kremlin"]),
            (EntityQuery(type: .event), []),
        ]
        try await kind.withStore { store async throws in
            _ = try await store.save(QuoteSample.all())
            for (query, expected) in cases {
                #expect(try await store.entities(matching: query).map(\.name) == expected, "\(query)")
            }
            let types = try await store.entities(matching: EntityQuery(name: "russ")).map(\.type)
            #expect(types == [.geopolitical, .nationalityOrGroup, .nationalityOrGroup])
        }
    }

    @Test("entities: one row per name and type, limit and offset page through them", arguments: StoreKind.allCases)
    func entityGroupingAndPaging(kind: StoreKind) async throws {
        // "Washington" the place in the AP story, and the person in a history piece.
        let history = QuoteSample.article(
            [
                "George Washington crossed the Delaware on the night of December 25, 1776, as Washington's army retreated."
            ],
            title: "The crossing",
            outlet: "History Today",
            url: nil,
            published: "2025-03-13"
        )
        let annotated = AnnotatedArticle(
            article: history,
            annotations: ArticleAnnotations(entities: [
                QuoteSample.entity("George Washington", .person, in: history),
                QuoteSample.entity("Delaware", .location, in: history),
                QuoteSample.entity("Washington", .person, "George Washington", in: history, occurrence: 2),
            ])
        )
        try await kind.withStore { store async throws in
            _ = try await store.save(QuoteSample.all() + [annotated])
            let washington = try await store.entities(matching: EntityQuery(name: "washington"))
            #expect(washington.map(\.name) == ["George Washington", "Washington"])
            #expect(washington.map(\.type) == [.person, .geopolitical])
            #expect(washington.map(\.mentions) == [2, 1])

            let all = try await store.entities(matching: EntityQuery(limit: 1000))
            #expect(all.count == Self.allEntityNames.count + 2)
            var paged: [EntitySummary] = []
            for offset in stride(from: 0, to: all.count, by: 7) {
                let page = try await store.entities(matching: EntityQuery(limit: 7, offset: offset))
                #expect(page.count == min(7, all.count - offset))
                paged += page
            }
            #expect(paged == all)
            #expect(try await store.entities(matching: EntityQuery(limit: 0)).isEmpty)
            #expect(try await store.entities(matching: EntityQuery(limit: 5, offset: all.count)).isEmpty)
        }
    }
}
