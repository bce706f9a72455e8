import Foundation
import StorylineCore
import StorylineExtract
import StorylineStore
import Testing

@testable import storyline

/// An in-memory store whose next save fails, as a full disk or a lost connection would.
final class FlakyStore: ArticleStore, @unchecked Sendable {
    let base = InMemoryStore()
    private let lock = NSLock()
    private var failing = false

    func failNextSave() { lock.withLock { failing = true } }

    func save(_ articles: [AnnotatedArticle], resolution: EntityResolution?) async throws -> [SaveOutcome] {
        let fail = lock.withLock {
            defer { failing = false }
            return failing
        }
        if fail { throw StoreError(.io, "disk full") }
        return try await base.save(articles, resolution: resolution)
    }
    func articles(_ query: ArticleQuery) async throws -> [ArticleSummary] { try await base.articles(query) }
    func search(_ query: SearchQuery) async throws -> [SearchHit] { try await base.search(query) }
    func article(id: String) async throws -> StoredArticle? { try await base.article(id: id) }
    func counts() async throws -> StoreCounts { try await base.counts() }
    func revision() async throws -> Int64 { try await base.revision() }
    func quotes(matching query: QuoteQuery) async throws -> [StoredQuote] { try await base.quotes(matching: query) }
    func entities(matching query: EntityQuery) async throws -> [EntitySummary] {
        try await base.entities(matching: query)
    }
    func storedContentHashes(among hashes: [String]) async throws -> Set<String> {
        try await base.storedContentHashes(among: hashes)
    }
    func entityResolverSnapshot() async throws -> Data? { try await base.entityResolverSnapshot() }
    func saveEntityResolverSnapshot(_ snapshot: Data) async throws {
        try await base.saveEntityResolverSnapshot(snapshot)
    }
    func resolvedEntities(matching query: EntityQuery) async throws -> [StoredEntity] {
        try await base.resolvedEntities(matching: query)
    }
    func entityProfile(id: Int64, coMentionLimit: Int) async throws -> EntityProfile? {
        try await base.entityProfile(id: id, coMentionLimit: coMentionLimit)
    }
    func replaceEntityResolution(_ resolution: EntityResolution) async throws {
        try await base.replaceEntityResolution(resolution)
    }
    func storyArticles() async throws -> [ArticleStory] { try await base.storyArticles() }
    func storedStories() async throws -> [StoredStory] { try await base.storedStories() }
    func storyEvents(matching query: StoryEventQuery) async throws -> [StoredStoryEvent] {
        try await base.storyEvents(matching: query)
    }
    func eventReports(_ keys: [EventReportKey]) async throws -> [StoredEventReport] {
        try await base.eventReports(keys)
    }
    func articleIDsInPublicationOrder() async throws -> [String] { try await base.articleIDsInPublicationOrder() }
    func storedArticles(ids: [String]) async throws -> [StoredArticle] { try await base.storedArticles(ids: ids) }
    func storedArticles(after id: String?, limit: Int, notExtractedBy version: String?) async throws
        -> [StoredArticle]
    { try await base.storedArticles(after: id, limit: limit, notExtractedBy: version) }
    func countArticles(notExtractedBy version: String?) async throws -> Int {
        try await base.countArticles(notExtractedBy: version)
    }
    func replaceAnnotations(
        _ batch: [(id: String, annotations: ArticleAnnotations)],
        extractorVersion: String?
    ) async throws { try await base.replaceAnnotations(batch, extractorVersion: extractorVersion) }
}

/// The resolver is updated in place, batch by batch; a batch whose save fails must leave no trace in what
/// later batches resolve and store.
@Suite struct ResolutionFailureTests {
    /// Three batches of two articles; the second names people the others do not, so its entities, had they
    /// been kept, would shift the ids and counts of the third's.
    static func batches() -> [[AnnotatedArticle]] {
        let texts = [
            ("2025-02-27", "Prime Minister Keir Starmer met President Donald Trump at the White House on Thursday."),
            ("2025-02-28", "Donald Trump said Volodymyr Zelensky should sign the minerals deal, Starmer said."),
            ("2025-03-01", "Chancellor Olaf Scholz spoke to Giorgia Meloni in Rome about Ukraine."),
            ("2025-03-01", "Giorgia Meloni told Olaf Scholz that Italy backs the talks, Meloni said in Rome."),
            ("2025-03-02", "Emmanuel Macron hosted Keir Starmer and Volodymyr Zelensky in Paris, Macron said."),
            ("2025-03-03", "Mark Rutte, NATO's secretary general, said Trump and Zelensky must meet again."),
        ]
        let extractor = ArticleExtractor()
        let articles = texts.enumerated().map { n, item in
            extractor.annotate(
                Article(
                    id: "r\(n)",
                    contentHash: "hash-r\(n)",
                    title: "Report \(n)",
                    outlet: ["Reuters", "BBC", "AFP"][n % 3],
                    published: PublicationDate(iso8601: item.0),
                    paragraphs: [item.1],
                    origin: ArticleOrigin(path: "/in/r\(n).txt", format: .plainText)
                )
            )
        }
        return [Array(articles[0..<2]), Array(articles[2..<4]), Array(articles[4..<6])]
    }

    /// What a reader sees of a store's resolution.
    static func resolution(_ store: any ArticleStore) async throws -> [String] {
        let entities = try await store.resolvedEntities(matching: EntityQuery()).map {
            "\($0.id) \($0.canonicalName) \($0.mentionCount) \($0.articleCount)"
        }
        let stories = try await store.storyArticles().map { "\($0.articleID) story \($0.story)" }
        let events = try await store.storyEvents(matching: StoryEventQuery()).map {
            "\($0.id) \($0.type) \(String(decoding: $0.record, as: UTF8.self))"
        }
        return entities + stories.sorted() + events
    }

    @Test func aBatchThatFailsToSaveLeavesNoTrace() async throws {
        let batches = Self.batches()
        #expect(batches[1].contains { !$0.annotations.entities.isEmpty })

        let clean = InMemoryStore()
        var straight = try await EntityResolutionRunner.load(store: clean).runner
        _ = try await straight.save(batches[0])
        _ = try await straight.save(batches[2])
        try await straight.finish()

        let flaky = FlakyStore()
        var runner = try await EntityResolutionRunner.load(store: flaky).runner
        _ = try await runner.save(batches[0])
        flaky.failNextSave()
        var failed = false
        do { _ = try await runner.save(batches[1]) } catch { failed = true }
        #expect(failed)
        _ = try await runner.save(batches[2])
        try await runner.finish()

        let expected = try await Self.resolution(clean)
        #expect(expected.count > 4)
        #expect(try await Self.resolution(flaky.base) == expected)
        // The saved state continues as the clean run's does: the failed batch, saved now, resolves alike.
        _ = try await straight.save(batches[1])
        var resumed = try await EntityResolutionRunner.load(store: flaky).runner
        _ = try await resumed.save(batches[1])
        #expect(try await Self.resolution(flaky.base) == Self.resolution(clean))
    }
}
