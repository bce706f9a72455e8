import Foundation
import StorylineCore
import StorylineStore
import Testing

/// Full-text search behaves alike in every store: every term required, words folded, phrases and prefixes,
/// filters and pages, ranking with the title first, snippets that mark the matches, and no query syntax a
/// user's text can break.
extension ArticleStoreConformanceTests {
    /// Three wire stories on different subjects, one with the subject in its title only, and one dated later.
    static func searchSample() -> [Article] {
        [
            Sample.article(
                "European leaders met in London to form a coalition of the willing for Ukraine.",
                title: "Leaders meet in London",
                published: "2025-03-02T18:00:00Z"
            ),
            Sample.article(
                "The Café de Flore hosted a meeting of the coalition, but not of the willing.",
                title: "Paris talks",
                published: "2025-03-03T09:00:00Z"
            ),
            Sample.article(
                "Negotiations on the minerals deal resumed in Washington.",
                title: "Minerals deal: negotiators return",
                published: "2025-08-14T07:30:00Z"
            ),
            Sample.article(
                "Officials spoke about the weather in Brussels.",
                title: "Coalition of the willing meets again",
                published: "2025-03-04T12:00:00Z"
            ),
        ]
    }

    static func saveForSearch(_ articles: [Article], _ store: any ArticleStore) async throws {
        _ = try await store.save(articles.map { AnnotatedArticle(article: $0, annotations: ArticleAnnotations()) })
    }

    static func ids(_ hits: [SearchHit]) -> Set<String> { Set(hits.map(\.article.id)) }

    @Test("search requires every word, folds case, accents and punctuation", arguments: StoreKind.allCases)
    func searchWords(kind: StoreKind) async throws {
        let articles = Self.searchSample()
        try await kind.withStore { store in
            try await Self.saveForSearch(articles, store)
            // Every article quotes Zelenskyy: "zelenskyy", "ZELENSKYY" and the possessive "Zelenskyy’s" find it.
            #expect(try await store.search(SearchQuery("zelenskyy")).count == 4)
            #expect(try await store.search(SearchQuery("ZELENSKYY")).count == 4)
            #expect(try await store.search(SearchQuery("Zelenskyy’s")).count == 4)
            #expect(try await store.search(SearchQuery("zelenskyy's")).count == 4)
            // Both words required.
            #expect(Self.ids(try await store.search(SearchQuery("minerals washington"))) == [articles[2].id])
            #expect(try await store.search(SearchQuery("washington brussels")).isEmpty)
            // Accents do not matter.
            #expect(Self.ids(try await store.search(SearchQuery("cafe"))) == [articles[1].id])
            // A word ending in * is a prefix.
            #expect(Self.ids(try await store.search(SearchQuery("resum*"))) == [articles[2].id])
            #expect(try await store.search(SearchQuery("negotiat*")).count == 4)
            // Nothing to search for finds nothing.
            #expect(try await store.search(SearchQuery("  ,.;  ")).isEmpty)
        }
    }

    @Test("a quoted phrase must occur as written; words alone anywhere", arguments: StoreKind.allCases)
    func searchPhrases(kind: StoreKind) async throws {
        let articles = Self.searchSample()
        try await kind.withStore { store in
            try await Self.saveForSearch(articles, store)
            let phrase = Self.ids(try await store.search(SearchQuery("\"coalition of the willing\"")))
            #expect(phrase == [articles[0].id, articles[3].id])
            let words = Self.ids(try await store.search(SearchQuery("coalition willing")))
            #expect(words == [articles[0].id, articles[1].id, articles[3].id])
        }
    }

    @Test("query syntax in a user's text is searched for, never an error", arguments: StoreKind.allCases)
    func searchHostileText(kind: StoreKind) async throws {
        let articles = Self.searchSample()
        try await kind.withStore { store in
            try await Self.saveForSearch(articles, store)
            for text in [
                "NOT minerals", "minerals OR", "(minerals", "minerals\"", "\"minerals", "min*erals", "' OR 1=1 --",
                "minerals'; DROP TABLE article; --", "NEAR(minerals deal)", "title:minerals", "^minerals", "*",
            ] {
                _ = try await store.search(SearchQuery(text))
            }
            // The words of such text are ordinary words: "washington" is still found, "drop" is not there.
            #expect(Self.ids(try await store.search(SearchQuery("(washington"))) == [articles[2].id])
            #expect(try await store.search(SearchQuery("minerals'; DROP TABLE article; --")).isEmpty)
            #expect(try await store.counts().articles == articles.count)
        }
    }

    @Test("title matches rank first; dates filter; pages do not overlap", arguments: StoreKind.allCases)
    func searchRankingAndPages(kind: StoreKind) async throws {
        let articles = Self.searchSample()
        try await kind.withStore { store in
            try await Self.saveForSearch(articles, store)
            // "coalition" in the title of the fourth article, only in the text of the first two.
            let ranked = try await store.search(SearchQuery("coalition"))
            #expect(ranked.first?.article.id == articles[3].id, "\(ranked.map(\.article.title))")
            #expect(zip(ranked, ranked.dropFirst()).allSatisfy { $0.score >= $1.score })
            let march = try await store.search(
                SearchQuery("zelenskyy", since: Sample.date("2025-03-03"), until: Sample.date("2025-03-31"))
            )
            #expect(Self.ids(march) == [articles[1].id, articles[3].id])
            let first = try await store.search(SearchQuery("zelenskyy", limit: 2))
            let second = try await store.search(SearchQuery("zelenskyy", limit: 2, offset: 2))
            #expect(first.count == 2 && second.count == 2)
            #expect(Self.ids(first).isDisjoint(with: Self.ids(second)))
        }
    }

    @Test("equal scores rank in storage order, and pages cut that order", arguments: StoreKind.allCases)
    func searchTiesInStorageOrder(kind: StoreKind) async throws {
        // Same title and text lengths and the same counts of the word: the same BM25 score for all six. The ids
        // are content hashes, so their order is unrelated to the order of storage.
        let articles = (0..<6).map { n in
            Sample.article(
                "Envoys from \(["Oslo", "Rome", "Bern", "Riga", "Kyiv", "Nice"][n]) discussed the truce again.",
                title: "Truce talks \(n)",
                published: "2025-03-0\(n + 1)T10:00:00Z"
            )
        }
        try await kind.withStore { store in
            for article in articles.reversed() { try await Self.saveForSearch([article], store) }
            let all = try await store.search(SearchQuery("truce"))
            #expect(Set(all.map(\.score)).count == 1, "\(all.map(\.score))")
            #expect(all.map(\.article.id) == articles.reversed().map(\.id))
            var paged: [String] = []
            for offset in stride(from: 0, to: 6, by: 2) {
                paged += try await store.search(SearchQuery("truce", limit: 2, offset: offset)).map(\.article.id)
            }
            #expect(paged == all.map(\.article.id))
        }
    }

    @Test("a snippet marks the matched words of the passage it shows", arguments: StoreKind.allCases)
    func searchSnippets(kind: StoreKind) async throws {
        let articles = Self.searchSample()
        try await kind.withStore { store in
            try await Self.saveForSearch(articles, store)
            let hit = try #require(try await store.search(SearchQuery("rare earths")).first)
            let matches = hit.snippet.filter(\.match).map { $0.text.lowercased() }
            #expect(matches == ["rare", "earths"], "\(hit.snippet)")
            #expect(hit.snippetText().contains("«rare» «earths»") || hit.snippetText().contains("«rare earths»"))
            #expect(hit.snippet.contains { !$0.match && $0.text.contains("minerals") }, "\(hit.snippet)")
        }
    }

    @Test("articles stored before search existed are found", arguments: StoreKind.allCases)
    func searchFindsOlderArticles(kind: StoreKind) async throws {
        let articles = Self.searchSample()
        try await kind.withStore(unannotated: articles) { store async throws in
            #expect(Self.ids(try await store.search(SearchQuery("minerals washington"))) == [articles[2].id])
        }
    }
}
