import ArgumentParser
import StorylineCore
import StorylineStore

/// `storyline events`
struct EventsCommand: AsyncParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "events",
        abstract: "List every event report: each sentence that reports who did what to whom, when and where.",
        discussion: """
            One line per event report found in the stored articles, in publication order: the article's day, \
            outlet and id, the event's PLOVER type (and mode), its modality (happened, planned, proposed, \
            denied, hypothetical), its own date, its participants and place, and the sentence it came from. \
            `storyline timeline` merges these reports into events. --article keeps one article's reports, \
            --type one PLOVER type, --entity those with a participant whose name contains the text. With \
            --format json (or --json), each report with Unicode-scalar offsets of its trigger and sentence in its \
            article's text. With --format csv, the same fields as CSV (RFC 4180, CR LF line ends): a header row, \
            then one row per report; actors and targets are joined with "; ".
            """
    )

    @OptionGroup var store: StoreOptions

    @Option(help: ArgumentHelp("Only this article's events.", valueName: "ID"))
    var article: String?

    @Option(help: ArgumentHelp("Only events of this PLOVER type (CONSULT, AGREE, ASSAULT…).", valueName: "TYPE"))
    var type: String?

    @Option(help: ArgumentHelp("Only events with a participant whose name contains this text.", valueName: "NAME"))
    var entity: String?

    @Option(help: "At most this many reports.")
    var limit: Int = 100

    @OptionGroup var output: ExportFormatOptions

    func validate() throws {
        if let type, EventType(rawValue: type.uppercased()) == nil {
            throw ValidationError("unknown event type \"\(type)\"")
        }
    }

    /// One report of `--format json` output (and of a `--format csv` row).
    struct Item: Encodable {
        var articleID: String
        var outlet: String?
        var published: String?
        var type: String
        var mode: String?
        var modality: String
        var date: String?
        var actors: [String]
        var targets: [String]
        var place: String?
        var trigger: String
        var triggerStart: Int
        var triggerEnd: Int
        var sentence: String
        var sentenceStart: Int
        var sentenceEnd: Int
    }

    func run() async throws {
        let db = try store.openExisting()
        let filter = Filter(
            article: article,
            type: type.flatMap { EventType(rawValue: $0.uppercased()) },
            entity: entity?.lowercased()
        )
        let items: [Item]
        do {
            items = try await Self.reports(in: db, filter: filter, limit: max(limit, 0))
        } catch let error as StoreError {
            Terminal.error(error.description)
            throw ExitCode(1)
        }
        switch output.resolved {
        case .json:
            try Terminal.json(items)
            return
        case .csv:
            CSVWriter.write(CSVWriter.document(header: Item.csvHeader, rows: items.map(\.csvRow)))
            return
        case .text:
            break
        }
        if items.isEmpty {
            Terminal.out("No events match.")
            return
        }
        Terminal.out(
            items.map { item in
                var header = [
                    item.published.map { String($0.prefix(10)) } ?? "undated", item.outlet ?? "—",
                    "article " + item.articleID, item.type + (item.mode.map { " (\($0))" } ?? ""), item.modality,
                    item.date ?? "undated",
                ]
                let participants = StoryBuilder.orderedUnique(item.actors + item.targets)
                if !participants.isEmpty { header.append(participants.joined(separator: ", ")) }
                if let place = item.place { header.append("at " + place) }
                return header.joined(separator: " · ") + "\n  " + QuotesCommand.oneLine(item.sentence)
            }.joined(separator: "\n")
        )
    }
}

extension EventsCommand.Item {
    /// The header of `storyline events --format csv`: the JSON keys in snake case, in the order of ``csvRow``.
    static let csvHeader = [
        "article_id", "outlet", "published", "type", "mode", "modality", "date", "actors", "targets", "place",
        "trigger", "trigger_start", "trigger_end", "sentence", "sentence_start", "sentence_end",
    ]

    /// The report as a CSV row: unknown values empty, actors and targets joined with "; ".
    var csvRow: [String] {
        [
            articleID, outlet ?? "", published ?? "", type, mode ?? "", modality, date ?? "",
            CSVWriter.list(actors), CSVWriter.list(targets), place ?? "", trigger, String(triggerStart),
            String(triggerEnd), sentence, String(sentenceStart), String(sentenceEnd),
        ]
    }
}
