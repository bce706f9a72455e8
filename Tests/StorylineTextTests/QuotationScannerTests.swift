import Foundation
import StorylineCore
import Testing

@testable import StorylineText

struct QuotationScannerTests {
    // MARK: Helpers

    /// A founding-corpus article, read from `Examples/corpus` at the repository root.
    private func corpus(_ prefix: String) throws -> String {
        let root = URL(fileURLWithPath: #filePath)
            .deletingLastPathComponent().deletingLastPathComponent().deletingLastPathComponent()
        let directory = root.appendingPathComponent("Examples/corpus")
        let name = try #require(
            try FileManager.default.contentsOfDirectory(atPath: directory.path).first { $0.hasPrefix(prefix) }
        )
        return try String(contentsOf: directory.appendingPathComponent(name), encoding: .utf8)
    }

    private func inners(_ text: String) -> [String] {
        QuotationScanner.scan(text).map { String($0.innerText(in: text)) }
    }

    /// The byte offset of the first occurrence of `needle` in `text`.
    private func byteOffset(of needle: String, in text: String) throws -> Int {
        let range = try #require(text.range(of: needle))
        return text.utf8.distance(from: text.utf8.startIndex, to: range.lowerBound)
    }

    // MARK: Corpus articles

    @Test func splitQuoteAroundAttributionGivesTwoSpans() throws {
        let text = try corpus("002_")
        let line =
            #""We have to get it right," he said at a joint press conference with Trump. "#
            + #""It can't be peace that rewards the aggressor.""#
        let lineStart = try byteOffset(of: line, in: text)
        let lineEnd = lineStart + line.utf8.count
        let spans = QuotationScanner.scan(text).filter { $0.outer.start >= lineStart && $0.outer.end <= lineEnd }
        #expect(
            spans.map { String($0.innerText(in: text)) } == [
                "We have to get it right,", "It can't be peace that rewards the aggressor.",
            ]
        )
        #expect(spans.allSatisfy { $0.style == .straightDouble && $0.depth == 0 && $0.isClosed })
        #expect(spans.first?.outerText(in: text) == #""We have to get it right,""#)
        #expect(spans.first?.endsWithComma == true)
        #expect(spans.last?.endsWithSentencePunctuation == true)
    }

    @Test func headlineSingleQuotesAndPossessivesInLiveBlog() throws {
        let text = try corpus("000_")
        let spans = QuotationScanner.scan(text)
        let inner = spans.map { String($0.innerText(in: text)) }
        #expect(inner.first == "Tough and fair")
        #expect(spans.first?.style == .straightSingle)
        #expect(inner.contains("fairly soon or won't be at all"))  // won't inside single quotes
        #expect(inner.contains("Did I say that? I can't believe I said that,"))
        // No span starts or ends at the apostrophe of "Ukraine's", "Russia's" or "world's".
        let bytes = Array(text.utf8)
        for span in spans {
            for edge in [span.outer.start, span.outer.end - 1] where bytes[edge] == UInt8(ascii: "'") {
                let before = edge > 0 ? bytes[edge - 1] : 0x20
                let after = edge + 1 < bytes.count ? bytes[edge + 1] : 0x20
                #expect(!(before.isLetterByte && after.isLetterByte), "span \(span.outer) edge at an apostrophe")
            }
        }
        #expect(!inner.contains { $0.hasPrefix("s ") || $0.hasPrefix("s mineral") })
        #expect(spans.allSatisfy { $0.isClosed && $0.depth == 0 })
    }

    @Test func contractionInsideSingleQuotedQuote() throws {
        let text = try corpus("003_")
        let spans = QuotationScanner.scan(text)
        let start = try byteOffset(of: "'I don't think", in: text)
        let span = try #require(spans.first { $0.outer.start == start })
        #expect(span.innerText(in: text) == "I don't think this round will be decisive,")
        #expect(span.outerText(in: text) == "'I don't think this round will be decisive,'")
        #expect(span.style == .straightSingle && span.isClosed)
        // The reporter's mismatched marks ("…coming.') still close the next quote in its paragraph.
        let next = try #require(spans.first { $0.outer.start > span.outer.end })
        #expect(next.innerText(in: text).hasPrefix("There have already been enough meetings"))
        #expect(next.innerText(in: text).hasSuffix("I don't see any changes coming."))
        #expect(next.isClosed)
        // A detached "Russia 's offensive" does not open a quote.
        #expect(!inners(text).contains { $0.hasPrefix("s offensive") })
    }

    @Test func scareQuotesAreSpansWithCheapFeatures() throws {
        let text = try corpus("003_")
        let spans = QuotationScanner.scan(text)
        let coalition = spans.filter { $0.innerText(in: text) == "coalition of the willing" }
        #expect(coalition.count == 2)  // one single-quoted, one double-quoted
        #expect(coalition.allSatisfy { $0.wordCount == 4 && !$0.endsWithSentencePunctuation })
        let sentence = try #require(spans.first { $0.innerText(in: text).hasPrefix("You won that election") })
        #expect(sentence.wordCount == 7)
        #expect(sentence.endsWithSentencePunctuation)
    }

    @Test func curlyQuotesWithCurlyApostrophes() throws {
        let text = try corpus("004_")
        let spans = QuotationScanner.scan(text)
        let inner = spans.map { String($0.innerText(in: text)) }
        #expect(inner.contains("We are at a crossroads in history today,"))
        #expect(inner.contains("strong support"))
        #expect(inner.contains("The agreement that’s on the table will be signed if the parties are ready,"))
        #expect(spans.count == 17)
        #expect(spans.allSatisfy { $0.style == .curlyDouble && $0.isClosed && $0.depth == 0 })
        // Ukraine’s, Zelensky’s, Sunday’s, Russia’s are apostrophes.
        #expect(!inner.contains { $0.contains("s rare mineral") || $0.hasPrefix("s summit") })
    }

    // MARK: Nesting

    @Test func singleQuotesNestedInDoubleQuotes() {
        let text = #"She added: "He said 'no' to them," and left."#
        let spans = QuotationScanner.scan(text)
        #expect(spans.map { String($0.innerText(in: text)) } == ["He said 'no' to them,", "no"])
        #expect(spans.map(\.depth) == [0, 1])
        #expect(spans.map(\.style) == [.straightDouble, .straightSingle])
        #expect(spans[0].outer.contains(spans[1].outer))
    }

    @Test func doubleQuotesNestedInSingleQuotes() {
        let text = #"'They told us "never again" last year,' he said."#
        let spans = QuotationScanner.scan(text)
        #expect(
            spans.map { String($0.innerText(in: text)) } == [#"They told us "never again" last year,"#, "never again"]
        )
        #expect(spans.map(\.depth) == [0, 1])
    }

    @Test func curlyNestingEndingWithTheInnerQuote() {
        let text = "“The minister told me ‘we won’t back down.’” Then she left."
        let spans = QuotationScanner.scan(text)
        #expect(
            spans.map { String($0.innerText(in: text)) } == [
                "The minister told me ‘we won’t back down.’", "we won’t back down.",
            ]
        )
        #expect(spans.map(\.style) == [.curlyDouble, .curlySingle])
        #expect(spans[0].endsWithSentencePunctuation)
        #expect(spans.allSatisfy { $0.isClosed })
    }

    // MARK: Apostrophes

    @Test func elisionsAndContractionsAreNotMarks() {
        let text = "In the '90s they played rock 'n' roll till 2 o'clock, can't and won’t stop, said 'em all."
        #expect(QuotationScanner.scan(text).isEmpty)
        let quoted = "Music of the '90s was 'different,' he said, and the ’80s too."
        #expect(inners(quoted) == ["different,"])
    }

    @Test func pluralPossessiveInsideAndOutsideQuotes() {
        let outside = "The allies’ plans and the states' rights were discussed."
        #expect(QuotationScanner.scan(outside).isEmpty)
        let inside = "'The allies' plans are clear,' he said."
        #expect(inners(inside) == ["The allies' plans are clear,"])
    }

    @Test func yearElisionThatIsAQuoteIsKeptWhenClosed() {
        #expect(inners("He said '20 people died,' citing police.") == ["20 people died,"])
        #expect(QuotationScanner.scan("The class of '22 graduated.").isEmpty)
    }

    // MARK: Unbalanced marks and paragraphs

    @Test func unclosedMarkEndsAtParagraphEndAndPairingResets() {
        let text = "He said \"we will never surrender and left.\nShe replied \"ok\" later."
        let spans = QuotationScanner.scan(text)
        #expect(spans.map { String($0.innerText(in: text)) } == ["we will never surrender and left.", "ok"])
        #expect(spans.map(\.isClosed) == [false, true])
        #expect(spans[0].outer.end == (try? byteOffset(of: "\n", in: text)))
        #expect(spans[1].continues == false)  // the paragraph does not open with a mark
    }

    @Test func strayClosingMarksAreIgnored() {
        let text = "The end.” Then he said “hello.” And that’ll be it.’"
        let spans = QuotationScanner.scan(text)
        #expect(spans.map { String($0.innerText(in: text)) } == ["hello."])
        #expect(spans.first?.isClosed == true)
    }

    @Test func straightDoubleMarksAlternate() {
        let text = #"He called him a "dictator." "Did I say that?" he asked."#
        #expect(inners(text) == ["dictator.", "Did I say that?"])
    }

    @Test func multiParagraphQuoteContinues() {
        let text = """
            “We will fight on the beaches,” he said. “We will fight in the fields.

            “We will never surrender.”

            “That was the speech,” she said.
            """
        let spans = QuotationScanner.scan(text)
        #expect(
            spans.map { String($0.innerText(in: text)) } == [
                "We will fight on the beaches,", "We will fight in the fields.", "We will never surrender.",
                "That was the speech,",
            ]
        )
        #expect(spans.map(\.isClosed) == [true, false, true, true])
        #expect(spans.map(\.continues) == [false, false, true, false])
    }

    @Test func otherMarkStyles() {
        let french = "Il a dit « non merci » hier."
        let frenchSpans = QuotationScanner.scan(french)
        #expect(frenchSpans.map { String($0.innerText(in: french)) } == ["non merci"])
        #expect(frenchSpans.first?.style == .guillemets)
        let german = "Er sagte: „Nein“, und ging."
        let germanSpans = QuotationScanner.scan(german)
        #expect(germanSpans.map { String($0.innerText(in: german)) } == ["Nein"])
        #expect(germanSpans.first?.style == .lowNineDouble)
    }

    @Test func scalarOffsetsAtTheEdge() {
        let text = "Zelensky’s “plan” — ok"
        let span = QuotationScanner.scan(text)[0]
        let scalars = ScalarOffsets(text).scalarRange(of: span.inner)
        #expect(scalars == TextRange(start: 12, end: 16))
    }

    // MARK: Robustness

    @Test func tenMegabytesWithOneOpeningMarkReturns() {
        var text = "He said \""
        let chunk = "and the talks will go on for a long time with no end in sight "
        text.reserveCapacity(10_000_100)
        while text.utf8.count < 10_000_000 { text += chunk }
        let spans = QuotationScanner.scan(text)
        #expect(spans.count == 1)
        #expect(spans.first?.isClosed == false)
        #expect(spans.first?.inner.end == text.utf8.count - 1)  // trailing space trimmed
        #expect(spans.first?.wordCount ?? 0 > 1_500_000)
    }

    @Test func deepNestingIsBounded() {
        let text = String(repeating: "“a ‘b ", count: 50_000)
        let spans = QuotationScanner.scan(text)
        #expect(!spans.isEmpty)
        #expect(spans.allSatisfy { $0.depth < QuotationScanner.maximumDepth && !$0.isClosed })
    }
}

extension UInt8 {
    fileprivate var isLetterByte: Bool {
        (self | 0x20) >= UInt8(ascii: "a") && (self | 0x20) <= UInt8(ascii: "z")
    }
}
