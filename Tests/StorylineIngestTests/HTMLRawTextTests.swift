import Testing

@testable import StorylineIngest

/// The pre-parse pass that drops script, style and comment bodies.
struct HTMLRawTextTests {
    func strip(_ html: String) -> String {
        let bytes = Array(html.utf8)
        guard let out = bytes.withUnsafeBytes(HTMLRawText.strip) else { return html }
        return String(decoding: out, as: UTF8.self)
    }

    @Test func dropsScriptStyleAndCommentBodiesButKeepsJSONLD() {
        let html = """
            <html><head><style>p { color: red }</style>\
            <script type="application/ld+json">{"datePublished": "2025-02-27"}</script>\
            <SCRIPT src="a.js"></SCRIPT><script>var d = "2019-01-01"; if (a < b) { x = "</p>"; }</script>\
            </head><body><!-- <script> not a script --><p>Text</p></body></html>
            """
        let out = strip(html)
        #expect(out.contains(#"<script type="application/ld+json">{"datePublished": "2025-02-27"}</script>"#))
        #expect(!out.contains("color: red"))
        #expect(!out.contains("2019-01-01"))
        #expect(!out.contains("not a script"))
        #expect(out.contains("<style></style>"))
        #expect(out.contains("<script></script>"))
        #expect(out.hasSuffix("<body><p>Text</p></body></html>"))
    }

    @Test func scriptEndsOnlyAtARealClosingTag() {
        // "</scripts>" and "</script-x" do not end the script; quotes in attributes do not end the tag.
        let html = #"<script data-x="a>b">var s = "</scripts>"; var t = "</script-x";</script ><p>After</p>"#
        #expect(strip(html) == #"<script data-x="a>b"></script ><p>After</p>"#)
    }

    @Test func unterminatedScriptDropsTheRestAndPagesWithoutScriptsAreUntouched() {
        #expect(strip("<p>Before</p><script>never closed") == "<p>Before</p><script>")
        #expect(Array("<p>No scripts here</p>".utf8).withUnsafeBytes(HTMLRawText.strip) == nil)
    }

    @Test func readerStillFindsJSONLDDatesAndIgnoresScriptDates() throws {
        let html = """
            <html><head><title>Talks resume</title>
            <script>window.__STATE__ = {"datePublished": "2019-01-01T00:00:00Z"};</script>
            <script type="application/ld+json">{"@type": "NewsArticle", "datePublished": "2025-02-27T09:00:00Z"}</script>
            </head><body><article><p>Negotiators met again in Riyadh on Tuesday to continue talks on a ceasefire in Ukraine.</p>
            <script>document.write("<p>Injected teaser text that is not part of the article at all.</p>")</script>
            </article></body></html>
            """
        let article = try HTMLReader().read(Array(html.utf8), origin: .init(path: nil, format: .html))
        #expect(article.published?.iso8601 == "2025-02-27T09:00:00Z")
        #expect(
            article.paragraphs == [
                "Negotiators met again in Riyadh on Tuesday to continue talks on a ceasefire in Ukraine."
            ]
        )
    }
}
