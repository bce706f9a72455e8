import ArgumentParser
import Foundation
import StorylineCore
import StorylineResolve
import StorylineStore

/// `storyline timeline`
struct TimelineCommand: AsyncParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "timeline",
        abstract: "The story's timeline: each event once, by the date it happened, with every report.",
        discussion: """
            Events found in the stored articles (who did what to whom, where), merged across reports: the same \
            meeting reported by four outlets is one event with four reports; a syndicated copy of a wire story \
            counts once among the independent outlets; a meeting announced in advance and later reported as \
            held is one event, marked with the day it was first announced; the same people meeting on another \
            day is another event. Events are ordered by their own date (not the day they were published). \
            --entity matches a participant's name case-insensitively ("trump"), --story a story id from \
            `storyline stories`, --from/--to the event's date, --type a PLOVER type. Statements are left out \
            unless --statements is given (`storyline quotes` lists them). --format json, csv or timelinejs \
            (TimelineJS's JSON, the format newsrooms publish timelines with) writes an export instead of text.
            """
    )

    enum Format: String, ExpressibleByArgument, CaseIterable {
        case text, json, csv, timelinejs
    }

    @OptionGroup var store: StoreOptions

    @Option(help: ArgumentHelp("Only events with a participant whose name contains this text.", valueName: "NAME"))
    var entity: String?

    @Option(help: ArgumentHelp("Only events reported in this story (see `storyline stories`).", valueName: "ID"))
    var story: Int?

    @Option(help: ArgumentHelp("Only events on or after this day.", valueName: "YYYY-MM-DD"))
    var from: PublicationDate?

    @Option(help: ArgumentHelp("Only events on or before this day.", valueName: "YYYY-MM-DD"))
    var to: PublicationDate?

    @Option(help: ArgumentHelp("Only events of this PLOVER type (CONSULT, AGREE, ASSAULT…).", valueName: "TYPE"))
    var type: String?

    @Flag(help: "Include attributed statements (one event per statement).")
    var statements = false

    @Option(help: "At most this many events.")
    var limit: Int = 100

    @Option(help: ArgumentHelp("text (default), json, csv or timelinejs.", valueName: "FORMAT"))
    var format: Format = .text

    func validate() throws {
        if let type, EventType(rawValue: type.uppercased()) == nil {
            let known = EventType.allCases.map(\.rawValue).joined(separator: ", ")
            throw ValidationError("unknown event type \"\(type)\"; one of \(known)")
        }
    }

    func run() async throws {
        let (built, selected) = try await StoryBuilder.withStore(store) { db in
            let built = try await StoryBuilder.build(from: db, events: filter.query)
            let selected = Array(Self.select(built.events, filter: filter).prefix(max(limit, 0)))
            return (built, try await StoryBuilder.withReports(selected, from: db))
        }
        switch format {
        case .text:
            if selected.isEmpty {
                let none = filter.query == StoryEventQuery(excludeStatements: true) && built.events.isEmpty
                Terminal.out(none ? "No events stored yet." : "No events match.")
                return
            }
            Terminal.out(Self.render(selected))
        case .json:
            try Terminal.json(selected.map(TimelineExport.Item.init))
        case .csv:
            CSVWriter.write(TimelineExport.csv(selected))
        case .timelinejs:
            try Terminal.json(TimelineExport.timelineJS(selected, title: "Storyline timeline"))
        }
    }

    /// What the options ask for.
    var filter: Filter {
        Filter(
            entity: entity?.lowercased(),
            story: story.map { StoryID(rawValue: $0) },
            from: from.map { PublicationDate.dayNumber(year: $0.year, month: $0.month, day: $0.day) },
            to: to.map { PublicationDate.dayNumber(year: $0.year, month: $0.month, day: $0.day) },
            type: type.flatMap { EventType(rawValue: $0.uppercased()) },
            statements: statements
        )
    }

    struct Filter {
        var entity: String? = nil
        var story: StoryID? = nil
        var from: Int? = nil
        var to: Int? = nil
        var type: EventType? = nil
        var statements: Bool

        /// What the store can select by itself: type, statements and dates.
        var query: StoryEventQuery {
            StoryEventQuery(type: type, excludeStatements: !statements, fromDay: from, toDay: to)
        }
    }

    /// The events `filter` keeps, by their own date (undated last), then by first report.
    static func select(_ events: [StoryBuilder.Event], filter: Filter) -> [StoryBuilder.Event] {
        let table = FilterTable(events)
        return inTimelineOrder(table.indices(keptBy: filter).map { events[$0] })
    }

    /// What a ``Filter`` reads of each of a list of events, worked out once and kept in columns of plain
    /// values: testing an event copies no string or set (which, in a server answering on every core, would
    /// make the threads contend for reference counts).
    struct FilterTable: Sendable {
        private let types: [EventType]
        /// The days each event's date spans; `Int.max...Int.max` when undated.
        private let firstDays: [Int]
        private let lastDays: [Int]
        /// Every event's actors' and targets' names, lowercased, each followed by a newline (which no name
        /// holds), as UTF-8; `nameRanges[i]` is event i's part.
        private let nameBytes: [UInt8]
        private let nameRanges: [Range<Int>]
        private let stories: [Set<StoryID>]

        init(_ events: [StoryBuilder.Event]) {
            var types: [EventType] = []
            var firstDays: [Int] = []
            var lastDays: [Int] = []
            var nameBytes: [UInt8] = []
            var nameRanges: [Range<Int>] = []
            for event in events {
                types.append(event.merged.type)
                let days = EventDate.days(event.date)
                firstDays.append(days?.lowerBound ?? .max)
                lastDays.append(days?.upperBound ?? .max)
                let start = nameBytes.count
                for name in event.merged.actors + event.merged.targets {
                    nameBytes += name.lowercased().utf8
                    nameBytes.append(0x0A)
                }
                nameRanges.append(start..<nameBytes.count)
            }
            (self.types, self.firstDays, self.lastDays) = (types, firstDays, lastDays)
            (self.nameBytes, self.nameRanges) = (nameBytes, nameRanges)
            stories = events.map(\.stories)
        }

        var indices: Range<Int> { types.indices }

        /// The first day of event `index`'s date, nil when undated.
        func firstDay(_ index: Int) -> Int? { firstDays[index] == .max ? nil : firstDays[index] }

        /// The positions of the events `filter` keeps.
        func indices(keptBy filter: Filter) -> [Int] {
            indices.filter { keeps($0, filter) }
        }

        /// Whether `filter` keeps event `index`.
        func keeps(_ index: Int, _ filter: Filter) -> Bool {
            let type = types[index]
            if let wanted = filter.type, type != wanted { return false }
            if filter.type == nil, !filter.statements, type == .statement { return false }
            if filter.from != nil || filter.to != nil {
                guard firstDays[index] != .max else { return false }
                if let from = filter.from, lastDays[index] < from { return false }
                if let to = filter.to, firstDays[index] > to { return false }
            }
            if let story = filter.story, !stories[index].contains(story) { return false }
            // A match within one name: the filter's text holds no newline (a request's parameter could).
            if let entity = filter.entity {
                let needle = Array(entity.utf8)
                guard !needle.contains(0x0A) else { return false }
                return nameBytes.withUnsafeBufferPointer { Self.contains(needle, in: $0[nameRanges[index]]) }
            }
            return true
        }

        /// Whether `needle` occurs in `bytes` (UTF-8: a byte match is a match of whole scalars).
        private static func contains(_ needle: [UInt8], in bytes: Slice<UnsafeBufferPointer<UInt8>>) -> Bool {
            guard let first = needle.first else { return true }
            guard bytes.count >= needle.count else { return false }
            var start = bytes.startIndex
            let last = bytes.endIndex - needle.count
            while start <= last {
                if bytes[start] == first, needle.indices.allSatisfy({ bytes[start + $0] == needle[$0] }) {
                    return true
                }
                start += 1
            }
            return false
        }
    }

    /// `events` in timeline order: by their own date (undated last), then by first report.
    static func inTimelineOrder(_ events: [StoryBuilder.Event]) -> [StoryBuilder.Event] {
        events.sorted { a, b in
            let x = EventDate.days(a.date)?.lowerBound ?? Int.max
            let y = EventDate.days(b.date)?.lowerBound ?? Int.max
            if x != y { return x < y }
            return ReportSource.earlier(a.merged.firstReport, b.merged.firstReport)
        }
    }

    /// A block per event: date, type and mode, modality, participants, place, outlets; the first report's
    /// sentence; one line per report.
    static func render(_ events: [StoryBuilder.Event]) -> String {
        events.map { event in
            let merged = event.merged
            var header = [event.date ?? "undated", merged.type.rawValue + (merged.mode.map { " (\($0))" } ?? "")]
            header.append(merged.modality.rawValue)
            let participants = StoryBuilder.orderedUnique(merged.actors + merged.targets)
            if !participants.isEmpty { header.append(participants.joined(separator: ", ")) }
            if let place = merged.place { header.append("at " + place) }
            let outlets = merged.independentOutlets
            header.append("\(outlets) outlet\(outlets == 1 ? "" : "s")")
            var lines = [header.joined(separator: " · ")]
            if let first = event.reports.first {
                lines.append("  " + QuotesCommand.oneLine(first.sentence))
            }
            if let planned = merged.plannedFirstReportedBy {
                let day = planned.published.map { $0.dateOnly.iso8601 } ?? "undated"
                lines.append("  announced in advance: first reported \(day) by \(planned.outlet ?? "—")")
            }
            // One line per reporting article, with how many of its sentences report the event and how.
            for articleID in event.articleIDs {
                let reports = event.reports.filter { $0.key.articleID == articleID }
                guard let first = reports.first else { continue }
                let outlet = first.outlet ?? first.firstSource?.outlet
                let day = (first.published ?? first.firstSource?.published)?.dateOnly.iso8601
                var parts = [outlet ?? "—", day ?? "undated"]
                parts.append(StoryBuilder.orderedUnique(reports.map(\.event.modality.rawValue)).joined(separator: "/"))
                if reports.count > 1 { parts.append("\(reports.count) sentences") }
                if let url = first.url ?? first.firstSource?.url { parts.append(url) }
                lines.append("  • " + parts.joined(separator: " · ") + " · article " + articleID)
            }
            return lines.joined(separator: "\n")
        }.joined(separator: "\n\n")
    }
}

/// The days a TIMEX3 date value covers, for ordering and filtering events: "2025-02-27" one day, "2025-02" the
/// month, "2025-W09" the ISO week, "2025" the year; times ("2025-02-27T15:21", "…TMO") count as their day — read
/// as the event merger reads them (``StorylineResolve/EventPeriod``).
enum EventDate {
    static func days(_ value: String?) -> ClosedRange<Int>? {
        value.flatMap(EventPeriod.init(timex:)).map { $0.first...$0.last }
    }
}
