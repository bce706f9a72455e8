import StorylineCore
import StorylineStore
import StorylineText

/// The event reports `storyline events` lists and `GET /api/events` pages: every event found in the stored
/// articles, in publication order, with its participants named by the entities they were resolved to.
extension EventsCommand {
    /// Which reports to keep.
    struct Filter: Sendable {
        /// Only this article's reports (a full id).
        var article: String? = nil
        var type: EventType? = nil
        /// Only reports with a participant whose resolved name contains this text (lower case).
        var entity: String? = nil
        /// Only reports whose own date overlaps these day numbers (``PublicationDate/dayNumber``); an undated
        /// report is left out when either is given, as on the timeline.
        var fromDay: Int? = nil
        var toDay: Int? = nil
    }

    /// The first `limit` reports `filter` keeps, in publication order (articles oldest first, reports in text
    /// order). Reads the stored articles a page at a time and stops once it has `limit` reports.
    static func reports(in store: any ArticleStore, filter: Filter, limit: Int) async throws -> [Item] {
        var items: [Item] = []
        guard limit > 0 else { return items }
        let names = try await StoryBuilder.resolvedNames(store)
        let ids: [String]
        if let article = filter.article {
            ids = [article]
        } else {
            ids = try await store.articleIDsInPublicationOrder()
        }
        try await StoryBuilder.readStoredArticles(store, ids: ids) { stored in
            let text = stored.article.text
            var offsets: ScalarOffsets?
            for event in stored.annotations?.events ?? [] {
                if let wanted = filter.type, event.type != wanted { continue }
                func name(_ argument: EventArgument) -> String { names[argument.name] ?? argument.name }
                let actors = event.actors.map(name)
                let targets = event.targets.map(name)
                if let needle = filter.entity,
                    !(actors + targets).contains(where: { $0.lowercased().contains(needle) })
                {
                    continue
                }
                if filter.fromDay != nil || filter.toDay != nil {
                    guard let span = EventDate.days(event.date) else { continue }
                    if let from = filter.fromDay, span.upperBound < from { continue }
                    if let to = filter.toDay, span.lowerBound > to { continue }
                }
                if offsets == nil { offsets = ScalarOffsets(text) }
                let scalars = offsets!
                items.append(
                    Item(
                        articleID: stored.article.id,
                        outlet: stored.article.outlet,
                        published: stored.article.published?.iso8601,
                        type: event.type.rawValue,
                        mode: event.mode,
                        modality: event.modality.rawValue,
                        date: event.date,
                        actors: actors,
                        targets: targets,
                        place: event.place.map(name),
                        trigger: event.trigger.text(in: text),
                        triggerStart: scalars.scalarOffset(ofByte: event.trigger.start),
                        triggerEnd: scalars.scalarOffset(ofByte: event.trigger.end),
                        sentence: event.sentence.text(in: text),
                        sentenceStart: scalars.scalarOffset(ofByte: event.sentence.start),
                        sentenceEnd: scalars.scalarOffset(ofByte: event.sentence.end)
                    )
                )
                if items.count >= limit { return false }
            }
            return true
        }
        return items
    }
}
