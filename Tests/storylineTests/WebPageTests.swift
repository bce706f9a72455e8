import Foundation
import Hummingbird
import HummingbirdTesting
import StorylineCore
import StorylineSQLite
import StorylineStore
import Testing

@testable import storyline

/// The web pages of `storyline serve`, in process over the example corpus that ``ServerTests`` ingests: what a
/// reader checks — every page is HTML with the page policy, shows what the API says is there, narrows with its
/// filters, fails as an HTML page — and that a hostile article renders inert.
struct WebPageTests {
    static let pagePolicy =
        "default-src 'none'; style-src 'self'; script-src 'self'; img-src 'self'; form-action 'self'; "
        + "base-uri 'none'; frame-ancestors 'none'"

    /// `GET uri` of a page: checks the status, the HTML content type, the safety headers and the parts every
    /// page has (one `<h1>`, the skip link first, the main landmark), and returns the body.
    @discardableResult
    static func page(
        _ client: any TestClientProtocol,
        _ uri: String,
        status: HTTPResponse.Status = .ok
    ) async throws -> String {
        let response = try await client.execute(uri: uri, method: .get)
        let html = String(decoding: response.body.readableBytesView, as: UTF8.self)
        #expect(response.status == status, "\(uri): \(html.prefix(2000))")
        #expect(response.headers[.contentType] == "text/html; charset=utf-8", "\(uri)")
        #expect(response.headers[.contentSecurityPolicy] == pagePolicy, "\(uri)")
        #expect(response.headers[.xContentTypeOptions] == "nosniff", "\(uri)")
        #expect(response.headers[HTTPHeaderName("Referrer-Policy")!] == "no-referrer", "\(uri)")
        #expect(html.hasPrefix("<!doctype html>\n<html lang=\"en\">"), "\(uri)")
        #expect(occurrences(of: "<h1", in: html) == 1, "\(uri)")
        #expect(html.contains("<title>") && html.contains(" — Storyline</title>"), "\(uri)")
        let skip = try #require(html.range(of: "<a class=\"skip-link\" href=\"#main\">"), "\(uri)")
        #expect(!html[..<skip.lowerBound].contains("<a "), "\(uri): the skip link is the first link")
        #expect(html.contains("<main id=\"main\" tabindex=\"-1\">"), "\(uri)")
        #expect(html.contains("<form class=\"site-search\" role=\"search\" action=\"/search\" method=\"get\">"))
        #expect(!html.contains(" style=\""), "\(uri): no inline style")
        return html
    }

    static func occurrences(of needle: String, in text: String) -> Int {
        text.components(separatedBy: needle).count - 1
    }

    /// The captures of `pattern` in `text`, one array per match.
    static func matches(_ pattern: String, in text: String) throws -> [[String]] {
        let regex = try NSRegularExpression(pattern: pattern, options: [.dotMatchesLineSeparators])
        let ns = text as NSString
        return regex.matches(in: text, range: NSRange(location: 0, length: ns.length)).map { match in
            (1..<match.numberOfRanges).map { n in
                let range = match.range(at: n)
                return range.location == NSNotFound ? "" : ns.substring(with: range)
            }
        }
    }

    static func json(_ client: any TestClientProtocol, _ uri: String) async throws -> JSONValue {
        let response = try await client.execute(uri: uri, method: .get)
        #expect(response.status == .ok, "\(uri)")
        return try JSONValue.parse(Data(response.body.readableBytesView))
    }

    static func items(_ client: any TestClientProtocol, _ uri: String) async throws -> [JSONValue] {
        try #require(try await json(client, uri)["items"]?.array)
    }

    /// Whether the `<mark>` and `<a>` tags of `html` nest properly.
    static func wellNested(_ html: String) throws -> Bool {
        var stack: [String] = []
        for match in try matches("<(/?)(mark|a)\\b[^>]*>", in: html) {
            if match[0].isEmpty {
                stack.append(match[1])
            } else if stack.popLast() != match[1] {
                return false
            }
        }
        return stack.isEmpty
    }

    // MARK: Pages

    @Test func theRootLeadsToTheTimeline() async throws {
        try await ServerTests.withClient { client in
            let response = try await client.execute(uri: "/", method: .get)
            #expect(response.status == .found)
            #expect(response.headers[.location] == "/timeline")
        }
    }

    @Test func theTimelineShowsDatedEventsOnAnAxis() async throws {
        try await ServerTests.withClient { client in
            let html = try await Self.page(client, "/timeline")
            #expect(html.contains("<form class=\"filters\" action=\"/timeline\""))
            #expect(html.contains("<svg class=\"time-axis\" role=\"img\" aria-label=\"Time axis: "))
            let events = try await Self.items(client, "/api/timeline?limit=50")
            #expect(Self.occurrences(of: "<article class=\"event\"", in: html) == events.count)
            let first = try #require(events.first)
            let id = try #require(first["id"]?.string)
            #expect(html.contains("data-event-id=\"\(id)\""))
            let day = try #require(EventDate.days(first["date"]?.string)?.lowerBound)
            #expect(html.contains("<time datetime=\"\(PublicationDate(dayNumber: day).iso8601)\">"))
            #expect(html.contains("class=\"event-type\"") && html.contains("class=\"modality\""))
            #expect(html.contains("class=\"outlets-count\"") && html.contains("<p class=\"actors\">"))
            let article = try #require(first["reports"]?.array?.first?["articleID"]?.string)
            #expect(html.contains("href=\"/articles/\(article)\""))
            // The story selector lists the stories.
            let stories = try await Self.items(client, "/api/stories")
            for story in stories {
                #expect(html.contains("<option value=\"\(story["id"]?.int ?? -1)\""), "\(story)")
            }

            // Filters narrow, as the API's do; the Alaska summit has Putin linked to his entity page.
            let putin = try await Self.page(client, "/timeline?entity=putin&from=2025-08-15&to=2025-08-15")
            let filtered = try await Self.items(client, "/api/timeline?entity=putin&from=2025-08-15&to=2025-08-15")
            #expect(!filtered.isEmpty && filtered.count < events.count)
            #expect(Self.occurrences(of: "<article class=\"event\"", in: putin) == filtered.count)
            #expect(putin.contains("<time datetime=\"2025-08-15\">"))
            #expect(putin.contains("value=\"putin\"") && putin.contains("value=\"2025-08-15\""))
            let entity = try #require(try await Self.items(client, "/api/entities?name=Vladimir%20Putin").first)
            #expect(putin.contains("<a href=\"/entities/\(entity["id"]?.int ?? -1)\">Vladimir Putin</a>"))

            let story = try #require(stories.first?["id"]?.int)
            let inStory = try await Self.page(client, "/timeline?story=\(story)")
            #expect(inStory.contains("<option value=\"\(story)\" selected>"))
        }
    }

    @Test func theQuoteBookShowsStatementsWithTheirSources() async throws {
        try await ServerTests.withClient { client in
            let statements = try await Self.items(client, "/api/quotes?speaker=Starmer&limit=500")
            let statement = try #require(statements.first)
            let speaker = try #require(statement["speaker"]?.string)
            let html = try await Self.page(client, "/quotes?speaker=Starmer")
            #expect(html.contains("<p class=\"summary\">\(statements.count) statement"))
            #expect(Self.occurrences(of: "<article class=\"statement\"", in: html) == min(statements.count, 50))
            #expect(html.contains(HTML.escape(speaker)))
            #expect(html.contains("<blockquote class=\"wording\">") && html.contains("<ul class=\"sources\">"))
            if let cue = statement["reports"]?.array?.first?["cue"]?.string {
                #expect(html.contains("<span class=\"cue\">\(HTML.escape(cue))</span>"))
            }
            // The source links point at the quote's mark in the article: its index among the article's quotes.
            let report = try #require(statement["reports"]?.array?.first)
            let articleID = try #require(report["articleID"]?.string)
            let article = try await Self.json(client, "/api/articles/\(articleID)")
            let quotes = try #require(article["annotations"]?["quotes"]?.array)
            let index = try #require(quotes.firstIndex { $0["start"]?.int == report["start"]?.int })
            #expect(html.contains("href=\"/articles/\(articleID)#q-\(index)\""))
            let view = try await Self.page(client, "/articles/\(articleID)")
            #expect(view.contains("<mark class=\"quote\" id=\"q-\(index)\""))

            // Without a filter there are more statements; a filter that matches nothing says so.
            let all = try await Self.items(client, "/api/quotes?limit=500")
            let everything = try await Self.page(client, "/quotes")
            #expect(all.count > statements.count)
            #expect(everything.contains("<p class=\"summary\">\(all.count) statements."))
            let none = try await Self.page(client, "/quotes?speaker=Nobody%20Atall")
            #expect(none.contains("<p class=\"empty\">"))
        }
    }

    @Test func theEntityListLinksToEntityPagesAndPages() async throws {
        try await ServerTests.withClient { client in
            let html = try await Self.page(client, "/entities")
            #expect(html.contains("<table class=\"entities\">"))
            let entities = try await Self.items(client, "/api/entities?limit=50")
            let first = try #require(entities.first)
            #expect(
                html.contains(
                    "<a href=\"/entities/\(first["id"]?.int ?? -1)\">\(HTML.escape(first["name"]?.string ?? ""))</a>"
                )
            )
            let zelensky = try await Self.page(client, "/entities?name=zelensk&type=person")
            #expect(zelensky.contains("Volodymyr Zelenskyy"))
            #expect(Self.occurrences(of: "<tr>", in: zelensky) < Self.occurrences(of: "<tr>", in: html))
            // More than a page: a next link, and page 2 has a previous one and other rows.
            let total = try await Self.items(client, "/api/entities?limit=500").count
            if total > 50 {
                #expect(html.contains("<nav class=\"pager\" aria-label=\"Pages\">"))
                #expect(html.contains("<a rel=\"next\" href=\"/entities?page=2\">"))
                let second = try await Self.page(client, "/entities?page=2")
                #expect(second.contains("<a rel=\"prev\" href=\"/entities\">"))
                let rows = try Self.matches("<th scope=\"row\"><a href=\"(/entities/\\d+)\"", in: second).map { $0[0] }
                #expect(!rows.isEmpty && rows.allSatisfy { !html.contains("\"\($0)\"") }, "\(rows)")
            }
        }
    }

    @Test func anEntityPageShowsItsProfile() async throws {
        try await ServerTests.withClient { client in
            let people = try await Self.items(client, "/api/entities?type=person&limit=1")
            let id = try #require(people.first?["id"]?.int)
            let profile = try await Self.json(client, "/api/entities/\(id)?coMentions=24&quotes=10")
            let html = try await Self.page(client, "/entities/\(id)")
            #expect(html.contains("<h1>\(HTML.escape(profile["entity"]?["name"]?.string ?? "?"))</h1>"))
            // One bar per day with a mention, one network node per co-mentioned entity plus the entity itself.
            let days = profile["mentionsByDay"]?.array?.count ?? -1
            #expect(Self.occurrences(of: "<rect class=\"bar\"", in: html) == days)
            let neighbours = profile["coMentioned"]?.array ?? []
            #expect(Self.occurrences(of: "<a class=\"node ", in: html) == neighbours.count + 1)
            for other in neighbours {
                #expect(html.contains("href=\"/entities/\(other["id"]?.int ?? -1)\""), "\(other)")
            }
            for role in profile["roles"]?.array ?? [] {
                #expect(html.contains(HTML.escape(role["role"]?.string ?? "?")), "\(role)")
            }
            // Its statements link to the quote in its article.
            let statements = profile["quotes"]?.array ?? []
            #expect(Self.occurrences(of: "<article class=\"statement\">", in: html) == statements.count)
            if !statements.isEmpty {
                #expect(try !Self.matches("href=\"/articles/[0-9a-f]+#q-\\d+\"", in: html).isEmpty)
            }

            try await Self.page(client, "/entities/999999", status: .notFound)
            try await Self.page(client, "/entities/not-a-number", status: .notFound)
        }
    }

    @Test func theArticleListFilters() async throws {
        try await ServerTests.withClient { client in
            let html = try await Self.page(client, "/articles")
            #expect(html.contains("<ol class=\"article-list\">"))
            let articles = try await Self.items(client, "/api/articles")
            for article in articles {
                #expect(html.contains("href=\"/articles/\(article["id"]?.string ?? "?")\""))
            }
            let august = try await Self.page(client, "/articles?since=2025-08-01&until=2025-08-31")
            let inAugust = try await Self.items(client, "/api/articles?since=2025-08-01&until=2025-08-31")
            #expect(Self.occurrences(of: "href=\"/articles/", in: august) == inAugust.count)
            #expect(inAugust.count < articles.count)
            let none = try await Self.page(client, "/articles?outlet=The%20Nowhere%20Times")
            #expect(none.contains("<p class=\"empty\">") && !none.contains("<ol class=\"article-list\">"))
        }
    }

    @Test func theArticleViewMarksItsAnnotations() async throws {
        try await ServerTests.withClient { client in
            let id = try #require(try await Self.items(client, "/api/articles").first?["id"]?.string)
            let detail = try await Self.json(client, "/api/articles/\(id)")
            let html = try await Self.page(client, "/articles/\(id.prefix(8))")
            let title = detail["article"]?["title"]?.string ?? "Untitled article \(id.prefix(8))"
            #expect(html.contains("<h1>\(HTML.escape(title))</h1>"))
            #expect(
                html.contains("<div class=\"article-body\">") && html.contains("<details class=\"removed-chrome\">")
            )
            let body = try #require(html.components(separatedBy: "<div class=\"article-body\">").last)
            #expect(try Self.wellNested(body))

            // Every time expression and entity mention that no other annotation cuts is marked whole.
            let annotations = try #require(detail["annotations"])
            let kinds = ["entities", "quotes", "timexes"]
            let all = kinds.flatMap { kind in
                (annotations[kind]?.array ?? []).enumerated().map { (kind, $0.offset, $0.element) }
            }
            // Marked whole: no other name or date overlaps it, and a quote either contains it or stays apart.
            func whole(_ kind: String, _ index: Int, _ item: JSONValue) -> Bool {
                let (s, e) = (item["start"]?.int ?? 0, item["end"]?.int ?? 0)
                return !all.contains { other in
                    guard other.0 != kind || other.1 != index else { return false }
                    let (a, b) = (other.2["start"]?.int ?? 0, other.2["end"]?.int ?? 0)
                    let apart = b <= s || a >= e
                    return other.0 == "quotes" ? !(apart || (a <= s && e <= b)) : !apart
                }
            }
            let timexes = try Self.matches("<mark class=\"timex\" title=\"([^\"]*)\">([^<]*)</mark>", in: body)
            let entities = try Self.matches("<mark class=\"entity\" data-type=\"([A-Z]+)\">([^<]*)</mark>", in: body)
            var checked = 0
            for (index, timex) in (annotations["timexes"]?.array ?? []).enumerated()
            where whole("timexes", index, timex) {
                let text = HTML.escape(timex["text"]?.string ?? "")
                let value = HTML.escape(timex["value"]?.string ?? "")
                #expect(timexes.contains { $0 == [value, text] }, "\(timex)")
                checked += 1
            }
            for (index, entity) in (annotations["entities"]?.array ?? []).enumerated()
            where whole("entities", index, entity) {
                let text = HTML.escape(entity["text"]?.string ?? "")
                #expect(entities.contains { $0 == [entity["type"]?.string ?? "", text] }, "\(entity)")
                checked += 1
            }
            #expect(checked > 5)
            // Resolved names link to their entity pages.
            #expect(try Self.matches("<a href=\"/entities/\\d+\"><mark class=\"entity\"", in: body).count > 0)
        }
    }

    @Test func searchMarksTheMatchesInItsSnippets() async throws {
        try await ServerTests.withClient { client in
            let html = try await Self.page(client, "/search?q=%22coalition%20of%20the%20willing%22")
            #expect(html.contains("<ol class=\"hits\">"))
            #expect(Self.occurrences(of: "<li class=\"hit\">", in: html) == 2)
            let marks = try Self.matches("<mark>([^<]*)</mark>", in: html).map { $0[0].lowercased() }
            let words: Set<Substring> = ["coalition", "of", "the", "willing"]
            #expect(!marks.isEmpty, "\(html)")
            #expect(marks.allSatisfy { $0.split(separator: " ").allSatisfy(words.contains) }, "\(marks)")
            #expect(html.contains("value=\"&quot;coalition of the willing&quot;\""))
            let prompt = try await Self.page(client, "/search")
            #expect(prompt.contains("<p class=\"empty\">"))
            let nothing = try await Self.page(client, "/search?q=zzyzxquux")
            #expect(nothing.contains("<p class=\"empty\">No articles match.</p>"))
            try await Self.page(client, "/search?q=%22%22", status: .badRequest)
        }
    }

    // MARK: Errors and static files

    @Test func errorsAreHTMLPagesOutsideTheAPI() async throws {
        try await ServerTests.withClient { client in
            let missing = try await Self.page(client, "/nowhere", status: .notFound)
            #expect(missing.contains("<h1>Page not found</h1>"))
            let article = try await Self.page(client, "/articles/ffffffffffffffff", status: .notFound)
            #expect(article.contains("ffffffffffffffff"))
            for (uri, parameter) in [
                ("/timeline?from=yesterday", "from"), ("/quotes?page=0", "page"), ("/entities?type=PLANET", "type"),
                ("/articles?since=2025-13-01", "since"), ("/timeline?story=x", "story"),
            ] {
                let html = try await Self.page(client, uri, status: .badRequest)
                let heading = try #require(try Self.matches("<h1>([^<]*)</h1>", in: html).first?.first)
                #expect(heading.contains(parameter), "\(uri): \(heading)")
            }
            // The API keeps answering JSON.
            let api = try await client.execute(uri: "/api/nothing", method: .get)
            #expect(api.status == .notFound)
            #expect(api.headers[.contentType] == "application/json; charset=utf-8")
            #expect(api.headers[.contentSecurityPolicy] == "default-src 'none'; frame-ancestors 'none'")
        }
    }

    @Test func aStoreFailureIsA500PageWithoutDetails() async throws {
        try await ServerTests.withClient(store: FailingStore()) { client in
            for uri in ["/timeline", "/quotes", "/entities", "/articles", "/articles/abcd1234", "/search?q=x"] {
                let html = try await Self.page(client, uri, status: .internalServerError)
                #expect(!html.contains("/secret") && !html.contains("disk"), "\(uri)")
            }
        }
    }

    @Test func staticFilesAreServedAndNothingElse() async throws {
        try await ServerTests.withClient { client in
            let css = try await client.execute(uri: "/static/style.css", method: .get)
            #expect(css.status == .ok)
            #expect(css.headers[.contentType] == "text/css; charset=utf-8")
            #expect(css.headers[.cacheControl] == "public, max-age=86400")
            let etag = try #require(css.headers[.eTag])
            #expect(String(decoding: css.body.readableBytesView, as: UTF8.self).contains(":focus-visible"))
            var headers = HTTPFields()
            headers[.ifNoneMatch] = etag
            let again = try await client.execute(uri: "/static/style.css", method: .get, headers: headers)
            #expect(again.status == .notModified)
            for uri in [
                "/static/../Package.swift", "/static/%2e%2e/Package.swift", "/static/%2e%2e%2fPackage.swift",
                "/static/..%2F..%2FPackage.swift", "/static/nothing.css", "/static/", "/static",
            ] {
                let response = try await client.execute(uri: uri, method: .get)
                #expect(response.status == .notFound, "\(uri)")
                #expect(
                    !String(decoding: response.body.readableBytesView, as: UTF8.self).contains("swift-tools-version"),
                    "\(uri)"
                )
            }
        }
    }

    // MARK: A hostile article

    @Test func aHostileArticleRendersInert() async throws {
        let folder = try CLI.temporaryDirectory()
        defer { try? FileManager.default.removeItem(at: folder) }
        let db = folder.appendingPathComponent("hostile.db").path
        let fixture = CLI.repositoryRoot.appendingPathComponent("Tests/storylineTests/Fixtures/hostile/hostile.html")
        let ingest = try CLI.run(["ingest", fixture.path, "--db", db])
        #expect(ingest.status == 0, "\(ingest.stderr)")
        let store = try SQLiteStore(path: db)
        let id = try #require(try await store.articles(ArticleQuery()).first?.id)
        let quotes = try await store.quotes(matching: QuoteQuery(limit: 100, offset: 0))
        #expect(quotes.contains { $0.text.contains("<script>alert(2)</script>") }, "\(quotes.map(\.text))")
        try await ServerTests.withClient(store: store) { client in
            var pages: [String: String] = [:]
            for uri in [
                "/articles/\(id)", "/search?q=hostile", "/search?q=script", "/quotes", "/articles", "/timeline",
                "/entities", "/search?q=%3Cscript%3Ealert(1)%3C%2Fscript%3E",
            ] {
                pages[uri] = try await Self.page(client, uri)
            }
            for (uri, html) in pages {
                let scripts = try Self.matches("<script([^>]*)>", in: html.lowercased())
                #expect(scripts.allSatisfy { $0[0].contains("src=\"/static/app.js\"") }, "\(uri): \(scripts)")
                // An event handler attribute inside a tag (escaped text has no "<", so it is never a tag).
                #expect(try Self.matches("<[a-z][^>]*\\s(on[a-z]+)\\s*=", in: html.lowercased()).isEmpty, "\(uri)")
                #expect(!html.lowercased().contains("javascript:"), "\(uri)")
                #expect(!html.contains("<img") && !html.contains("<b "), "\(uri)")
            }
            let article = try #require(pages["/articles/\(id)"])
            #expect(article.contains("&lt;/p&gt;&lt;script&gt;alert(1)&lt;/script&gt;"))
            #expect(try Self.matches("<h1>([^<]*)</h1>", in: article).first?.first?.contains("&lt;script&gt;") == true)
            #expect(!article.contains("rel=\"noopener noreferrer nofollow\""), "a javascript: URL is no link")
            let quoteBook = try #require(pages["/quotes"])
            #expect(quoteBook.contains("&lt;script&gt;alert(2)&lt;/script&gt;"))
            let search = try #require(pages["/search?q=script"])
            #expect(search.contains("<li class=\"hit\">"))
            #expect(search.contains("&lt;") || search.contains("<mark>script</mark>"))
        }
    }

    // MARK: Pure parts

    @Test func theChartsDrawOneShapePerDayOrNeighbourAndEscapeText() throws {
        let days = [("2025-08-14", 2), ("2025-08-15", 5), ("2025-08-20", 1), ("not a day", 3)]
        let chart = SVGCharts.mentionsChart(days: days.map { (day: $0.0, count: $0.1) })
        #expect(chart.hasPrefix("<svg class=\"mentions-chart\" role=\"img\" aria-label=\""))
        #expect(Self.occurrences(of: "<rect class=\"bar\"", in: chart) == 3)
        #expect(chart.contains("<title>") && chart.contains("viewBox=\"0 0 600 220\""))
        #expect(chart.contains(">2025-08-14</text>") && chart.contains(">2025-08-20</text>"))
        #expect(!chart.contains("width=\"100"), "no fixed pixel width")

        let axis = SVGCharts.timeAxis(days: days.map { (day: $0.0, count: $0.1) }, from: "2025-08-01", to: nil)
        #expect(axis.hasPrefix("<svg class=\"time-axis\" role=\"img\" aria-label=\"Time axis: 8 events on 3 days"))
        #expect(Self.occurrences(of: "<rect class=\"mark\"", in: axis) == 3)
        #expect(axis.contains(">2025-08-01</text>"))
        #expect(SVGCharts.timeAxis(days: []).isEmpty)

        let graph = SVGCharts.networkGraph(
            center: (id: 1, name: "<script>alert(1)</script>"),
            neighbours: [(id: 7, name: "Keir \"K\" Starmer", weight: 3), (id: 9, name: "A & B", weight: 1)]
        )
        #expect(graph.hasPrefix("<svg class=\"network\" role=\"img\" aria-label=\"Network of &lt;script&gt;"))
        #expect(!graph.contains("<script"))
        #expect(graph.contains("<a class=\"node neighbour\" href=\"/entities/7\">"))
        #expect(graph.contains("<a class=\"node center\" href=\"/entities/1\">"))
        #expect(graph.contains("Keir &quot;K&quot; Starmer") && graph.contains("A &amp; B"))
        #expect(Self.occurrences(of: "<line class=\"edge\"", in: graph) == 2)
        #expect(Self.occurrences(of: "<circle", in: graph) == 3)
    }

    @Test func overlappingAnnotationsNestProperly() throws {
        // "Keir Starmer said on Friday" — a quote over everything, an entity that crosses a timex's start, a
        // timex inside the quote, a second entity overlapping the first, a range past the end.
        let text = "\"Keir Starmer & <co> said on Friday\" — né Ünal."
        let article = Article(
            id: "a",
            contentHash: "h",
            paragraphs: [text, "Second <p>aragraph."],
            origin: .init(path: nil, format: .plainText)
        )
        let bytes = text.utf8.count
        let annotations = ArticleAnnotations(
            timexes: [TimeExpression(range: TextRange(start: 26, end: 35), type: .date, value: "2025-08-15\"")],
            entities: [
                EntityMention(range: TextRange(start: 1, end: 13), type: .person, canonical: "Keir Starmer"),
                EntityMention(range: TextRange(start: 6, end: 30), type: .organization, canonical: "Odd"),
                EntityMention(range: TextRange(start: bytes - 6, end: bytes - 1), type: .person, canonical: "Ünal"),
            ],
            quotes: [
                QuoteMention(range: TextRange(start: 1, end: 35), kind: .direct, speaker: "he"),
                QuoteMention(range: TextRange(start: bytes - 3, end: 500), kind: .partial),
            ]
        )
        let highlighter = ArticleHighlighter(article: article, annotations: annotations) { name in
            name == "Keir Starmer" ? 42 : nil
        }
        let paragraphs = highlighter.paragraphs()
        #expect(paragraphs.count == 2)
        for paragraph in paragraphs { #expect(try Self.wellNested(paragraph), "\(paragraph)") }
        let first = paragraphs[0]
        #expect(
            first.hasPrefix(
                "&quot;<mark class=\"quote\" id=\"q-0\"><a href=\"/entities/42\"><mark class=\"entity\" data-type=\"PERSON\">Keir"
            )
        )
        #expect(first.contains("&amp; &lt;co&gt;") && !first.contains("<co>"))
        #expect(first.contains("<mark class=\"timex\" title=\"2025-08-15&quot;\">"))
        #expect(Self.occurrences(of: "id=\"q-0\"", in: first) == 1 && first.contains("id=\"q-1\""))
        // "Ünal" is a name the second quote starts inside: the name is closed and opened again inside the quote.
        #expect(
            first.contains(
                "<mark class=\"entity\" data-type=\"PERSON\">Ün</mark><mark class=\"quote\" id=\"q-1\">"
                    + "<mark class=\"entity\" data-type=\"PERSON\">al</mark>.</mark>"
            ),
            "\(first)"
        )
        // The second quote runs on past the paragraph (and past the text): it goes on, without its id.
        #expect(paragraphs[1] == "<mark class=\"quote\">Second &lt;p&gt;aragraph.</mark>")
        // Without the marks, the text is the paragraph, escaped.
        let stripped = first.replacingOccurrences(of: "<[^>]+>", with: "", options: .regularExpression)
        #expect(stripped == HTML.escape(text))
    }

    @Test func linksAreOnlyWebURLs() {
        #expect(HTML.webURL("https://example.com/a?b=c") == "https://example.com/a?b=c")
        #expect(HTML.webURL("HTTP://EXAMPLE.COM") != nil)
        #expect(HTML.webURL("javascript:alert(1)") == nil)
        #expect(HTML.webURL(" java\nscript:alert(1)") == nil)
        #expect(HTML.webURL("data:text/html,<script>") == nil)
        #expect(HTML.webURL("https://a b") == nil)
        #expect(HTML.webURL(nil) == nil)
        #expect(HTML.escape("<a href=\"x\">'&'</a>") == "&lt;a href=&quot;x&quot;&gt;&#39;&amp;&#39;&lt;/a&gt;")
        #expect(
            HTML.url("/quotes", [("speaker", "Keir Starmer"), ("about", nil), ("page", "2")])
                == "/quotes?speaker=Keir%20Starmer&page=2"
        )
    }
}
