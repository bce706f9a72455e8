import ArgumentParser
import StorylineCore
import StorylineStore

/// `storyline articles`
struct ArticlesCommand: AsyncParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "articles",
        abstract: "List stored articles: date, outlet, title, words — newest first."
    )

    @OptionGroup var store: StoreOptions

    @Option(help: ArgumentHelp("Only articles published on or after this day.", valueName: "YYYY-MM-DD"))
    var since: PublicationDate?

    @Option(help: ArgumentHelp("Only articles published on or before this day.", valueName: "YYYY-MM-DD"))
    var until: PublicationDate?

    @Option(help: "Only articles from this outlet.")
    var outlet: String?

    @Option(help: "At most this many articles.")
    var limit: Int = 100

    @Option(help: "Skip this many articles first (for paging).")
    var offset: Int = 0

    @Flag(help: "Print JSON instead of a table.")
    var json = false

    func run() async throws {
        let db = try store.openExisting()
        let query = ArticleQuery(since: since, until: until, outlet: outlet, limit: limit, offset: offset)
        let rows = try await db.articles(query)
        if json {
            try Terminal.json(rows)
            return
        }
        if rows.isEmpty {
            Terminal.out("No articles\(since != nil || until != nil || outlet != nil ? " match" : " stored yet").")
            return
        }
        Terminal.out(Self.table(rows))
    }

    static func table(_ rows: [ArticleSummary]) -> String {
        var lines = [
            Terminal.cell("ID", 16) + "  " + Terminal.cell("DATE", 10) + "  " + Terminal.cell("OUTLET", 18) + "  "
                + Terminal.cell("WORDS", 6) + "  TITLE"
        ]
        for row in rows {
            var title = row.title ?? "(untitled)"
            if row.liveBlogEntryCount > 0 { title += " [live blog, \(row.liveBlogEntryCount) entries]" }
            if row.sourceCount > 1 { title += " [\(row.sourceCount) sources]" }
            let words = String(row.wordCount)
            lines.append(
                row.id + "  " + Terminal.cell(row.published.map { $0.dateOnly.iso8601 } ?? "—", 10) + "  "
                    + Terminal.cell(row.outlet ?? "—", 18) + "  "
                    + String(repeating: " ", count: max(0, 6 - words.count)) + words + "  " + title
            )
        }
        return lines.joined(separator: "\n")
    }
}
