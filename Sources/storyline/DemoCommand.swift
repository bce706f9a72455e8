import ArgumentParser
import Foundation
import StorylineCore
import StorylineStore

/// `storyline demo`: the main job on the bundled example corpus.
struct DemoCommand: AsyncParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "demo",
        abstract:
            "Ingest the bundled example corpus (Examples/corpus) into SQLite, show what was found, then serve it.",
        discussion: """
            Reads the example corpus into the database (re-running changes nothing), prints a summary of the \
            articles, people, quotes and timeline found, then serves the story over HTTP as `storyline serve` \
            does and prints its URL (http://127.0.0.1:8080/ by default) until Ctrl-C. --no-serve stops after \
            the summary.
            """
    )

    @OptionGroup var store: StoreOptions

    @Option(help: ArgumentHelp("The example corpus to read.", valueName: "DIR"))
    var examples: String?

    @Option(help: ArgumentHelp("The address to serve on.", valueName: "HOST"))
    var host = "127.0.0.1"

    @Option(help: ArgumentHelp("The port to serve on (0: any free port).", valueName: "PORT"))
    var port = 8080

    @Flag(help: "Only print the summary; do not serve the story.")
    var noServe = false

    func validate() throws {
        guard (0...65535).contains(port) else { throw ValidationError("--port must be from 0 to 65535, not \(port)") }
    }

    func run() async throws {
        guard let directory = examples ?? Self.locateExamples() else {
            Terminal.error(
                "cannot find the Examples/corpus directory; run from the repository root or pass --examples DIR"
            )
            throw ExitCode(2)
        }
        Terminal.out("Storyline demo — reading \(directory) into \(store.db)\n")
        let summary = try await IngestCommand.ingest(
            paths: [directory],
            store: store,
            jobs: ProcessInfo.processInfo.activeProcessorCount,
            quiet: false
        )
        Terminal.out(IngestCommand.describe(summary))
        let db = try store.open()
        let rows = try await db.articles(ArticleQuery(limit: 1000))
        Terminal.out("\nStored articles (\(rows.count)):\n")
        Terminal.out(ArticlesCommand.table(rows))
        let counts = try await db.counts()
        var liveEntries = 0
        var chrome = 0
        var timexes = 0
        var entities = 0
        var quotes = 0
        for row in rows {
            if let stored = try await db.article(id: row.id) {
                liveEntries += stored.article.liveBlogEntries.count
                chrome += stored.article.removedChrome.count
                timexes += stored.annotations?.timexes.count ?? 0
                entities += stored.annotations?.entities.count ?? 0
                quotes += stored.annotations?.quotes.count ?? 0
            }
        }
        Terminal.out(
            "\n\(counts.articles) articles from \(counts.sources) sources; \(liveEntries) live-blog entries; "
                + "\(chrome) blocks of page chrome removed; \(entities) entity mentions, \(quotes) quotes and "
                + "\(timexes) time expressions."
        )
        // People resolved across the articles: every spelling of one person counts for that person.
        let people = try await db.resolvedEntities(matching: EntityQuery(type: .person, limit: 5))
        if !people.isEmpty {
            Terminal.out(
                "Most mentioned people: "
                    + people.map { "\($0.canonicalName) (\($0.mentionCount))" }.joined(separator: ", ") + "."
            )
        }
        // The story's timeline: events merged across the articles, by the day they happened.
        let filter = TimelineCommand.Filter(statements: false)
        let built = try await StoryBuilder.build(from: db, events: filter.query)
        let timeline = TimelineCommand.select(built.events, filter: filter).filter { $0.articleIDs.count > 1 }
        if !timeline.isEmpty {
            Terminal.out("\nTimeline — events reported by more than one article (`storyline timeline` lists all):\n")
            Terminal.out(
                TimelineCommand.render(try await StoryBuilder.withReports(Array(timeline.prefix(12)), from: db))
            )
        }
        Terminal.out(
            "\nNext: `storyline show ID --db \(store.db)` prints one article's clean text, entities, quotes and time "
                + "expressions; `storyline quotes --speaker NAME` finds who said what; `storyline entities` lists "
                + "who and what the articles name, `storyline entity NAME` one of them; `storyline timeline` lists "
                + "the events by date, `storyline stories` the stories; `storyline articles --json` lists the "
                + "articles as JSON."
        )
        if !summary.errors.isEmpty { throw ExitCode(1) }
        guard !noServe else { return }
        Terminal.out("")
        try await ServeCommand.serve(store: db, host: host, port: port) { url in
            "Serving the example story at \(url) — open it in a browser for the timeline, quote book, entity "
                + "pages and articles; JSON API at \(url)api/articles, routes in \(url)openapi.json; Ctrl-C stops"
        }
    }

    /// `Examples/corpus` in the working directory, else beside the package this binary was built from (not
    /// `Examples/` itself: its README is not an article).
    static func locateExamples() -> String? {
        let fm = FileManager.default
        if fm.fileExists(atPath: "Examples/corpus") { return "Examples/corpus" }
        let source = URL(fileURLWithPath: #filePath)  // …/Sources/storyline/DemoCommand.swift
        let root = source.deletingLastPathComponent().deletingLastPathComponent().deletingLastPathComponent()
        let candidate = root.appendingPathComponent("Examples/corpus").path
        return fm.fileExists(atPath: candidate) ? candidate : nil
    }
}
