import Foundation
import StorylineCore
import Testing

@testable import StorylineIngest

/// End-to-end tests of ``HTMLReader`` on fixture pages modelled on real news-site markup.
struct HTMLReaderTests {
    let reader = HTMLReader()

    func fixture(_ name: String) throws -> [UInt8] {
        let url = Bundle.module.resourceURL!.appendingPathComponent("Fixtures/html/\(name).html")
        return Array(try Data(contentsOf: url))
    }

    func read(_ name: String, url: String? = nil, encoding: String? = nil) throws -> Article {
        try reader.read(
            fixture(name),
            origin: ArticleOrigin(path: "\(name).html", format: .html),
            url: url,
            declaredEncoding: encoding
        )
    }

    /// The expected paragraphs appear in the body, in this order, each as a whole paragraph.
    func expectInOrder(_ expected: [String], in article: Article, sourceLocation: SourceLocation = #_sourceLocation) {
        var position = 0
        for paragraph in expected {
            guard let index = article.paragraphs[position...].firstIndex(of: paragraph) else {
                Issue.record(
                    "missing or out of order: \"\(paragraph)\"\nbody: \(article.paragraphs)",
                    sourceLocation: sourceLocation
                )
                return
            }
            position = index + 1
        }
    }

    /// No chrome string appears anywhere in the body.
    func expectAbsent(_ chrome: [String], from article: Article, sourceLocation: SourceLocation = #_sourceLocation) {
        let text = article.text
        for string in chrome {
            #expect(!text.contains(string), "chrome in body: \"\(string)\"", sourceLocation: sourceLocation)
        }
    }

    /// Every string is part of some removed-chrome block.
    func expectRemoved(_ chrome: [String], from article: Article, sourceLocation: SourceLocation = #_sourceLocation) {
        for string in chrome {
            #expect(
                article.removedChrome.contains { $0.contains(string) },
                "not recorded as removed: \"\(string)\"\nremoved: \(article.removedChrome)",
                sourceLocation: sourceLocation
            )
        }
    }

    @Test func wireArticleWithJSONLDAndChrome() throws {
        let article = try read("wire-article")
        let body = [
            "Ukraine and the United States have agreed the terms of a framework deal on developing Ukraine's mineral resources, two Ukrainian officials said on Thursday, a step Kyiv hopes will secure continued U.S. support.",
            "The agreement, which still needs to be signed by both presidents, would create a joint investment fund into which Ukraine would contribute half of its future revenues from state-owned natural resources.",
            "\"It is a good deal, but it is only a framework,\" one of the officials told Reuters, speaking on condition of anonymity because the talks were confidential.",
            "Security guarantees",
            "The draft does not include explicit U.S. security guarantees, which Kyiv had sought as part of any settlement, according to a copy of the text seen by Reuters.",
            "Reporting by Tom Balmforth and Olena Harmash; Editing by Alex Richardson",
        ]
        #expect(article.paragraphs == body)
        #expect(article.dateline == "KYIV, Feb 27 (Reuters)")
        let chrome = [
            "We use cookies", "Accept all cookies", "Reuters home", "Markets", "Share this article", "Facebook",
            "Sign up here.", "Reuters Daily Briefing", "Advertisement", "Read more: Zelenskiy to visit Washington",
            "Related Coverage", "Kyiv energy grid", "terrible deal", "All rights reserved",
        ]
        expectAbsent(chrome, from: article)
        expectRemoved(
            [
                "We use cookies", "Share this article", "Sign up here.", "Advertisement · Scroll to continue",
                "Read more: Zelenskiy to visit Washington on Friday", "Kyiv energy grid hit by overnight strikes",
                "This is a terrible deal",
            ],
            from: article
        )
        #expect(article.title == "Ukraine and US agree minerals deal framework, officials say")
        #expect(article.outlet == "Reuters")
        #expect(
            article.url == "https://www.reuters.com/world/europe/ukraine-us-agree-minerals-deal-framework-2025-02-27/"
        )
        #expect(article.published?.iso8601 == "2025-02-27T15:21:00Z")
        #expect(article.modified?.iso8601 == "2025-02-27T18:05:12Z")
        #expect(article.byline == ["Tom Balmforth", "Olena Harmash"])
        #expect(article.language == "en")
        #expect(article.liveBlogEntries.isEmpty)
    }

    @Test func bbcStylePageWithCaptionsAndEmbeddedTweet() throws {
        let article = try read("bbc-style")
        expectInOrder(
            [
                "Ukrainian President Volodymyr Zelensky has said his country will not trade territory for a ceasefire, ahead of talks in Washington.",
                "Speaking in Kyiv, he said any agreement had to include guarantees that Russia would not attack again, and that Europe had to be \"at the table\".",
                "He later posted a short message on social media addressed to Ukrainian soldiers on the front line.",
                "We will not back down. Ukraine will stand, today and tomorrow.",
                "Talks in Washington",
                "Mr Zelensky is due to meet US President Donald Trump at the White House on Friday.",
                "Officials in Kyiv said a framework agreement on minerals could be signed during the visit.",
            ],
            in: article
        )
        #expect(article.paragraphs.count == 7)
        let chrome = [
            "Skip to content", "Image source", "Getty Images", "Image caption", "Zelensky spoke to reporters",
            "pic.twitter.com", "@ZelenskyyUa", "More on this story", "Ukraine war in maps", "Storm warnings",
            "Copyright 2025 BBC", "Europe digital editor", "Paul Kirby",
        ]
        expectAbsent(chrome, from: article)
        expectRemoved(
            [
                "Image caption, Zelensky spoke to reporters in Kyiv on Thursday morning", "pic.twitter.com/AbC123xyz",
                "Volodymyr Zelensky (@ZelenskyyUa) February 27, 2025", "What is in the minerals deal?",
            ],
            from: article
        )
        #expect(article.title == "Zelensky says Ukraine will not give up territory for peace")
        #expect(article.published?.iso8601 == "2025-02-27T09:14:05Z")
        #expect(article.modified == nil)
        #expect(article.byline == ["Paul Kirby"])
        #expect(article.url == "https://www.bbc.co.uk/news/articles/c0l0k4l2wqzo")
        #expect(article.language == "en-GB")
    }

    @Test func liveBlogEntries() throws {
        let article = try read("live-blog")
        #expect(
            article.paragraphs == [
                "Zelenskyy confirms Friday visit",
                "Volodymyr Zelenskyy has confirmed he will travel to Washington on Friday.",
                "Speaking at a press conference in Kyiv, he said the minerals agreement was \"only the beginning\".",
                "Starmer meets Trump",
                "The UK prime minister, Keir Starmer, arrived at the White House shortly after 1pm local time.",
                "He is expected to press the case for a US security \"backstop\" for any European peacekeeping force.",
                "Russian strikes hit Odesa overnight",
                "Russian drones struck energy infrastructure in the southern port city of Odesa overnight, the regional governor said.",
            ]
        )
        let entries = article.liveBlogEntries
        #expect(entries.count == 3)
        guard entries.count == 3 else { return }
        #expect(entries[0].headline == "Zelenskyy confirms Friday visit")
        #expect(entries[0].timeText == "15.21 GMT")
        #expect(entries[0].timestamp?.iso8601 == "2025-02-27T15:21:00Z")
        #expect(entries[0].paragraphRange == 0..<3)
        #expect(entries[1].headline == "Starmer meets Trump")
        #expect(entries[1].timestamp?.iso8601 == "2025-02-27T13:05:00Z")
        #expect(entries[1].paragraphRange == 3..<6)
        #expect(entries[2].headline == "Russian strikes hit Odesa overnight")
        #expect(entries[2].timeText == "11.47 GMT")
        #expect(entries[2].timestamp?.iso8601 == "2025-02-27T11:47Z")
        #expect(entries[2].paragraphRange == 6..<8)
        expectAbsent(
            ["Support the Guardian", "Share on Facebook", "What Starmer wants", "Weather warning", "15.21 GMT"],
            from: article
        )
        expectRemoved(["Related: What Starmer wants from the Trump meeting", "Share on Facebook"], from: article)
        #expect(article.title == "Ukraine war live: Zelenskyy to visit Washington as minerals deal agreed")
        #expect(article.outlet == "the Guardian")
        #expect(article.published?.iso8601 == "2025-02-27T08:05:12Z")
        #expect(article.modified?.iso8601 == "2025-02-27T16:02:40Z")
        #expect(article.byline == ["Tom Ambrose", "Jakub Krupa"])
        #expect(article.language == "en-GB")
    }

    @Test func wordPressPost() throws {
        let article = try read("wordpress-post")
        #expect(
            article.paragraphs == [
                "The framework agreement between Kyiv and Washington is, on paper, a deal about rare earths and revenue sharing. In practice, it is about who pays for Ukraine's reconstruction.",
                "European governments have so far provided the bulk of financial aid, and they will want a say in how any joint fund is governed.",
                "Three questions for Brussels",
                "Will European companies be allowed to bid for extraction licences?",
                "How will the fund interact with the EU's Ukraine Facility?",
                "Who audits the revenues?",
                "\"We cannot finance a recovery we have no say in,\" one EU diplomat told me last week.",
                "None of these questions has an answer yet.",
                "What is clear is that the deal shifts leverage towards Washington, at least for now.",
            ]
        )
        let chrome = [
            "Skip to content", "Notes on European policy", "Archive", "Posted on", "Share this", "Twitter",
            "What the EU's sanctions package means", "Tagged", "Jane writes about", "Great analysis",
            "Leave a Reply", "Recent Posts", "Proudly powered",
        ]
        expectAbsent(chrome, from: article)
        expectRemoved(
            [
                "Share this:", "What the EU's sanctions package means", "Tagged minerals, ukraine",
                "Jane writes about EU foreign policy", "Great analysis", "Leave a Reply", "Recent Posts",
            ],
            from: article
        )
        #expect(article.title == "Why the minerals deal matters for Europe")
        #expect(article.published?.iso8601 == "2025-02-27T08:30:00+01:00")
        #expect(article.modified?.iso8601 == "2025-02-28T10:00:00+01:00")
        #expect(article.byline == ["Jane Doe"])
        #expect(article.url == "https://policynotes.example.org/2025/02/why-the-minerals-deal-matters/")
        #expect(article.language == "en-US")
    }

    @Test func dateOnlyInURLIgnoresScriptLiteralsAndTeasers() throws {
        let article = try read(
            "url-date-only",
            url: "https://www.example-news.com/world/2025/02/27/ceasefire-talks-resume/?utm_source=rss"
        )
        #expect(article.published?.iso8601 == "2025-02-27")
        #expect(article.published?.hour == nil)
        #expect(article.modified == nil)
        #expect(article.url == "https://www.example-news.com/world/2025/02/27/ceasefire-talks-resume/")
        #expect(article.title == "Ceasefire talks resume in Cairo")
        #expect(article.outlet == "Example News")
        #expect(article.language == "en")
        #expect(article.paragraphs.count == 4)
        expectInOrder(
            [
                "Negotiators from both sides returned to Cairo on Thursday for a new round of indirect talks aimed at extending the fragile ceasefire, Egyptian officials said.",
                "A senior Egyptian official said a statement could be issued by the weekend if progress was made.",
            ],
            in: article
        )
        expectAbsent(
            [
                "Published 4 May 2019", "pageConfig", "Earlier talks collapse", "March 3, 2024", "Markets slide",
                "Copyright 2025", "Politics",
            ],
            from: article
        )
        expectRemoved(["Earlier talks collapse"], from: article)
    }

    @Test func visibleBylineDateIsTheLastResort() throws {
        let article = try read("byline-text-date", url: "https://news.example.com/business/port-strike")
        #expect(article.published?.iso8601 == "2025-02-27T15:21-05:00")
        #expect(article.byline == ["Maria Lopez"])
        #expect(article.title == "Port strike enters second week")
        #expect(article.paragraphs.count == 3)
        expectAbsent(["Published February", "February 20, 2025", "chaos"], from: article)
    }

    @Test func undeclaredWindows1252() throws {
        let bytes = try fixture("windows-1252")
        let valid = bytes.withUnsafeBytes { HTMLBytes.isValidUTF8($0) }
        #expect(!valid)
        let article = try read("windows-1252")
        #expect(
            article.paragraphs == [
                "“We cannot pass this on to customers,” said Élodie Marchand, who runs a café near the Place Bellecour.",
                "The city council’s proposal – a €5 daily levy on terrace seating – would raise about €2 million a year, officials estimate.",
                "A vote is expected at the council’s next session, naïvely scheduled for the first week of the summer season.",
            ]
        )
        #expect(article.title == "Café owners fear €5 levy")
    }

    @Test func declaredEncodingOverridesThePage() throws {
        let html =
            "<html><head><meta charset=\"utf-8\"><title>T</title></head><body><p>Gr\u{FC}\u{DF}e aus M\u{FC}nchen, sagte der B\u{FC}rgermeister am Montag vor Journalisten.</p></body></html>"
        let latin1 = html.unicodeScalars.map { UInt8($0.value) }
        let article = try reader.read(
            latin1,
            origin: ArticleOrigin(path: nil, format: .html),
            declaredEncoding: "ISO-8859-1"
        )
        #expect(article.paragraphs == ["Grüße aus München, sagte der Bürgermeister am Montag vor Journalisten."])
    }

    @Test func pageWithoutTextThrowsEmpty() {
        let bytes = Array("<html><body><nav><a href=\"/\">Home</a></nav><script>var x = 1;</script></body></html>".utf8)
        #expect(throws: IngestError.self) {
            try reader.read(bytes, origin: ArticleOrigin(path: "x.html", format: .html))
        }
    }

    @Test func feedFragment() {
        let html = """
            <p>The central bank held rates at 4.5%, citing sticky services inflation.</p>
            <div class="share-buttons"><a href="#">Share on Facebook</a></div>
            <p><a href="https://example.com/more">Read more</a></p>
            <p>Markets had priced in a cut, and the pound rose after the decision.</p>
            <img src="chart.png"><figcaption>Chart: rates since 2020</figcaption>
            """
        let result = reader.paragraphs(fromFragment: html)
        #expect(
            result.paragraphs == [
                "The central bank held rates at 4.5%, citing sticky services inflation.",
                "Markets had priced in a cut, and the pound rose after the decision.",
            ]
        )
        #expect(result.removed == ["Share on Facebook", "Read more", "Chart: rates since 2020"])
    }
}

extension HTMLReaderTests {
    /// Every paragraph sits in its own component wrapper (`<div data-component="text-block"><div
    /// class="…RichTextContainer"><p>`), so the body markers are cousins, not siblings, and one long paragraph
    /// outscores each of the others: the content root must gather all of them, not keep the largest one.
    @Test func broadcasterTextBlocksKeepEveryParagraph() throws {
        let article = try read("broadcaster-text-blocks")
        let body = [
            "River walls breached during Storm Freya will be rebuilt before next winter, the environment secretary has said, after hundreds of homes were flooded across the Severn valley.",
            "Emergency funding of £40m will pay for the repairs, which engineers say are the most extensive since the floods of 2007.",
            "Speaking in Gloucester on Monday, the minister told reporters that the government had learned from previous storms, that councils would be consulted on every scheme, that farmers whose land was used to store flood water would be compensated, that the Environment Agency would publish its inspection reports in full, and that, in her words, \"nobody who was flooded this winter should have to wonder whether it will happen again next year, or the year after, or the year after that\".",
            "Local residents were not convinced.",
            "\"We were told the same thing last time,\" said Margaret Ellis, whose house on the river front took in a metre of water. \"I'll believe it when I see the wall.\"",
            "Warnings ignored",
            "An inspection in 2023 had found that two sections of the wall were in poor condition, according to documents seen by the Local Democracy Reporting Service.",
            "The Environment Agency said repairs had been scheduled but were delayed by the wet autumn.",
            "Work on the first section is expected to start in May.",
        ]
        expectInOrder(body, in: article)
        #expect(article.paragraphs == body)
        let chrome = [
            "Skip to content", "iPlayer", "Climate", "Flood defences to be rebuilt", "Hannah Okafor",
            "Environment correspondent", "4 March 2025", "Image source", "PA Media", "Image caption",
            "Residents piled sandbags", "Hundreds of homes flooded", "How are flood defences paid for?",
            "Related topics", "Tewkesbury", "More on this story", "Thousands without power", "Sandbag stations open",
            "What should you do if your home floods?", "Most read", "Man charged", "Terms of Use", "Copyright 2025 BBC",
        ]
        expectAbsent(chrome, from: article)
        expectRemoved(
            ["Residents piled sandbags against the breached wall", "How are flood defences paid for?"],
            from: article
        )
        #expect(article.title == "Flood defences to be rebuilt after storm damage, minister says")
        #expect(article.published?.iso8601 == "2025-03-04T07:42:11Z")
        #expect(article.byline == ["Hannah Okafor"])
    }

    /// The same layout with the marker only on the inner block (the wrappers are cousins), and with no marker
    /// and no `<article>` at all (the best-scored block is one wrapped paragraph): every paragraph is kept.
    @Test(arguments: [
        #"<div data-component="text-block" class="ssrcss-q1w2e3-ComponentWrapper"><div class="ssrcss-7uxr49-RichTextContainer"><p>"#,
        #"<div data-component="text-block" class="ssrcss-q1w2e3-ComponentWrapper"><div class="ssrcss-9zx8y7-Container"><p>"#,
    ])
    func paragraphsInTheirOwnWrappersAreJoined(open: String) throws {
        let paragraphs = [
            "The council approved the budget on Tuesday after a three-hour debate.",
            "Opposition members, who had asked for more money for libraries, parks, buses, street lighting, youth clubs, and the repair of roads damaged by the winter, voted against it, saying that the plan, as drafted, would leave the poorest wards, once again, with the least.",
            "The leader said the figures were final.",
            "Council tax will rise by 4.99% from April, the maximum allowed without a referendum.",
        ]
        let blocks = paragraphs.map { open + $0 + "</p></div></div>" }.joined()
        let html = """
            <html><head><meta charset="utf-8"><title>Council budget approved</title></head><body>
            <nav><a href="/">Home</a><a href="/news">News</a></nav>
            <main><div id="story"><h1>Council budget approved</h1>\(blocks)
            <section><h2>More on this story</h2><ul><li><a href="/a">Libraries to close</a></li><li><a href="/b">Bus routes cut</a></li></ul></section>
            </div></main><footer><p>Copyright 2025. All rights reserved.</p></footer></body></html>
            """
        let article = try reader.read(Array(html.utf8), origin: ArticleOrigin(path: "council.html", format: .html))
        #expect(article.paragraphs == paragraphs)
    }
}
