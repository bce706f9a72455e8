import Foundation
import StorylineCore
import Testing

@testable import StorylineIngest

/// The RSS / Atom reader on feeds shaped like real ones (WordPress, BBC, an Atom CMS) and on broken input.
struct FeedReaderTests {
    static func fixture(_ name: String) throws -> [UInt8] {
        let url = Bundle.module.resourceURL!.appendingPathComponent("Fixtures/feeds/\(name)")
        return Array(try Data(contentsOf: url))
    }

    func read(_ name: String) throws -> ReadResult {
        try FeedReader().read(Self.fixture(name), path: name)
    }

    @Test func wordPressFeedReadsContentEncodedWithoutShareButtons() throws {
        let result = try read("wordpress-news.xml")
        #expect(result.errors.isEmpty)
        try #require(result.articles.count == 2)
        let first = result.articles[0]
        #expect(first.title == "Council approves \u{2018}once in a generation\u{2019} harbour wall repairs")
        #expect(first.url == "https://harbourgazette.example/2025/02/27/council-approves-harbour-wall-repairs/")
        #expect(first.outlet == "The Harbour Gazette")
        #expect(first.language == "en-GB")
        #expect(first.byline == ["Aisha Rahman"])
        #expect(first.published?.iso8601 == "2025-02-27T15:21:09Z")
        #expect(
            first.origin
                == ArticleOrigin(
                    path: "wordpress-news.xml",
                    format: .rss,
                    record: 0,
                    externalID: "https://harbourgazette.example/?p=48213"
                )
        )
        // content:encoded is preferred over the teaser description.
        #expect(
            first.paragraphs.first == "Councillors voted nine to two on Wednesday night to fund emergency repairs "
                + "to the harbour wall, ending months of argument over who should pay."
        )
        #expect(first.paragraphs.contains("Work is expected to start in April and take eighteen months."))
        #expect(
            first.paragraphs.contains {
                $0.hasPrefix("\u{201C}This is a once in a generation repair,\u{201D} said council leader Mary Penrose.")
            }
        )
        #expect(!first.text.contains("[\u{2026}]"))
        for chrome in ["Share this", "Click to share", "Facebook", "Storm floods Quay Street homes"] {
            #expect(!first.text.contains(chrome), "chrome \(chrome) leaked into the body")
        }

        let second = result.articles[1]
        #expect(second.title == "Lifeboat crew honoured for January rescue")
        #expect(second.byline == ["Tom Whitlock", "Aisha Rahman"])
        #expect(
            second.published
                == PublicationDate(
                    year: 2025,
                    month: 2,
                    day: 26,
                    hour: 8,
                    minute: 5,
                    second: 0,
                    utcOffsetMinutes: 0
                )
        )
        #expect(second.paragraphs.count == 2)
        #expect(second.origin.record == 1)
    }

    @Test func bbcStyleFeedReadsPlainDescriptionsAndGMTDates() throws {
        let result = try read("bbc-news.xml")
        #expect(result.errors.isEmpty)
        #expect(
            result.articles.map(\.title) == [
                "Starmer and Trump to meet at White House",
                "Supermarkets M&S and Tesco & others cut egg prices",
                "Watch: Storm Eowyn's winds captured on camera",
            ]
        )
        let first = try #require(result.articles.first)
        #expect(first.outlet == "BBC News")
        #expect(first.language == "en-gb")
        #expect(first.byline.isEmpty)
        #expect(first.url == "https://www.bbc.co.uk/news/articles/c0k7example1o")
        #expect(first.origin.externalID == "https://www.bbc.co.uk/news/articles/c0k7example1o#0")
        #expect(first.published?.iso8601 == "2025-02-27T06:04:31Z")
        #expect(
            first.paragraphs == [
                "The prime minister is expected to press the US president on security guarantees for Ukraine."
            ]
        )
        // A character reference escaped twice (&#39; inside CDATA) is decoded.
        #expect(result.articles[1].paragraphs == ["It's the first fall in egg prices for two years, retailers say."])
        #expect(result.articles[1].published?.iso8601 == "2025-02-26T23:58:02Z")
    }

    @Test func atomFeedReadsEveryEntryWithZonesAuthorsAndLinks() throws {
        let result = try read("atom-entries.xml")
        #expect(result.errors.isEmpty)
        try #require(result.articles.count == 4)
        let strike = result.articles[0]
        #expect(strike.title == "Port strike enters third day")
        #expect(strike.url == "https://northline.example/2025/02/27/port-strike-third-day")
        #expect(strike.outlet == "Northline Dispatch")
        #expect(strike.language == "en-US")
        #expect(strike.byline == ["Marcus Oyelaran", "Lena Fischer"])
        #expect(strike.published?.iso8601 == "2025-02-27T09:15:00-05:00")
        #expect(strike.modified?.iso8601 == "2025-02-27T14:02:31-05:00")
        #expect(strike.origin.format == .atom)
        #expect(strike.origin.externalID == "tag:northline.example,2025:entry-101")
        #expect(
            strike.paragraphs == [
                "Dockworkers at the Port of Northline walked out for a third day on Thursday, leaving more than forty "
                    + "container ships waiting offshore.",
                "The union said talks with the port authority had broken down over pensions.",
            ]
        )

        let bridge = result.articles[1]
        #expect(bridge.language == "fr-CA")
        #expect(bridge.url == "https://northline.example/2025/02/27/pont-champlain")
        #expect(bridge.byline == ["Northline Newsroom"], "an entry without author inherits the feed's")
        #expect(bridge.published?.iso8601 == "2025-02-27T20:45:00Z", "updated stands in for a missing published")
        #expect(bridge.modified == nil)
        #expect(
            bridge.paragraphs == [
                "Le pont Champlain sera fermé dans les deux directions de 22 h à 5 h pour des travaux "
                    + "d\u{2019}entretien.",
                "Les automobilistes sont invités à emprunter le pont Jacques-Cartier.",
            ]
        )

        let ice = result.articles[2]
        #expect(ice.published?.utcOffsetMinutes == 330)
        #expect(ice.byline == ["Priya Natarajan"])
        #expect(
            ice.paragraphs == [
                "The weather service issued an ice warning for the whole region on Wednesday night.",
                "Drivers should expect black ice on untreated roads until Friday morning.",
            ]
        )

        let ferry = result.articles[3]
        #expect(ferry.byline == ["Example Wire Staff"], "the source feed's author is the entry's")
        #expect(ferry.published?.iso8601 == "2025-02-26T10:00:00+01:00")
        #expect(ferry.text == "The island ferry will run every forty minutes from March.")
    }

    @Test func itemWithoutTextIsAnErrorAndTheOthersAreRead() throws {
        let result = try read("empty-item.xml")
        #expect(result.articles.map(\.title) == ["Surf club rebuilds after fire", "Shark sighting closes Main Beach"])
        #expect(result.articles.map(\.origin.record) == [0, 2])
        let error = try #require(result.errors.first)
        #expect(result.errors.count == 1)
        #expect(error.code == .empty)
        #expect(error.location == "item 1")
        #expect(error.path == "empty-item.xml")
        #expect(error.message.contains("Photo gallery: Australia Day on the beach"))

        let surf = result.articles[0]
        #expect(surf.byline == ["Jo Marsh"], "RSS author \"email (Name)\" gives the name")
        #expect(surf.published?.iso8601 == "2025-02-27T09:30+11:00", "AEDT, no seconds")
        #expect(surf.language == "en-AU")
        let shark = result.articles[1]
        #expect(shark.byline.isEmpty, "a bare e-mail address is not a name")
        #expect(shark.published?.iso8601 == "2025-02-26T07:15:00-05:00", "EST, no weekday")
        #expect(
            shark.paragraphs == [
                "Lifeguards closed Main Beach on Wednesday morning after a shark was seen near the flags.",
                "The beach reopened at noon.",
            ]
        )
    }

    @Test func malformedXMLThrowsWithTheLineAndLibxmlMessage() throws {
        let error = try #require(throws: IngestError.self) { try read("malformed.xml") }
        #expect(error.code == .malformedXML)
        #expect(error.location == "line 9")
        #expect(error.path == "malformed.xml")
        #expect(error.message.contains("mismatch"), "libxml2's own message: \(error.message)")
        #expect(error.message.contains("</titel>"), "the offending line is quoted: \(error.message)")
    }

    @Test func externalEntitiesAreNeverExpanded() throws {
        let result = try read("xxe.xml")
        let article = try #require(result.articles.first)
        for text in [article.text, article.title ?? "", article.outlet ?? ""] {
            #expect(!text.contains("root:"), "file:///etc/passwd leaked: \(text)")
        }
        #expect(article.text == "Text before the entity. Text after the entity.")
        #expect(article.title == "Read this now")
    }

    @Test func rss1RDFFeedIsRead() throws {
        let result = try read("rdf.xml")
        let article = try #require(result.articles.first)
        #expect(result.articles.count == 1)
        #expect(article.title == "Rathaus renoviert")
        #expect(article.outlet == "Slow Blog")
        #expect(article.language == "de")
        #expect(article.byline == ["Anna Becker"])
        #expect(article.published?.iso8601 == "2025-02-27T11:00:00+01:00")
        #expect(article.origin.externalID == "https://slowblog.example/2025/02/rathaus")
        #expect(article.text == "Das Rathaus ist nach zwei Jahren Renovierung wieder geöffnet.")
    }

    @Test func xmlThatIsNotAFeedIsRefused() throws {
        let bytes = Array("<?xml version=\"1.0\"?>\n<html><body/></html>".utf8)
        let error = try #require(throws: IngestError.self) { try FeedReader().read(bytes, path: "page.xml") }
        #expect(error.code == .unknownFormat)
        #expect(error.message.contains("<html>"))
    }

    @Test func htmlDescriptionWithOnlyLineBreaksIsSplitIntoParagraphs() throws {
        let xml = """
            <rss version="2.0"><channel><title>T</title><item><title>A</title>
            <description>&lt;b&gt;First&lt;/b&gt; line one&lt;br/&gt;line two&lt;br/&gt;&lt;br/&gt;Second \
            paragraph.</description>
            </item></channel></rss>
            """
        let result = try FeedReader().read(Array(xml.utf8), path: nil)
        #expect(result.articles.first?.paragraphs == ["First line one line two", "Second paragraph."])
    }
}
