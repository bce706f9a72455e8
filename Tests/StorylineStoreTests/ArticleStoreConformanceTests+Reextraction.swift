import StorylineCore
import StorylineStore
import Testing

/// Re-extraction, alike in every store: the extractor version saved with annotations, paging through the
/// articles that need extracting again, and replacing their annotations a batch at a time.
extension ArticleStoreConformanceTests {
    /// `annotated` as extracted by `version`.
    static func extracted(_ annotated: AnnotatedArticle, by version: String?) -> AnnotatedArticle {
        var copy = annotated
        copy.extractorVersion = version
        return copy
    }

    /// Other annotations for the article of `annotated`, as a newer extractor might find: one expression
    /// fewer, another value, and one more.
    static func newer(_ annotated: AnnotatedArticle) -> ArticleAnnotations {
        var annotations = annotated.annotations
        annotations.timexes.removeLast()
        annotations.timexes[0].value = "XXXX-02-28"
        let length = annotated.article.text.utf8.count
        annotations.timexes.append(
            TimeExpression(range: TextRange(start: length - 7, end: length - 1), type: .set, value: "XXXX-WXX-5")
        )
        return annotations
    }

    @Test("the extractor version is saved with the annotations of the first reading", arguments: StoreKind.allCases)
    func extractorVersionIsSaved(kind: StoreKind) async throws {
        let wire = Self.extracted(Sample.annotated("Grain exports resumed."), by: "2026.01.01-1")
        let unknown = Sample.annotated("An article saved without a version.")
        var copy = Self.extracted(wire, by: "2026.02.02-1")
        copy.article = Sample.syndicated(wire.article, outlet: "AP", url: "https://apnews.com/article/grain")
        try await kind.withStore { store async throws in
            #expect(try await store.save([wire, unknown, copy]) == [.inserted, .inserted, .addedSource])
            let stored = try #require(try await store.article(id: wire.article.id))
            #expect(stored.extractorVersion == "2026.01.01-1", "a syndicated copy keeps the first reading's")
            #expect(stored.annotations == wire.annotations)
            #expect(try await store.article(id: unknown.article.id)?.extractorVersion == nil)
        }
    }

    @Test("replaced annotations round-trip; the article and its sources stay", arguments: StoreKind.allCases)
    func replacementRoundTrips(kind: StoreKind) async throws {
        let live = Self.extracted(Sample.annotatedLiveBlog(), by: "old-1")
        let plain = Self.extracted(Sample.annotated("Talks on the minerals deal resumed."), by: "old-1")
        let other = Self.extracted(Sample.annotated("An article nobody re-extracts."), by: "old-1")
        let copy = Sample.syndicated(plain.article, outlet: "AP", url: "https://apnews.com/article/minerals")
        let newLive = Self.newer(live)
        #expect(newLive != live.annotations)
        try await kind.withStore { store async throws in
            _ = try await store.save([live, plain, other])
            _ = try await store.save([copy])
            let before = try #require(try await store.article(id: plain.article.id))

            try await store.replaceAnnotations(
                [
                    (id: live.article.id, annotations: newLive),
                    (id: plain.article.id, annotations: ArticleAnnotations()),
                ],
                extractorVersion: "new-2"
            )
            let storedLive = try #require(try await store.article(id: live.article.id))
            #expect(storedLive.annotations == newLive)
            #expect(storedLive.extractorVersion == "new-2")
            #expect(storedLive.article == live.article)
            #expect(try await store.article(id: String(live.article.id.prefix(6)))?.annotations == newLive)

            let storedPlain = try #require(try await store.article(id: plain.article.id))
            #expect(storedPlain.annotations == ArticleAnnotations(), "nothing found is empty, not unknown")
            #expect(storedPlain.extractorVersion == "new-2")
            #expect(storedPlain.sources == before.sources)
            #expect(storedPlain.article == before.article)

            let untouched = try #require(try await store.article(id: other.article.id))
            #expect(untouched.annotations == other.annotations)
            #expect(untouched.extractorVersion == "old-1")
            #expect(try await store.counts() == StoreCounts(articles: 3, sources: 4))

            // Saving the reading again keeps the replacement, as it keeps any stored annotations.
            #expect(try await store.save([live]) == [.unchanged])
            #expect(try await store.article(id: live.article.id)?.annotations == newLive)

            // An empty batch changes nothing; within a batch, the last item for an id wins.
            try await store.replaceAnnotations([], extractorVersion: "new-3")
            #expect(try await store.article(id: live.article.id)?.extractorVersion == "new-2")
            try await store.replaceAnnotations(
                [
                    (id: other.article.id, annotations: ArticleAnnotations()),
                    (id: other.article.id, annotations: Self.newer(other)),
                ],
                extractorVersion: nil
            )
            let replacedTwice = try #require(try await store.article(id: other.article.id))
            #expect(replacedTwice.annotations == Self.newer(other))
            #expect(replacedTwice.extractorVersion == nil, "a nil version is recorded as unknown")
        }
    }

    @Test("a replacement batch with a bad item changes nothing", arguments: StoreKind.allCases)
    func replacementIsAllOrNothing(kind: StoreKind) async throws {
        let first = Self.extracted(Sample.annotated("The first article."), by: "old-1")
        let short = Self.extracted(Sample.annotated("Short."), by: "old-1")
        let long = Self.extracted(
            Sample.annotated(String(repeating: "A much longer article. ", count: 20)),
            by: "old-1"
        )
        // Annotations of the long text do not fit in the short one.
        let misplaced = ArticleAnnotations(timexes: [
            TimeExpression(
                range: TextRange(start: short.article.text.utf8.count - 2, end: long.article.text.utf8.count),
                type: .date,
                value: "2025-03-01"
            )
        ])
        let unknownID = "ffffffffffffffff"
        try await kind.withStore { store async throws in
            _ = try await store.save([first, short, long])
            func expectUnchanged() async throws {
                for saved in [first, short, long] {
                    let stored = try #require(try await store.article(id: saved.article.id))
                    #expect(stored.annotations == saved.annotations)
                    #expect(stored.extractorVersion == "old-1")
                }
            }

            let outside = await #expect(throws: StoreError.self) {
                try await store.replaceAnnotations(
                    [
                        (id: first.article.id, annotations: ArticleAnnotations()),
                        (id: short.article.id, annotations: misplaced),
                    ],
                    extractorVersion: "new-2"
                )
            }
            #expect(outside?.message.contains(short.article.id) == true)
            #expect(outside?.message.contains("outside its text") == true)
            try await expectUnchanged()

            let unknown = await #expect(throws: StoreError.self) {
                try await store.replaceAnnotations(
                    [
                        (id: first.article.id, annotations: ArticleAnnotations()),
                        (id: unknownID, annotations: ArticleAnnotations()),
                    ],
                    extractorVersion: "new-2"
                )
            }
            #expect(unknown?.code == .unknownArticle)
            #expect(unknown?.message.contains(unknownID) == true)
            try await expectUnchanged()

            // A prefix is not an id: replacing needs the exact id.
            await #expect(throws: StoreError.self) {
                try await store.replaceAnnotations(
                    [(id: String(first.article.id.prefix(8)), annotations: ArticleAnnotations())],
                    extractorVersion: "new-2"
                )
            }
            try await expectUnchanged()

            // The good items alone go through.
            try await store.replaceAnnotations(
                [(id: long.article.id, annotations: misplaced)],
                extractorVersion: "new-2"
            )
            #expect(try await store.article(id: long.article.id)?.annotations == misplaced)
        }
    }

    @Test("replacing gives articles stored without annotations their first ones", arguments: StoreKind.allCases)
    func replacementAnnotatesUnannotatedArticles(kind: StoreKind) async throws {
        let old = Sample.annotated("Stored before annotations existed.")
        let older = Sample.annotated("Also stored before annotations existed.")
        try await kind.withStore(unannotated: [old.article, older.article]) { store async throws in
            #expect(try await store.article(id: old.article.id)?.annotations == nil)
            #expect(try await store.countArticles(notExtractedBy: "new-1") == 2)
            let page = try await store.storedArticles(after: nil, limit: 10, notExtractedBy: "new-1")
            #expect(Set(page.map(\.article.id)) == [old.article.id, older.article.id])
            #expect(page.allSatisfy { $0.annotations == nil && $0.extractorVersion == nil })

            try await store.replaceAnnotations(
                [(id: old.article.id, annotations: old.annotations), (id: older.article.id, annotations: .init())],
                extractorVersion: "new-1"
            )
            let stored = try #require(try await store.article(id: old.article.id))
            #expect(stored.annotations == old.annotations)
            #expect(stored.extractorVersion == "new-1")
            #expect(stored.article == old.article)
            #expect(try await store.article(id: older.article.id)?.annotations == ArticleAnnotations())
            #expect(try await store.countArticles(notExtractedBy: "new-1") == 0)
            #expect(try await store.storedArticles(after: nil, limit: 10, notExtractedBy: "new-1").isEmpty)
            #expect(try await store.countArticles(notExtractedBy: "new-2") == 2)
        }
    }

    @Test("pages go through the articles in id order, selected by extractor version", arguments: StoreKind.allCases)
    func pagesSelectByVersion(kind: StoreKind) async throws {
        let versions: [String?] = ["v1", "v2", "v2", nil, "v1", "v2", "v2"]
        let saved = versions.enumerated().map { index, version in
            Self.extracted(Sample.annotated("Paged article number \(index)."), by: version)
        }
        let unannotated = [Sample.article("Unannotated one."), Sample.article("Unannotated two.")]
        let copy = Sample.syndicated(saved[2].article, outlet: "AP", url: "https://apnews.com/article/paged")
        let allIDs = (saved.map(\.article.id) + unannotated.map(\.id)).sorted()
        let staleForV2 = (saved.filter { $0.extractorVersion != "v2" }.map(\.article.id) + unannotated.map(\.id))
            .sorted()
        try await kind.withStore(unannotated: unannotated) { store async throws in
            _ = try await store.save(saved)
            _ = try await store.save([copy])
            #expect(try await store.countArticles(notExtractedBy: nil) == 9)
            #expect(try await store.countArticles(notExtractedBy: "v2") == staleForV2.count)
            #expect(try await store.countArticles(notExtractedBy: "v3") == 9)

            for (version, expected) in [(nil, allIDs), ("v2", staleForV2)] as [(String?, [String])] {
                var pages: [[StoredArticle]] = []
                var after: String?
                repeat {
                    let page = try await store.storedArticles(after: after, limit: 3, notExtractedBy: version)
                    pages.append(page)
                    after = page.last?.article.id
                } while pages.last?.count == 3
                #expect(pages.dropLast().allSatisfy { $0.count == 3 })
                let paged = pages.flatMap { $0 }
                #expect(paged.map(\.article.id) == expected, "version \(version ?? "nil")")
                // Each paged article is the stored article, with its sources, annotations and version.
                for stored in paged {
                    #expect(try await store.article(id: stored.article.id) == stored)
                }
            }
            let withCopy = try await store.storedArticles(
                after: nil,
                limit: 10,
                notExtractedBy: nil
            ).first { $0.article.id == saved[2].article.id }
            #expect(withCopy?.sources.count == 2)
            #expect(withCopy?.annotations == saved[2].annotations)
            #expect(withCopy?.extractorVersion == "v2")

            #expect(try await store.storedArticles(after: nil, limit: 0, notExtractedBy: nil).isEmpty)
            #expect(try await store.storedArticles(after: allIDs.last, limit: 10, notExtractedBy: nil).isEmpty)
            let middle = allIDs[4]
            #expect(
                try await store.storedArticles(after: middle, limit: 100, notExtractedBy: nil).map(\.article.id)
                    == Array(allIDs[5...])
            )
        }
    }
}
