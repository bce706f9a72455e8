import StorylineCore

/// A filter and a page over the entities named in stored articles (``ArticleStore/entities(matching:)``).
public struct EntityQuery: Sendable, Hashable {
    /// Only entities whose canonical name contains this text, case-insensitively (both sides lowercased with
    /// Swift's Unicode `lowercased()`); an empty string filters nothing.
    public var name: String?
    /// Only entities of this type.
    public var type: EntityType?
    public var limit: Int
    public var offset: Int

    public init(name: String? = nil, type: EntityType? = nil, limit: Int = 100, offset: Int = 0) {
        self.name = name
        self.type = type
        self.limit = limit
        self.offset = offset
    }
}
