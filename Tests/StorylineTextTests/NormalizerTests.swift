import StorylineCore
import Testing

@testable import StorylineText

struct NormalizerTests {
    @Test func foldsQuotesDashesAndSpacesToASCII() {
        let folded = TextNormalizer.fold("Zelensky’s “plan” – a ‘deal’ — \u{2212}5\u{A0}km\u{2009}now\u{200B}…")
        #expect(folded.string == "Zelensky's \"plan\" - a 'deal' - -5 km now ...")
        #expect(!folded.isIdentity)
    }

    @Test func removesSoftHyphensAndInvisibleJoiners() {
        let folded = TextNormalizer.fold("inter\u{AD}national\u{2060} talks\u{FEFF}")
        #expect(folded.string == "international talks")
    }

    @Test func asciiTextIsTheIdentityView() {
        let text = "Plain ASCII \"quotes\" - and dashes."
        let folded = TextNormalizer.fold(text)
        #expect(folded.isIdentity)
        #expect(folded.bytes == Array(text.utf8))
        #expect(folded.originalRange(of: TextRange(start: 6, end: 11)) == TextRange(start: 6, end: 11))
    }

    @Test func keepsOtherNonASCIIUnchanged() {
        let text = "Zelenskyy in Kyiv: “Слава Україні” — 北京 🇺🇦 café"
        let folded = TextNormalizer.fold(text)
        #expect(folded.string == "Zelenskyy in Kyiv: \"Слава Україні\" - 北京 🇺🇦 café")
    }

    /// A match found in the folded view reports the offsets of the original characters.
    @Test func matchInFoldedViewMapsBackToOriginalOffsets() throws {
        let text = "Starmer said: “We’re at a crossroads…” – and left."
        let folded = TextNormalizer.fold(text)
        let needle = Array("\"We're at a crossroads...\"".utf8)
        let haystack = folded.bytes
        let start = try #require(
            (0...(haystack.count - needle.count)).first { Array(haystack[$0..<($0 + needle.count)]) == needle }
        )
        let original = folded.originalRange(of: TextRange(start: start, end: start + needle.count))
        let utf8 = Array(text.utf8)
        #expect(String(decoding: utf8[original.range], as: UTF8.self) == "“We’re at a crossroads…”")
    }

    @Test func partOfAnExpandedEllipsisMapsToTheWholeCharacter() {
        let text = "wait… what"
        let folded = TextNormalizer.fold(text)
        #expect(folded.string == "wait... what")
        // The middle dot of "..." covers the whole "…" (3 bytes at offset 4).
        #expect(folded.originalRange(of: TextRange(start: 5, end: 6)) == TextRange(start: 4, end: 7))
        #expect(folded.originalOffset(of: 8) == 8)  // the space after "…"
        #expect(folded.originalOffset(of: folded.bytes.count) == text.utf8.count)
    }

    @Test func emptyRangeAfterARemovedCharacterMapsToAPoint() {
        let folded = TextNormalizer.fold("a\u{AD}b")
        #expect(folded.string == "ab")
        #expect(folded.originalRange(of: TextRange(start: 1, end: 1)) == TextRange(start: 3, end: 3))
        #expect(folded.originalRange(of: TextRange(start: 0, end: 2)) == TextRange(start: 0, end: 4))
    }
}
