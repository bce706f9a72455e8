import StorylineCore

/// Where articles are kept: the one protocol every backend (in-memory, SQLite, PostgreSQL) implements.
///
/// Writes are idempotent and keyed by the article's content hash: saving the same reading twice changes
/// nothing, and a reading of an already-stored body from another source (a syndicated copy) adds that
/// source to the stored article instead of a second article. Each call to ``save(_:)`` is one transaction:
/// after a crash, either all of a batch is stored or none of it — and an article is stored together with
/// its annotations, never without them.
public protocol ArticleStore: Sendable {
    /// Stores a batch of articles with their annotations in one transaction and says, for each, what changed.
    ///
    /// A new body is stored with its annotations. A reading of a body that is already stored (the same
    /// input again, or a syndicated copy) at most adds its source: the stored article and its annotations
    /// stay those of the first reading, whatever annotations the later reading carries.
    func save(_ articles: [AnnotatedArticle]) async throws -> [SaveOutcome]

    /// Article summaries matching the query, newest publication date first (undated last), then by id.
    func articles(_ query: ArticleQuery) async throws -> [ArticleSummary]

    /// The article with this id, or with this unique id prefix (at least 4 hex digits); nil if none.
    /// Throws ``StoreError/Code/ambiguousID`` when a prefix matches more than one article.
    func article(id: String) async throws -> StoredArticle?

    /// How many articles and sources are stored.
    func counts() async throws -> StoreCounts
}

/// What saving one article did.
public enum SaveOutcome: String, Sendable, Hashable, Codable {
    /// A new article (a body not seen before).
    case inserted
    /// The body was already stored; this reading's source was new and has been added to it.
    case addedSource
    /// Nothing new: this body and this source were already stored.
    case unchanged
}

/// A filter and a page over the stored articles.
public struct ArticleQuery: Sendable, Hashable {
    /// Only articles published on or after this day.
    public var since: PublicationDate?
    /// Only articles published on or before this day.
    public var until: PublicationDate?
    /// Only articles with a source from this outlet (case-insensitive exact match).
    public var outlet: String?
    public var limit: Int
    public var offset: Int

    public init(
        since: PublicationDate? = nil,
        until: PublicationDate? = nil,
        outlet: String? = nil,
        limit: Int = 100,
        offset: Int = 0
    ) {
        self.since = since
        self.until = until
        self.outlet = outlet
        self.limit = limit
        self.offset = offset
    }
}

/// One line of an article listing.
public struct ArticleSummary: Sendable, Hashable, Codable, Identifiable {
    public var id: String
    public var title: String?
    public var outlet: String?
    public var url: String?
    public var published: PublicationDate?
    public var wordCount: Int
    /// How many sources carry this body (1 unless syndicated).
    public var sourceCount: Int
    /// Number of live-blog entries (0 for an ordinary article).
    public var liveBlogEntryCount: Int

    public init(
        id: String,
        title: String?,
        outlet: String?,
        url: String?,
        published: PublicationDate?,
        wordCount: Int,
        sourceCount: Int,
        liveBlogEntryCount: Int
    ) {
        self.id = id
        self.title = title
        self.outlet = outlet
        self.url = url
        self.published = published
        self.wordCount = wordCount
        self.sourceCount = sourceCount
        self.liveBlogEntryCount = liveBlogEntryCount
    }
}

/// A stored article: the article as first read, every source that carried its body, and its annotations.
public struct StoredArticle: Sendable, Hashable, Codable {
    public var article: Article
    /// Every reading of this body, in the order they were stored.
    public var sources: [ArticleSource]
    /// What extraction found in ``StorylineCore/Article/text`` (ranges in UTF-8 byte offsets), saved with the
    /// article's first reading; `nil` when the article was stored by a version of Storyline that did not
    /// extract at ingest (a database created before annotations were stored), so nothing is known.
    public var annotations: ArticleAnnotations?

    public init(article: Article, sources: [ArticleSource], annotations: ArticleAnnotations?) {
        self.article = article
        self.sources = sources
        self.annotations = annotations
    }
}

/// One source of a stored article: who published this body, where and when.
public struct ArticleSource: Sendable, Hashable, Codable {
    /// Identifies the source within the article: the URL when known, else the format and origin locator.
    public var key: String
    public var outlet: String?
    public var url: String?
    public var title: String?
    public var published: PublicationDate?
    public var byline: [String]
    public var origin: ArticleOrigin

    public init(
        key: String,
        outlet: String?,
        url: String?,
        title: String?,
        published: PublicationDate?,
        byline: [String],
        origin: ArticleOrigin
    ) {
        self.key = key
        self.outlet = outlet
        self.url = url
        self.title = title
        self.published = published
        self.byline = byline
        self.origin = origin
    }

    /// The source of one reading.
    public init(_ article: Article) {
        self.init(
            key: ArticleSource.key(for: article),
            outlet: article.outlet,
            url: article.url,
            title: article.title,
            published: article.published,
            byline: article.byline,
            origin: article.origin
        )
    }

    /// The source key of a reading: its URL when known, else `format:locator`.
    public static func key(for article: Article) -> String {
        if let url = article.url, !url.isEmpty { return url }
        return article.origin.format.rawValue + ":" + article.origin.locator
    }
}

/// Totals over the store.
public struct StoreCounts: Sendable, Hashable, Codable {
    public var articles: Int
    public var sources: Int

    public init(articles: Int, sources: Int) {
        self.articles = articles
        self.sources = sources
    }
}

/// A store failure: a code, a message that says what was asked, and the underlying cause.
/// Messages never contain connection strings or credentials.
public struct StoreError: Error, Sendable, Hashable, CustomStringConvertible {
    public enum Code: String, Sendable, Hashable {
        /// The database could not be opened or created.
        case cannotOpen
        /// The database's schema is newer than this program or is not a Storyline database.
        case incompatibleSchema
        /// An id prefix matches more than one article.
        case ambiguousID
        /// A write or read failed.
        case io
    }

    public var code: Code
    public var message: String
    public var cause: String?

    public init(_ code: Code, _ message: String, cause: String? = nil) {
        self.code = code
        self.message = message
        self.cause = cause
    }

    public var description: String { cause.map { "\(message) — \($0)" } ?? message }
}
