import Foundation
import StorylineCore
import Testing

@testable import StorylineIngest

/// Feeds with a document type declaration and an internal subset (entity declarations): recognised as feeds, not as
/// HTML, and read without expanding an entity — neither an external one (`SYSTEM "file:///etc/passwd"`) nor a
/// "billion laughs" of nested internal ones. End to end through `storyline ingest`: `HostileInputTests`.
struct FeedDoctypeTests {
    static func feed(_ declarations: String, _ reference: String) -> [UInt8] {
        Array(
            """
            <?xml version="1.0"?>
            <!DOCTYPE rss [
            \(declarations)
            ]>
            <rss version="2.0"><channel><title>Doctype Feed</title>
            <item><title>One</title><description>Before. \(reference) After.</description></item>
            <item><title>Two</title><description>The council met on Friday.</description></item>
            </channel></rss>
            """.utf8
        )
    }

    static let laughs: String = {
        var lines = ["<!ENTITY lol \"lol\">"]
        for level in 1...9 {
            let previous = level == 1 ? "lol" : "lol\(level - 1)"
            lines.append("<!ENTITY lol\(level) \"" + String(repeating: "&\(previous);", count: 10) + "\">")
        }
        return lines.joined(separator: "\n")
    }()

    @Test func aFeedWithAnInternalSubsetIsSniffedAsAFeed() {
        #expect(FormatSniffer.sniff(Self.feed("<!ENTITY x SYSTEM \"file:///etc/passwd\">", "&x;")) == .format(.rss))
        #expect(FormatSniffer.sniff(Self.feed(Self.laughs, "&lol9;")) == .format(.rss))
        // A comment or doctype without a subset is skipped as before; a page is still a page.
        #expect(
            FormatSniffer.sniff(Array("<!-- [x> --><feed xmlns='http://www.w3.org/2005/Atom'/>".utf8)) == .format(.atom)
        )
        #expect(FormatSniffer.sniff(Array("<!DOCTYPE html><html><body><p>Hi</p></body></html>".utf8)) == .format(.html))
    }

    @Test func externalEntitiesInADoctypeFeedAreNotRead() {
        let result = DocumentReader().read(Self.feed("<!ENTITY x SYSTEM \"file:///etc/passwd\">", "&x;"), path: "x.xml")
        #expect(result.errors.isEmpty, "\(result.errors)")
        #expect(result.articles.map(\.title) == ["One", "Two"])
        #expect(result.articles.first?.text == "Before. After.")
        #expect(!result.articles.contains { $0.text.contains("root:") })
    }

    @Test func billionLaughsInADoctypeFeedIsRefusedOrLeftUnexpanded() {
        let start = ContinuousClock.now
        let result = DocumentReader().read(Self.feed(Self.laughs, "&lol9;"), path: "laughs.xml")
        #expect(ContinuousClock.now - start < .seconds(30))
        if result.errors.isEmpty {
            #expect(result.articles.count == 2)
            #expect(result.articles.allSatisfy { $0.text.utf8.count < 1000 }, "\(result.articles.map(\.text))")
        } else {
            #expect(result.errors.map(\.code) == [.malformedXML], "\(result.errors)")
        }
    }
}
