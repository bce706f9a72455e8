import StorylineCore

/// An entity mention of one article together with the cross-document entity it was resolved to.
public struct ResolvedMention: Sendable, Hashable, Codable {
    /// The mention as the extractor gave it (its range is in the article's text).
    public var mention: EntityMention
    /// The ``ResolvedEntity/id`` of the entity: stable, so it can be stored with the mention.
    public var entityID: Int64
    /// The entity's canonical name once the article was added. It can change as later articles add
    /// fuller or more frequent forms; ``EntityResolver/canonicalName(of:)`` gives the current one.
    public var canonicalName: String
    /// The entity's type once the article was added.
    public var entityType: EntityType

    /// Creates a resolved mention.
    public init(mention: EntityMention, entityID: Int64, canonicalName: String, entityType: EntityType) {
        self.mention = mention
        self.entityID = entityID
        self.canonicalName = canonicalName
        self.entityType = entityType
    }
}
