import StorylineCore

/// Converts UTF-8 byte offsets into a text to Unicode-scalar offsets (the unit of Storyline's output),
/// in O(1) per conversion after one O(n) pass.
public struct ScalarOffsets: Sendable {
    /// `scalarIndex[b]` is the number of scalars that start before byte `b`, for every byte offset
    /// `0...utf8.count` (a continuation byte maps to the scalar it belongs to).
    private let scalarIndex: [Int32]

    public init(_ text: String) {
        var table = [Int32]()
        let utf8 = text.utf8
        table.reserveCapacity(utf8.count + 1)
        var scalars: Int32 = 0
        for byte in utf8 {
            if byte & 0xC0 != 0x80 {
                table.append(scalars)
                scalars += 1
            } else {
                table.append(scalars - 1)
            }
        }
        table.append(scalars)
        scalarIndex = table
    }

    /// The number of Unicode scalars in the text.
    public var scalarCount: Int { Int(scalarIndex[scalarIndex.count - 1]) }

    /// The scalar offset of a UTF-8 byte offset (`0...utf8.count`).
    public func scalarOffset(ofByte offset: Int) -> Int { Int(scalarIndex[offset]) }

    /// A byte range as a scalar range.
    public func scalarRange(of range: TextRange) -> TextRange {
        TextRange(start: scalarOffset(ofByte: range.start), end: scalarOffset(ofByte: range.end))
    }
}
