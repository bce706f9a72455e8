import Foundation
import StorylineCore

/// Where articles are kept: the one protocol every backend (in-memory, SQLite, PostgreSQL) implements.
///
/// Writes are idempotent and keyed by the article's content hash: saving the same reading twice changes
/// nothing, and a reading of an already-stored body from another source (a syndicated copy) adds that
/// source to the stored article instead of a second article. Each call to ``save(_:)`` is one transaction:
/// after a crash, either all of a batch is stored or none of it — and an article is stored together with
/// its annotations, never without them.
///
/// Annotations are recorded with the version of the extractor that produced them, and can be recomputed
/// later from the stored text: ``storedArticles(after:limit:notExtractedBy:)`` pages through the articles
/// that need it, and ``replaceAnnotations(_:extractorVersion:)`` replaces their annotations, one transaction
/// per batch.
///
/// The entity mentions and quotes of all stored articles can be queried across articles:
/// ``quotes(matching:)`` finds who said what, ``entities(matching:)`` who and what the articles name.
public protocol ArticleStore: Sendable {
    /// Stores a batch of articles with their annotations — and, when given, the cross-document resolution of
    /// their entities — in one transaction and says, for each article, what changed.
    ///
    /// A new body is stored with its annotations. A reading of a body that is already stored (the same
    /// input again, or a syndicated copy) at most adds its source: the stored article and its annotations
    /// stay those of the first reading, whatever annotations the later reading carries.
    ///
    /// With a `resolution` (see ``EntityResolution``), computed by the caller for the articles of the batch
    /// it found new (``storedContentHashes(among:)``): its entities are written (inserted or updated by id),
    /// each inserted article's mentions get their entity ids, its stories, story assignments and merged
    /// events are written (``StoryResolution``), and its snapshot replaces the stored one — all in the same
    /// transaction as the articles.
    ///
    /// - Throws: ``StoreError`` with code ``StoreError/Code/conflict`` when `resolution` names an article
    ///   that this batch does not insert (it was stored meanwhile by another writer), or gives an article a
    ///   different number of entity ids than it has mentions; nothing is stored.
    func save(_ articles: [AnnotatedArticle], resolution: EntityResolution?) async throws -> [SaveOutcome]

    /// Article summaries matching the query, newest publication date first (undated last), then by id.
    func articles(_ query: ArticleQuery) async throws -> [ArticleSummary]

    /// The articles whose title and body contain every term of the query (``SearchQuery``), best match first
    /// (BM25, title words weighing three times body words; ties by id), each with a snippet around its
    /// matches. A query without a word finds nothing.
    func search(_ query: SearchQuery) async throws -> [SearchHit]

    /// The article with this id, or with this unique id prefix (at least 4 hex digits); nil if none.
    /// Throws ``StoreError/Code/ambiguousID`` when a prefix matches more than one article.
    func article(id: String) async throws -> StoredArticle?

    /// A number that changes whenever stored content changes — articles, sources, annotations, entities,
    /// stories or merged events — by any writer; equal numbers mean unchanged content. A reader that keeps a
    /// view built from the store compares it to know when to rebuild.
    func revision() async throws -> Int64

    /// How many articles and sources are stored.
    func counts() async throws -> StoreCounts

    // MARK: Quotes and entities

    /// The stored quotes matching the query, each with its text, its context and the article and sources that
    /// reported it; ordered by the article's publication date, oldest first (undated articles last), then by
    /// article id, then by position in the article's text.
    func quotes(matching query: QuoteQuery) async throws -> [StoredQuote]

    /// The entities named in stored articles that match the query: one summary per canonical name and type,
    /// with how many mentions and articles name it and the first and last day it was published. Ordered by
    /// mentions, then articles (most first), then name and type (by their UTF-8 bytes).
    func entities(matching query: EntityQuery) async throws -> [EntitySummary]

    // MARK: Cross-document entities

    /// The content hashes among `hashes` of bodies already stored: what a batch will not insert again.
    func storedContentHashes(among hashes: [String]) async throws -> Set<String>

    /// The entity resolver's state saved with the last resolution, or nil when there is none: a new store, or
    /// one whose resolution is out of date — annotations were replaced since (``replaceAnnotations(_:extractorVersion:)``
    /// clears it), or the store was written before entities were resolved. Then the caller rebuilds it from
    /// every stored article (``articleIDsInPublicationOrder()``) with ``replaceEntityResolution(_:)``.
    func entityResolverSnapshot() async throws -> Data?

    /// Writes the entity resolver's state as of everything stored, replacing the stored one: for a caller that
    /// saves its batches without it (``EntityResolution/snapshot`` nil) and writes it once at the end of a run.
    func saveEntityResolverSnapshot(_ snapshot: Data) async throws

    /// The entities resolved across the stored articles that match the query: those whose canonical name, or
    /// any other name or spelling, contains ``EntityQuery/name``, of ``EntityQuery/type``. Ordered by mentions,
    /// then articles (most first), then canonical name (by its UTF-8 bytes), then id.
    func resolvedEntities(matching query: EntityQuery) async throws -> [StoredEntity]

    /// The profile of the resolved entity with this id (``EntityProfile``): its roles, mentions per day and at
    /// most `coMentionLimit` co-mentioned entities; nil when no stored entity has this id.
    func entityProfile(id: Int64, coMentionLimit: Int) async throws -> EntityProfile?

    /// Replaces the whole resolution in one transaction: every stored entity by `resolution.entities`, the
    /// entity ids of every mention (mentions of articles it does not list get none), every story, story
    /// assignment and merged event by `resolution.stories` (none when nil) and the snapshot.
    ///
    /// - Throws: ``StoreError`` with code ``StoreError/Code/conflict`` when an article it lists is not stored
    ///   or has a different number of mentions; nothing is changed.
    func replaceEntityResolution(_ resolution: EntityResolution) async throws

    // MARK: Stories and merged events

    /// The story and thread of every article that has one, by article id (byte order). An article stored
    /// without stories (by a version of Storyline before them, or whose annotations were replaced since)
    /// has none: when fewer articles have a story than are stored, the stored stories and events are out of
    /// date and the caller rebuilds them (``replaceEntityResolution(_:)``).
    func storyArticles() async throws -> [ArticleStory]

    /// Every stored story, by id.
    func storedStories() async throws -> [StoredStory]

    /// The stored merged events that match the query, dated ones by their first day, undated last, ties by
    /// id (byte order).
    func storyEvents(matching query: StoryEventQuery) async throws -> [StoredStoryEvent]

    /// The ids of every stored article in publication order: dated articles oldest first, then undated ones,
    /// ties by id — the order a rebuilt resolution reads them in.
    func articleIDsInPublicationOrder() async throws -> [String]

    /// The stored articles with these exact ids, in the order of `ids`, with their sources and annotations;
    /// ids of no article are left out.
    func storedArticles(ids: [String]) async throws -> [StoredArticle]

    /// The event reports `keys` name, in that order, each with its sentence and its article's summary; a key of
    /// no stored article or event is left out. (A default reads whole articles; the SQLite store reads only
    /// the reports' rows and sentences.)
    func eventReports(_ keys: [EventReportKey]) async throws -> [StoredEventReport]

    // MARK: Re-extraction

    /// A page of stored articles with their annotations, in ascending id order: the first `limit` articles
    /// whose id sorts after `id` (from the first article when `id` is nil).
    ///
    /// Page through the whole store by passing the last id of each page to the next call; a page shorter
    /// than `limit` is the last. Each page is one read, so paging costs one query per page, not one per
    /// article, and articles stored or updated while paging are seen if their id is still ahead.
    ///
    /// - Parameter version: with a version, only the articles whose annotations need extracting again under
    ///   it: not extracted at all (``StoredArticle/annotations`` is `nil`), or extracted by another or an
    ///   unknown version (``StoredArticle/extractorVersion``). With `nil`, every article.
    func storedArticles(after id: String?, limit: Int, notExtractedBy version: String?) async throws
        -> [StoredArticle]

    /// How many stored articles ``storedArticles(after:limit:notExtractedBy:)`` visits with this `version`:
    /// all of them when it is `nil`.
    func countArticles(notExtractedBy version: String?) async throws -> Int

    /// Replaces the annotations of stored articles with annotations extracted again from their text, in one
    /// transaction, and records the extractor version that produced them.
    ///
    /// Each item names an article by its exact id (no prefixes) and carries all of its new annotations, with
    /// ranges into the stored ``StorylineCore/Article/text``: they replace what was stored — older annotations
    /// or none (`nil`, an article stored before annotations were kept) — and the article counts as extracted
    /// by `extractorVersion` (`nil`: an unknown version). The articles themselves and their sources do not
    /// change. Their mentions lose their entity ids, every story, story assignment and merged event is
    /// deleted (events were merged from the old annotations), and the resolver snapshot is cleared
    /// (``entityResolverSnapshot()`` is nil until the resolution is rebuilt). When an id appears more than once, its last item wins.
    ///
    /// The batch is all or nothing: when any item is refused, nothing is changed and the error names the
    /// article.
    ///
    /// - Throws: ``StoreError`` with code ``StoreError/Code/unknownArticle`` when no article has one of the
    ///   ids, ``StoreError/Code/io`` when an annotation's range lies outside its article's text (as
    ///   ``save(_:)`` refuses it) or the write fails.
    func replaceAnnotations(
        _ batch: [(id: String, annotations: ArticleAnnotations)],
        extractorVersion: String?
    ) async throws

    // MARK: Several writers

    /// Whether several processes may write this store at the same time (PostgreSQL). A caller that keeps
    /// cross-document state then reads the current state under ``withExclusiveResolution(_:)`` before each
    /// batch, and leaves the state it wrote complete (the resolver snapshot with every batch), so that the
    /// next writer — in any process — continues from it.
    var allowsConcurrentWriters: Bool { get }

    /// Runs `body` while no other caller of this method on the same database — in this process or another —
    /// runs its own: the section in which a writer reads the resolution state (``revision()``,
    /// ``entityResolverSnapshot()``), resolves its new articles and saves them. Stores for one process
    /// (in-memory, SQLite) run `body` directly: there a second writer's overlapping batch is refused with
    /// ``StoreError/Code/conflict`` instead.
    func withExclusiveResolution<T>(_ body: () async throws -> T) async throws -> T
}

extension ArticleStore {
    public var allowsConcurrentWriters: Bool { false }

    public func withExclusiveResolution<T>(_ body: () async throws -> T) async throws -> T {
        try await body()
    }
}

extension ArticleStore {
    /// Stores a batch of articles with their annotations, without entity resolution (``save(_:resolution:)``).
    public func save(_ articles: [AnnotatedArticle]) async throws -> [SaveOutcome] {
        try await save(articles, resolution: nil)
    }
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
    /// The extractor version that produced ``annotations`` (``StorylineCore/AnnotatedArticle/extractorVersion``);
    /// `nil` when there are none or they were stored before versions were recorded.
    public var extractorVersion: String?

    public init(
        article: Article,
        sources: [ArticleSource],
        annotations: ArticleAnnotations?,
        extractorVersion: String? = nil
    ) {
        self.article = article
        self.sources = sources
        self.annotations = annotations
        self.extractorVersion = extractorVersion
    }

    /// Whether ``ArticleStore/storedArticles(after:limit:notExtractedBy:)`` selects this article for `version`:
    /// it has no annotations, or they were produced by another or an unknown extractor version.
    public func needsExtraction(by version: String) -> Bool {
        annotations == nil || extractorVersion != version
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
        /// No stored article has the given id.
        case unknownArticle
        /// A write or read failed.
        case io
        /// A write was computed from a state of the store that has changed since (another writer stored the
        /// same articles meanwhile); nothing was written.
        case conflict
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
