import ArgumentParser
import StorylineCore
import StorylineStore

/// `storyline search`
struct SearchCommand: AsyncParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "search",
        abstract: "Find the stored articles that contain words or phrases, best match first, with snippets.",
        discussion: """
            Every word and "quoted phrase" must occur in the article's title or text; case, accents and \
            punctuation do not matter (zelenskyy finds Zelenskyy's), and a word ending in * matches the words \
            it begins (negotiat*). Results are ranked by BM25, title words weighing three times as much as \
            words of the text, and each shows a snippet with the matches marked «like this».
            """
    )

    @OptionGroup var store: StoreOptions

    @Argument(help: "The words and \"phrases\" to find.")
    var words: [String]

    @Option(help: ArgumentHelp("Only articles published on or after this day.", valueName: "YYYY-MM-DD"))
    var since: PublicationDate?

    @Option(help: ArgumentHelp("Only articles published on or before this day.", valueName: "YYYY-MM-DD"))
    var until: PublicationDate?

    @Option(help: "At most this many articles.")
    var limit: Int = 20

    @Option(help: "Skip this many articles first (for paging).")
    var offset: Int = 0

    @Flag(help: "Print JSON instead of text.")
    var json = false

    func validate() throws {
        // A shell splits a quoted phrase into one argument: keep it a phrase.
        if query.terms.isEmpty { throw ValidationError("nothing to search for: give at least one word") }
    }

    /// The arguments as one query; an argument with a space was quoted on the command line, so it is a phrase.
    var query: SearchQuery {
        let text = words.map { $0.contains(" ") && !$0.contains("\"") ? "\"\($0)\"" : $0 }.joined(separator: " ")
        return SearchQuery(text, since: since, until: until, limit: limit, offset: offset)
    }

    func run() async throws {
        let hits = try await StoryBuilder.withStore(store) { db in try await db.search(query) }
        if json {
            try Terminal.json(hits)
            return
        }
        if hits.isEmpty {
            Terminal.out("No articles match.")
            return
        }
        Terminal.out(
            hits.map { hit in
                let article = hit.article
                let header = [
                    article.published.map { $0.dateOnly.iso8601 } ?? "undated", article.outlet ?? "—", article.id,
                    article.title ?? "(untitled)",
                ].joined(separator: " · ")
                return header + "\n  " + QuotesCommand.oneLine(hit.snippetText())
            }.joined(separator: "\n")
        )
    }
}
