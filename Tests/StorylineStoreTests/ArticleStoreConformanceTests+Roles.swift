import StorylineCore
import StorylineStore
import Testing

/// Role facts, alike in every store: stored with their article, read back in text order, refused outside the text.
extension ArticleStoreConformanceTests {
    /// The interview sample with its two role facts: one with an affiliation, one without, given out of order.
    static func interviewWithRoles() -> AnnotatedArticle {
        var sample = QuoteSample.interview()
        let a = sample.article
        sample.annotations.roles = [
            RoleFact(
                person: "Volodymyr Zelensky",
                personRange: QuoteSample.range("Volodymyr Zelensky", in: a),
                role: "president",
                roleRange: QuoteSample.range("President", in: a),
                affiliation: "Ukraine",
                affiliationRange: QuoteSample.range("Ukraine", in: a)
            ),
        ]
        return sample
    }

    @Test("role facts round-trip exactly with their article", arguments: StoreKind.allCases)
    func rolesRoundTrip(kind: StoreKind) async throws {
        var sample = Self.interviewWithRoles()
        // A second fact earlier in the text but given last: the store keeps text order.
        sample.annotations.roles.append(
            RoleFact(
                person: "Volodymyr Zelensky",
                personRange: QuoteSample.range("Ukraine", in: sample.article),
                role: "head of state",
                roleRange: QuoteSample.range("Ukraine", in: sample.article)
            )
        )
        try await kind.withStore { store async throws in
            #expect(try await store.save([sample]) == [.inserted])
            let stored = try #require(try await store.article(id: sample.article.id))
            let roles = try #require(stored.annotations?.roles)
            #expect(roles.map(\.role) == ["head of state", "president"])
            #expect(roles.last == sample.annotations.roles.first)
            #expect(roles.first?.affiliation == nil && roles.first?.affiliationRange == nil)
        }
    }

    @Test("role facts outside their article's text are refused", arguments: StoreKind.allCases)
    func rolesOutsideTheTextAreRefused(kind: StoreKind) async throws {
        var sample = Self.interviewWithRoles()
        let length = sample.article.text.utf8.count
        sample.annotations.roles[0].roleRange = TextRange(start: length - 2, end: length + 5)
        try await kind.withStore { store async throws in
            await #expect(throws: StoreError.self) { try await store.save([sample]) }
            #expect(try await store.article(id: sample.article.id) == nil, "nothing of the article is stored")
        }
    }
}
