import StorylineCore

/// One entity resolved across the stored articles: a person, organisation, place, group or event with a
/// stable id, its canonical name, every name it was called, and how often and when it was reported.
///
/// The store only keeps what cross-document resolution computed (``ArticleStore/save(_:resolution:)``,
/// ``ArticleStore/replaceEntityResolution(_:)``); it never resolves names itself. The ``id`` is the resolver's:
/// sequential from 1, never reused, so it can be kept with each mention (``StoredArticle/entityIDs``) while the
/// canonical name changes as more articles arrive.
public struct StoredEntity: Sendable, Hashable, Codable, Identifiable {
    /// The resolver's entity id.
    public var id: Int64
    /// The most frequent type of its mentions.
    public var type: EntityType
    /// The fullest common form of its names ("Volodymyr Zelensky" over "Zelensky").
    public var canonicalName: String
    /// The in-document canonical names of its mentions (``StorylineCore/EntityMention/canonical``), with the
    /// number of mentions of each.
    public var names: [String: Int]
    /// Its mentions' surface forms exactly as written ("Zelenskyy", "U.S."), with counts.
    public var aliases: [String: Int]
    /// Mentions resolved to it, over all articles.
    public var mentionCount: Int
    /// Articles that mention it.
    public var articleCount: Int
    /// The earliest article that mentions it (by publication date, undated last, then id) and its date.
    public var firstArticleID: String?
    public var firstPublished: PublicationDate?
    /// The latest dated article that mentions it (the latest article when none is dated) and its date.
    public var lastArticleID: String?
    public var lastPublished: PublicationDate?

    public init(
        id: Int64,
        type: EntityType,
        canonicalName: String,
        names: [String: Int],
        aliases: [String: Int],
        mentionCount: Int,
        articleCount: Int,
        firstArticleID: String?,
        firstPublished: PublicationDate?,
        lastArticleID: String?,
        lastPublished: PublicationDate?
    ) {
        self.id = id
        self.type = type
        self.canonicalName = canonicalName
        self.names = names
        self.aliases = aliases
        self.mentionCount = mentionCount
        self.articleCount = articleCount
        self.firstArticleID = firstArticleID
        self.firstPublished = firstPublished
        self.lastArticleID = lastArticleID
        self.lastPublished = lastPublished
    }

    /// The other spellings: every name and surface form but the canonical name, most mentioned first (ties by
    /// UTF-8 bytes), each once.
    public var otherSpellings: [String] {
        var counts = names
        for (alias, n) in aliases { counts[alias] = max(counts[alias] ?? 0, n) }
        counts[canonicalName] = nil
        return counts.sorted { a, b in
            a.value != b.value ? a.value > b.value : a.key.utf8.lexicographicallyPrecedes(b.key.utf8)
        }.map(\.key)
    }

    /// Whether ``EntityQuery/name`` (as a ``StoreKeys/filterKey(_:)``) matches: the canonical name or any
    /// name or surface form contains it.
    package func matches(nameKey key: String) -> Bool {
        StoreKeys.matches(canonicalName, key: key) || names.keys.contains { StoreKeys.matches($0, key: key) }
            || aliases.keys.contains { StoreKeys.matches($0, key: key) }
    }

    /// The order of ``ArticleStore/resolvedEntities(matching:)``: most mentions, then most articles, then
    /// canonical name by its UTF-8 bytes, then id.
    package static func ranks(_ a: StoredEntity, before b: StoredEntity) -> Bool {
        if a.mentionCount != b.mentionCount { return a.mentionCount > b.mentionCount }
        if a.articleCount != b.articleCount { return a.articleCount > b.articleCount }
        if !a.canonicalName.utf8.elementsEqual(b.canonicalName.utf8) {
            return a.canonicalName.utf8.lexicographicallyPrecedes(b.canonicalName.utf8)
        }
        return a.id < b.id
    }
}
