import Foundation

/// What cross-document entity resolution computed for a batch of articles, handed to the store as plain
/// values so that the store does not depend on the resolver: the entities to write, the entity of every
/// mention of the articles, the stories and merged events built on them (``stories``), and the resolvers'
/// state to continue from.
///
/// - With ``ArticleStore/save(_:resolution:)`` it covers the articles of the batch that are new (inserted):
///   ``entities`` holds every entity those articles touched (inserted or updated by id: a canonical name may
///   have changed), ``mentionEntityIDs`` the entity of each of their mentions.
/// - With ``ArticleStore/replaceEntityResolution(_:)`` it covers the whole store: ``entities`` replaces every
///   stored entity, and mentions of articles missing from ``mentionEntityIDs`` have no entity.
public struct EntityResolution: Sendable, Hashable {
    /// The entities to write, by id.
    public var entities: [StoredEntity]
    /// For an article id, the entity id of each of its entity mentions, in the order the store returns them
    /// (``StoredArticle/annotations``: text order, see ``ArticleStore``); as many ids as mentions.
    public var mentionEntityIDs: [String: [Int64]]
    /// The resolver's state after these articles (opaque bytes to the store: a binary snapshot), which the next run
    /// loads (``ArticleStore/entityResolverSnapshot()``) to continue incrementally; nil when the caller does
    /// not write it with this batch: the stored snapshot is then cleared (it no longer matches), and the
    /// caller writes a fresh one later (``ArticleStore/saveEntityResolverSnapshot(_:)``). A run killed in
    /// between leaves no snapshot, so the next one rebuilds the resolution instead of continuing a stale one.
    public var snapshot: Data?
    /// The stories and merged events of the same articles (see ``StoryResolution``), computed from the
    /// entities resolved here; nil when the caller keeps none. With ``ArticleStore/replaceEntityResolution(_:)``
    /// nil clears every stored story, assignment and event.
    public var stories: StoryResolution?

    public init(
        entities: [StoredEntity],
        mentionEntityIDs: [String: [Int64]],
        snapshot: Data?,
        stories: StoryResolution? = nil
    ) {
        self.entities = entities
        self.mentionEntityIDs = mentionEntityIDs
        self.snapshot = snapshot
        self.stories = stories
    }
}
