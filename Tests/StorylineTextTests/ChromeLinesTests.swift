import Testing

@testable import StorylineText

/// Chrome in raw text: the lines and the trailing block that extraction must ignore.
struct ChromeLinesTests {
    static let body = """
        Kyiv says talks with Washington on a minerals deal made progress on Thursday, officials said.
        The agreement would give the United States a share of revenue from Ukraine's natural resources.
        European leaders meet in London on Sunday to discuss security guarantees for Ukraine after a truce.
        """

    @Test func aTrailingTeaserBlockIsChromeToTheEnd() throws {
        let text = Self.body + "\n0 SHARES Share Tweet\nRelated Articles\nFrance 24\n5 hours ago\nMore teasers."
        let ranges = ChromeLines.chromeRanges(in: text)
        let bytes = Array(text.utf8)
        let pieces = ranges.map { String(decoding: bytes[$0], as: UTF8.self) }
        #expect(pieces.first == "0 SHARES Share Tweet")
        let tail = try #require(pieces.last)
        #expect(tail.hasPrefix("Related Articles"))
        #expect(tail.hasSuffix("More teasers."))
        #expect(ranges.last?.upperBound == bytes.count)
    }

    @Test func aHeadingBeforeTheBodyDoesNotCutIt() {
        // "Related" as the first line of a short text is not a teaser block: the body has not begun.
        let text = "Related\n" + Self.body
        #expect(ChromeLines.chromeRanges(in: text).allSatisfy { $0.upperBound <= "Related".utf8.count })
    }

    @Test func plainProseHasNoChrome() {
        #expect(ChromeLines.chromeRanges(in: Self.body).isEmpty)
    }
}
