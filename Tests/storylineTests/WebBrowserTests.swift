import Foundation
import Testing

/// The web UI in headless Chromium, end to end: the example corpus and a hostile article ingested by the real CLI,
/// served by the real `storyline serve`, every page of the page contract (`contract-web.md`) loaded at phone
/// (375 px) and desktop (1440 px) widths — status, `<h1>` and content, no console error, no horizontal scrolling, a
/// screenshot in `test-artifacts/screenshots` — the keyboard path through a page, links between pages, and the
/// hostile article rendered inert. One browser and one server for the suite; a new tab per test.
// Skipped, with this message, where there is no Chromium; CI installs Debian's `chromium` (.ci/run).
@Suite(
    .serialized,
    .enabled(if: Chromium.isAvailable, "no Chromium at \(Chromium.executable): the browser tests are skipped"),
    .chromium,
    .storylineSite
)
struct WebBrowserTests {
    /// A phone's and a desktop's width, in CSS pixels.
    static let widths = [375, 1440]

    /// A word of the example corpus.
    static let corpusWord = "Starmer"

    /// A word found only in the hostile article.
    static let hostileWord = "Quillhaven"

    /// Runs `body` with a new tab of the suite's browser, `width` pixels wide, and the suite's site.
    static func withPage(
        width: Int = 1440,
        _ body: @Sendable (BrowserPage, StorylineSite) async throws -> Void
    ) async throws {
        let site = try StorylineSite.shared()
        try await Chromium.withPage { page in
            try await page.setViewport(width: width)
            try await body(page, site)
        }
    }

    // MARK: What every page has

    /// What the contract asks of every page, in one evaluation.
    static let pageFacts = """
        (() => {
          const main = document.querySelector('main#main');
          const h1 = document.querySelector('h1');
          return {
            status: performance.getEntriesByType('navigation')[0]?.responseStatus ?? 0,
            contentType: document.contentType,
            charset: document.characterSet,
            lang: document.documentElement.lang,
            title: document.title,
            viewport: document.querySelector('meta[name="viewport"]')?.content ?? '',
            stylesheet: !!document.querySelector('link[rel="stylesheet"][href="/static/style.css"]'),
            h1Count: document.querySelectorAll('h1').length,
            h1InMain: !!(main && h1 && main.contains(h1)),
            mainFocusable: main?.getAttribute('tabindex') === '-1',
            h1: h1 ? h1.textContent.trim() : '',
            skipLink: !!document.querySelector('a.skip-link[href="#main"]'),
            navLinks: ['/timeline', '/quotes', '/entities', '/articles'].every(href =>
              document.querySelector(`nav[aria-label="Main"] a[href="${href}"]`)),
            searchBox: !!document.querySelector(
              'form[role="search"][action="/search"] input[type="search"][name="q"][aria-label]'),
            inlineStyles: document.querySelectorAll('[style]').length,
            scrollWidth: document.documentElement.scrollWidth,
            innerWidth: window.innerWidth,
          };
        })()
        """

    /// The response headers of every page (`contract-web.md`).
    static let headers = [
        "content-type": "text/html; charset=utf-8",
        "content-security-policy":
            "default-src 'none'; style-src 'self'; script-src 'self'; img-src 'self'; form-action 'self'; "
            + "base-uri 'none'; frame-ancestors 'none'",
        "x-content-type-options": "nosniff",
        "referrer-policy": "no-referrer",
    ]

    /// Checks what every page must have — `status`, the contract's ``headers``, HTML in UTF-8, a title, the layout's skip link, navigation and
    /// search box, exactly one `<h1>` (in `main`), no console error (but the document's own failed load when
    /// `status` is not 200), no horizontal scrolling — and writes a screenshot `NAME-WIDTH.png`.
    static func checkPage(
        _ page: BrowserPage,
        name: String,
        width: Int,
        status: Int = 200,
        sourceLocation: SourceLocation = #_sourceLocation
    ) async throws {
        let facts = try await page.evaluate(pageFacts)
        let url = try await page.evaluateString("location.href") ?? "?"
        func fact(_ key: String) -> JSONValue { facts[key] ?? .null }
        let at = "\(name) at \(width) px (\(url))"
        // Nothing else is worth checking on the wrong page.
        try #require(
            fact("status").int == Int64(status) && fact("contentType") == "text/html",
            "\(at): HTTP \(fact("status")) \(fact("contentType")), not \(status) text/html",
            sourceLocation: sourceLocation
        )
        let response = page.documentResponse
        #expect(response?.status == status, "\(at): \(String(describing: response))", sourceLocation: sourceLocation)
        for (name, value) in headers {
            #expect(
                response?.headers[name] == value,
                "\(at): \(name) is \(response?.headers[name] ?? "missing"), not \(value)",
                sourceLocation: sourceLocation
            )
        }
        #expect(fact("charset") == "UTF-8", "\(at): \(fact("charset"))", sourceLocation: sourceLocation)
        #expect(fact("lang") == "en", "\(at): lang \(fact("lang"))", sourceLocation: sourceLocation)
        #expect(
            fact("title").string?.hasSuffix(" — Storyline") == true,
            "\(at): title \(fact("title"))",
            sourceLocation: sourceLocation
        )
        #expect(
            fact("viewport") == "width=device-width, initial-scale=1",
            "\(at): viewport \(fact("viewport"))",
            sourceLocation: sourceLocation
        )
        #expect(fact("stylesheet") == true, "\(at): no /static/style.css", sourceLocation: sourceLocation)
        #expect(fact("h1Count").int == 1, "\(at): \(fact("h1Count")) <h1>", sourceLocation: sourceLocation)
        #expect(fact("h1InMain") == true, "\(at): the <h1> is not in main#main", sourceLocation: sourceLocation)
        #expect(fact("h1").string?.isEmpty == false, "\(at): empty <h1>", sourceLocation: sourceLocation)
        #expect(fact("mainFocusable") == true, "\(at): main lacks tabindex=-1", sourceLocation: sourceLocation)
        #expect(fact("skipLink") == true, "\(at): no skip link", sourceLocation: sourceLocation)
        #expect(fact("navLinks") == true, "\(at): the main navigation lacks a link", sourceLocation: sourceLocation)
        #expect(fact("searchBox") == true, "\(at): no search box", sourceLocation: sourceLocation)
        #expect(fact("inlineStyles").int == 0, "\(at): style attributes", sourceLocation: sourceLocation)
        let scrollWidth = fact("scrollWidth").int ?? .max
        let innerWidth = fact("innerWidth").int ?? 0
        #expect(
            innerWidth == Int64(width) && scrollWidth <= innerWidth,
            "\(at): horizontal scrolling, \(scrollWidth) px of content in \(innerWidth) px",
            sourceLocation: sourceLocation
        )
        let errors = page.consoleErrors.filter { status == 200 || $0.url != url }
        #expect(errors.isEmpty, "\(at): console errors \(errors)", sourceLocation: sourceLocation)

        let file = StorylineSite.screenshots.appendingPathComponent("\(name)-\(width).png")
        let image = PNGImage(try await page.screenshot(to: file))
        #expect(image?.width == width, "\(at): screenshot \(String(describing: image))", sourceLocation: sourceLocation)
    }

    /// How many elements match the CSS `selector`.
    static func count(_ page: BrowserPage, _ selector: String) async throws -> Int {
        try await page.evaluateInt("document.querySelectorAll(\(jsString(selector))).length")
    }

    /// What the elements matching `selector` lack of `parts` ("#2 lacks .cue"); empty when each has every part.
    static func every(_ page: BrowserPage, _ selector: String, has parts: [String]) async throws -> [String] {
        let missing = try await page.evaluate(
            """
            [...document.querySelectorAll(\(jsString(selector)))].flatMap((element, index) =>
              \(jsArray(parts)).filter(part => !element.querySelector(part)).map(part => `#${index + 1} lacks ${part}`))
            """
        )
        return (missing.array ?? []).compactMap(\.string)
    }

    /// Follows (clicks) the first link matching `selector` and waits for the page it leads to; returns its href.
    @discardableResult
    static func follow(_ page: BrowserPage, _ selector: String) async throws -> String {
        let href = try await page.evaluateString("document.querySelector(\(jsString(selector)))?.getAttribute('href')")
        guard let href else {
            let url = try await page.evaluateString("location.href") ?? "?"
            throw CDPError("no link \(selector) on \(url)")
        }
        page.clearConsoleErrors()
        try await page.expectNavigation(to: href) {
            try await page.evaluate("document.querySelector(\(jsString(selector))).click()")
        }
        return href
    }

    /// Loads `path` of the site, forgetting the errors of the page before.
    static func open(_ page: BrowserPage, _ site: StorylineSite, _ path: String) async throws {
        page.clearConsoleErrors()
        try await page.navigate(to: site.url(path))
    }

    static func jsString(_ text: String) -> String {
        let data = try! JSONEncoder().encode(text)
        return String(decoding: data, as: UTF8.self)
    }

    static func jsArray(_ items: [String]) -> String {
        "[" + items.map(jsString).joined(separator: ", ") + "]"
    }

    // MARK: The pages, at both widths

    @Test(arguments: WebBrowserTests.widths)
    func timeline(width: Int) async throws {
        try await Self.withPage(width: width) { page, site in
            try await Self.open(page, site, "/timeline")
            try await Self.checkPage(page, name: "timeline", width: width)
            #expect(try await Self.count(page, "form.filters") == 1)
            #expect(try await Self.count(page, "svg.time-axis[role='img'][aria-label]") == 1)
            #expect(try await Self.count(page, "article.event[data-event-id]") > 0)
            let missing = try await Self.every(
                page,
                "article.event",
                has: [
                    "time[datetime]", ".event-type", ".modality", ".actors", ".outlets-count", "a[href^='/articles/']",
                ]
            )
            #expect(missing.isEmpty, "\(missing.prefix(10))")
        }
    }

    @Test(arguments: WebBrowserTests.widths)
    func quoteBook(width: Int) async throws {
        try await Self.withPage(width: width) { page, site in
            try await Self.open(page, site, "/quotes")
            try await Self.checkPage(page, name: "quotes", width: width)
            #expect(try await Self.count(page, "form.filters") == 1)
            #expect(try await Self.count(page, "article.statement") > 0)
            let missing = try await Self.every(
                page,
                "article.statement",
                has: [".speaker", "time", ".cue", "blockquote.wording", ".sources a[href^='/articles/']"]
            )
            #expect(missing.isEmpty, "\(missing.prefix(10))")
            let sources = try await page.evaluate(
                "[...document.querySelectorAll('.sources a')].map(a => a.getAttribute('href'))"
            )
            let hrefs = (sources.array ?? []).compactMap(\.string)
            #expect(hrefs.allSatisfy { $0.range(of: #"^/articles/[^/#]+#q-\d+$"#, options: .regularExpression) != nil })
        }
    }

    @Test(arguments: WebBrowserTests.widths)
    func entityList(width: Int) async throws {
        try await Self.withPage(width: width) { page, site in
            try await Self.open(page, site, "/entities")
            try await Self.checkPage(page, name: "entities", width: width)
            #expect(try await Self.count(page, "table.entities") == 1)
            #expect(try await Self.count(page, "table.entities a[href^='/entities/']") > 0)
        }
    }

    @Test(arguments: WebBrowserTests.widths)
    func entityPageFromTheList(width: Int) async throws {
        try await Self.withPage(width: width) { page, site in
            try await Self.open(page, site, "/entities")
            let link = "table.entities a[href^='/entities/']"
            let name = try await page.evaluateString(
                "document.querySelector(\(Self.jsString(link)))?.textContent.trim()"
            )
            try await Self.follow(page, link)
            let path = try await page.evaluateString("location.pathname") ?? ""
            #expect(path.range(of: #"^/entities/\d+$"#, options: .regularExpression) != nil, "\(path)")
            try await Self.checkPage(page, name: "entity", width: width)
            #expect(try await page.evaluateString("document.querySelector('h1').textContent.trim()") == name)
            for part in [".aliases", ".roles", "svg.mentions-chart[role='img']", "svg.network[role='img']", ".quotes"] {
                #expect(try await Self.count(page, part) >= 1, "no \(part) on \(path)")
            }
            let nodes = try await page.evaluate(
                "[...document.querySelectorAll('svg.network a')].map(a => a.getAttribute('href'))"
            )
            let hrefs = (nodes.array ?? []).compactMap(\.string)
            #expect(
                hrefs.allSatisfy { $0.range(of: #"^/entities/\d+$"#, options: .regularExpression) != nil },
                "\(hrefs)"
            )
        }
    }

    @Test(arguments: WebBrowserTests.widths)
    func articleList(width: Int) async throws {
        try await Self.withPage(width: width) { page, site in
            try await Self.open(page, site, "/articles")
            try await Self.checkPage(page, name: "articles", width: width)
            // The five articles of the corpus and the hostile one.
            #expect(try await Self.count(page, "ol.article-list a[href^='/articles/']") == 6)
        }
    }

    @Test(arguments: WebBrowserTests.widths)
    func articleViewFromTheList(width: Int) async throws {
        try await Self.withPage(width: width) { page, site in
            try await Self.open(page, site, "/articles")
            try await Self.follow(page, "ol.article-list a[href^='/articles/']")
            let path = try await page.evaluateString("location.pathname") ?? ""
            #expect(path.hasPrefix("/articles/"), "\(path)")
            try await Self.checkPage(page, name: "article", width: width)
            #expect(try await Self.count(page, "div.article-body p") > 0)
            #expect(try await Self.count(page, "div.article-body mark.entity[data-type]") > 0)
            let unsafeLinks = try await Self.count(
                page,
                "a[href^='http']:not([rel~='noopener'][rel~='noreferrer'][rel~='nofollow']):not([href^='\(site.baseURL)'])"
            )
            #expect(unsafeLinks == 0, "a source link lacks rel=\"noopener noreferrer nofollow\"")
        }
    }

    @Test(arguments: WebBrowserTests.widths)
    func search(width: Int) async throws {
        try await Self.withPage(width: width) { page, site in
            try await Self.open(page, site, "/search?q=\(Self.corpusWord)")
            try await Self.checkPage(page, name: "search", width: width)
            #expect(try await Self.count(page, "ol.hits li.hit") > 0)
            let missing = try await Self.every(page, "ol.hits li.hit", has: ["a[href^='/articles/']", "mark"])
            #expect(missing.isEmpty, "\(missing)")
        }
    }

    @Test(arguments: WebBrowserTests.widths)
    func notFoundPage(width: Int) async throws {
        try await Self.withPage(width: width) { page, site in
            try await Self.open(page, site, "/no-such-page")
            try await Self.checkPage(page, name: "not-found", width: width, status: 404)

            try await Self.open(page, site, "/timeline?from=not-a-date")
            try await Self.checkPage(page, name: "bad-request", width: width, status: 400)
        }
    }

    // MARK: Keyboard and links

    @Test func keyboardSkipLinkAndSearch() async throws {
        try await Self.withPage { page, site in
            try await Self.open(page, site, "/timeline")
            try await page.press(.tab)
            let first = try await page.evaluate(
                """
                (() => { const e = document.activeElement, s = getComputedStyle(e);
                  return { skip: e.matches('a.skip-link'),
                           outlined: s.outlineStyle !== 'none' || s.boxShadow !== 'none' }; })()
                """
            )
            try #require(first["skip"] == true, "the first Tab should focus the skip link")
            #expect(first["outlined"] == true, "the focused skip link shows no outline")
            try await page.press(.enter)
            try await page.waitUntil("document.activeElement === document.querySelector('main#main')")

            // From a fresh load, Tab reaches the search box through the links before it.
            try await Self.open(page, site, "/timeline")
            var reached = false
            for _ in 0..<40 {
                try await page.press(.tab)
                if try await page.evaluateBool("document.activeElement.matches('input[type=search][name=q]')") {
                    reached = true
                    break
                }
            }
            #expect(reached, "40 Tabs did not reach the search box")
            try #require(reached)
            let outlined = try await page.evaluateBool(
                "(s => s.outlineStyle !== 'none' || s.boxShadow !== 'none')(getComputedStyle(document.activeElement))"
            )
            #expect(outlined, "the focused search box shows no outline")
            try await page.type(Self.corpusWord)
            try await page.expectNavigation(to: "the search results") { try await page.press(.enter) }
            #expect(try await page.evaluateString("location.pathname") == "/search")
            #expect(try await page.evaluateString("new URLSearchParams(location.search).get('q')") == Self.corpusWord)
            #expect(try await Self.count(page, "ol.hits li.hit") > 0)
            #expect(page.consoleErrors.isEmpty, "\(page.consoleErrors)")
        }
    }

    @Test func timelineActorLinkLeadsToItsEntity() async throws {
        try await Self.withPage { page, site in
            try await Self.open(page, site, "/timeline")
            let href = try await Self.follow(page, "article.event .actors a[href^='/entities/']")
            #expect(try await page.evaluateString("location.pathname") == href)
            try await Self.checkPage(page, name: "timeline-actor", width: 1440)
        }
    }

    @Test func searchHitLeadsToItsArticle() async throws {
        try await Self.withPage { page, site in
            try await Self.open(page, site, "/search?q=\(Self.corpusWord)")
            let href = try await Self.follow(page, "ol.hits li.hit a[href^='/articles/']")
            let path = try await page.evaluateString("location.pathname") ?? ""
            #expect(href.hasPrefix(path) && path.hasPrefix("/articles/"), "\(href) led to \(path)")
            try await Self.checkPage(page, name: "search-hit", width: 1440)
            let text = try await page.evaluateString("document.querySelector('div.article-body')?.innerText") ?? ""
            #expect(text.contains(Self.corpusWord))
        }
    }

    // MARK: The hostile article

    /// What would show that the hostile article's markup became markup, in one evaluation.
    static let hostileFacts = """
        (() => {
          const found = [];
          for (const script of document.scripts) {
            const path = script.src ? new URL(script.src).pathname : null;
            if (path !== '/static/app.js') found.push('script ' + (script.src || script.textContent.slice(0, 60)));
          }
          for (const element of document.querySelectorAll('*')) {
            for (const attribute of element.attributes) {
              const text = `<${element.localName} ${attribute.name}="${attribute.value.slice(0, 60)}">`;
              if (/^on/i.test(attribute.name)) found.push(text);
              else if (/^\\s*(javascript|data|vbscript):/i.test(attribute.value)) found.push(text);
            }
          }
          return {
            pwned: window.__pwned === undefined ? null : String(window.__pwned),
            found,
            javascriptLinks: document.querySelectorAll('a[href^="javascript:" i]').length,
            text: document.body.innerText,
          };
        })()
        """

    /// Checks the page shows the hostile text literally and that none of it became script, handler or link.
    static func checkInert(_ page: BrowserPage, _ what: String, literal: [String]) async throws {
        let facts = try await page.evaluate(hostileFacts)
        #expect(facts["pwned"] == .null, "\(what): window.__pwned = \(facts["pwned"] ?? .null)")
        #expect(facts["found"]?.array?.isEmpty == true, "\(what): \(facts["found"] ?? .null)")
        #expect(facts["javascriptLinks"]?.int == 0, "\(what): javascript: links")
        let text = facts["text"]?.string ?? ""
        for fragment in literal {
            #expect(text.contains(fragment), "\(what) does not show \(fragment) as text")
        }
        #expect(page.consoleErrors.isEmpty, "\(what): console errors \(page.consoleErrors)")
    }

    @Test func hostileArticleViewIsInert() async throws {
        try await Self.withPage { page, site in
            try await Self.open(page, site, "/articles/\(site.hostileArticleID)")
            try await Self.checkPage(page, name: "hostile-article", width: 1440)
            try await Self.checkInert(
                page,
                "the hostile article",
                literal: ["<script>", "</p><script>window.__pwned=4</script>", "<script>window.__pwned=5</script>"]
            )
            let title = try await page.evaluateString("document.querySelector('h1').textContent") ?? ""
            #expect(title.contains("<script>"), "the title shows \(title)")
            #expect(try await page.evaluateString("document.title")?.contains("<script>") == true)
        }
    }

    @Test func hostileSearchResultsAreInert() async throws {
        try await Self.withPage { page, site in
            try await Self.open(page, site, "/search?q=\(Self.hostileWord)")
            try await Self.checkPage(page, name: "hostile-search", width: 1440)
            #expect(try await Self.count(page, "ol.hits li.hit") >= 1)
            try await Self.checkInert(page, "the search results", literal: ["<script>"])

            // The markup as the query itself.
            try await Self.open(page, site, "/search?q=%3Cscript%3Ewindow.__pwned%3D6%3C%2Fscript%3E")
            try await Self.checkPage(page, name: "hostile-query", width: 1440)
            try await Self.checkInert(page, "a search for <script>", literal: [])
        }
    }

    @Test func hostileQuoteIsInertInTheQuoteBook() async throws {
        try await Self.withPage { page, site in
            try await Self.open(page, site, "/quotes?speaker=Marta%20Kowalczyk")
            try await Self.checkPage(page, name: "hostile-quotes", width: 1440)
            let wordings = try await page.evaluate(
                "[...document.querySelectorAll('blockquote.wording')].map(b => b.innerText)"
            )
            let texts = (wordings.array ?? []).compactMap(\.string)
            #expect(texts.contains { $0.contains("<script>window.__pwned=5</script>") }, "\(texts)")
            try await Self.checkInert(page, "the quote book", literal: ["<script>window.__pwned=5</script>"])

            try await Self.open(page, site, "/quotes")
            try await Self.checkInert(page, "the whole quote book", literal: [])
        }
    }
}
