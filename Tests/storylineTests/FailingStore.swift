import Foundation
import StorylineCore
import StorylineStore

/// A store whose every call fails as a broken disk would, naming a file: what the server must not show.
struct FailingStore: ArticleStore {
    var error: StoreError { StoreError(.io, "cannot read /secret/path/storyline.db", cause: "disk I/O error") }

    func save(_ articles: [AnnotatedArticle], resolution: EntityResolution?) async throws -> [SaveOutcome] {
        throw error
    }
    func articles(_ query: ArticleQuery) async throws -> [ArticleSummary] { throw error }
    func search(_ query: SearchQuery) async throws -> [SearchHit] { throw error }
    func article(id: String) async throws -> StoredArticle? { throw error }
    func counts() async throws -> StoreCounts { throw error }
    func revision() async throws -> Int64 { throw error }
    func quotes(matching query: QuoteQuery) async throws -> [StoredQuote] { throw error }
    func entities(matching query: EntityQuery) async throws -> [EntitySummary] { throw error }
    func storedContentHashes(among hashes: [String]) async throws -> Set<String> { throw error }
    func entityResolverSnapshot() async throws -> Data? { throw error }
    func saveEntityResolverSnapshot(_ snapshot: Data) async throws { throw error }
    func resolvedEntities(matching query: EntityQuery) async throws -> [StoredEntity] { throw error }
    func entityProfile(id: Int64, coMentionLimit: Int) async throws -> EntityProfile? { throw error }
    func replaceEntityResolution(_ resolution: EntityResolution) async throws { throw error }
    func storyArticles() async throws -> [ArticleStory] { throw error }
    func storedStories() async throws -> [StoredStory] { throw error }
    func storyEvents(matching query: StoryEventQuery) async throws -> [StoredStoryEvent] { throw error }
    func articleIDsInPublicationOrder() async throws -> [String] { throw error }
    func storedArticles(ids: [String]) async throws -> [StoredArticle] { throw error }
    func storedArticles(after id: String?, limit: Int, notExtractedBy version: String?) async throws
        -> [StoredArticle]
    { throw error }
    func countArticles(notExtractedBy version: String?) async throws -> Int { throw error }
    func replaceAnnotations(
        _ batch: [(id: String, annotations: ArticleAnnotations)],
        extractorVersion: String?
    ) async throws { throw error }
}
