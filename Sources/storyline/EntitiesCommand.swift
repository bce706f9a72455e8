import ArgumentParser
import StorylineCore
import StorylineStore

/// `storyline entities`
struct EntitiesCommand: AsyncParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "entities",
        abstract: "List the people, organisations and places the stored articles name, most mentioned first.",
        discussion: """
            One line per canonical name and type (as each article resolves it: "Starmer" after "Keir Starmer" \
            counts for "Keir Starmer"): mentions, articles, the first and last day it was published, its type \
            and its name. --name matches part of the name, case-insensitively.
            """
    )

    @OptionGroup var store: StoreOptions

    @Option(help: ArgumentHelp("Only entities whose name contains this text.", valueName: "TEXT"))
    var name: String?

    @Option(help: ArgumentHelp("Only entities of this type (in any case).", valueName: "TYPE"))
    var type: EntityType?

    @Option(help: "At most this many entities.")
    var limit: Int = 50

    @Option(help: "Skip this many entities first (for paging).")
    var offset: Int = 0

    @Flag(help: "Print JSON instead of a table.")
    var json = false

    func run() async throws {
        let db = try store.openExisting()
        let rows: [EntitySummary]
        do {
            rows = try await db.entities(matching: EntityQuery(name: name, type: type, limit: limit, offset: offset))
        } catch let error as StoreError {
            Terminal.error(error.description)
            throw ExitCode(1)
        }
        if json {
            try Terminal.json(rows)
            return
        }
        if rows.isEmpty {
            Terminal.out(name != nil || type != nil || offset > 0 ? "No entities match." : "No entities stored yet.")
            return
        }
        Terminal.out(Self.table(rows))
    }

    static func table(_ rows: [EntitySummary]) -> String {
        func right(_ text: String, _ width: Int) -> String {
            String(repeating: " ", count: max(0, width - text.count)) + text
        }
        var lines = [
            "MENTIONS  ARTICLES  " + Terminal.cell("FIRST", 10) + "  " + Terminal.cell("LAST", 10) + "  "
                + Terminal.cell("TYPE", 6) + "  NAME"
        ]
        for row in rows {
            lines.append(
                right(Terminal.grouped(row.mentions), 8) + "  " + right(Terminal.grouped(row.articles), 8) + "  "
                    + Terminal.cell(row.firstPublished?.iso8601 ?? "—", 10) + "  "
                    + Terminal.cell(row.lastPublished?.iso8601 ?? "—", 10) + "  "
                    + Terminal.cell(row.type.rawValue, 6) + "  " + row.name
            )
        }
        return lines.joined(separator: "\n")
    }
}

extension EntityType: ExpressibleByArgument {
    /// A type named as in the output (`PERSON`, `GPE`), in any case.
    public init?(argument: String) {
        self.init(rawValue: argument.uppercased())
    }
}
