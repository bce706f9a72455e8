import StorylineCore
import Testing

@testable import StorylineText

struct ScalarOffsetsTests {
    @Test func mapsBytesToScalarsAcrossMultiByteCharacters() {
        let text = "Zelensky’s “plan” — 北京 🇺🇦 ok"
        let offsets = ScalarOffsets(text)
        #expect(offsets.scalarCount == text.unicodeScalars.count)
        // Every scalar boundary maps to its scalar index.
        var byte = 0
        for (index, scalar) in text.unicodeScalars.enumerated() {
            #expect(offsets.scalarOffset(ofByte: byte) == index)
            byte += String(scalar).utf8.count
        }
        #expect(offsets.scalarOffset(ofByte: byte) == text.unicodeScalars.count)
        let ok = text.utf8.count - 2
        #expect(
            offsets.scalarRange(of: TextRange(start: ok, end: ok + 2))
                == TextRange(start: offsets.scalarCount - 2, end: offsets.scalarCount)
        )
    }
}
