import StorylineCore

/// One entity across the stored articles: a canonical name with a type, and how often and when it was named.
///
/// Entities are grouped by their in-document canonical name (``StorylineCore/EntityMention/canonical``) and
/// type, exactly as written: resolving spellings across documents ("Zelensky" / "Zelenskyy") is left to
/// cross-document resolution.
public struct EntitySummary: Sendable, Hashable, Codable {
    /// The canonical name.
    public var name: String
    public var type: EntityType
    /// How many times it is mentioned, over all articles.
    public var mentions: Int
    /// In how many articles it is mentioned.
    public var articles: Int
    /// The publication day (time and zone dropped) of the earliest and of the latest dated article that
    /// mentions it; nil when none of them is dated.
    public var firstPublished: PublicationDate?
    public var lastPublished: PublicationDate?

    public init(
        name: String,
        type: EntityType,
        mentions: Int,
        articles: Int,
        firstPublished: PublicationDate?,
        lastPublished: PublicationDate?
    ) {
        self.name = name
        self.type = type
        self.mentions = mentions
        self.articles = articles
        self.firstPublished = firstPublished
        self.lastPublished = lastPublished
    }
}
