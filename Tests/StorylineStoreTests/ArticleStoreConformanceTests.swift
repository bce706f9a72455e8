import StorylineCore
import StorylineStore
import Testing

/// The behaviour every `ArticleStore` must have, written once and run against each backend.
@Suite("ArticleStore conformance")
struct ArticleStoreConformanceTests {
    // MARK: - Saving and reading back

    @Test("an empty store counts nothing and finds nothing", arguments: StoreKind.allCases)
    func emptyStore(kind: StoreKind) async throws {
        try await kind.withStore { store async throws in
            #expect(try await store.counts() == StoreCounts(articles: 0, sources: 0))
            #expect(try await store.articles(ArticleQuery()).isEmpty)
            #expect(try await store.article(id: "0123456789abcdef") == nil)
            #expect(try await store.save([] as [AnnotatedArticle]) == [])
        }
    }

    @Test("every field of an article round-trips", arguments: StoreKind.allCases)
    func roundTrip(kind: StoreKind) async throws {
        let live = Sample.liveBlog()
        var bare = Sample.article("A bare reading from standard input.", outlet: nil, published: nil, byline: [])
        bare.title = nil
        bare.url = nil
        bare.language = nil
        bare.origin = ArticleOrigin(path: nil, format: .plainText)
        try await kind.withStore { store async throws in
            #expect(try await store.save([live, bare]) == [.inserted, .inserted])

            let stored = try #require(try await store.article(id: live.id))
            #expect(stored.article == live)
            #expect(stored.sources == [ArticleSource(live)])
            #expect(stored.article.text == live.text)

            let storedBare = try #require(try await store.article(id: bare.id))
            #expect(storedBare.article == bare)
            #expect(storedBare.sources.map(\.key) == ["text:<stdin>"])

            let summary = try #require(try await store.articles(ArticleQuery()).first { $0.id == live.id })
            #expect(
                summary
                    == ArticleSummary(
                        id: live.id,
                        title: live.title,
                        outlet: "The Guardian",
                        url: live.url,
                        published: live.published,
                        wordCount: live.wordCount,
                        sourceCount: 1,
                        liveBlogEntryCount: 2
                    )
            )
            #expect(try await store.counts() == StoreCounts(articles: 2, sources: 2))
        }
    }

    @Test("saving the same readings again changes nothing", arguments: StoreKind.allCases)
    func idempotentResave(kind: StoreKind) async throws {
        let batch = [Sample.liveBlog(), Sample.article("Oil prices rose on Friday."), Sample.article("Markets fell.")]
        try await kind.withStore { store async throws in
            #expect(try await store.save(batch) == [.inserted, .inserted, .inserted])
            let listing = try await store.articles(ArticleQuery())
            let stored = try await store.article(id: batch[0].id)

            #expect(try await store.save(batch) == [.unchanged, .unchanged, .unchanged])
            #expect(try await store.save(batch.reversed()) == [.unchanged, .unchanged, .unchanged])
            #expect(try await store.counts() == StoreCounts(articles: 3, sources: 3))
            #expect(try await store.articles(ArticleQuery()) == listing)
            #expect(try await store.article(id: batch[0].id) == stored)
        }
    }

    @Test("a syndicated copy is stored once with both sources", arguments: StoreKind.allCases)
    func syndicatedCopy(kind: StoreKind) async throws {
        let wire = Sample.article("Ukraine and the United States agreed terms of a minerals deal.")
        let copy = Sample.syndicated(
            wire,
            outlet: "The Guardian",
            url: "https://www.theguardian.com/world/2025/feb/28/minerals",
            byline: ["Guardian staff and agencies"]
        )
        try await kind.withStore { store async throws in
            #expect(try await store.save([wire]) == [.inserted])
            #expect(try await store.save([copy]) == [.addedSource])
            #expect(try await store.save([copy, wire]) == [.unchanged, .unchanged])
            #expect(try await store.counts() == StoreCounts(articles: 1, sources: 2))

            let stored = try #require(try await store.article(id: wire.id))
            #expect(stored.article == wire, "the article keeps the metadata of its first reading")
            #expect(stored.sources == [ArticleSource(wire), ArticleSource(copy)])

            let listing = try await store.articles(ArticleQuery())
            #expect(listing.map(\.id) == [wire.id])
            #expect(listing.first?.sourceCount == 2)
            #expect(listing.first?.outlet == "Reuters")

            for outlet in ["Reuters", "reuters", "THE GUARDIAN", "the guardian"] {
                let found = try await store.articles(ArticleQuery(outlet: outlet))
                #expect(found.map(\.id) == [wire.id], "outlet filter \(outlet)")
            }
            #expect(try await store.articles(ArticleQuery(outlet: "BBC News")).isEmpty)
            #expect(try await store.articles(ArticleQuery(outlet: "Guardian")).isEmpty, "exact match, not substring")
        }
    }

    @Test("a reading without a URL is keyed by format and locator", arguments: StoreKind.allCases)
    func sourceKeyWithoutURL(kind: StoreKind) async throws {
        var first = Sample.article("Talks resumed in Riyadh.")
        first.url = nil
        var second = first
        second.origin = ArticleOrigin(path: first.origin.path, format: .html, record: 2)
        try await kind.withStore { store async throws in
            #expect(try await store.save([first, first, second]) == [.inserted, .unchanged, .addedSource])
            let stored = try #require(try await store.article(id: first.id))
            #expect(stored.sources.map(\.key) == ["html:\(first.origin.path!)", "html:\(first.origin.path!)#2"])
        }
    }

    @Test("duplicates inside one batch are handled like separate saves", arguments: StoreKind.allCases)
    func duplicatesWithinBatch(kind: StoreKind) async throws {
        let a = Sample.article("Exports of grain resumed.")
        let copy = Sample.syndicated(a, outlet: "AP", url: "https://apnews.com/article/grain")
        let b = Sample.liveBlog()
        try await kind.withStore { store async throws in
            let outcomes = try await store.save([a, a, copy, b, copy, b])
            #expect(outcomes == [.inserted, .unchanged, .addedSource, .inserted, .unchanged, .unchanged])
            #expect(try await store.counts() == StoreCounts(articles: 2, sources: 3))
            #expect(try await store.article(id: a.id)?.sources.count == 2)
        }
    }

    @Test("a failing batch stores nothing, and saving again completes it", arguments: StoreKind.allCases)
    func batchIsAllOrNothing(kind: StoreKind) async throws {
        let stored = Sample.article("The first article.")
        let fresh = Sample.article("A new article in the failing batch.")
        let freshCopy = Sample.syndicated(stored, outlet: "AFP", url: "https://www.afp.com/en/x")
        // Same id as `stored`, different body: no store can keep both.
        var clash = Sample.article("A different body.")
        clash.contentHash = stored.id + String(repeating: "0", count: 48)
        clash.id = stored.id
        try await kind.withStore { store async throws in
            #expect(try await store.save([stored]) == [.inserted])
            let error = await #expect(throws: StoreError.self) {
                try await store.save([fresh, freshCopy, clash])
            }
            #expect(error?.message.contains(stored.id) == true)
            #expect(try await store.counts() == StoreCounts(articles: 1, sources: 1))
            #expect(try await store.article(id: fresh.id) == nil)

            #expect(try await store.save([fresh, freshCopy]) == [.inserted, .addedSource])
            #expect(try await store.counts() == StoreCounts(articles: 2, sources: 3))
        }
    }

    // MARK: - Annotations

    @Test("annotations round-trip exactly with their article", arguments: StoreKind.allCases)
    func annotationsRoundTrip(kind: StoreKind) async throws {
        let live = Sample.annotatedLiveBlog()
        let plain = Sample.annotated("Talks on the minerals deal resumed.")
        let nothingFound = AnnotatedArticle(
            article: Sample.article("A store keeps what extraction found, even nothing."),
            annotations: ArticleAnnotations()
        )
        // Curly quotes before the spans: a store that changed the offsets' unit would be caught.
        #expect(live.article.text.utf8.count > live.article.text.unicodeScalars.count)
        try await kind.withStore { store async throws in
            #expect(try await store.save([live, plain, nothingFound]) == [.inserted, .inserted, .inserted])
            for saved in [live, plain, nothingFound] {
                let stored = try #require(try await store.article(id: saved.article.id))
                #expect(stored.article == saved.article)
                #expect(stored.annotations == saved.annotations)
            }
            let byPrefix = try await store.article(id: String(live.article.id.prefix(6)))
            #expect(byPrefix?.annotations == live.annotations)
            #expect(
                try await store.article(id: nothingFound.article.id)?.annotations == ArticleAnnotations(),
                "nothing found is empty annotations, not unknown ones"
            )
        }
    }

    @Test("saving annotated readings again adds no annotations", arguments: StoreKind.allCases)
    func annotationsIdempotent(kind: StoreKind) async throws {
        let batch = [Sample.annotatedLiveBlog(), Sample.annotated("Oil prices rose on Friday.")]
        // The same reading annotated differently (by a newer tagger, say) is still the same reading.
        var reannotated = batch[1]
        reannotated.annotations.timexes.removeLast()
        reannotated.annotations.timexes[0].value = "XXXX-02-28"
        try await kind.withStore { store async throws in
            #expect(try await store.save(batch) == [.inserted, .inserted])
            #expect(try await store.save(batch) == [.unchanged, .unchanged])
            #expect(try await store.save([reannotated, batch[1]]) == [.unchanged, .unchanged])
            for saved in batch {
                #expect(try await store.article(id: saved.article.id)?.annotations == saved.annotations)
            }
            #expect(try await store.counts() == StoreCounts(articles: 2, sources: 2))
        }
    }

    @Test("a syndicated copy keeps the annotations of the first reading", arguments: StoreKind.allCases)
    func syndicatedCopyKeepsAnnotations(kind: StoreKind) async throws {
        let wire = Sample.annotated("Ukraine and the United States agreed terms of a minerals deal.")
        // Published a week later, the copy's "Friday" resolves to another day.
        let copyArticle = Sample.syndicated(
            wire.article,
            outlet: "The Guardian",
            url: "https://www.theguardian.com/world/2025/mar/07/minerals",
            published: "2025-03-07T10:00:00Z"
        )
        let copy = AnnotatedArticle(
            article: copyArticle,
            annotations: ArticleAnnotations(timexes: [Sample.timex("Friday", in: copyArticle, value: "2025-03-07")])
        )
        let other = Sample.annotated("Grain exports resumed.")
        try await kind.withStore { store async throws in
            #expect(try await store.save([wire]) == [.inserted])
            #expect(try await store.save([copy, other]) == [.addedSource, .inserted])
            let stored = try #require(try await store.article(id: wire.article.id))
            #expect(stored.annotations == wire.annotations)
            #expect(stored.sources == [ArticleSource(wire.article), ArticleSource(copy.article)])
            #expect(try await store.article(id: other.article.id)?.annotations == other.annotations)
        }
    }

    @Test(
        "a syndicated copy in the same batch as the first reading adds only its source",
        arguments: StoreKind.allCases
    )
    func syndicatedCopyInOneBatch(kind: StoreKind) async throws {
        let wire = Sample.annotated("Exports of grain resumed.")
        let copy = AnnotatedArticle(
            article: Sample.syndicated(wire.article, outlet: "AP", url: "https://apnews.com/article/grain"),
            annotations: ArticleAnnotations()
        )
        try await kind.withStore { store async throws in
            #expect(try await store.save([wire, copy, wire]) == [.inserted, .addedSource, .unchanged])
            #expect(try await store.article(id: wire.article.id)?.annotations == wire.annotations)
        }
    }

    @Test("a failing batch stores no annotations, and saving again stores them once", arguments: StoreKind.allCases)
    func annotationsInFailingBatch(kind: StoreKind) async throws {
        let stored = Sample.annotated("The first article.")
        let fresh = Sample.annotated("A new article in the failing batch.")
        // Same id as `stored`, different body: no store can keep both.
        var clash = Sample.annotated("A different body.")
        clash.article.contentHash = stored.article.id + String(repeating: "0", count: 48)
        clash.article.id = stored.article.id
        try await kind.withStore { store async throws in
            #expect(try await store.save([stored]) == [.inserted])
            await #expect(throws: StoreError.self) { try await store.save([fresh, clash]) }
            #expect(try await store.article(id: fresh.article.id) == nil)
            #expect(try await store.save([fresh]) == [.inserted])
            #expect(try await store.article(id: fresh.article.id)?.annotations == fresh.annotations)
            #expect(try await store.article(id: stored.article.id)?.annotations == stored.annotations)
        }
    }

    @Test(
        "annotations that point outside their article's text are refused with the batch",
        arguments: StoreKind.allCases
    )
    func annotationsOutsideTheText(kind: StoreKind) async throws {
        let good = Sample.annotated("A good reading.")
        var bad = Sample.annotated("A reading annotated on another text.")
        let length = bad.article.text.utf8.count
        bad.annotations.timexes.append(
            TimeExpression(range: TextRange(start: length - 2, end: length + 4), type: .date, value: "2025-03-01")
        )
        try await kind.withStore { store async throws in
            let error = await #expect(throws: StoreError.self) { try await store.save([good, bad]) }
            #expect(error?.message.contains(bad.article.id) == true)
            #expect(error?.message.contains("outside its text") == true)
            #expect(try await store.counts() == StoreCounts(articles: 0, sources: 0))
        }
    }

    // MARK: - Listing

    /// Articles with dates at every precision, two ties and two undated, and the order a listing must give.
    private static func datedArticles() -> (articles: [Article], expectedOrder: [String], byName: [String: Article]) {
        let dates: [(String, String?)] = [
            ("a", "2025-02-28T09:00Z"),
            ("b", "2025-02-27T15:21:00+01:00"),
            ("c", "2025-02-27"),
            ("d", "2025-02-26T23:00-05:00"),
            ("e", nil),
            ("f", nil),
            ("g", "2025-02-27T15:21:00-08:00"),  // same stated fields as b: a tie, broken by id
            ("i", "2025-02-27T15:21"),  // no seconds: before 15:21:00
        ]
        var byName: [String: Article] = [:]
        for (name, published) in dates {
            byName[name] = Sample.article(
                "Article \(name) of the listing.",
                outlet: "Outlet \(name)",
                published: published
            )
        }
        let ids = { (names: [String]) in names.map { byName[$0]!.id } }
        let expected = ids(["a"]) + ids(["b", "g"]).sorted() + ids(["i", "c", "d"]) + ids(["e", "f"]).sorted()
        // Saved in an order unrelated to the expected one.
        let articles = ["e", "c", "g", "a", "i", "f", "d", "b"].map { byName[$0]! }
        return (articles, expected, byName)
    }

    @Test("listing: newest first, undated last, ties by id", arguments: StoreKind.allCases)
    func ordering(kind: StoreKind) async throws {
        let (articles, expected, _) = Self.datedArticles()
        try await kind.withStore { store async throws in
            _ = try await store.save(articles)
            #expect(try await store.articles(ArticleQuery()).map(\.id) == expected)
        }
    }

    @Test("listing: since and until select whole days, inclusive", arguments: StoreKind.allCases)
    func dateFilters(kind: StoreKind) async throws {
        let (articles, _, byName) = Self.datedArticles()
        func ids(_ names: String...) -> [String] { names.map { byName[$0]!.id } }
        let tiesBG = ids("b", "g").sorted()
        try await kind.withStore { store async throws in
            _ = try await store.save(articles)
            func list(_ query: ArticleQuery) async throws -> [String] { try await store.articles(query).map(\.id) }

            #expect(try await list(ArticleQuery(since: Sample.date("2025-02-27"))) == ids("a") + tiesBG + ids("i", "c"))
            #expect(try await list(ArticleQuery(until: Sample.date("2025-02-27"))) == tiesBG + ids("i", "c", "d"))
            // A time on the bound is ignored: the whole day counts.
            let day = ArticleQuery(since: Sample.date("2025-02-27T18:00Z"), until: Sample.date("2025-02-27T01:00Z"))
            #expect(try await list(day) == tiesBG + ids("i", "c"))
            #expect(try await list(ArticleQuery(since: Sample.date("2025-03-01"))) == [])
            #expect(try await list(ArticleQuery(until: Sample.date("2025-02-25"))) == [])
            #expect(
                try await list(ArticleQuery(since: Sample.date("2025-02-26"), outlet: "outlet d")) == ids("d")
            )
            #expect(try await list(ArticleQuery(since: Sample.date("2025-02-27"), outlet: "OUTLET D")) == [])
        }
    }

    @Test("listing: limit and offset page through the same order", arguments: StoreKind.allCases)
    func pagination(kind: StoreKind) async throws {
        let (articles, expected, _) = Self.datedArticles()
        try await kind.withStore { store async throws in
            _ = try await store.save(articles)
            var pages: [String] = []
            for offset in stride(from: 0, to: 9, by: 3) {
                let page = try await store.articles(ArticleQuery(limit: 3, offset: offset)).map(\.id)
                #expect(page.count == min(3, expected.count - offset))
                pages += page
            }
            #expect(pages == expected)
            #expect(try await store.articles(ArticleQuery(limit: 3, offset: 8)).isEmpty)
            #expect(try await store.articles(ArticleQuery(limit: 0)).isEmpty)
            #expect(try await store.articles(ArticleQuery(limit: 2, offset: 7)).map(\.id) == [expected[7]])
        }
    }

    // MARK: - Lookup

    @Test("lookup by exact id, unique prefix, and ambiguous prefix", arguments: StoreKind.allCases)
    func prefixLookup(kind: StoreKind) async throws {
        let one = Sample.article("First of three.", hash: "abcd1" + String(repeating: "1", count: 59))
        let two = Sample.article("Second of three.", hash: "abcd2" + String(repeating: "2", count: 59))
        let three = Sample.article("Third of three.", hash: "0f9e" + String(repeating: "3", count: 60))
        try await kind.withStore { store async throws in
            _ = try await store.save([one, two, three])
            #expect(try await store.article(id: one.id)?.article == one)
            #expect(try await store.article(id: "abcd1")?.article == one)
            #expect(try await store.article(id: "ABCD2")?.article == two)
            #expect(try await store.article(id: "0f9e")?.article == three)
            #expect(try await store.article(id: "0F9E3333")?.article == three)

            let error = await #expect(throws: StoreError.self) { try await store.article(id: "abcd") }
            #expect(error?.code == .ambiguousID)
            #expect(error?.message.contains("\"abcd\"") == true)
            #expect(error?.message.contains(one.id) == true)
            #expect(error?.message.contains(two.id) == true)
            #expect(error?.message.contains(three.id) == false)

            #expect(try await store.article(id: "abc") == nil, "shorter than 4 digits")
            #expect(try await store.article(id: "0f9") == nil, "shorter than 4 digits")
            #expect(try await store.article(id: "abcz") == nil, "not hex")
            #expect(try await store.article(id: "abcd%") == nil, "not hex")
            #expect(try await store.article(id: "ffff") == nil)
            #expect(try await store.article(id: one.id + "0") == nil, "longer than any id")
            #expect(try await store.article(id: "") == nil)
        }
    }

    // MARK: - Concurrency

    @Test("8 tasks saving overlapping batches store each body and source exactly once", arguments: StoreKind.allCases)
    func concurrentSaves(kind: StoreKind) async throws {
        let bodies = (0..<24).map { Sample.article("Concurrent story number \($0).") }
        let readings = bodies.flatMap { article in
            [article, Sample.syndicated(article, outlet: "AP", url: "https://apnews.com/\(article.id)")]
        }
        try await kind.withStore { store async throws in
            let outcomes = try await withThrowingTaskGroup(of: [SaveOutcome].self) { group in
                for task in 0..<8 {
                    // Each batch overlaps its neighbours'; every other batch runs backwards.
                    var batch = (0..<18).map { readings[(task * 6 + $0) % readings.count] }
                    if task.isMultiple(of: 2) { batch.reverse() }
                    let slices = [Array(batch[..<9]), Array(batch[9...])]
                    group.addTask {
                        var outcomes: [SaveOutcome] = []
                        for slice in slices { outcomes += try await store.save(slice) }
                        return outcomes
                    }
                }
                return try await group.reduce(into: []) { $0 += $1 }
            }
            #expect(outcomes.count == 8 * 18)
            #expect(outcomes.filter { $0 == .inserted }.count == bodies.count)
            #expect(outcomes.filter { $0 == .addedSource }.count == bodies.count)
            #expect(try await store.counts() == StoreCounts(articles: bodies.count, sources: readings.count))
            for article in bodies {
                let stored = try #require(try await store.article(id: article.id))
                #expect(Set(stored.sources.map(\.key)) == [article.url!, "https://apnews.com/\(article.id)"])
            }
        }
    }
}
