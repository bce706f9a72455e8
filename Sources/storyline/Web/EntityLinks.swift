import Foundation
import StorylineStore
import Synchronization

/// A name on a page that links to its entity page when it names a resolved entity: what the `entity-link`
/// partial renders (`<a href="/entities/{id}">name</a>`, else the name as text).
struct EntityLink {
    var name: String
    /// `/entities/{id}`, nil when the name is no resolved entity.
    var entityHref: String?

    init(name: String, id: Int64?) {
        self.name = name
        entityHref = id.map(EntityLinks.href)
    }

    /// The link as HTML built in Swift (for markup that is not a template's).
    var html: String {
        guard let entityHref else { return HTML.escape(name) }
        return "<a href=\"\(HTML.escape(entityHref))\">\(HTML.escape(name))</a>"
    }
}

/// Names → resolved entity ids, for links to entity pages: an in-document canonical name (an entity mention's
/// ``StorylineCore/EntityMention/canonical``, a quote's speaker) or an entity's canonical name, looked up as
/// ``StoryBuilder/resolvedEntities(_:)`` maps them (a name given to several entities goes to the one it names
/// most often) — the way ``NetworkGraphBuilder`` names event participants.
struct EntityLinks: Sendable {
    private let ids: [String: Int64]

    init(_ entities: [String: StoredEntity]) {
        ids = entities.mapValues(\.id)
    }

    /// The entity id of `name`, nil when it names no resolved entity.
    func id(_ name: String?) -> Int64? {
        name.flatMap { ids[$0] }
    }

    /// `name` as a link to its entity page when it has one.
    func link(_ name: String) -> EntityLink {
        EntityLink(name: name, id: id(name))
    }

    /// The entity page of `id`.
    static func href(_ id: Int64) -> String { "/entities/\(id)" }

    /// The links of `store`, read once per store revision (``StorylineStore/ArticleStore/revision()``): every
    /// page that names entities needs them, and reading every resolved entity per request would cost more than
    /// the page itself.
    final class Cache: Sendable {
        private struct Entry {
            var links: EntityLinks
            var revision: Int64
        }

        private let entry = Mutex<Entry?>(nil)

        func links(_ store: any ArticleStore) async throws -> EntityLinks {
            let revision = try await store.revision()
            if let cached = entry.withLock({ $0 }), cached.revision == revision { return cached.links }
            let links = EntityLinks(try await StoryBuilder.resolvedEntities(store))
            entry.withLock { current in
                if (current?.revision ?? Int64.min) < revision { current = Entry(links: links, revision: revision) }
            }
            return links
        }
    }
}
