import Hummingbird
import StorylineCore
import StorylineResolve
import StorylineStore

/// `GET /timeline`: the story's events by their own date, filtered by story, entity and days, with a time axis.
extension WebRoutes {
    struct TimelineContent {
        struct Filters {
            var entity: String
            var from: String
            var to: String
        }

        struct StoryOption {
            var storyID: Int
            var storyLabel: String
            var selected: Bool
        }

        struct Event {
            var eventID: String
            var datetime: String?
            var dateText: String
            var eventType: String
            var mode: String?
            var modality: String
            var actors: [EntityLink]
            var targets: [EntityLink]
            var hasTargets: Bool
            var place: EntityLink?
            var outletsLabel: String
            var sentence: String?
            var announced: String?
            var reports: [Report]
            /// "and N more reporting articles" when the event has more than the page lists.
            var moreReports: String?
        }

        struct Report {
            var reportHref: String
            var reportLabel: String
            var reportTitle: String?
        }

        var heading: String
        var filters: Filters
        var storyOptions: [StoryOption]
        var summary: String
        var axis: String
        var noEvents: Bool
        var emptyMessage: String
        var events: [Event]
        var pager: Pager
    }

    func timeline(_ parameters: APIParameters) async throws -> Response {
        let number = try Self.pageNumber(parameters)
        let from = try parameters.day("from")
        let to = try parameters.day("to")
        let entity = parameters.string("entity")
        let story = try parameters.int("story", in: 0...Int(Int32.max))
        let filter = TimelineCommand.Filter(
            entity: entity?.lowercased(),
            story: story.map { StoryID(rawValue: $0) },
            from: from.map(\.dayNumber),
            to: to.map(\.dayNumber),
            statements: false
        )
        let view = try await stories.current()
        let selected = view.selected(filter)
        let (page, hasNext) = Self.slice(selected, page: number)
        let events = try await StoryBuilder.withReports(
            page.map { view.events[$0] },
            from: store,
            atMost: Self.reportsPerEvent
        )
        let links = try await entityLinks.links(store)

        var perDay: [Int: Int] = [:]
        for index in selected {
            if let day = view.table.firstDay(index) { perDay[day, default: 0] += 1 }
        }
        let axis = SVGCharts.timeAxis(
            days: perDay.sorted { $0.key < $1.key }.map { (PublicationDate(dayNumber: $0.key).iso8601, $0.value) },
            from: from?.iso8601,
            to: to?.iso8601
        )
        let stories = view.builder.stories.sorted { $0.id.rawValue < $1.id.rawValue }
        let chosen = stories.first { $0.id.rawValue == story }
        let heading = chosen.map { "Timeline: " + $0.label } ?? "Timeline"
        var summary = Self.count(selected.count, "event")
        if let entity { summary += " with a participant named “\(entity)”" }
        if story != nil, chosen == nil { summary += " (there is no story \(story!))" }
        let filtered = entity != nil || story != nil || from != nil || to != nil
        let content = TimelineContent(
            heading: heading,
            filters: .init(entity: entity ?? "", from: from?.iso8601 ?? "", to: to?.iso8601 ?? ""),
            storyOptions: stories.map { item in
                var label = item.label
                if let first = Self.day(item.firstPublished) { label += " (from \(first))" }
                return .init(storyID: item.id.rawValue, storyLabel: label, selected: item.id.rawValue == story)
            },
            summary: summary + ".",
            axis: axis,
            noEvents: events.isEmpty,
            emptyMessage: filtered || number > 1 ? "No events match these filters." : "No events are stored yet.",
            events: events.map { Self.eventView($0, links: links) },
            pager: Pager(
                number: number,
                hasNext: hasNext,
                path: "/timeline",
                parameters: [
                    ("story", story.map(String.init)), ("entity", entity), ("from", from?.iso8601),
                    ("to", to?.iso8601),
                ]
            )
        )
        return try render("timeline", title: heading, nav: .init(timeline: true), content)
    }

    /// The reports an event lists on the page, earliest first: an event reported by hundreds of articles lists
    /// the first of them and says how many more there are.
    static let reportsPerEvent = 20

    static func eventView(_ event: StoryBuilder.Event, links: EntityLinks) -> TimelineContent.Event {
        let merged = event.merged
        let item = TimelineExport.Item(event)
        let firstDay = EventDate.days(event.date).map { PublicationDate(dayNumber: $0.lowerBound).iso8601 }
        var reports: [TimelineContent.Report] = []
        let listed = StoryBuilder.orderedUnique(event.reports.map(\.key.articleID))
        let more = event.articleIDs.count - listed.count
        for articleID in listed {
            let report = item.reports.first { $0.articleID == articleID }
            let name = sourceName(outlet: report?.outlet, title: report?.title, articleID: articleID)
            let day = report?.published.map { String($0.prefix(10)) } ?? "undated"
            reports.append(
                .init(
                    reportHref: "/articles/\(articleID)",
                    reportLabel: name + " · " + day,
                    reportTitle: report?.outlet != nil ? report?.title : nil
                )
            )
        }
        let announced = merged.plannedFirstReportedBy.map { planned in
            let day = planned.published.map { $0.dateOnly.iso8601 } ?? "an undated article"
            return "Announced in advance: first reported on \(day)" + (planned.outlet.map { " by \($0)" } ?? "")
        }
        return .init(
            eventID: merged.id.description,
            datetime: firstDay,
            dateText: event.date ?? "undated",
            eventType: merged.type.rawValue,
            mode: merged.mode,
            modality: merged.modality.rawValue,
            actors: merged.actors.map(links.link),
            targets: merged.targets.map(links.link),
            hasTargets: !merged.targets.isEmpty,
            place: merged.place.map(links.link),
            outletsLabel: count(merged.independentOutlets, "outlet"),
            sentence: item.reports.first?.sentence.map(QuotesCommand.oneLine),
            announced: announced,
            reports: reports,
            moreReports: more > 0 ? "and \(count(more, "more reporting article"))" : nil
        )
    }
}
