import Foundation
import StorylineCore
import StorylineResolve
import StorylineText

/// The timeline's exports: JSON (``Item``), CSV (one row per event) and TimelineJS's JSON.
enum TimelineExport {
    /// One event of `storyline timeline --format json`.
    struct Item: Encodable {
        var id: String
        var type: String
        var mode: String?
        var modality: String
        /// The event's own date, a TIMEX3 value ("2025-02-27", "2025-02"), or null.
        var date: String?
        var actors: [String]
        var targets: [String]
        var place: String?
        /// Distinct outlets among the reports, syndicated copies counted once.
        var independentOutlets: Int
        var firstReport: Report
        /// The first report that announced the event before it happened, when one did.
        var announcedFirstBy: Report?
        var stories: [Int]
        var reports: [Report]
        /// How many reports the event has: ``reports`` may list only the earliest of them.
        var reportCount: Int

        /// One report: the article, its outlet and day, how it reported the event, and where in its text.
        struct Report: Encodable {
            var articleID: String
            var outlet: String?
            var published: String?
            var url: String?
            var title: String?
            var modality: String?
            /// The sentence that reports the event, and its Unicode-scalar offsets into the article's text.
            var sentence: String?
            var sentenceStart: Int?
            var sentenceEnd: Int?
            var trigger: String?
        }

        init(_ event: StoryBuilder.Event) {
            let merged = event.merged
            id = merged.id.description
            type = merged.type.rawValue
            mode = merged.mode
            modality = merged.modality.rawValue
            date = event.date
            actors = merged.actors
            targets = merged.targets
            place = merged.place
            independentOutlets = merged.independentOutlets
            reports = event.reports.map(Self.report)
            reportCount = event.reportCount
            firstReport =
                event.reports.first { $0.key.articleID == merged.firstReport.articleID }.map(Self.report)
                ?? Report(source: merged.firstReport)
            announcedFirstBy = merged.plannedFirstReportedBy.map { Report(source: $0) }
            stories = event.stories.map(\.rawValue).sorted()
        }

        static func report(_ report: StoryBuilder.Report) -> Report {
            Report(
                articleID: report.key.articleID,
                outlet: report.outlet,
                published: report.published?.iso8601,
                url: report.url,
                title: report.title,
                modality: report.event.modality.rawValue,
                sentence: report.sentence,
                sentenceStart: report.sentenceScalars.lowerBound,
                sentenceEnd: report.sentenceScalars.upperBound,
                trigger: report.trigger
            )
        }
    }

    /// One CSV row per event, with a header row (``CSVWriter``: RFC 4180 quoting, CR LF after every record).
    static func csv(_ events: [StoryBuilder.Event]) -> String {
        var rows = [
            [
                "id", "date", "type", "mode", "modality", "actors", "targets", "place", "independent_outlets",
                "reports", "first_report_outlet", "first_report_published", "first_report_article", "sentence",
            ]
        ]
        for event in events {
            let merged = event.merged
            let first = event.reports.first
            rows.append([
                merged.id.description, event.date ?? "", merged.type.rawValue, merged.mode ?? "",
                merged.modality.rawValue, CSVWriter.list(merged.actors),
                CSVWriter.list(merged.targets), merged.place ?? "", String(merged.independentOutlets),
                String(event.reports.count), merged.firstReport.outlet ?? "",
                merged.firstReport.published?.iso8601 ?? "", merged.firstReport.articleID,
                first?.sentence ?? "",
            ])
        }
        return CSVWriter.document(header: rows[0], rows: Array(rows.dropFirst()))
    }

    /// TimelineJS 3's JSON: `{"title": {...}, "events": [{"start_date": {"year", "month", "day"}, "text":
    /// {"headline", "text"}, "group"}]}`; undated events are left out (TimelineJS needs a start date).
    static func timelineJS(_ events: [StoryBuilder.Event], title: String) -> TimelineJS {
        var slides: [TimelineJS.Slide] = []
        for event in events {
            let merged = event.merged
            guard let date = TimelineJS.Date(timex: event.date) else { continue }
            let participants = StoryBuilder.orderedUnique(merged.actors + merged.targets)
            var headline = merged.type.rawValue.capitalized
            if !participants.isEmpty { headline += ": " + participants.joined(separator: ", ") }
            if let place = merged.place { headline += " (\(place))" }
            var paragraphs: [String] = []
            if let first = event.reports.first { paragraphs.append(htmlEscaped(first.sentence)) }
            let sources = event.reports.map { report -> String in
                let label = htmlEscaped(
                    (report.outlet ?? report.key.articleID) + ", "
                        + (report.published?.dateOnly.iso8601 ?? "undated")
                )
                if let url = report.url, url.hasPrefix("http://") || url.hasPrefix("https://") {
                    return "<a href=\"\(htmlEscaped(url))\">\(label)</a>"
                }
                return label
            }
            paragraphs.append(
                "\(merged.modality.rawValue) · \(merged.independentOutlets) outlet(s): "
                    + sources.joined(separator: "; ")
            )
            slides.append(
                TimelineJS.Slide(
                    startDate: date,
                    text: .init(headline: htmlEscaped(headline), text: paragraphs.map { "<p>\($0)</p>" }.joined()),
                    group: merged.type.rawValue,
                    uniqueID: merged.id.description
                )
            )
        }
        return TimelineJS(title: .init(text: .init(headline: htmlEscaped(title), text: "")), events: slides)
    }

    /// `text` safe in the HTML of a TimelineJS slide (see ``GraphML/escaped(_:)``).
    static func htmlEscaped(_ text: String) -> String { GraphML.escaped(text) }
}

/// TimelineJS 3's JSON format (timeline.knightlab.com/docs/json-format.html).
struct TimelineJS: Encodable {
    struct Text: Encodable {
        var headline: String
        var text: String
    }

    struct TitleSlide: Encodable {
        var text: Text
    }

    struct Date: Encodable {
        var year: String
        var month: String?
        var day: String?

        /// The date of a TIMEX3 value: year, month and day as far as it gives them ("2025-W09" → its Monday).
        init?(timex: String?) {
            guard let days = EventDate.days(timex), let value = timex else { return nil }
            let parts = value.split(separator: "-", maxSplits: 2)
            if parts.count >= 2, parts[1].hasPrefix("W") {
                let day = PublicationDate(dayNumber: days.lowerBound)
                year = String(day.year)
                month = String(day.month)
                self.day = String(day.day)
                return
            }
            year = String(parts[0])
            month = parts.count > 1 ? String(Int(parts[1]) ?? 1) : nil
            day = parts.count > 2 ? String(Int(parts[2].prefix(2)) ?? 1) : nil
        }
    }

    struct Slide: Encodable {
        var startDate: Date
        var text: Text
        var group: String
        var uniqueID: String

        private enum CodingKeys: String, CodingKey {
            case startDate = "start_date", text, group, uniqueID = "unique_id"
        }
    }

    var title: TitleSlide
    var events: [Slide]
}

extension TimelineExport.Item.Report {
    /// A report known only by its source (an article that is not among the reports shown).
    init(source: ReportSource) {
        self.init(
            articleID: source.articleID,
            outlet: source.outlet,
            published: source.published?.iso8601,
            url: nil,
            title: nil,
            modality: nil,
            sentence: nil,
            sentenceStart: nil,
            sentenceEnd: nil,
            trigger: nil
        )
    }
}
