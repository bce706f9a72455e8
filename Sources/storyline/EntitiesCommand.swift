import ArgumentParser
import StorylineCore
import StorylineStore

/// `storyline entities`
struct EntitiesCommand: AsyncParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "entities",
        abstract: "List the people, organisations and places the stored articles name, most mentioned first.",
        discussion: """
            One line per entity resolved across articles and outlets ("Volodymyr Zelensky", "Zelenskyy" and \
            "Zelensky" are one person; another person with the same surname is another entity): mentions, \
            articles, the first and last day it was published, its type, its canonical name and its other \
            spellings. --name matches part of any of its names, case-insensitively. Entities are resolved at \
            ingest; `storyline reextract` resolves them again from scratch. --format json (or --json) prints \
            each entity with its id and every other spelling; --format csv the same fields as CSV (RFC 4180, CR LF \
            line ends): a header row, then one row per entity, its other spellings joined with "; ".
            """
    )

    @OptionGroup var store: StoreOptions

    @Option(help: ArgumentHelp("Only entities with a name or spelling that contains this text.", valueName: "TEXT"))
    var name: String?

    @Option(help: ArgumentHelp("Only entities of this type (in any case).", valueName: "TYPE"))
    var type: EntityType?

    @Option(help: "At most this many entities.")
    var limit: Int = 50

    @Option(help: "Skip this many entities first (for paging).")
    var offset: Int = 0

    @OptionGroup var output: ExportFormatOptions

    /// One entity of `--format json` output (and of a `--format csv` row).
    struct Item: Encodable {
        /// The entity's stable id (the same across runs and ingests).
        var id: Int64
        /// The canonical name.
        var name: String
        var type: EntityType
        var mentions: Int
        var articles: Int
        /// The days (no time or zone) of the first and last report, and the first report's article.
        var firstPublished: PublicationDate?
        var lastPublished: PublicationDate?
        var firstArticleID: String?
        /// Every other name or spelling, most mentioned first.
        var otherSpellings: [String]

        init(_ entity: StoredEntity) {
            id = entity.id
            name = entity.canonicalName
            type = entity.type
            mentions = entity.mentionCount
            articles = entity.articleCount
            firstPublished = entity.firstPublished?.dateOnly
            lastPublished = entity.lastPublished?.dateOnly
            firstArticleID = entity.firstArticleID
            otherSpellings = entity.otherSpellings
        }

        private enum CodingKeys: String, CodingKey {
            case id, name, type, mentions, articles, firstPublished, lastPublished, firstArticleID, otherSpellings
        }

        func encode(to encoder: any Encoder) throws {
            var container = encoder.container(keyedBy: CodingKeys.self)
            try container.encode(id, forKey: .id)
            try container.encode(name, forKey: .name)
            try container.encode(type, forKey: .type)
            try container.encode(mentions, forKey: .mentions)
            try container.encode(articles, forKey: .articles)
            try container.encode(firstPublished, forKey: .firstPublished)
            try container.encode(lastPublished, forKey: .lastPublished)
            try container.encode(firstArticleID, forKey: .firstArticleID)
            try container.encode(otherSpellings, forKey: .otherSpellings)
        }
    }

    func run() async throws {
        let db = try store.openExisting()
        let rows: [StoredEntity]
        do {
            rows = try await db.resolvedEntities(
                matching: EntityQuery(name: name, type: type, limit: limit, offset: offset)
            )
            if try await db.entityResolverSnapshot() == nil, try await db.counts().articles > 0 {
                Terminal.error(
                    "note: the entities of this database are not resolved yet (it predates resolution, or a "
                        + "reextract was interrupted); run `storyline reextract` to resolve them"
                )
            }
        } catch let error as StoreError {
            Terminal.error(error.description)
            throw ExitCode(1)
        }
        switch output.resolved {
        case .json:
            try Terminal.json(rows.map(Item.init))
            return
        case .csv:
            CSVWriter.write(CSVWriter.document(header: Item.csvHeader, rows: rows.map { Item($0).csvRow }))
            return
        case .text:
            break
        }
        if rows.isEmpty {
            Terminal.out(name != nil || type != nil || offset > 0 ? "No entities match." : "No entities stored yet.")
            return
        }
        Terminal.out(Self.table(rows))
    }

    /// Other spellings shown after the name in the table (all of them in JSON and CSV).
    static let shownSpellings = 4

    static func table(_ rows: [StoredEntity]) -> String {
        func right(_ text: String, _ width: Int) -> String {
            String(repeating: " ", count: max(0, width - text.count)) + text
        }
        var lines = [
            "MENTIONS  ARTICLES  " + Terminal.cell("FIRST", 10) + "  " + Terminal.cell("LAST", 10) + "  "
                + Terminal.cell("TYPE", 6) + "  NAME (OTHER SPELLINGS)"
        ]
        for row in rows {
            var name = row.canonicalName
            let others = row.otherSpellings
            if !others.isEmpty {
                let more = others.count > shownSpellings ? ", +\(others.count - shownSpellings)" : ""
                name += " (" + others.prefix(shownSpellings).joined(separator: ", ") + more + ")"
            }
            lines.append(
                right(Terminal.grouped(row.mentionCount), 8) + "  " + right(Terminal.grouped(row.articleCount), 8)
                    + "  " + Terminal.cell(row.firstPublished?.dateOnly.iso8601 ?? "—", 10) + "  "
                    + Terminal.cell(row.lastPublished?.dateOnly.iso8601 ?? "—", 10) + "  "
                    + Terminal.cell(row.type.rawValue, 6) + "  " + name
            )
        }
        return lines.joined(separator: "\n")
    }
}

extension EntitiesCommand.Item {
    /// The header of `storyline entities --format csv`, in the order of ``csvRow``.
    static let csvHeader = [
        "id", "name", "type", "mentions", "articles", "first_published", "last_published", "first_article_id",
        "other_spellings",
    ]

    /// The entity as a CSV row: unknown values empty, other spellings joined with "; ".
    var csvRow: [String] {
        [
            String(id), name, type.rawValue, String(mentions), String(articles), firstPublished?.iso8601 ?? "",
            lastPublished?.iso8601 ?? "", firstArticleID ?? "", CSVWriter.list(otherSpellings),
        ]
    }
}

extension EntityType: ExpressibleByArgument {
    /// A type named as in the output (`PERSON`, `GPE`), in any case.
    public init?(argument: String) {
        self.init(rawValue: argument.uppercased())
    }
}
