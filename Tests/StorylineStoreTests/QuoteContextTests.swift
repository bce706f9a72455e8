import StorylineCore
import StorylineStore
import Testing

/// The context every store gives a quote (``StoredQuote/contextRange``): the sentence around it, cut in long
/// paragraphs.
struct QuoteContextTests {
    /// The context of the first occurrence of `quote` in `text`.
    static func context(of quote: String, in text: String) -> String {
        let bytes = Array(text.utf8)
        let needle = Array(quote.utf8)
        let start = (0...(bytes.count - needle.count)).first { bytes[$0..<$0 + needle.count].elementsEqual(needle) }!
        let range = StoredQuote.contextRange(of: TextRange(start: start, end: start + needle.count), in: bytes)
        #expect(range.contains(TextRange(start: start, end: start + needle.count)))
        return String(decoding: bytes[range.range], as: UTF8.self)
    }

    @Test func theSentenceAroundTheQuoteWithItsAttribution() {
        let text =
            "The talks lasted six hours. “We made real progress,” a senior U.S. official said after the meeting. "
            + "Neither side gave details.\n\nThe next round is due in Geneva."
        #expect(
            Self.context(of: "We made real progress,", in: text)
                == "“We made real progress,” a senior U.S. official said after the meeting."
        )
        // Initials are not the end of a sentence.
        let initials = "Vice President J. D. Vance said the U.S. would keep talking. Others disagreed."
        #expect(
            Self.context(of: "the U.S. would keep talking", in: initials)
                == "Vice President J. D. Vance said the U.S. would keep talking."
        )
        // A quote that ends its sentence inside the marks ends the context.
        let ends = "She added: “We will not give up.” Talks resume on Monday."
        #expect(Self.context(of: "We will not give up.", in: ends) == "She added: “We will not give up.”")
        // Never past the paragraph.
        #expect(Self.context(of: "The next round", in: text) == "The next round is due in Geneva.")
    }

    @Test func aLongParagraphIsCutAtAWordAboutTwoHundredBytesFromTheQuote() {
        let filler = String(repeating: "officials from both delegations met again on the margins ", count: 8)
        let text = "Diplomats said " + filler + "that “a deal is within reach” and " + filler + "before leaving."
        let context = Self.context(of: "a deal is within reach", in: text)
        #expect(context.contains("“a deal is within reach”"))
        #expect(!context.hasPrefix("Diplomats said"))
        #expect(!context.hasSuffix("before leaving."))
        let reach = StoredQuote.contextReach
        #expect(context.utf8.count <= "“a deal is within reach”".utf8.count + 2 * reach)
        #expect(context.utf8.count >= "a deal is within reach".utf8.count + 2 * (reach - 20))
        // Whole words at both ends.
        let words = Set(text.split(separator: " ").map(String.init))
        #expect(words.contains(String(context.split(separator: " ").first!)))
        #expect(words.contains(String(context.split(separator: " ").last!)))
    }
}
