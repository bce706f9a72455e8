import Foundation
import StorylineCore
import Testing

@testable import StorylineText

/// The founding corpus in `Examples/corpus`, found from this file's path.
enum Corpus {
    static var directory: URL {
        URL(fileURLWithPath: #filePath)
            .deletingLastPathComponent()  // StorylineTextTests
            .deletingLastPathComponent()  // Tests
            .deletingLastPathComponent()  // repository root
            .appendingPathComponent("Examples/corpus")
    }

    /// The text of the corpus file whose name starts with `prefix` (`"003_"`).
    static func text(_ prefix: String) throws -> String {
        let names = try FileManager.default.contentsOfDirectory(atPath: directory.path)
        let name = try #require(names.first { $0.hasPrefix(prefix) && $0.hasSuffix(".txt") })
        return try String(contentsOf: directory.appendingPathComponent(name), encoding: .utf8)
    }

    /// Every corpus text.
    static func all() throws -> [String] {
        let names = try FileManager.default.contentsOfDirectory(atPath: directory.path)
            .filter { $0.hasSuffix(".txt") }.sorted()
        #expect(names.count >= 5)
        return try names.map { try String(contentsOf: directory.appendingPathComponent($0), encoding: .utf8) }
    }
}

struct SentenceSplitterTests {
    private func sentences(_ text: String) -> [String] {
        let utf8 = Array(text.utf8)
        return SentenceSplitter().sentences(in: text).map { String(decoding: utf8[$0.range], as: UTF8.self) }
    }

    @Test func splitsAtFinalPunctuation() {
        #expect(
            sentences("Talks resumed. Did they work? Nobody knows! The end") == [
                "Talks resumed.", "Did they work?", "Nobody knows!", "The end",
            ]
        )
    }

    @Test func rangesAreUTF8ByteOffsets() {
        let text = "  “Yes.” Café owners agree. "
        let ranges = SentenceSplitter().sentences(in: text)
        #expect(ranges == [TextRange(start: 2, end: 12), TextRange(start: 13, end: text.utf8.count - 1)])
    }

    @Test func abbreviationsAndTitlesDoNotSplit() {
        #expect(
            sentences("U.S. President Donald Trump met Gen. Keith Kellogg and Mr. Starmer on Feb. 27 in Washington.")
                .count == 1
        )
        #expect(
            sentences("Lt. Col. Smith spoke to Sen. Graham, Rep. Wilson and Gov. Newsom, e.g. on tariffs.").count == 1
        )
        #expect(sentences("He lives at No. 10 Downing St. with his family.").count == 1)
    }

    @Test func abbreviationsEndASentenceBeforeATypicalOpener() {
        #expect(
            sentences("Troops, tanks, drones etc. The list is long.") == [
                "Troops, tanks, drones etc.", "The list is long.",
            ]
        )
        #expect(
            sentences("He flew to the U.S. He landed at 9 a.m. But talks were delayed.") == [
                "He flew to the U.S.", "He landed at 9 a.m.", "But talks were delayed.",
            ]
        )
    }

    @Test func initialsDoNotSplit() {
        #expect(
            sentences("Vice President J. D. Vance spoke. J.D. Vance left.") == [
                "Vice President J. D. Vance spoke.", "J.D. Vance left.",
            ]
        )
    }

    @Test func decimalsAndMoneyDoNotSplit() {
        #expect(
            sentences("Growth was 3.5% and aid £1.6bn ($2bn). Prices rose 2.4 times.") == [
                "Growth was 3.5% and aid £1.6bn ($2bn).", "Prices rose 2.4 times.",
            ]
        )
    }

    @Test func closingQuotationMarksStayWithTheSentence() {
        #expect(sentences("He said: \"We will win.\" Then he left.") == ["He said: \"We will win.\"", "Then he left."])
        #expect(sentences("“It will hold.” Trump said so.") == ["“It will hold.”", "Trump said so."])
        #expect(sentences("(It was late.) They slept.") == ["(It was late.)", "They slept."])
        // A quotation that ends with a full stop but continues with a lower-case attribution is one sentence.
        #expect(sentences("\"It may flare up again.\" he said.") == ["\"It may flare up again.\" he said."])
        #expect(sentences("\"Did I say that?\" he asked.") == ["\"Did I say that?\" he asked."])
    }

    @Test func ellipsesInsideSentences() {
        #expect(
            sentences("We waited... and waited… then left. Nothing happened.") == [
                "We waited... and waited… then left.", "Nothing happened.",
            ]
        )
        #expect(sentences("No comments yet... Be the first.") == ["No comments yet...", "Be the first."])
    }

    @Test func headlineLinesWithoutFinalPunctuationAreSentences() {
        let text =
            "Kallas rejects Trump closing NATO door\nEuropean Union foreign policy chief Kaja Kallas said so.\nHigh stakes\nThe Kremlin said."
        #expect(
            sentences(text) == [
                "Kallas rejects Trump closing NATO door", "European Union foreign policy chief Kaja Kallas said so.",
                "High stakes", "The Kremlin said.",
            ]
        )
    }

    @Test func hardWrappedLinesContinueTheSentence() {
        #expect(
            sentences("Starmer met Trump in\nthe Oval Office on Thursday, and\nBoth leaders talked.") == [
                "Starmer met Trump in\nthe Oval Office on Thursday, and", "Both leaders talked.",
            ]
        )
        #expect(
            sentences("Starmer met Trump at the White House,\nand the two\nleaders talked.") == [
                "Starmer met Trump at the White House,\nand the two\nleaders talked."
            ]
        )
    }

    @Test func blankLinesAlwaysEndSentences() {
        #expect(
            sentences("Starmer said four points had been agreed:\n\nthe UK will keep aid flowing.") == [
                "Starmer said four points had been agreed:", "the UK will keep aid flowing.",
            ]
        )
    }

    @Test func timeStampsOnTheirOwnLine() {
        let text = "Leaders met in Berlin.\n15:21\nBoth sides worried.\n3.21pm GMT\nthe talks resumed."
        #expect(
            sentences(text) == [
                "Leaders met in Berlin.", "15:21", "Both sides worried.", "3.21pm GMT", "the talks resumed.",
            ]
        )
    }

    @Test func bulletMarkersAreNotPartOfTheSentence() {
        let text = "What you need to know\n- UK Prime Minister Keir Starmer is visiting\n• North Korea sent troops."
        #expect(
            sentences(text) == [
                "What you need to know", "UK Prime Minister Keir Starmer is visiting", "North Korea sent troops.",
            ]
        )
    }

    @Test func emptyAndWhitespaceTextHaveNoSentences() {
        #expect(SentenceSplitter().sentences(in: "").isEmpty)
        #expect(SentenceSplitter().sentences(in: " \n\n\t ").isEmpty)
    }

    @Test func precomputedTokensGiveTheSameSentences() throws {
        let text = try Corpus.text("002_")
        let tokens = Tokenizer().tokenize(text)
        #expect(SentenceSplitter().sentences(in: text, tokens: tokens) == SentenceSplitter().sentences(in: text))
    }

    // MARK: The founding corpus

    @Test func corpusQuotationWithAttributionIsOneSentence() throws {
        let result = sentences(try Corpus.text("002_"))
        #expect(result.contains("\"We have to get it right,\" he said at a joint press conference with Trump."))
        #expect(result.contains("\"It can't be peace that rewards the aggressor.\""))
        #expect(result.contains("\"It will either be fairly soon, or it won't be at all,\" Trump said."))
    }

    @Test func corpusDatesAndRolesDoNotSplit() throws {
        let result002 = sentences(try Corpus.text("002_"))
        let first = try #require(result002.first { $0.contains("Thursday (Feb 27)") })
        #expect(first.hasPrefix("date 2025-02-28 WASHINGTON — President Donald Trump said on Thursday (Feb 27)"))
        #expect(first.hasSuffix("for a commitment of US military support."))
        #expect(
            result002.contains {
                $0.hasPrefix("Trump, who entered office on Jan 20, has shocked") && $0.hasSuffix("support for Kyiv.")
            }
        )

        let result001 = sentences(try Corpus.text("001_"))
        #expect(
            result001.first
                == "British Prime Minister Keir Starmer met with U.S. President Donald Trump at the White House on February 27 in an attempt to persuade Washington to continue its involvement in Ukraine’s security in the face of persistent Russian aggression."
        )
        #expect(result001.contains { $0.hasPrefix("U.S. strategy has changed in recent weeks") })
        #expect(!result001.contains("U.S."))
    }

    @Test func corpusLiveBlogHeadlinesAreSentences() throws {
        let result = sentences(try Corpus.text("000_"))
        #expect(
            Array(result.prefix(2)) == [
                "Ukraine updates: UK's Starmer meets Trump in Washington",
                "Published February 27, 2025last updated February 27, 2025What you need to know",
            ]
        )
        for headline in [
            "Starmer: 'Tough and fair' Ukraine peace deal discussed with Trump",
            "Trump: Russia-Ukraine ceasefire deal will be 'fairly soon or won't be at all'",
            "Kallas rejects Trump closing NATO door to Ukraine",
            "Putin says Russia-US contacts inspire 'hope'",
        ] {
            #expect(result.contains(headline), "\(headline)")
        }
        // The bullets of "What you need to know" are sentences without their "- ".
        #expect(result[2].hasPrefix("UK Prime Minister Keir Starmer is visiting the White House"))
        #expect(result.contains("\"We have a lot of respect."))
        #expect(result.contains("For his part, Starmer said, \"We need to win the peace in Ukraine.\""))
    }

    @Test func corpusTimeStampIsItsOwnSentence() throws {
        let result = sentences(try Corpus.text("003_"))
        let index = try #require(result.firstIndex(of: "15:21"))
        #expect(
            result[index - 1].hasSuffix("when he meets with Russian President Vladimir Putin on Friday in Anchorage.")
        )
        #expect(result[index + 1].hasPrefix("Both Zelensky and the Europeans have worried"))
        #expect(result.contains("High stakes"))
        #expect(result.contains { $0.hasSuffix("will start at 11:30am local time.") })
    }

    @Test func corpusSentencesAreOrderedDisjointAndTrimmed() throws {
        for text in try Corpus.all() {
            let utf8 = Array(text.utf8)
            var previousEnd = 0
            for range in SentenceSplitter().sentences(in: text) {
                #expect(range.start >= previousEnd && !range.isEmpty)
                #expect(utf8[range.start] != 0x20 && utf8[range.end - 1] != 0x20 && utf8[range.end - 1] != 0x0A)
                previousEnd = range.end
            }
        }
    }
}
