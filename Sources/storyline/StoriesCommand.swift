import ArgumentParser
import StorylineCore
import StorylineResolve
import StorylineStore

/// `storyline stories`
struct StoriesCommand: AsyncParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "stories",
        abstract: "Group the stored articles into stories and threads, marking copies of the same article.",
        discussion: """
            Articles are grouped, in publication order, by what they are about — the entities they name and \
            their words — into stories (the Ukraine peace talks) and, within a story, threads (the minerals \
            deal, the Alaska summit). A syndicated wire copy or re-post of an earlier article is marked as a \
            copy of it. One block per story: its id (for `storyline timeline --story ID`), its label, its \
            first and last day, its articles; --story ID lists one story's articles with their threads.
            """
    )

    @OptionGroup var store: StoreOptions

    @Option(help: ArgumentHelp("Only this story, with its articles.", valueName: "ID"))
    var story: Int?

    @Flag(help: "Print JSON instead of text.")
    var json = false

    /// One story of `--json` output.
    struct Item: Encodable {
        var id: Int
        var label: String
        var first: String?
        var last: String?
        var articles: [Article]

        struct Article: Encodable {
            var id: String
            var title: String?
            var outlet: String?
            var published: String?
            var thread: Int
            /// The earlier article this one copies (syndication, re-post), when it is a copy.
            var copyOf: String?
        }
    }

    func run() async throws {
        let (built, summaries) = try await StoryBuilder.withStore(store) { db in
            let built = try await StoryBuilder.build(from: db, events: nil)
            return (built, try await Self.summaries(db))
        }
        var items = Self.items(built, summaries: summaries)
        if let story {
            items = items.filter { $0.id == story }
            if items.isEmpty {
                Terminal.error("no story \(story) — `storyline stories` lists them")
                throw ExitCode(1)
            }
        }
        if json {
            try Terminal.json(items)
            return
        }
        if items.isEmpty {
            Terminal.out("No articles stored yet.")
            return
        }
        Terminal.out(
            items.map { item in
                let span = [item.first ?? "undated", item.last ?? "undated"].joined(separator: " – ")
                let copies = item.articles.filter { $0.copyOf != nil }.count
                var header = "story \(item.id) · \(item.label) · \(span) · \(item.articles.count) article"
                header += item.articles.count == 1 ? "" : "s"
                if copies > 0 { header += " (\(copies) cop\(copies == 1 ? "y" : "ies"))" }
                guard story != nil || item.articles.count <= 12 else {
                    return header
                }
                let lines = item.articles.map { article -> String in
                    var parts = [
                        String((article.published ?? "undated").prefix(10)), article.outlet ?? "—",
                        "thread \(article.thread)", article.id,
                    ]
                    if let title = article.title { parts.append(title) }
                    if let copy = article.copyOf { parts.append("copy of " + copy) }
                    return "  • " + parts.joined(separator: " · ")
                }
                return ([header] + lines).joined(separator: "\n")
            }.joined(separator: "\n\n")
        )
    }

    /// Every story of `built` with its articles in publication order (undated last, ties by id), the stories with
    /// most articles first, ties by id.
    static func items(_ built: StoryBuilder, summaries: [String: ArticleSummary]) -> [Item] {
        var items: [Item] = built.stories.map { story in
            Item(
                id: story.id.rawValue,
                label: story.label,
                first: story.firstPublished?.dateOnly.iso8601,
                last: story.lastPublished?.dateOnly.iso8601,
                articles: []
            )
        }
        var index: [Int: Int] = [:]
        for (n, item) in items.enumerated() { index[item.id] = n }
        // Each story's articles in publication order (undated last), ties by id.
        let assignments = built.assignments.compactMap { a in summaries[a.articleID].map { (a, $0) } }.sorted {
            ReportSource.earlier(
                ReportSource(articleID: $0.1.id, outlet: nil, published: $0.1.published),
                ReportSource(articleID: $1.1.id, outlet: nil, published: $1.1.published)
            )
        }
        for (assignment, article) in assignments {
            guard let n = index[assignment.story] else { continue }
            items[n].articles.append(
                Item.Article(
                    id: article.id,
                    title: article.title,
                    outlet: article.outlet,
                    published: article.published?.iso8601,
                    thread: assignment.thread,
                    copyOf: assignment.duplicateOf
                )
            )
        }
        items.sort { $0.articles.count != $1.articles.count ? $0.articles.count > $1.articles.count : $0.id < $1.id }
        return items
    }

    /// Every stored article's summary, by id.
    static func summaries(_ store: any ArticleStore) async throws -> [String: ArticleSummary] {
        var found: [String: ArticleSummary] = [:]
        let page = 5000
        var offset = 0
        while true {
            let articles = try await store.articles(ArticleQuery(limit: page, offset: offset))
            for article in articles { found[article.id] = article }
            if articles.count < page { return found }
            offset += page
        }
    }
}
